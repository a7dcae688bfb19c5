"""Keep API tokens out of log output, error text and whatever a server sends back.

`scrub` covers the literal token and its URL-encoded spellings; `scrub_value` applies it to
every string of a parsed JSON answer; `scrub_excerpt` cuts a quote to a length without leaving
the start of a token at the cut. Out of scope: a token split across separate records, writes
or encodings (say every byte as `\\xNN`), which no literal match can see.

`RedactAuthorization` is a `logging.Filter`; attach it to *handlers* (a filter on a
logger does not see records propagated from child loggers such as `httpx`)::

    handler.addFilter(RedactAuthorization(secrets.current_token))
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import quote, quote_plus

REDACTED = "[REDACTED]"

SecretSource = str | Callable[[], str | None]

# `Bearer <token>` in any spelling, and `Authorization: <value>` / `'authorization': '<value>'`
# as it appears in header dumps and dict reprs.
_BEARER = re.compile(r"(?i)\b(bearer\s+)[^\s'\",;]+")
_AUTH_HEADER = re.compile(r"(?i)(\bauthorization['\"]?\s*[:=]\s*['\"]?)[^\r\n'\",;]+")
# Very short "secrets" would shred ordinary words out of messages.
_MIN_SECRET_LENGTH = 4


def spellings(secret: str) -> set[str]:
    """*secret* as it may appear in text: literal and URL-encoded (either hex case, `+`)."""
    forms = {secret, quote(secret, safe=""), quote_plus(secret, safe="")}
    # Percent escapes may use lower-case hex digits: "%2f" is "%2F".
    forms |= {re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), form) for form in forms}
    return {form for form in forms if len(form) >= _MIN_SECRET_LENGTH}


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """Return *text* with bearer credentials and the *secrets* (any spelling) replaced."""
    text = _AUTH_HEADER.sub(lambda m: m.group(1) + REDACTED, text)
    text = _BEARER.sub(lambda m: m.group(1) + REDACTED, text)
    forms = {form for secret in set(secrets) for form in spellings(secret)}
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, REDACTED)
    return text


def scrub_excerpt(text: str, limit: int, secrets: Iterable[str] = ()) -> str:
    """*text* scrubbed, then cut to *limit* characters.

    A token that runs past the cut would otherwise survive as a fragment no literal match
    finds, so a tail that is the beginning of a secret (4 characters or more) is replaced too.
    """
    secrets = list(secrets)
    shown = scrub(text, secrets)[:limit]
    for form in {form for secret in secrets for form in spellings(secret)}:
        for length in range(min(len(form), len(shown)), _MIN_SECRET_LENGTH - 1, -1):
            if shown.endswith(form[:length]):
                shown = shown[: len(shown) - length] + REDACTED
                break
    return shown


def scrub_value(value: object, secrets: Iterable[str]) -> object:
    """A parsed JSON value with *secrets* scrubbed from every string in it, keys included."""
    secrets = [s for s in secrets if s]
    if not secrets:
        return value
    return _scrub_tree(value, secrets)


def _scrub_tree(value: object, secrets: list[str]) -> object:
    if isinstance(value, str):
        return scrub(value, secrets)
    if isinstance(value, Mapping):
        return {_scrub_tree(k, secrets): _scrub_tree(v, secrets) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub_tree(item, secrets) for item in value]
    return value


def resolve_secrets(sources: Iterable[SecretSource]) -> list[str]:
    """Read the current value of every source; a failing provider contributes nothing."""
    values: list[str] = []
    for source in sources:
        if isinstance(source, str):
            values.append(source)
            continue
        try:
            value = source()
        except Exception:  # a broken keyring must not break logging
            continue
        if value:
            values.append(value)
    return values


class RedactAuthorization(logging.Filter):
    """Scrub `Bearer …`, `Authorization: …` and the literal token from log records.

    Each *secret* is a string or a zero-argument callable returning the current token
    (read at every record, so a changed key is covered). The record's message, its
    formatted traceback and stack text are rewritten in place; the record is never
    dropped.
    """

    def __init__(self, *secrets: SecretSource) -> None:
        super().__init__()
        self._sources = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        secrets = resolve_secrets(self._sources)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: leave it for the handler to report
            return True
        record.msg = scrub(message, secrets)
        record.args = None
        if record.exc_info and not record.exc_text:
            # Formatter reuses exc_text when set, so the traceback is scrubbed once here.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text, secrets)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info, secrets)
        return True
