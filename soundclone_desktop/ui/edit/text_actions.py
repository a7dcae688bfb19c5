"""Undo, Redo, Cut, Copy, Paste and Select All for whichever text field has the focus.

The actions follow the focus inside the window (the script editor, the find bar, a
parameter's line edit…) and are enabled only when they would do something there. Their
platform-standard keys reach the focused field first (text widgets claim them through
``ShortcutOverride``), so a key press is never handled twice; the menu runs the same
operation on the field that had the focus before the menu opened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from soundclone_desktop.i18n import translate

CTX = "EditMenu"

TextField = QLineEdit | QPlainTextEdit | QTextEdit


class TextActions(QObject):
    """The six standard editing actions, bound to the focused text field of ``window``."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.field: TextField | None = None
        key = QKeySequence.StandardKey
        self.undo = self._action("undoAction", translate(CTX, "&Undo"), key.Undo, "undo")
        self.redo = self._action("redoAction", translate(CTX, "&Redo"), key.Redo, "redo")
        self.cut = self._action("cutAction", translate(CTX, "Cu&t"), key.Cut, "cut")
        self.copy = self._action("copyAction", translate(CTX, "&Copy"), key.Copy, "copy")
        self.paste = self._action("pasteAction", translate(CTX, "&Paste"), key.Paste, "paste")
        self.select_all = self._action(
            "selectAllAction", translate(CTX, "Select &All"), key.SelectAll, "selectAll"
        )
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_focus_changed)
        # Asked once per clipboard change, not per keystroke: on X11 asking is a round trip.
        self._clipboard_has_text = False
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.connect(self._on_clipboard_changed)
        self._on_clipboard_changed()
        self._on_focus_changed(None, QApplication.focusWidget())

    def actions(self) -> list[QAction]:
        return [self.undo, self.redo, self.cut, self.copy, self.paste, self.select_all]

    def update(self) -> None:
        """Enable each action when it would change something in the field."""
        field = self.field
        if field is None:
            for action in self.actions():
                action.setEnabled(False)
            return
        writable = not field.isReadOnly()
        if isinstance(field, QLineEdit):
            has_text, selected = bool(field.text()), field.hasSelectedText()
            undo, redo = field.isUndoAvailable(), field.isRedoAvailable()
        else:
            document = field.document()
            has_text, selected = not document.isEmpty(), field.textCursor().hasSelection()
            undo, redo = document.isUndoAvailable(), document.isRedoAvailable()
        can_paste = self._clipboard_has_text
        self.undo.setEnabled(writable and undo)
        self.redo.setEnabled(writable and redo)
        self.cut.setEnabled(writable and selected)
        self.copy.setEnabled(selected)
        self.paste.setEnabled(writable and can_paste)
        self.select_all.setEnabled(has_text)

    # -- internals --------------------------------------------------------------------------

    def _action(self, name: str, text: str, key: QKeySequence.StandardKey, method: str) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.setShortcuts(key)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: self._run(method))
        return action

    def _run(self, method: str) -> None:
        field = self.field
        if field is None:
            return
        run: Callable[[], None] = getattr(field, method)
        run()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.update()

    def _on_clipboard_changed(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        self._clipboard_has_text = mime is not None and (
            mime.hasText() or mime.hasHtml() or mime.hasUrls()
        )
        self.update()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window() is not self._window:
            return  # a menu, a dialog, another app: keep the field the actions act on
        field = new if isinstance(new, TextField) else None
        if field is self.field:
            return
        self._follow(field)

    def _follow(self, field: TextField | None) -> None:
        old = self.field
        if old is not None:
            self._signals(old, connect=False)
        self.field = field
        if field is not None:
            self._signals(field, connect=True)
            field.destroyed.connect(self._on_field_destroyed)
        self.update()

    def _on_field_destroyed(self) -> None:
        self.field = None  # its signals went with it
        self.update()

    def _signals(self, field: TextField, *, connect: bool) -> None:
        if isinstance(field, QLineEdit):
            signals = [field.textChanged, field.selectionChanged]
        else:
            document = field.document()
            signals = [
                document.undoAvailable,
                document.redoAvailable,
                field.copyAvailable,
                field.textChanged,
            ]
        for signal in signals:
            if connect:
                signal.connect(self.update)
            else:
                signal.disconnect(self.update)
        if not connect:
            field.destroyed.disconnect(self._on_field_destroyed)
