"""Parameters panel: ranges, slider/spin sync, versions and languages, voices, round trips."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QSlider, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.languages import ALL_LANGUAGES, V1_LANGUAGES
from soundclone_desktop.core.params import EMOTIONS, ProductionParams, SubtitleType
from soundclone_desktop.ui.parameters.panel import ParametersPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def script() -> list[str]:
    return ["Hello there, this is an English script."]


@pytest.fixture
def panel(qtbot: QtBot, script: list[str]) -> ParametersPanel:
    widget = ParametersPanel(script_text=lambda: script[0])
    qtbot.addWidget(widget)
    widget.show()
    return widget


def child(panel: ParametersPanel, cls: type[QWidget], name: str) -> Any:
    found = panel.findChild(cls, name)
    assert found is not None, name
    return found


def combo_data(combo: QComboBox) -> list[object]:
    return [combo.itemData(i) for i in range(combo.count())]


def test_defaults_match_production_params(panel: ParametersPanel) -> None:
    values = panel.values()
    defaults = ProductionParams(model_id="", text="x")
    for key in ("version", "language", "emotion", "speed", "vol", "pitch", "subtitles"):
        assert values[key] == getattr(defaults, key), key
    assert values["subtitle_type"] == SubtitleType.SENTENCE
    assert values["model_id"] == ""
    ProductionParams(text="x", **values)  # the keys are exactly the dataclass fields


def test_ranges(panel: ParametersPanel) -> None:
    speed = child(panel, QDoubleSpinBox, "speedSpin")
    vol = child(panel, QDoubleSpinBox, "volSpin")
    pitch = child(panel, QSpinBox, "pitchSpin")
    assert (speed.minimum(), speed.maximum(), speed.singleStep(), speed.decimals()) == (
        0.5,
        2.0,
        0.05,
        2,
    )
    assert (vol.minimum(), vol.maximum(), vol.decimals()) == (0.01, 10.0, 2)
    assert "0.01" in vol.toolTip() and "does not accept 0" in vol.toolTip()
    assert (pitch.minimum(), pitch.maximum(), pitch.suffix()) == (-12, 12, " st")
    for name in ("speedSlider", "volSlider", "pitchSlider"):
        assert child(panel, QSlider, name).toolTip()


@pytest.mark.parametrize(
    ("slider_name", "spin_name", "scale", "values"),
    [
        ("speedSlider", "speedSpin", 100, [0.5, 2.0, 1.0, 0.55, 1.95, 1.23]),
        ("volSlider", "volSpin", 100, [0.01, 10.0, 1.0, 0.02, 9.99, 3.33]),
        ("pitchSlider", "pitchSpin", 1, [-12, 12, 0, -11, 11, 5]),
    ],
)
def test_slider_and_spin_stay_in_sync_both_ways(
    panel: ParametersPanel,
    qtbot: QtBot,
    slider_name: str,
    spin_name: str,
    scale: int,
    values: list[float],
) -> None:
    slider = child(panel, QSlider, slider_name)
    spin = panel.findChild(QDoubleSpinBox, spin_name) or child(panel, QSpinBox, spin_name)
    key = slider_name.removesuffix("Slider")
    for value in values:
        with qtbot.waitSignal(panel.changed):
            spin.setValue(value)
        assert slider.value() == round(value * scale)
        assert panel.values()[key] == value
        # and back from the slider (moving away first so the change is real)
        other = slider.minimum() if slider.value() != slider.minimum() else slider.maximum()
        slider.setValue(other)
        with qtbot.waitSignal(panel.changed):
            slider.setValue(round(value * scale))
        assert spin.value() == value
        assert panel.values()[key] == value
    # Beyond the ends: clamped, still in sync.
    spin.setValue(spin.minimum() - 1)
    assert slider.value() == slider.minimum() and panel.values()[key] == spin.minimum()
    spin.setValue(spin.maximum() + 1)
    assert slider.value() == slider.maximum() and panel.values()[key] == spin.maximum()


def test_one_changed_per_user_step_and_no_drift(panel: ParametersPanel) -> None:
    slider = child(panel, QSlider, "speedSlider")
    count = []
    panel.changed.connect(lambda: count.append(1))
    for units in range(50, 201):
        slider.setValue(units)
        assert panel.values()["speed"] == units / 100
    assert len(count) == 151  # 1.0 → 0.5 first, then every step up: exactly one each
    spin = child(panel, QDoubleSpinBox, "speedSpin")
    for _ in range(30):
        spin.stepDown()
    assert panel.values()["speed"] == 0.5
    assert repr(panel.values()["speed"]) == "0.5"


def test_emotion_combo(panel: ParametersPanel) -> None:
    combo = child(panel, QComboBox, "emotionCombo")
    assert combo_data(combo) == list(EMOTIONS)
    assert combo.itemText(0) == "Neutral"
    combo.setCurrentIndex(combo.findData("happy"))
    assert panel.values()["emotion"] == "happy"


def test_version_and_language_lists(panel: ParametersPanel) -> None:
    version = child(panel, QComboBox, "versionCombo")
    language = child(panel, QComboBox, "languageCombo")
    assert combo_data(version) == ["v1", "v2"]
    assert "40 languages" in version.toolTip()
    assert combo_data(language) == ["auto", *ALL_LANGUAGES]
    assert language.itemText(0) == "Automatic"
    version.setCurrentIndex(version.findData("v1"))
    assert combo_data(language) == list(V1_LANGUAGES)
    assert "auto" not in combo_data(language)
    assert language.itemText(language.findData("Chinese,Yue")) == "Cantonese"


def test_v2_auto_to_v1_uses_guessed_language(panel: ParametersPanel, script: list[str]) -> None:
    script[0] = "欢迎收听本期《Tech Weekly》。今天我们聊聊 AI voice cloning 在有声书制作中的应用。"
    version = child(panel, QComboBox, "versionCombo")
    assert panel.values()["language"] == "auto"
    version.setCurrentIndex(version.findData("v1"))
    assert panel.values()["language"] == "Chinese"
    assert panel.language_note.isVisible()
    assert "Chinese (Mandarin)" in panel.language_note.text()


def test_v2_auto_to_v1_english_script(panel: ParametersPanel) -> None:
    panel.set_values({"version": "v1"})
    assert panel.values()["language"] == "English"


def test_v2_danish_to_v1_picks_a_valid_language(panel: ParametersPanel) -> None:
    panel.set_values({"version": "v2", "language": "Danish"})
    assert panel.values()["language"] == "Danish"
    version = child(panel, QComboBox, "versionCombo")
    version.setCurrentIndex(version.findData("v1"))
    assert panel.values()["language"] in V1_LANGUAGES
    assert panel.values()["language"] == "English"
    assert "Danish needs model v2" in panel.language_note.text()


def test_v1_french_to_v2_keeps_french(panel: ParametersPanel) -> None:
    panel.set_values({"version": "v1", "language": "French"})
    version = child(panel, QComboBox, "versionCombo")
    version.setCurrentIndex(version.findData("v2"))
    assert panel.values()["language"] == "French"
    assert not panel.language_note.isVisible()


def test_subtitles(panel: ParametersPanel) -> None:
    check = panel.subtitles_check
    combo = child(panel, QComboBox, "subtitleTypeCombo")
    assert check.objectName() == "subtitlesCheck"
    assert not combo.isEnabled()
    check.click()
    assert combo.isEnabled()
    combo.setCurrentIndex(combo.findData("word"))
    values = panel.values()
    assert values["subtitles"] is True and values["subtitle_type"] == SubtitleType.WORD
    check.click()
    assert not combo.isEnabled()


def test_voices_and_raw_id(panel: ParametersPanel, qtbot: QtBot) -> None:
    combo = child(panel, QComboBox, "voiceCombo")
    assert not combo.isEditable()
    with qtbot.waitSignal(panel.voice_changed) as blocker:
        panel.set_voices([("Narrator", "model_a"), ("Ad voice", "model_b")])
    assert blocker.args == ["model_a"]
    assert combo.itemText(combo.count() - 1) == "Enter a voice ID…"
    with qtbot.waitSignal(panel.voice_changed) as blocker:
        combo.setCurrentIndex(1)
    assert blocker.args == ["model_b"]
    # "Enter a voice ID…" opens an inline field; the combo keeps showing the real voice.
    combo.setCurrentIndex(combo.count() - 1)
    assert panel.voice_id_edit.isVisible()
    assert combo.currentData() == "model_b"
    panel.voice_id_edit.setFocus()
    qtbot.keyClicks(panel.voice_id_edit, "  model_raw_123 ")
    with qtbot.waitSignal(panel.voice_changed) as blocker:
        qtbot.keyClick(panel.voice_id_edit, Qt.Key.Key_Return)
    assert blocker.args == ["model_raw_123"]
    assert not panel.voice_id_edit.isVisible()
    assert panel.values()["model_id"] == "model_raw_123"
    assert combo.itemText(combo.count() - 1) == "Enter a voice ID…"
    # Escape cancels without a change.
    combo.setCurrentIndex(combo.count() - 1)
    qtbot.keyClicks(panel.voice_id_edit, "ignored")
    with qtbot.assertNotEmitted(panel.voice_changed):
        qtbot.keyClick(panel.voice_id_edit, Qt.Key.Key_Escape)
    assert not panel.voice_id_edit.isVisible()
    assert panel.values()["model_id"] == "model_raw_123"
    # A refreshed list keeps the current voice.
    with qtbot.assertNotEmitted(panel.voice_changed), qtbot.assertNotEmitted(panel.changed):
        panel.set_voices([("Narrator", "model_a"), ("Raw", "model_raw_123")])
    assert panel.values()["model_id"] == "model_raw_123"
    assert combo.currentText() == "Raw"


def test_set_values_round_trip(panel: ParametersPanel, qtbot: QtBot) -> None:
    values = {
        "model_id": "model_x",
        "version": "v1",
        "language": "Japanese",
        "emotion": "sad",
        "speed": 1.35,
        "vol": 0.01,
        "pitch": -7,
        "subtitles": True,
        "subtitle_type": SubtitleType.WORD,
    }
    with qtbot.waitSignal(panel.changed):
        panel.set_values(values)
    assert panel.values() == values
    assert child(panel, QSlider, "volSlider").value() == 1
    assert child(panel, QSlider, "pitchSlider").value() == -7
    with qtbot.assertNotEmitted(panel.changed):
        panel.set_values(values)  # nothing changes: no signal


def test_reset_keeps_voice(panel: ParametersPanel, qtbot: QtBot) -> None:
    panel.set_values(
        {"model_id": "model_x", "version": "v1", "language": "Thai", "speed": 2.0, "pitch": 3}
    )
    with qtbot.waitSignal(panel.changed):
        panel.reset_button.click()
    values = panel.values()
    assert values["model_id"] == "model_x"
    assert (values["version"], values["language"], values["speed"], values["pitch"]) == (
        "v2",
        "auto",
        1.0,
        0,
    )
    assert panel.reset_button.objectName() == "resetButton"


def test_voice_row_can_be_hidden_for_a_form_of_defaults(qtbot: QtBot) -> None:
    panel = ParametersPanel(show_voice=False)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.findChild(QComboBox, "voiceCombo").isVisible()
    assert panel.findChild(QComboBox, "versionCombo").isVisible()
    assert "model_id" in panel.values()  # still a complete set of values


def test_ranges_and_tooltips_follow_cores_table(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form states and offers the ranges of core's field table, nothing typed twice."""
    import dataclasses

    from soundclone_desktop.core import parameters

    wider = dataclasses.replace(
        parameters.spec_of("speed"), range=parameters.NumberRange(0.25, 4.0)
    )
    monkeypatch.setitem(parameters._SPECS, "speed", wider)
    widget = ParametersPanel()
    qtbot.addWidget(widget)
    speed = child(widget, QDoubleSpinBox, "speedSpin")
    assert (speed.minimum(), speed.maximum()) == (0.25, 4.0)
    assert "from 0.25 (slow) to 4 (fast)" in speed.toolTip()
    pitch = child(widget, QSpinBox, "pitchSpin")
    assert "from \u221212 to 12" in pitch.toolTip()  # a true minus sign, as before
