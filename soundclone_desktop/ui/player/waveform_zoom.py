"""The waveform's viewport: which stretch of the audio the plot shows, and at what scale.

Pure arithmetic (no Qt), so zooming, scrolling and following the play cursor are tested
without painting. Times are milliseconds, x is pixels from the plot's left edge.
"""

from __future__ import annotations

__all__ = ["MAX_ZOOM_MS_PER_PX", "Viewport"]

# The finest zoom: 10 ms per pixel shows single syllables; finer adds nothing for speech.
MAX_ZOOM_MS_PER_PX = 10.0


class Viewport:
    """``start_ms`` at the plot's left edge and ``ms_per_px`` from there; fits the whole file
    (``is_fit``) until zoomed, and keeps fitting when the plot is resized."""

    def __init__(self) -> None:
        self._duration = 0
        self._width = 1.0
        self._start = 0.0
        self._ms_per_px = 1.0
        self._fit = True

    # -- reading -----------------------------------------------------------------------

    @property
    def duration_ms(self) -> int:
        return self._duration

    @property
    def width_px(self) -> float:
        return self._width

    @property
    def start_ms(self) -> float:
        return self._start

    @property
    def ms_per_px(self) -> float:
        return self._ms_per_px

    @property
    def visible_ms(self) -> float:
        return self._ms_per_px * self._width

    @property
    def end_ms(self) -> float:
        return self._start + self.visible_ms

    def is_fit(self) -> bool:
        return self._fit

    def can_zoom_in(self) -> bool:
        return self._ms_per_px > self._finest() + 1e-9

    def zoom_factor(self) -> float:
        """How many times the whole-file view is magnified (1.0 when it fits)."""
        return self._fit_ms_per_px() / self._ms_per_px

    def x_of(self, ms: float) -> float:
        return (ms - self._start) / self._ms_per_px

    def ms_of(self, x: float) -> float:
        return self._start + x * self._ms_per_px

    def contains(self, ms: float) -> bool:
        return self._start <= ms <= self.end_ms

    # -- changing ----------------------------------------------------------------------

    def reset(self, duration_ms: int) -> None:
        """A new file: the whole of it."""
        self._duration = max(0, duration_ms)
        self.fit()

    def set_duration(self, duration_ms: int) -> None:
        """A better length for the same file (the decoded one): the zoom stays."""
        self._duration = max(0, duration_ms)
        self._settle()

    def set_width(self, width_px: float) -> None:
        self._width = max(1.0, width_px)
        self._settle()

    def fit(self) -> None:
        self._fit = True
        self._settle()

    def zoom(self, factor: float, anchor_x: float) -> None:
        """Magnify by ``factor`` (> 1 zooms in) keeping the time under ``anchor_x`` there."""
        if factor <= 0 or not self._duration:
            return
        anchor_ms = self.ms_of(anchor_x)
        finest, widest = self._finest(), self._fit_ms_per_px()
        self._ms_per_px = min(widest, max(finest, self._ms_per_px / factor))
        self._fit = self._ms_per_px >= widest - 1e-9
        self._start = anchor_ms - anchor_x * self._ms_per_px
        self._settle()

    def scroll_to(self, start_ms: float) -> None:
        self._start = start_ms
        self._settle()

    def scroll_by(self, delta_ms: float) -> None:
        self.scroll_to(self._start + delta_ms)

    def page_to(self, ms: float) -> None:
        """Show ``ms`` at the left edge when it is out of view (page-wise following)."""
        if not self.contains(ms):
            self.scroll_to(ms)

    # -- helpers -----------------------------------------------------------------------

    def _fit_ms_per_px(self) -> float:
        return max(self._duration, 1) / self._width

    def _finest(self) -> float:
        return min(MAX_ZOOM_MS_PER_PX, self._fit_ms_per_px())

    def _settle(self) -> None:
        """Keep the scale in range and the view inside the file."""
        widest = self._fit_ms_per_px()
        if self._fit:
            self._ms_per_px, self._start = widest, 0.0
            return
        self._ms_per_px = min(widest, max(self._finest(), self._ms_per_px))
        self._start = min(max(0.0, self._start), max(0.0, self._duration - self.visible_ms))
