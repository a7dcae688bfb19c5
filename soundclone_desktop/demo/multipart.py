"""A small multipart/form-data reader (the stdlib ``cgi`` module is gone in 3.13)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

_PARAM = re.compile(r';\s*([A-Za-z0-9_*.-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')


class MultipartError(ValueError):
    pass


@dataclass(frozen=True)
class Part:
    name: str
    filename: str | None
    content_type: str | None
    data: bytes


def boundary_of(content_type: str) -> str | None:
    """The boundary parameter of a ``multipart/form-data`` Content-Type, else ``None``."""
    kind, _, rest = content_type.partition(";")
    if kind.strip().lower() != "multipart/form-data":
        return None
    params = header_params(";" + rest)
    return params.get("boundary") or None


def header_params(value: str) -> dict[str, str]:
    """``; a=1; b="x"`` parameters, lower-cased names, RFC 5987 ``name*`` values decoded."""
    params: dict[str, str] = {}
    for match in _PARAM.finditer(value):
        name, raw = match.group(1).lower(), match.group(2).strip()
        if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
            raw = re.sub(r"\\(.)", r"\1", raw[1:-1])
        if name.endswith("*"):
            charset, _, encoded = raw.partition("'")
            _language, _, encoded = encoded.partition("'")
            raw = unquote(encoded, encoding=charset or "utf-8", errors="replace")
            name = name[:-1]
            params[name] = raw  # the extended form wins over the plain one
        else:
            params.setdefault(name, raw)
    return params


def parse(body: bytes, boundary: str) -> list[Part]:
    delimiter = b"--" + boundary.encode("latin-1")
    start = body.find(delimiter)
    if start < 0:
        raise MultipartError("multipart body has no boundary line")
    parts: list[Part] = []
    position = start + len(delimiter)
    while True:
        if body[position : position + 2] == b"--":
            return parts  # the closing delimiter
        header_start = body.find(b"\r\n", position)
        if header_start < 0:
            raise MultipartError("multipart body ends inside a delimiter line")
        header_end = body.find(b"\r\n\r\n", header_start)
        if header_end < 0:
            raise MultipartError("multipart part has no end of headers")
        next_delimiter = body.find(b"\r\n" + delimiter, header_end + 4)
        if next_delimiter < 0:
            raise MultipartError("multipart body has no closing boundary")
        headers = _headers(body[header_start + 2 : header_end])
        data = body[header_end + 4 : next_delimiter]
        disposition = header_params(";" + headers.get("content-disposition", "").partition(";")[2])
        parts.append(
            Part(
                name=disposition.get("name", ""),
                filename=disposition.get("filename"),
                content_type=headers.get("content-type"),
                data=data,
            )
        )
        position = next_delimiter + 2 + len(delimiter)


def _headers(block: bytes) -> dict[str, str]:
    try:
        text = block.decode("utf-8")  # clients put UTF-8 file names here as raw bytes
    except UnicodeDecodeError:
        text = block.decode("latin-1")
    headers: dict[str, str] = {}
    for line in text.split("\r\n"):
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return headers
