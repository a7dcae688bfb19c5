"""The script editor: text with pause chips and problem underlines, problems list, panel.

Public names are looked up on first use (PEP 562): the window's shell imports the editor
alone, before its first paint (start-up time, issue #17).
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from soundclone_desktop.ui.editor.editor import ScriptEditor
    from soundclone_desktop.ui.editor.panel import ScriptEditorPanel
    from soundclone_desktop.ui.editor.problems_list import ProblemsList

_WHERE = {
    "ScriptEditor": "soundclone_desktop.ui.editor.editor",
    "ScriptEditorPanel": "soundclone_desktop.ui.editor.panel",
    "ProblemsList": "soundclone_desktop.ui.editor.problems_list",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "ProblemsList",
    "ScriptEditor",
    "ScriptEditorPanel",
]
