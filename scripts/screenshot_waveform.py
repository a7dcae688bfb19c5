"""The player's waveform for a one-hour chapter, zoomed in, with its time ruler, segment
joins, a marked sentence, the playhead and the scroll bar; light and dark.

    python scripts/screenshot_waveform.py                 # docs/screenshots/waveform-zoom-*.png
    python scripts/screenshot_waveform.py --out /tmp/shots

Offscreen, no server: the peaks are made up (phrases and pauses), the widgets are the real
``WaveformView`` and ``WaveformScrollBar``.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
from pathlib import Path

HOUR_MS = 3_600_000


def _speech(count: int) -> tuple[float, ...]:
    """Words (syllable bumps) in phrases, with pauses between phrases and sentences."""
    rng = random.Random(3)
    values = []
    level, left = 0.0, 0
    for _ in range(count):
        if left <= 0:  # next stretch: a phrase or a pause
            level = 0.0 if level else 0.45 + 0.45 * rng.random()
            left = rng.randint(25, 60) if level == 0.0 else rng.randint(120, 380)
        left -= 1
        syllable = abs(math.sin(len(values) / 5.0)) * rng.uniform(0.6, 1.0)  # ~220 ms
        values.append(min(1.0, level * (0.35 + 0.65 * syllable) + 0.01 * rng.random()))
    return tuple(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    from soundclone_desktop.audio.overview import Peaks
    from soundclone_desktop.ui.player.peaks_loader import MAX_RESOLUTION
    from soundclone_desktop.ui.player.waveform import WaveformView
    from soundclone_desktop.ui.player.waveform_scroll import WaveformScrollBar
    from soundclone_desktop.ui.theme.palettes import dark_palette, light_palette

    app = QApplication.instance() or QApplication(sys.argv[:1])
    peaks = Peaks(_speech(MAX_RESOLUTION), HOUR_MS)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, palette in (("light", light_palette()), ("dark", dark_palette())):
        window = QWidget()
        window.setPalette(palette)
        view = WaveformView(window)
        bar = WaveformScrollBar(view, window)
        layout = QVBoxLayout(window)
        layout.addWidget(view)
        layout.addWidget(bar)
        window.resize(900, 150)
        window.show()
        app.processEvents()
        view.set_peaks(peaks)
        # A chapter's segments, every 9 to 15 s, and a sentence marked for a redo.
        rng = random.Random(5)
        joins, ms = [], 0
        while ms < HOUR_MS:
            ms += rng.randint(9_000, 15_000)
            joins.append(ms)
        view.set_markers(joins, [(1_843_000, 1_851_500)])
        view.set_position(1_838_000)
        view.zoom_by(64)  # about 6 s per 100 px
        view.set_position(1_846_200)
        app.processEvents()
        target = args.out / f"waveform-zoom-{name}.png"
        window.grab().save(str(target))
        print(target)
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
