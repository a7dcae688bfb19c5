"""The time ruler at every zoom: labels that never overlap, at the right ticks, readable in
both themes; markers and bars that stay right, and painting that stays bounded."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from soundclone_desktop.audio.peaks import Peaks
from soundclone_desktop.ui.player.waveform import WaveformView
from soundclone_desktop.ui.theme.contrast import AA_BODY_TEXT, contrast_ratio
from soundclone_desktop.ui.theme.palettes import dark_palette, light_palette

from .waveform_support import HOUR_BUCKETS, HOUR_MS, hour_of_speech, shown_view

pytestmark = pytest.mark.gui


def _zooms() -> list[float]:
    """From the whole hour to the finest zoom, in steps that are not powers of two."""
    factors, factor = [], 1.0
    while factor < 2000:
        factors.append(factor)
        factor *= 1.37
    return factors


def _parse(label: str) -> int:
    ms = 0
    for part in label.split(":"):
        ms = ms * 60 + int(part)
    return ms * 1000


@pytest.mark.parametrize("width", [260, 640, 1300])
@pytest.mark.parametrize("point_size", [9.0, 14.0])
def test_ruler_labels_never_overlap_and_sit_at_their_ticks(
    qtbot: QtBot, width: int, point_size: float
) -> None:
    view = shown_view(qtbot, hour_of_speech(), width=width)
    font = view.font()
    font.setPointSizeF(point_size)
    view.setFont(font)
    steps = set()
    for factor in _zooms():
        view.zoom_to_fit()
        view.zoom_by(factor, width / 3)
        view.grab()  # lays the ruler out as it paints
        ruler = view._ruler
        assert ruler is not None
        steps.add(ruler.step_ms)
        boxes = [box for box, _ in ruler.labels]
        assert boxes or view.viewport().visible_ms < 2 * ruler.step_ms
        for left, right in itertools.pairwise(boxes):
            assert left.right() + 4 <= right.left(), (factor, ruler.step_ms)
        assert len(ruler.majors) - len(ruler.labels) in (0, 1)  # the last may not fit
        plot = view._plot_rect()
        for (box, text), tick_x in zip(ruler.labels, ruler.majors, strict=False):
            assert abs(view._x_at(_parse(text)) - tick_x) <= 1.0
            assert tick_x < box.left() and box.right() <= plot.right()  # whole, by its tick
            assert text.count(":") == 2  # an hour-long file: h:mm:ss throughout
    assert 1000 in steps  # 1 s labels at the finest zoom
    assert max(steps) >= 5 * 60_000


def test_short_files_have_m_ss_labels(qtbot: QtBot) -> None:
    view = shown_view(qtbot, Peaks(tuple([0.5] * 600), 95_000))
    view.grab()
    assert view._ruler is not None
    texts = [text for _, text in view._ruler.labels]
    assert texts[0] == "0:00" and all(t.count(":") == 1 for t in texts)


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_ruler_labels_are_readable_in_both_themes(qtbot: QtBot, palette: QPalette) -> None:
    view = shown_view(qtbot, hour_of_speech())
    view.setPalette(palette)
    view.zoom_by(40, 200)
    image = view.grab().toImage()
    ruler = view._ruler
    assert ruler is not None and ruler.labels
    base = palette.color(QPalette.ColorRole.Base)
    best = max(
        _contrast(image.pixelColor(x, y), base)
        for box, _ in ruler.labels
        for x, y in _pixels(box, image)
    )
    assert best >= AA_BODY_TEXT


def _pixels(box: QRectF, image: QImage) -> list[tuple[int, int]]:
    return [
        (x, y)
        for x in range(max(0, int(box.left())), min(image.width(), int(box.right()) + 1))
        for y in range(max(0, int(box.top())), min(image.height(), int(box.bottom()) + 1))
    ]


def _contrast(a: QColor, b: QColor) -> float:
    return contrast_ratio((a.red(), a.green(), a.blue()), (b.red(), b.green(), b.blue()))


def _column(view: WaveformView, image: QImage, x: int) -> list[QColor]:
    """The plot's pixels at ``x`` but the centre line (silence draws a thin line there)."""
    plot = view._plot_rect()
    centre = round(plot.center().y())
    rows = range(round(plot.top()) + 3, round(plot.bottom()) - 3)
    return [image.pixelColor(x, y) for y in rows if abs(y - centre) > 3]


@pytest.mark.parametrize("factor", [1.0, 7.0, 90.0, 1000.0])
def test_boundaries_and_marks_stay_at_their_time_when_zoomed(qtbot: QtBot, factor: float) -> None:
    silence = Peaks(tuple([0.0] * 4096), HOUR_MS)  # only the markers show
    view = shown_view(qtbot, silence)
    boundary, marked = 1_234_567, (1_240_000, 1_250_000)
    view.set_markers([boundary], [marked])
    view.zoom_by(factor)  # around the playhead at 0:00, away from the markers
    view.scroll_to(boundary - 20 * view.viewport().ms_per_px)
    plot, start, scale = view._plot_rect(), view.viewport().start_ms, view.viewport().ms_per_px
    image = view.grab().toImage()
    base = view.palette().color(QPalette.ColorRole.Base)

    def x_of(ms: float) -> int:  # computed here, not by the view
        return int(plot.left() + (ms - start) / scale)

    line = x_of(boundary)
    assert sum(c != base for c in _column(view, image, line)) > 10
    assert all(c == base for c in _column(view, image, line - 3))
    band_left, band_right = x_of(marked[0]), x_of(marked[1])
    if band_right - band_left > 6 and band_right < plot.right():
        inside = _column(view, image, (band_left + band_right) // 2)
        assert all(c != base for c in inside)
        assert all(c == base for c in _column(view, image, band_right + 3))


@pytest.mark.parametrize("factor", [1.0, 30.0, 1000.0])
def test_a_paint_reads_only_the_visible_columns(qtbot: QtBot, factor: float) -> None:
    view = shown_view(qtbot, hour_of_speech(), width=900)
    view.zoom_by(factor, 450)
    bars = view._plot_rect().width() / 3 + 2
    for scroll in range(4):
        view.scroll_to(view.viewport().start_ms + scroll * view.viewport().visible_ms / 3)
        view.grab()
        levels = view._levels
        assert levels is not None
        # A few buckets per bar at most, whatever the file's length (HOUR_BUCKETS here).
        assert 0 < levels.touched <= 4 * bars < HOUR_BUCKETS / 50
        assert view._ruler is not None
        assert len(view._ruler.majors) + len(view._ruler.minors) <= view.width() / 4
