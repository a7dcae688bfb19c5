"""Both themes: every custom colour reads at WCAG AA (4.5:1), measured on rendered pixels.

The numbers in ``ui/theme`` are checked twice: as declared pairs, and as what Qt actually
paints (a label's darkest or lightest glyph pixel against its background), since a style
sheet, a parent's palette or a border can all change what the user sees.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Final

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.script import analyze
from soundclone_desktop.store.settings import UiTheme
from soundclone_desktop.ui.common.message_bar import Level, MessageBar
from soundclone_desktop.ui.projects.recovery import RecoveryBar
from soundclone_desktop.ui.submit.counter import CounterWidget
from soundclone_desktop.ui.theme.apply import theme_switch
from soundclone_desktop.ui.theme.colours import colours_for
from soundclone_desktop.ui.theme.contrast import AA_BODY_TEXT, Rgb, contrast_ratio
from soundclone_desktop.ui.theme.palettes import dark_palette, is_dark, light_palette
from soundclone_desktop.ui.theme.tint import BannerKind, Tone, set_banner, set_tone

Role = QPalette.ColorRole
PAIRS = [
    (Role.Text, Role.Base),
    (Role.WindowText, Role.Window),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.PlaceholderText, Role.Base),
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
]


def rgb(colour: QColor) -> Rgb:
    return (colour.red(), colour.green(), colour.blue())


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_declared_pairs_reach_aa(palette: QPalette) -> None:
    low: dict[str, float] = {}
    for fg, bg in PAIRS:
        ratio = contrast_ratio(rgb(palette.color(fg)), rgb(palette.color(bg)))
        if ratio < AA_BODY_TEXT:
            low[f"{fg.name}/{bg.name}"] = round(ratio, 2)
    colours = colours_for(palette)
    grounds = {"window": palette.color(Role.Window), "base": palette.color(Role.Base)}
    text = palette.color(Role.Text)
    checks: dict[str, tuple[QColor, QColor]] = {}
    for tone in Tone:
        for name, ground in grounds.items():
            checks[f"{tone.name} on {name}"] = (getattr(colours, tone.value), ground)
    for kind in BannerKind:
        banner = getattr(colours, kind.value)
        checks[f"{kind.name} banner"] = (banner.text, banner.background)
    checks["pause chip"] = (colours.chip_text, colours.chip_background)
    for name in ("spoken_sentence", "spoken_word", "find_match", "find_current", "marked_sentence"):
        checks[f"text on {name}"] = (text, getattr(colours, name))
    for name, (fg, bg) in checks.items():
        ratio = contrast_ratio(rgb(fg), rgb(bg))
        if ratio < AA_BODY_TEXT:
            low[name] = round(ratio, 2)
    assert low == {}


def test_dark_and_light_are_told_apart() -> None:
    assert is_dark(dark_palette()) and not is_dark(light_palette())
    assert colours_for(dark_palette()).dark and not colours_for(light_palette()).dark


# -- rendered --------------------------------------------------------------------------------


def rendered_contrast(image: QImage) -> float:
    """The contrast of the text in ``image`` with its ground: the most common colour is the
    ground; the pixel furthest from it in luminance is the core of a glyph stem."""
    counts: Counter[Rgb] = Counter()
    for y in range(image.height()):
        for x in range(image.width()):
            counts[rgb(image.pixelColor(x, y))] += 1
    ground = counts.most_common(1)[0][0]
    return max(contrast_ratio(colour, ground) for colour in counts)


@pytest.fixture(params=[UiTheme.LIGHT, UiTheme.DARK], ids=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[UiTheme]:
    palette, style = qapp.palette(), qapp.style().name()
    switch = theme_switch()
    switch._styled = False  # an earlier test put a plain style back: apply ours again
    switch.apply(request.param)
    yield request.param
    switch.choice = UiTheme.SYSTEM
    qapp.setStyle(style)
    qapp.setPalette(palette)


def label_image(widget: QWidget, label: QLabel) -> QImage:
    widget.resize(520, widget.sizeHint().height())
    widget.show()
    QApplication.processEvents()
    return widget.grab(label.geometry().intersected(widget.rect())).toImage()


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_rendered_custom_colours_reach_aa(qtbot: QtBot, theme: UiTheme) -> None:
    measured: dict[str, float] = {}
    for level in Level:
        bar = MessageBar()
        shown(qtbot, bar)
        bar.show_message("Could not reach the server (timed out after 30 s).", level)
        measured[f"message bar {level}"] = rendered_contrast(label_image(bar, bar.label))
    recovery = RecoveryBar()
    shown(qtbot, recovery)
    recovery.label.setText("An unsaved script from 10:42 was found.")
    recovery.show()
    measured["recovery bar"] = rendered_contrast(label_image(recovery, recovery.label))
    for tone in Tone:
        label = QLabel(f"{tone.name}: billable characters 10,302 / 9,999")
        shown(qtbot, label)
        set_tone(label, tone)
        measured[f"tone {tone.name}"] = rendered_contrast(label_image(label, label))
    alert = QLabel("The file is not UTF-8, UTF-16 or GB18030 text.")
    alert.setObjectName("alertLabel")
    shown(qtbot, alert)
    set_banner(alert, BannerKind.ALERT)
    measured["alert"] = rendered_contrast(label_image(alert, alert))
    counter = CounterWidget()
    shown(qtbot, counter)
    counter.set_report(analyze("x" * 10_302))
    measured["counter over the limit"] = rendered_contrast(
        label_image(counter, counter.counter_label)
    )
    low = {name: round(ratio, 2) for name, ratio in measured.items() if ratio < AA_BODY_TEXT}
    assert low == {}, f"{theme}: {low}"


def test_a_theme_change_recolours_tinted_widgets(qtbot: QtBot, theme: UiTheme) -> None:
    bar = MessageBar()
    shown(qtbot, bar)
    bar.show_message("Saved.", Level.WARNING)
    before = bar.styleSheet()
    other = UiTheme.DARK if theme is UiTheme.LIGHT else UiTheme.LIGHT
    theme_switch().apply(other)
    assert bar.styleSheet() != before
    expected = colours_for(QApplication.palette()).warning.background.name()
    assert expected in bar.styleSheet()


# -- control boundaries (WCAG 1.4.11: 3:1) ------------------------------------------------

NON_TEXT: Final = 3.0
INDICATORS = [
    (QCheckBox, QStyle.SubElement.SE_CheckBoxIndicator),
    (QRadioButton, QStyle.SubElement.SE_RadioButtonIndicator),
]


def indicator_image(qtbot: QtBot, button: QAbstractButton, element: QStyle.SubElement) -> QImage:
    """The indicator as the window shows it: in a pane (a lone button would paint its own
    window colour behind itself, which a button in a window never does)."""
    pane = QWidget()
    QVBoxLayout(pane).addWidget(button)
    shown(qtbot, pane)
    QApplication.processEvents()
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    where = button.style().subElementRect(element, option, button)
    return pane.grab(where.translated(button.pos())).toImage()


def outline_contrast(image: QImage, ground: Rgb, ring: int) -> float:
    """The contrast with the window that ``ring`` pixels of an unchecked indicator reach: its
    fill is the base colour, so its strongest pixels are the outline; ``ring`` (the indicator's
    width) asks for a drawn boundary, not one anti-aliased speck."""
    ratios = sorted(
        (
            contrast_ratio(rgb(image.pixelColor(x, y)), ground)
            for y in range(image.height())
            for x in range(image.width())
        ),
        reverse=True,
    )
    return ratios[ring - 1]


def test_check_box_and_radio_outlines_reach_3_to_1(qtbot: QtBot, theme: UiTheme) -> None:
    ground = rgb(QApplication.palette().color(Role.Window))
    measured: dict[str, float] = {}
    for kind, element in INDICATORS:
        button = kind("Split chapters at headings")
        image = indicator_image(qtbot, button, element)
        measured[kind.__name__] = round(outline_contrast(image, ground, image.width()), 2)
    assert min(measured.values()) >= NON_TEXT, f"{theme}: {measured}"
