"""The console log handler follows sys.stderr: a stream replaced or closed after set-up must
not turn every later record (Qt's warnings included) into a 'Logging error'."""

from __future__ import annotations

import io
import logging
import sys

import pytest

from soundclone_desktop import logging_setup


@pytest.fixture
def configured(tmp_path):
    root = logging.getLogger()
    others, root.handlers = root.handlers[:], []  # only ours under test
    logging_setup.configure(tmp_path / "logs", logging.Filter(), logging.INFO, crash_log=False)
    yield
    logging_setup.shutdown()
    root.handlers = others


def test_records_go_to_the_current_stderr(configured, monkeypatch) -> None:
    first = io.StringIO()
    monkeypatch.setattr(sys, "stderr", first)
    logging.getLogger("soundclone_desktop.test").warning("first line")
    second = io.StringIO()
    monkeypatch.setattr(sys, "stderr", second)
    logging.getLogger("soundclone_desktop.test").warning("second line")
    assert "first line" in first.getvalue() and "second line" not in first.getvalue()
    assert "second line" in second.getvalue()


def test_a_closed_stderr_is_skipped_quietly(configured, monkeypatch) -> None:
    closed = io.StringIO()
    closed.close()
    monkeypatch.setattr(sys, "stderr", closed)
    errors: list[BaseException] = []
    monkeypatch.setattr(logging, "raiseExceptions", True)
    monkeypatch.setattr(
        logging.Handler, "handleError", lambda self, record: errors.append(sys.exc_info()[1])
    )
    logging.getLogger("soundclone_desktop.test").warning("into the void")
    assert errors == []
