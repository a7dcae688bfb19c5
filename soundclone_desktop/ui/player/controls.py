"""Small building blocks of the player: a click-to-seek slider, an eliding title, volume."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent, QResizeEvent
from PySide6.QtMultimedia import QAudio
from PySide6.QtWidgets import QLabel, QSizePolicy, QSlider, QStyle, QStyleOptionSlider, QWidget

__all__ = ["ElidedLabel", "SeekSlider", "slider_to_volume", "volume_to_slider"]


class SeekSlider(QSlider):
    """A slider that jumps to where it is clicked (then drags from there), like media players."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > self.minimum():
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            style = self.style()
            slider = QStyle.ComplexControl.CC_Slider
            handle = style.subControlRect(slider, option, QStyle.SubControl.SC_SliderHandle, self)
            if not handle.contains(event.position().toPoint()):
                groove = style.subControlRect(
                    slider, option, QStyle.SubControl.SC_SliderGroove, self
                )
                span = groove.width() - handle.width()
                offset = round(event.position().x()) - groove.x() - handle.width() // 2
                self.setValue(
                    QStyle.sliderValueFromPosition(
                        self.minimum(), self.maximum(), offset, max(1, span), option.upsideDown
                    )
                )
        super().mousePressEvent(event)  # the handle is under the pointer now: a drag starts


class ElidedLabel(QLabel):
    """A one-line label that elides long titles and keeps the full text as its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = QFontMetrics(self.font())
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideMiddle, self.width()))


# Qt's logarithmic scale tops out at 0.99 (= linear 1.0); the slider spans all of it.
_LOG_MAX = 0.99


def volume_to_slider(linear: float) -> int:
    """Slider positions (0..100) follow perceived loudness, as in Picard's player."""
    log_scale = QAudio.convertVolume(
        linear, QAudio.VolumeScale.LinearVolumeScale, QAudio.VolumeScale.LogarithmicVolumeScale
    )
    return min(100, round(100 * log_scale / _LOG_MAX))


def slider_to_volume(position: int) -> float:
    """The linear output volume (0..1) for a slider position (0..100)."""
    linear = QAudio.convertVolume(
        position / 100 * _LOG_MAX,
        QAudio.VolumeScale.LogarithmicVolumeScale,
        QAudio.VolumeScale.LinearVolumeScale,
    )
    return min(1.0, max(0.0, linear))
