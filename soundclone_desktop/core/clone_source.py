"""Checks on a clone source before anything is uploaded or paid (API reference §4, §7).

A source is a local file (uploaded first, then its public URL is the preview's ``fileUrl``)
or a public web address. Each rule that fails gives a :class:`SourceCheck`: a stable
``code``, an English sentence naming the field and the allowed range, and the values used
in it (``params``) so the UI can build a translated sentence. ``ERROR`` blocks cloning;
``WARNING`` only informs (a length that could not be measured, a sample barely long enough).

Speech length: the service needs *more than* 15 s and *less than* 60 s of speech. A file's
duration is an upper bound on its speech (silence does not count), so a file at or below
15 s is certainly refused, one at or above 60 s is refused too, and one just above 15 s is
at risk.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Final
from urllib.parse import urlsplit

from .languages import first_cjk
from .params import (
    CLONE_EXTENSIONS,
    MAX_CLONE_SECONDS,
    MIN_CLONE_SECONDS,
    UPLOAD_EXTENSIONS,
    UPLOAD_MAX_BYTES,
    url_extension,
)

NEAR_MINIMUM_SECONDS: Final = 5.0
"""A file shorter than ``MIN_CLONE_SECONDS`` + this gets a warning: pauses do not count."""

_LOCAL_SUFFIXES: Final = (".localhost", ".local", ".internal", ".lan", ".home.arpa")


class CheckLevel(StrEnum):
    ERROR = "error"  # cloning would be refused: block
    WARNING = "warning"  # worth knowing; cloning may go ahead


@dataclass(frozen=True, slots=True)
class SourceCheck:
    """One failed rule: ``code`` (stable), ``level``, an English ``message``, its ``params``."""

    code: str
    level: CheckLevel
    message: str
    params: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def blocking(self) -> bool:
        return self.level is CheckLevel.ERROR


def _check(code: str, level: CheckLevel, message: str, **params: object) -> SourceCheck:
    return SourceCheck(code, level, message, MappingProxyType(params))


def blocking(checks: Iterable[SourceCheck]) -> bool:
    """True when any check is an error."""
    return any(check.blocking for check in checks)


def format_seconds(seconds: float) -> str:
    """``20.0``, ``59.9``: one decimal, so 15.04 s does not read as a passing "15 s"."""
    return f"{seconds:.1f}"


def file_extension(name: str) -> str:
    """Lower-case extension of a file name without the dot (``""`` when it has none)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ext = base.rpartition(".")
    return ext.lower() if dot and stem else ""


def is_wav_name(name: str) -> bool:
    """WAV durations are read in pure Python; every other format needs a media decoder."""
    return file_extension(name) == "wav"


# -- local files ---------------------------------------------------------------------------


def check_file(name: str, size: int | None) -> list[SourceCheck]:
    """Extension and size of a local file (its name may be a full path).

    ``size`` is ``None`` when there is no readable file at that path.
    """
    if size is None:
        message = "Source file: there is no file at this path; choose the file again."
        return [_check("file-missing", CheckLevel.ERROR, message)]
    checks: list[SourceCheck] = []
    ext = file_extension(name)
    allowed = ", ".join(CLONE_EXTENSIONS)
    if ext not in CLONE_EXTENSIONS:
        shown = f".{ext}" if ext else "no extension"
        if ext in UPLOAD_EXTENSIONS:
            # flac, webm, m4v upload fine but the clone endpoint then refuses them.
            message = (
                f"Source file: the voice clone does not accept {shown} files, although they "
                f"can be uploaded; convert it to one of {allowed}."
            )
            checks.append(_check("file-convert", CheckLevel.ERROR, message, ext=ext))
        else:
            message = f"Source file must be one of {allowed} (got {shown})."
            checks.append(_check("file-extension", CheckLevel.ERROR, message, ext=ext))
    if size <= 0:
        checks.append(_check("file-empty", CheckLevel.ERROR, "Source file is empty (0 bytes)."))
    elif size > UPLOAD_MAX_BYTES:
        mb = UPLOAD_MAX_BYTES // (1024 * 1024)
        message = f"Source file is {size / (1024 * 1024):.1f} MB; the upload limit is {mb} MB."
        checks.append(
            _check("file-too-large", CheckLevel.ERROR, message, size=size, limit=UPLOAD_MAX_BYTES)
        )
    return checks


def check_duration(seconds: float | None) -> list[SourceCheck]:
    """The speech-length rule for a measured file duration (``None``: not measurable)."""
    low, high = MIN_CLONE_SECONDS, MAX_CLONE_SECONDS
    if seconds is None:
        message = (
            f"Source length could not be measured; make sure the speech lasts more than "
            f"{low} s and less than {high} s, or the clone will fail (a failed preview is "
            "refunded)."
        )
        return [_check("duration-unknown", CheckLevel.WARNING, message, min=low, max=high)]
    shown = format_seconds(seconds)
    if seconds <= low:
        message = (
            f"Source is {shown} s long; the speech must last more than {low} s and less than "
            f"{high} s. Use a longer recording."
        )
        return [
            _check("duration-short", CheckLevel.ERROR, message, seconds=seconds, min=low, max=high)
        ]
    if seconds >= high:
        message = (
            f"Source is {shown} s long; the speech must last more than {low} s and less than "
            f"{high} s. Trim it to under {high} s."
        )
        return [
            _check("duration-long", CheckLevel.ERROR, message, seconds=seconds, min=low, max=high)
        ]
    if seconds < low + NEAR_MINIMUM_SECONDS:
        message = (
            f"Source is {shown} s long: silence and pauses do not count as speech, so make "
            f"sure more than {low} s of it is speech."
        )
        return [_check("duration-near", CheckLevel.WARNING, message, seconds=seconds, min=low)]
    return []


# -- web addresses -------------------------------------------------------------------------


def origin(url: str) -> tuple[str, str, int | None] | None:
    """``(scheme, host, port)`` of an http(s) URL, default ports filled in; ``None`` if not."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # a malformed port or IPv6 literal
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in ("http", "https") or not host:
        return None
    return scheme, host, port if port is not None else (443 if scheme == "https" else 80)


def is_private_host(host: str) -> bool:
    """True for a host the service's servers cannot reach: loopback, private networks,
    link-local, ``localhost``, ``*.local`` and single-label intranet names."""
    host = host.strip().lower().rstrip(".")
    if not host:
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        if host == "localhost" or host.endswith(_LOCAL_SUFFIXES):
            return True
        return "." not in host  # "nas", "intranet": not a public name
    return not address.is_global or address.is_multicast


def check_url(url: str, *, trusted: Iterable[str] = ()) -> list[SourceCheck]:
    """Rules for a public ``fileUrl``; ``trusted`` base URLs may be local (the demo server).

    Only literal Chinese (CJK) characters are refused: percent-encoded ones are plain ASCII
    to the API.
    """
    url = url.strip()
    if not url:
        message = "Web address is empty: paste the http:// or https:// address of the file."
        return [_check("url-empty", CheckLevel.ERROR, message)]
    checks: list[SourceCheck] = []
    where = origin(url)
    if where is None:
        message = (
            "Web address must start with http:// or https:// and name a server; for a file "
            "on this computer choose “Local file” instead."
        )
        checks.append(_check("url-scheme", CheckLevel.ERROR, message))
    elif is_private_host(where[1]) and where not in {origin(t) for t in trusted}:
        message = (
            f"Web address points to {where[1]}, which the service cannot reach: use a "
            "public address, or choose “Local file” to upload the file."
        )
        checks.append(_check("url-private", CheckLevel.ERROR, message, host=where[1]))
    if any(ch.isspace() for ch in url):
        message = "Web address must not contain spaces; encode them as %20."
        checks.append(_check("url-spaces", CheckLevel.ERROR, message))
    cjk = first_cjk(url)
    if cjk is not None:
        message = (
            f"Web address must not contain Chinese characters (found “{url[cjk]}”); rename "
            "the file, or choose “Local file” to upload it."
        )
        checks.append(_check("url-chinese", CheckLevel.ERROR, message, char=url[cjk]))
    ext = url_extension(url)
    if ext not in CLONE_EXTENSIONS:
        shown = f".{ext}" if ext else "no file extension"
        message = (
            f"Web address must end in a file of type {', '.join(CLONE_EXTENSIONS)} (got {shown})."
        )
        checks.append(_check("url-extension", CheckLevel.ERROR, message, ext=ext))
    return checks
