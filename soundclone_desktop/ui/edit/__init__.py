"""Editing menus: Undo … Select All on the focused field, the find bar, Generate, Quit."""

from .attach import EditFeature, EditNeeds, attach_edit

__all__ = ["EditFeature", "EditNeeds", "attach_edit"]
