"""The script editor: text with pause chips and problem underlines, problems list, panel.

Public names are looked up on first use (PEP 562): the window's shell imports the editor
alone, before its first paint (start-up time, issue #17).
"""

from typing import TYPE_CHECKING

from soundclone_desktop.core.lazy_names import lazy_getattr

if TYPE_CHECKING:
    from soundclone_desktop.ui.editor.editor import ScriptEditor
    from soundclone_desktop.ui.editor.panel import ScriptEditorPanel
    from soundclone_desktop.ui.editor.problems_list import ProblemsList

_WHERE = {
    "ScriptEditor": "soundclone_desktop.ui.editor.editor",
    "ScriptEditorPanel": "soundclone_desktop.ui.editor.panel",
    "ProblemsList": "soundclone_desktop.ui.editor.problems_list",
}


__getattr__ = lazy_getattr(__name__, _WHERE)


__all__ = [
    "ProblemsList",
    "ScriptEditor",
    "ScriptEditorPanel",
]
