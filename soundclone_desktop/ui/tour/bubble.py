"""One stop of the tour: an outline around the widget meant, and a bubble that explains it.

Both are children of the main window drawn over its content; the outline lets clicks
through, so the user can try the thing being pointed at while the bubble is up.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from soundclone_desktop.i18n import translate

CTX = "Tour"
BUBBLE_WIDTH = 320
GAP = 10


class Outline(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tourOutline")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            "#tourOutline { border: 3px solid palette(highlight); border-radius: 6px;"
            " background: transparent; }"
        )


class Bubble(QFrame):
    next_requested = Signal()
    skip_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tourBubble")
        self.setFixedWidth(BUBBLE_WIDTH)
        self.setStyleSheet(
            "#tourBubble { background: palette(tool-tip-base); color: palette(tool-tip-text);"
            " border: 2px solid palette(highlight); border-radius: 8px; }"
        )
        self.step_label = QLabel()
        self.step_label.setObjectName("tourStep")
        self.title_label = QLabel()
        self.title_label.setObjectName("tourTitle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.text_label = QLabel()
        self.text_label.setObjectName("tourText")
        self.text_label.setWordWrap(True)
        self.skip_button = QPushButton(translate(CTX, "Skip tour"))
        self.skip_button.setObjectName("tourSkip")
        self.next_button = QPushButton(translate(CTX, "Next"))
        self.next_button.setObjectName("tourNext")
        self.next_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.step_label)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addLayout(buttons)
        self.next_button.clicked.connect(self.next_requested)
        self.skip_button.clicked.connect(self.skip_requested)

    def show_step(self, number: int, total: int, title: str, text: str, *, last: bool) -> None:
        self.step_label.setText(f"{number} / {total}")
        self.title_label.setText(title)
        self.text_label.setText(text)
        self.next_button.setText(translate(CTX, "Done") if last else translate(CTX, "Next"))
        self.adjustSize()


def place(bubble: QWidget, target: QRect, room: QRect) -> QPoint:
    """Where the bubble goes: below the target if it fits, else above, else beside it;
    always inside ``room`` (the window)."""
    size = bubble.size()  # after adjustSize(): the fixed width, the height its text needs
    x = min(max(target.left(), room.left() + GAP), room.right() - size.width() - GAP)
    if target.bottom() + GAP + size.height() <= room.bottom():
        return QPoint(x, target.bottom() + GAP)
    if target.top() - GAP - size.height() >= room.top():
        return QPoint(x, target.top() - GAP - size.height())
    left = target.left() - GAP - size.width()
    y = min(max(target.top(), room.top() + GAP), room.bottom() - size.height() - GAP)
    if left >= room.left():
        return QPoint(left, y)
    return QPoint(min(target.right() + GAP, room.right() - size.width()), y)
