"""Layers of extra selections the book view draws over the chapter text (segments changed
since they were rendered, sentences the automatic checks flagged, marked sentences, the
sentence being heard, words a pronunciation rule changes), each tagged with its own
property so one layer is replaced without touching the others, nor the editor's own
"being spoken" highlight."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

from soundclone_desktop.core.script import Utf16Map
from soundclone_desktop.ui.editor.editor import ScriptEditor

_LAYER_PROPERTY = int(QTextFormat.Property.UserProperty) + 0x5C1


class Layer(enum.IntEnum):
    """Drawn in this order, so a later layer shows above an earlier one."""

    STALE = 1  # a tinted background under whole segments: everything else shows over it
    FINDINGS = 2
    MARKED = 3
    SENTENCE = 4
    RULES = 5


def set_layer(
    editor: ScriptEditor, layer: Layer, spans: Sequence[tuple[int, int]], look: QTextCharFormat
) -> None:
    """Show ``spans`` (code points ``[start, end)`` of the editor's text) with ``look``,
    replacing what ``layer`` showed before."""
    current = editor.extraSelections()
    others = [s for s in current if s.format.property(_LAYER_PROPERTY) != layer]
    if not spans and len(others) == len(current):
        return  # nothing shown, nothing to show (the single-script studio, every pause)
    mine: list[QTextEdit.ExtraSelection] = []
    if spans:
        umap = Utf16Map(editor.text())
        for start, end in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(editor.document())
            cursor.setPosition(umap.to_utf16(start))
            cursor.setPosition(umap.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = QTextCharFormat(look)
            selection.format.setProperty(_LAYER_PROPERTY, int(layer))
            mine.append(selection)
    ordered = sorted([*others, *mine], key=lambda s: int(s.format.property(_LAYER_PROPERTY) or 0))
    editor.setExtraSelections(ordered)


def layer_spans(editor: ScriptEditor, layer: Layer) -> list[tuple[int, int]]:
    """What ``layer`` shows now, in code points (for tests and screenshots)."""
    umap = Utf16Map(editor.text())
    return [
        (umap.from_utf16(s.cursor.selectionStart()), umap.from_utf16(s.cursor.selectionEnd()))
        for s in editor.extraSelections()
        if s.format.property(_LAYER_PROPERTY) == layer
    ]
