"""Spin boxes that never change a typed number silently.

Qt's own validation refuses keystrokes that leave the range (``99`` in a −12…12 box stays
``9``), drops a minus sign a positive range cannot hold (``-3`` becomes ``3``) and, on
focus-out, puts the previous value back for a number below the minimum (``0.1`` becomes
``1.00``). These boxes accept any number while it is typed, then on Enter or focus-out clamp
it to the nearest limit, round it to the box's precision, or keep the previous value when
the text is no number, and announce each of these in ``note_changed`` (an empty text once
an edit needed no correction).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget

_CTX = "RangeSpin"
_NUMBER = re.compile(r"[+\-−]?\d*(?:[.,]\d*)?")


def _strip(text: str, prefix: str, suffix: str) -> str:
    """The number part of a spin box's text, without prefix, suffix and spaces."""
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    if suffix and text.endswith(suffix):
        text = text[: -len(suffix)]
    return text.strip()


def _parse(number: str) -> Decimal | None:
    """``number`` (any sign character, ``.`` or ``,`` as the decimal point) or ``None``."""
    cleaned = number.replace("−", "-").replace(",", ".")
    if not _NUMBER.fullmatch(number) or not any(c.isdigit() for c in cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _state(number: str, low: float, high: float, decimals: int) -> QValidator.State:
    """Anything that may become a number is fine while typing; only letters are refused."""
    if not _NUMBER.fullmatch(number):
        return QValidator.State.Invalid
    value = _parse(number)
    if value is None:
        return QValidator.State.Intermediate  # "", "-", "0." …
    in_range = Decimal(str(low)) <= value <= Decimal(str(high))
    exact = value == value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if in_range and exact and not number.endswith((".", ",")):
        return QValidator.State.Acceptable
    return QValidator.State.Intermediate


class _Correcting:
    """The shared logic; mixed into a Qt spin box class, which provides the called methods."""

    _pending: str

    def _init_correcting(self) -> None:
        self._pending = ""
        self.editingFinished.connect(self._announce)  # type: ignore[attr-defined]

    def _decimals(self) -> int:
        return 0

    def _number_part(self, text: str) -> str:
        return _strip(text, self.prefix(), self.suffix())  # type: ignore[attr-defined]

    def _validate_text(self, text: str) -> QValidator.State:
        low, high = self.minimum(), self.maximum()  # type: ignore[attr-defined]
        return _state(self._number_part(text), low, high, self._decimals())

    def _fixup_text(self, text: str) -> str:
        typed = self._number_part(text)
        low, high = self.minimum(), self.maximum()  # type: ignore[attr-defined]
        shown = self.textFromValue  # type: ignore[attr-defined]
        names = {"typed": typed, "low": shown(low), "high": shown(high)}
        value = _parse(typed)
        if value is None:
            current = shown(self.value())  # type: ignore[attr-defined]
            self._pending = QCoreApplication.translate(
                _CTX, "“{typed}” is not a number from {low} to {high}, so it stays {value}."
            ).format(value=current, **names)
            return text  # Qt then keeps the previous value
        step = Decimal(1).scaleb(-self._decimals())
        clamped = min(max(value, Decimal(str(low))), Decimal(str(high)))
        result = clamped.quantize(step, rounding=ROUND_HALF_UP)
        fixed = shown(float(result) if self._decimals() else int(result))
        if clamped != value:
            message = QCoreApplication.translate(
                _CTX, "{typed} is outside the range {low} to {high}, so it was set to {value}."
            )
        else:
            message = QCoreApplication.translate(_CTX, "{typed} was rounded to {value}.")
        self._pending = message.format(value=fixed, **names)
        return f"{self.prefix()}{fixed}{self.suffix()}"  # type: ignore[attr-defined]

    def _parse_value(self, text: str) -> Decimal | None:
        return _parse(self._number_part(text))

    def _announce(self) -> None:
        """After Enter or focus-out: say what was corrected, or clear an older note."""
        note, self._pending = self._pending, ""
        self._emit_note(note)

    def _emit_note(self, note: str) -> None:
        raise NotImplementedError


class RangeDoubleSpinBox(_Correcting, QDoubleSpinBox):
    """A ``QDoubleSpinBox`` that clamps typed numbers visibly instead of mangling them."""

    note_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_correcting()

    def _decimals(self) -> int:
        return self.decimals()

    def _emit_note(self, note: str) -> None:
        self.note_changed.emit(note)

    def validate(self, text: str, pos: int) -> QValidator.State:  # type: ignore[override]
        return self._validate_text(text)

    def fixup(self, text: str) -> str:
        return self._fixup_text(text)

    def valueFromText(self, text: str) -> float:
        value = self._parse_value(text)
        return float(value) if value is not None else self.value()


class RangeSpinBox(_Correcting, QSpinBox):
    """A ``QSpinBox`` that clamps typed numbers visibly instead of refusing digits."""

    note_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_correcting()

    def _emit_note(self, note: str) -> None:
        self.note_changed.emit(note)

    def validate(self, text: str, pos: int) -> QValidator.State:  # type: ignore[override]
        return self._validate_text(text)

    def fixup(self, text: str) -> str:
        return self._fixup_text(text)

    def valueFromText(self, text: str) -> int:
        value = self._parse_value(text)
        return int(value) if value is not None else self.value()
