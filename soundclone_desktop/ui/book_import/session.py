"""The review being edited: the current state, and undo/redo as stacks of earlier states."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from .review_state import Review, ReviewState


class ReviewSession(QObject):
    """Holds one :class:`Review` and its current :class:`ReviewState`.

    ``started`` fires when a new manuscript replaces the review (the change list is new);
    ``changed`` after every state change, undo and redo included.
    """

    started = Signal()
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        self._state: ReviewState | None = None
        self._undo: list[ReviewState] = []
        self._redo: list[ReviewState] = []

    @property
    def state(self) -> ReviewState:
        if self._state is None:
            raise RuntimeError("no manuscript loaded")
        return self._state

    @property
    def loaded(self) -> bool:
        return self._state is not None

    def start(self, review: Review) -> None:
        self.review, self._state = review, review.initial
        self._undo.clear()
        self._redo.clear()
        self.started.emit()
        self.changed.emit()

    def apply(self, state: ReviewState) -> None:
        """Make ``state`` current; the one before it can be undone to."""
        if state == self._state:
            return
        self._undo.append(self.state)
        self._redo.clear()
        self._state = state
        self.changed.emit()

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> None:
        if self._undo:
            self._redo.append(self.state)
            self._state = self._undo.pop()
            self.changed.emit()

    def redo(self) -> None:
        if self._redo:
            self._undo.append(self.state)
            self._state = self._redo.pop()
            self.changed.emit()
