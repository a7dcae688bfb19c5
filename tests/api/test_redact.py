"""`RedactAuthorization` scrubs credentials from log records, whatever shape they take."""

from __future__ import annotations

import logging
import sys

import pytest

from soundclone_desktop.api import RedactAuthorization
from soundclone_desktop.api.redact import REDACTED, scrub

TOKEN = "sk-live-7f3a9c2e1b"


def _record(msg: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = None
    if exc is not None:
        try:
            raise exc
        except BaseException:
            exc_info = sys.exc_info()
    return logging.LogRecord("t", logging.DEBUG, __file__, 1, msg, args or None, exc_info)


def _formatted(record: logging.LogRecord, *secrets: object) -> str:
    RedactAuthorization(*secrets).filter(record)  # type: ignore[arg-type]
    return logging.Formatter("%(message)s").format(record)


@pytest.mark.parametrize(
    "text",
    [
        f"Authorization: Bearer {TOKEN}",
        f"headers={{'authorization': 'Bearer {TOKEN}'}}",
        f"bearer {TOKEN}",
        f"BEARER\t{TOKEN}; more",
        f"Authorization={TOKEN}",
    ],
)
def test_header_shapes_are_scrubbed(text: str) -> None:
    out = _formatted(_record(text))
    assert TOKEN not in out and REDACTED in out


def test_literal_token_in_args_is_scrubbed() -> None:
    out = _formatted(_record("key is %s, id %d", TOKEN, 7), TOKEN)
    assert out == f"key is {REDACTED}, id 7"


def test_token_provider_is_read_per_record() -> None:
    current = {"token": "first-token-1"}
    redact = RedactAuthorization(lambda: current["token"])
    first = _record("using first-token-1")
    redact.filter(first)
    current["token"] = "second-token-2"
    second = _record("using second-token-2")
    redact.filter(second)
    assert first.getMessage() == f"using {REDACTED}"
    assert second.getMessage() == f"using {REDACTED}"


def test_traceback_text_is_scrubbed() -> None:
    record = _record("request failed", exc=RuntimeError(f"server echoed {TOKEN}"))
    out = _formatted(record, TOKEN)
    assert "RuntimeError" in out and TOKEN not in out


def test_broken_provider_does_not_break_logging() -> None:
    def broken() -> str:
        raise RuntimeError("keyring locked")

    out = _formatted(_record("Bearer abcdef"), broken)
    assert out == f"Bearer {REDACTED}"


def test_record_is_never_dropped_and_plain_text_untouched() -> None:
    record = _record("task %s completed", "audio_1")
    assert RedactAuthorization(TOKEN).filter(record) is True
    assert record.getMessage() == "task audio_1 completed"


def test_short_secrets_do_not_shred_text() -> None:
    assert scrub("a task is done", ["a"]) == "a task is done"


def test_works_on_a_handler_for_child_loggers(caplog: pytest.LogCaptureFixture) -> None:
    caplog.handler.addFilter(RedactAuthorization(TOKEN))
    try:
        with caplog.at_level(logging.DEBUG):
            logging.getLogger("httpx.child").debug("sending Authorization: Bearer %s", TOKEN)
    finally:
        caplog.handler.filters.clear()
    assert TOKEN not in caplog.text
