"""The script editor: text with pause chips and problem underlines, problems list, panel."""

from soundclone_desktop.ui.editor.editor import ScriptEditor
from soundclone_desktop.ui.editor.panel import ScriptEditorPanel
from soundclone_desktop.ui.editor.problems_list import ProblemsList

__all__ = ["ProblemsList", "ScriptEditor", "ScriptEditorPanel"]
