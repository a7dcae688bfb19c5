"""Translated sentences for the clone-source checks (``core.clone_source``).

Built from each check's ``code`` and ``params`` so the Chinese UI shows no English; a code
this module does not know falls back to the core's English ``message``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QLocale

from soundclone_desktop.core.clone_source import SourceCheck
from soundclone_desktop.core.params import (
    CLONE_EXTENSIONS,
    MAX_CLONE_SECONDS,
    MIN_CLONE_SECONDS,
    UPLOAD_MAX_BYTES,
)
from soundclone_desktop.i18n import translate

CTX = "CloneWizard"

Params = Mapping[str, object]


def seconds_text(seconds: float) -> str:
    """``20.0`` in the UI's number format (one decimal: 15.04 must not read as 15)."""
    return QLocale().toString(float(seconds), "f", 1)


def megabytes_text(size: int) -> str:
    return QLocale().toString(size / (1024 * 1024), "f", 1)


def allowed_types() -> str:
    return ", ".join(CLONE_EXTENSIONS)


def _shown_ext(params: Params) -> str:
    ext = str(params.get("ext", ""))
    return f".{ext}" if ext else translate(CTX, "no extension")


def _file_extension(params: Params) -> str:
    return translate(CTX, "Source file must be one of {types} (got {ext}).").format(
        types=allowed_types(), ext=_shown_ext(params)
    )


def _file_convert(params: Params) -> str:
    return translate(
        CTX,
        "Source file: voice cloning does not accept {ext} files, although they can be "
        "uploaded. Convert it to one of {types}.",
    ).format(ext=_shown_ext(params), types=allowed_types())


def _file_missing(_params: Params) -> str:
    return translate(CTX, "Source file: there is no file at this path; choose the file again.")


def _file_empty(_params: Params) -> str:
    return translate(CTX, "Source file is empty (0 bytes).")


def _file_too_large(params: Params) -> str:
    return translate(CTX, "Source file is {size} MB; the upload limit is {limit} MB.").format(
        size=megabytes_text(int(str(params["size"]))),
        limit=UPLOAD_MAX_BYTES // (1024 * 1024),
    )


def _duration_short(params: Params) -> str:
    return translate(
        CTX,
        "Source is {seconds} s long; the speech must last more than {min} s and less than "
        "{max} s. Use a longer recording.",
    ).format(
        seconds=seconds_text(float(str(params["seconds"]))),
        min=MIN_CLONE_SECONDS,
        max=MAX_CLONE_SECONDS,
    )


def _duration_long(params: Params) -> str:
    return translate(
        CTX,
        "Source is {seconds} s long; the speech must last more than {min} s and less than "
        "{max} s. Trim it to under {max} s.",
    ).format(
        seconds=seconds_text(float(str(params["seconds"]))),
        min=MIN_CLONE_SECONDS,
        max=MAX_CLONE_SECONDS,
    )


def _duration_near(params: Params) -> str:
    return translate(
        CTX,
        "Source is {seconds} s long. Silence and pauses do not count as speech, so make sure "
        "more than {min} s of it is speech.",
    ).format(seconds=seconds_text(float(str(params["seconds"]))), min=MIN_CLONE_SECONDS)


def _duration_unknown(_params: Params) -> str:
    return translate(
        CTX,
        "The length of this source cannot be measured here. Make sure the speech lasts more "
        "than {min} s and less than {max} s, or the clone will fail (a failed preview is "
        "refunded).",
    ).format(min=MIN_CLONE_SECONDS, max=MAX_CLONE_SECONDS)


def _url_empty(_params: Params) -> str:
    return translate(CTX, "Paste the http:// or https:// web address of the file.")


def _url_scheme(_params: Params) -> str:
    return translate(
        CTX,
        "Web address must start with http:// or https:// and name a server. For a file on "
        "this computer, choose “Local file” instead.",
    )


def _url_private(params: Params) -> str:
    return translate(
        CTX,
        "Web address points to {host}, which the service cannot reach. Use a public address, "
        "or choose “Local file” to upload the file.",
    ).format(host=params.get("host", ""))


def _url_spaces(_params: Params) -> str:
    return translate(CTX, "Web address must not contain spaces; encode them as %20.")


def _url_chinese(params: Params) -> str:
    return translate(
        CTX,
        "Web address must not contain Chinese characters (found “{char}”). Rename the file, "
        "or choose “Local file” to upload it.",
    ).format(char=params.get("char", ""))


def _url_extension(params: Params) -> str:
    ext = str(params.get("ext", ""))
    shown = f".{ext}" if ext else translate(CTX, "no file extension")
    return translate(CTX, "Web address must end in a file of type {types} (got {ext}).").format(
        types=allowed_types(), ext=shown
    )


_BUILDERS: dict[str, Callable[[Params], str]] = {
    "file-extension": _file_extension,
    "file-convert": _file_convert,
    "file-missing": _file_missing,
    "file-empty": _file_empty,
    "file-too-large": _file_too_large,
    "duration-short": _duration_short,
    "duration-long": _duration_long,
    "duration-near": _duration_near,
    "duration-unknown": _duration_unknown,
    "url-empty": _url_empty,
    "url-scheme": _url_scheme,
    "url-private": _url_private,
    "url-spaces": _url_spaces,
    "url-chinese": _url_chinese,
    "url-extension": _url_extension,
}


def check_sentence(check: SourceCheck) -> str:
    """The translated sentence for ``check``; the core's English message if unknown."""
    builder = _BUILDERS.get(check.code)
    if builder is None:
        return check.message
    try:
        return builder(check.params)
    except (KeyError, ValueError):
        return check.message
