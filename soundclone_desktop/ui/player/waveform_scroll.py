"""The horizontal scroll bar under a zoomed-in waveform: its range is the audio in ms."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QScrollBar, QWidget

from .waveform import WaveformView

__all__ = ["WaveformScrollBar"]


class WaveformScrollBar(QScrollBar):
    """Follows ``view``'s zoom and scroll, and scrolls it when moved; hidden while the whole
    file fits (nothing to scroll, and the player keeps its height for short clips)."""

    def __init__(self, view: WaveformView, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("waveformScrollBar")
        self.setAccessibleName(QCoreApplication.translate("Player", "Scroll the waveform"))
        self._view = view
        self._syncing = False
        view.view_changed.connect(self._sync)
        self.valueChanged.connect(self._scrolled)
        self._sync()

    def _sync(self) -> None:
        viewport = self._view.viewport()
        visible = max(1, round(viewport.visible_ms))
        self._syncing = True  # our own update is not the user scrolling
        try:
            self.setRange(0, max(0, viewport.duration_ms - visible))
            self.setPageStep(visible)
            self.setSingleStep(max(1, visible // 10))
            self.setValue(round(viewport.start_ms))
        finally:
            self._syncing = False
        self.setVisible(not viewport.is_fit() and viewport.duration_ms > 0)

    def _scrolled(self, value: int) -> None:
        if not self._syncing:
            self._view.scroll_to(value)
