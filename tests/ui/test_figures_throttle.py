"""A burst of figure changes (a render adopting takes) refreshes a chapter's layers once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from soundclone_desktop.ui.book.figures_throttle import (
    FIGURES_SETTLE_MS,
    RENDERING_SETTLE_MS,
    throttled,
)

pytestmark = pytest.mark.gui


def test_a_burst_of_changes_refreshes_once_after_it(qtbot: QtBot) -> None:
    calls: list[int] = []
    parent = QObject()
    changed = throttled(parent, lambda: calls.append(1), lambda: False)
    for _ in range(30):  # a render's changes, several a second
        changed()
        qtbot.wait(20)
    assert calls == []  # nothing recomputed per change
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=FIGURES_SETTLE_MS * 3)
    qtbot.wait(FIGURES_SETTLE_MS // 2)
    assert len(calls) == 1
    changed()  # a later change refreshes again
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=FIGURES_SETTLE_MS * 3)


def test_while_a_render_runs_the_moment_is_longer(qtbot: QtBot) -> None:
    calls: list[int] = []
    parent = QObject()
    changed = throttled(parent, lambda: calls.append(1), lambda: True)
    changed()
    qtbot.wait(int(FIGURES_SETTLE_MS * 1.5))
    assert calls == []  # takes landing several times a second: not yet
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=RENDERING_SETTLE_MS * 2)
