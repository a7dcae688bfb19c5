"""The book view: the chapter navigator, book settings, estimates and render controls."""

from soundclone_desktop.ui.book.attach import attach_book
from soundclone_desktop.ui.book.controller import BookController, BookNeeds, EditorLender

__all__ = ["BookController", "BookNeeds", "EditorLender", "attach_book"]
