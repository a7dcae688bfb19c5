"""Typed values in the parameters panel: out-of-range numbers are clamped visibly, never mangled.

Qt's own spin box validation turned volume ``-3`` into ``3.00``, speed ``0.1`` into ``1.00``
and pitch ``99`` into ``9`` without a word (issue 11, item 10).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.params import PITCH_RANGE, SPEED_RANGE, VOL_RANGE
from soundclone_desktop.ui.parameters.panel import ParametersPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot: QtBot) -> ParametersPanel:
    widget = ParametersPanel(script_text=lambda: "Hello.")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _spin(panel: ParametersPanel, name: str) -> Any:
    spin = panel.findChild(QAbstractSpinBox, name)
    assert spin is not None, name
    return spin


def _type(qtbot: QtBot, panel: ParametersPanel, name: str, text: str, finish: str) -> None:
    """Select the box's text, type ``text`` key by key, then press Enter or move the focus."""
    spin = _spin(panel, name)
    spin.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(spin.hasFocus)
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    if finish == "enter":
        qtbot.keyClick(spin, Qt.Key.Key_Return)
    else:
        _spin(panel, "speedSpin" if name == "pitchSpin" else "pitchSpin").setFocus(
            Qt.FocusReason.TabFocusReason
        )
        qtbot.waitUntil(lambda: not spin.hasFocus())


def _note(panel: ParametersPanel) -> QLabel:
    note = panel.findChild(QLabel, "rangeNote")
    assert note is not None
    return note


@pytest.mark.parametrize("finish", ["enter", "focus-out"])
@pytest.mark.parametrize(
    ("name", "key", "typed", "expected", "limits"),
    [
        ("volSpin", "vol", "-3", 0.01, ("0.01", f"{VOL_RANGE[1]:.2f}")),
        (
            "speedSpin",
            "speed",
            "0.1",
            SPEED_RANGE[0],
            (f"{SPEED_RANGE[0]:.2f}", f"{SPEED_RANGE[1]:.2f}"),
        ),
        ("pitchSpin", "pitch", "99", PITCH_RANGE[1], tuple(str(n) for n in PITCH_RANGE)),
        ("pitchSpin", "pitch", "-40", PITCH_RANGE[0], tuple(str(n) for n in PITCH_RANGE)),
        ("volSpin", "vol", "30", VOL_RANGE[1], ("0.01", f"{VOL_RANGE[1]:.2f}")),
    ],
)
def test_out_of_range_is_clamped_to_the_nearest_limit_with_a_note(
    qtbot: QtBot,
    panel: ParametersPanel,
    name: str,
    key: str,
    typed: str,
    expected: float,
    limits: tuple[str, str],
    finish: str,
) -> None:
    _type(qtbot, panel, name, typed, finish)
    assert panel.values()[key] == expected
    note = _note(panel)
    assert note.isVisible()
    text = note.text()
    assert typed in text and limits[0] in text and limits[1] in text, text
    assert _spin(panel, name).accessibleName() in text  # names the field


def test_a_valid_edit_after_a_correction_clears_the_note(
    qtbot: QtBot, panel: ParametersPanel
) -> None:
    _type(qtbot, panel, "pitchSpin", "99", "enter")
    assert _note(panel).isVisible()
    _type(qtbot, panel, "pitchSpin", "5", "enter")
    assert panel.values()["pitch"] == 5
    assert not _note(panel).isVisible()


def test_a_number_in_range_is_taken_as_typed_without_a_note(
    qtbot: QtBot, panel: ParametersPanel
) -> None:
    _type(qtbot, panel, "speedSpin", "0.75", "enter")
    _type(qtbot, panel, "volSpin", "2.5", "focus-out")
    _type(qtbot, panel, "pitchSpin", "-7", "enter")
    assert (panel.values()["speed"], panel.values()["vol"], panel.values()["pitch"]) == (
        0.75,
        2.5,
        -7,
    )
    assert not _note(panel).isVisible()


def test_text_that_is_no_number_keeps_the_previous_value_and_says_so(
    qtbot: QtBot, panel: ParametersPanel
) -> None:
    spin = _spin(panel, "volSpin")
    spin.setFocus(Qt.FocusReason.TabFocusReason)
    spin.selectAll()
    qtbot.keyClick(spin, Qt.Key.Key_Delete)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert panel.values()["vol"] == 1.0
    assert _note(panel).isVisible()
    assert "1.00" in _note(panel).text()
    assert spin.findChild(QLineEdit).text() == "1.00"
