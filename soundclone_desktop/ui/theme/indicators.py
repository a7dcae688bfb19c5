"""Fusion with check box and radio button outlines a user can see.

Fusion draws an indicator's outline from the palette's Window colour, darkened (about 0.79 of
its value for a check box): 1.7:1 against our light window and 1.2:1 against the dark one,
where WCAG 1.4.11 asks 3:1 of a control's boundary. No palette role sets that outline on its
own, and changing Window would recolour every pane, so the indicator primitives alone are
handed a palette whose Window is chosen for the outline to come out as
:func:`~.palettes.control_border`. Fusion keeps drawing everything else (geometry, fill,
check mark, the focus outline from Highlight).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

from .palettes import control_border

Primitive = QStyle.PrimitiveElement
_COLOUR_GROUPS: Final = (
    QPalette.ColorGroup.Active,
    QPalette.ColorGroup.Inactive,
    QPalette.ColorGroup.Disabled,
)


class IndicatorStyle(QProxyStyle):
    """The named base style (Fusion), with visible indicator outlines."""

    def __init__(self, base: str) -> None:
        super().__init__(base)
        self.setObjectName(f"{base}-indicators")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        source = _OUTLINE_SOURCE.get(element)
        if source is not None:
            option = _with_window(option, source(control_border(option.palette)))
        super().drawPrimitive(element, option, painter, widget)


def _check_box_source(border: QColor) -> QColor:
    # Fusion's check box outline: Window darker by 140 %, then lighter by 110 %.
    return border.lighter(140).darker(110)


def _radio_source(border: QColor) -> QColor:
    # Fusion's radio button outline: Window darker by 140 %.
    return border.lighter(140)


_OUTLINE_SOURCE: Final[dict[QStyle.PrimitiveElement, Callable[[QColor], QColor]]] = {
    Primitive.PE_IndicatorCheckBox: _check_box_source,
    Primitive.PE_IndicatorRadioButton: _radio_source,
}


def _with_window(option: QStyleOption, window: QColor) -> QStyleOption:
    copy = type(option)(option)
    palette = QPalette(option.palette)
    for group in _COLOUR_GROUPS:
        palette.setColor(group, QPalette.ColorRole.Window, window)
    copy.palette = palette
    return copy
