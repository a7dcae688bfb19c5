"""A ``.scproj`` opened as a book: the single-script studio is a book with one chapter."""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path

from soundclone_desktop.core.book.model import Book, BookSettings, blank_params, book_of_one_chapter
from soundclone_desktop.core.parameters import param_fields
from soundclone_desktop.store.projects import Project, load_project


def chapter_id_for(path: Path) -> str:
    """The one chapter's ID: derived from the file's location, so the same project opened
    twice gives the same ID (states keyed by it stay valid within a session)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, path.resolve().as_uri()))


def book_of_project(project: Project, title: str, chapter_id: str | None = None) -> Book:
    """``project`` as a one-chapter book (its notes have no place in a book and are left)."""
    values = {f.name: getattr(project.params, f.name) for f in param_fields()}
    params = dataclasses.replace(blank_params(), **values, model_id=project.voice_id or "")
    return book_of_one_chapter(title, project.text, BookSettings(params), chapter_id)


def open_scproj_as_book(path: Path) -> Book:
    """The ``.scproj`` at ``path`` as a one-chapter book, in memory (the file is not changed).

    Raises :class:`~soundclone_desktop.store.projects.ProjectFileError` as opening the
    project does; unusable parameters fall back to their defaults as there.
    """
    loaded = load_project(path)
    return book_of_project(loaded.project, path.stem, chapter_id_for(path))
