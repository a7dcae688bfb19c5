"""Keep API tokens out of log output and error text.

`RedactAuthorization` is a `logging.Filter`; attach it to *handlers* (a filter on a
logger does not see records propagated from child loggers such as `httpx`)::

    handler.addFilter(RedactAuthorization(secrets.current_token))
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable

REDACTED = "[REDACTED]"

SecretSource = str | Callable[[], str | None]

# `Bearer <token>` in any spelling, and `Authorization: <value>` / `'authorization': '<value>'`
# as it appears in header dumps and dict reprs.
_BEARER = re.compile(r"(?i)\b(bearer\s+)[^\s'\",;]+")
_AUTH_HEADER = re.compile(r"(?i)(\bauthorization['\"]?\s*[:=]\s*['\"]?)[^\r\n'\",;]+")
# Very short "secrets" would shred ordinary words out of messages.
_MIN_SECRET_LENGTH = 4


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """Return *text* with bearer credentials and the literal *secrets* replaced."""
    text = _AUTH_HEADER.sub(lambda m: m.group(1) + REDACTED, text)
    text = _BEARER.sub(lambda m: m.group(1) + REDACTED, text)
    for secret in sorted(set(secrets), key=len, reverse=True):
        if len(secret) >= _MIN_SECRET_LENGTH:
            text = text.replace(secret, REDACTED)
    return text


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
