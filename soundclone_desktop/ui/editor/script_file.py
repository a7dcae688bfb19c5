"""Reading a script file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.

Chinese Windows editors still save "ANSI" files in GBK/GB18030, and Notepad's "Unicode" is
UTF-16 with a BOM; both are common for our users. Failures become one translated sentence
that says what to do, carried by :class:`ScriptFileError`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from soundclone_desktop.core.text_decoding import decode_text

_CTX = "ScriptFile"

SCRIPT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
# Far above the 9,999-character request limit (a whole chapter fits, to be split in the
# editor), but small enough that a mistaken multi-megabyte file never freezes the editor.
MAX_FILE_BYTES = 512 * 1024


class ScriptFileError(Exception):
    """A script file could not be opened; ``str(error)`` is a sentence for the user."""


def is_script_path(path: Path) -> bool:
    """True for the file types the editor opens (``.txt``, ``.md``)."""
    return path.suffix.lower() in SCRIPT_SUFFIXES


def decode_script(data: bytes) -> str | None:
    """Text of a script file, or ``None`` when it is not text in a supported encoding.

    The rule lives in :mod:`soundclone_desktop.core.text_decoding` (book import shares it).
    """
    return decode_text(data)


def read_script(path: Path) -> str:
    """Read and decode a script; raises :class:`ScriptFileError` with a user sentence."""
    name = path.name
    if not is_script_path(path):
        raise ScriptFileError(
            QCoreApplication.translate(
                _CTX, "“{name}” is not a script file. Open a .txt or .md file."
            ).format(name=name)
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ScriptFileError(
                QCoreApplication.translate(
                    _CTX,
                    "“{name}” is too large for a script ({size} KB). A request holds at most "
                    "9,999 characters; split the file and open one part.",
                ).format(name=name, size=size // 1024)
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ScriptFileError(
            QCoreApplication.translate(
                _CTX, "“{name}” could not be found. It may have been moved or deleted."
            ).format(name=name)
        ) from exc
    except PermissionError as exc:
        raise ScriptFileError(
            QCoreApplication.translate(_CTX, "You do not have permission to read “{name}”.").format(
                name=name
            )
        ) from exc
    except IsADirectoryError as exc:
        raise ScriptFileError(
            QCoreApplication.translate(_CTX, "“{name}” is a folder, not a file.").format(name=name)
        ) from exc
    except OSError as exc:
        raise ScriptFileError(
            QCoreApplication.translate(_CTX, "“{name}” could not be read: {reason}").format(
                name=name, reason=exc.strerror or exc
            )
        ) from exc
    text = decode_script(data)
    if text is None:
        raise ScriptFileError(
            QCoreApplication.translate(
                _CTX,
                "“{name}” is not readable text. Save it as UTF-8 (or GB18030) plain text "
                "and open it again.",
            ).format(name=name)
        )
    return text
