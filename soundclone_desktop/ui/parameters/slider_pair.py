"""A slider and a spin box that show one number: the speed and volume rows of the form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QAbstractSpinBox, QSlider

from soundclone_desktop.ui.parameters.range_spin import RangeDoubleSpinBox


class SliderSpinPair:
    """Keeps a slider (integers) and a spin box (real values) showing the same number."""

    def __init__(
        self, slider: QSlider, spin: QAbstractSpinBox, scale: int, on_change: Callable[[], None]
    ) -> None:
        self.slider, self.spin, self.scale = slider, spin, scale
        self._on_change = on_change
        slider.valueChanged.connect(self._from_slider)
        spin.valueChanged.connect(self._from_spin)  # type: ignore[attr-defined]

    def value(self) -> float:
        return float(self.spin.value())  # type: ignore[attr-defined]

    def set_value(self, value: float) -> None:
        with QSignalBlocker(self.spin), QSignalBlocker(self.slider):
            self.spin.setValue(value if self.scale != 1 else round(value))  # type: ignore[attr-defined]
            # Read back the spin's value: it has already clamped and rounded it.
            self.slider.setValue(round(self.value() * self.scale))

    def _from_slider(self, units: int) -> None:
        with QSignalBlocker(self.spin):
            self.spin.setValue(units / self.scale if self.scale != 1 else units)  # type: ignore[attr-defined]
        self._on_change()

    def _from_spin(self, value: float) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(round(value * self.scale))
        self._on_change()


def double_spin(name: str, low: float, high: float, step: float) -> RangeDoubleSpinBox:
    spin = RangeDoubleSpinBox()
    spin.setObjectName(name)
    spin.setDecimals(2)
    spin.setRange(low, high)
    spin.setSingleStep(step)
    return spin
