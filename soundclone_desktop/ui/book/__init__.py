"""The book view: the chapter navigator, book settings, estimates and render controls.

Only the lazy face loads with the window; the controller (``.controller``, ``.build``) and
the book rules load when the view is first used."""

from soundclone_desktop.ui.book.lazy import LazyBook, attach_book
from soundclone_desktop.ui.book.needs import BookNeeds, EditorLender

__all__ = ["BookNeeds", "EditorLender", "LazyBook", "attach_book"]
