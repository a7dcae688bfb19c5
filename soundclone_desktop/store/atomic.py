"""Atomic file writes: a reader (or a crash) sees the old file or the new one, never half.

The data goes to a temporary file in the same folder (same file system, so the final
rename is atomic), is flushed and fsync'd, then moved over the target with os.replace.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path


def _token() -> str:
    # os.urandom, as secrets.token_hex, without importing secrets (hmac, hashlib): the
    # settings load before the window's first paint (start-up time, issue #17).
    return os.urandom(6).hex()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, creating the parent folder if needed.

    A new file gets the usual permissions (0666 less the umask); a replaced file keeps its
    own, so a settings file a user locked down stays locked down.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{_token()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o666)  # the OS applies the umask, unlike mkstemp's 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            with contextlib.suppress(FileNotFoundError):
                os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


@contextlib.contextmanager
def replacing(target: Path, *, prefix: str = ".writing-") -> Iterator[Path]:
    """A new empty file beside ``target`` that becomes ``target`` if the block succeeds.

    For writers that need a path (an encoder, a zip archive, a copy): the temporary name
    keeps ``target``'s extension, because writers choose the format from it. The block's
    exception (or a failed rename) leaves the old ``target`` as it was, and the temporary
    file is removed in every case. OSError passes through unchanged: each caller turns it
    into its own sentence. Permissions as :func:`atomic_write_bytes` gives them.
    """
    temporary = _new_beside(target, prefix)
    try:
        yield temporary
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    _fsync_dir(target.parent)


def _new_beside(target: Path, prefix: str) -> Path:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = target.with_name(f"{prefix}{_token()}{target.suffix}")
        try:
            fd = os.open(temporary, flags, 0o666)  # the umask applies, unlike mkstemp's 0600
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        os.close(fd)
        return temporary


class UnencodableTextError(OSError):
    """Text holding a character the encoding cannot store (a lone UTF-16 surrogate in UTF-8).

    An OSError, so every caller already reporting a failed save reports this one too, with
    ``strerror`` naming the position. Raised before any file is touched: the old file stays.
    """

    def __init__(self, text: str, index: int, encoding: str = "utf-8") -> None:
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        self.line, self.column = line, column
        reason = (
            f"the text holds a character that cannot be stored as {encoding.upper()} "
            f"(U+{ord(text[index]):04X}, a broken character) at line {line}, column {column}"
        )
        super().__init__(reason)
        self.strerror = reason


def atomic_write_text(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Text variant of :func:`atomic_write_bytes` (no newline translation: bytes as given).

    Raises :class:`UnencodableTextError` (an OSError) if ``text`` cannot be encoded.
    """
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise UnencodableTextError(text, exc.start, encoding) from exc
    atomic_write_bytes(path, data)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open folders, and the
    # write has already succeeded, so a failure here is not worth reporting.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
