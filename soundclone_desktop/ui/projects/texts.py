"""Sentences for project file problems, in the UI language."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from soundclone_desktop.i18n import translate
from soundclone_desktop.store.projects import ProjectError, ProjectFileError

CTX = "Projects"


def open_error_text(error: ProjectFileError) -> str:
    """Why a project did not open, and what to do."""
    name = error.path.name
    texts = {
        ProjectError.NOT_FOUND: translate(
            CTX, "“%1” could not be found. It may have been moved or deleted."
        ),
        ProjectError.PERMISSION: translate(CTX, "You do not have permission to read “%1”."),
        ProjectError.IS_FOLDER: translate(CTX, "“%1” is a folder, not a project file."),
        ProjectError.TOO_LARGE: translate(
            CTX, "“%1” is too large to be a SoundClone project (more than 4 MB)."
        ),
        ProjectError.TOO_LONG: translate(
            CTX,
            "“%1” holds a script of %2 characters; a project holds at most 2,000,000. Split "
            "it into several projects with a text editor.",
        ),
        ProjectError.UNREADABLE: translate(CTX, "“%1” could not be read: %2"),
        ProjectError.NOT_A_PROJECT: translate(
            CTX,
            "“%1” is not a SoundClone project. To use a plain text file, choose "
            "File → Open script… instead.",
        ),
        ProjectError.NEWER_VERSION: translate(
            CTX,
            "“%1” was saved by a newer version of SoundClone Desktop. Update the app to open it.",
        ),
    }
    return texts[error.code].replace("%1", name).replace("%2", error.detail)


def ignored_text(path: Path, fields: Sequence[str]) -> str:
    """Some values of an opened project were unusable and fell back to defaults."""
    return (
        translate(
            CTX,
            "Opened “%1”, but some values in it could not be used and were set to their "
            "defaults: %2.",
        )
        .replace("%1", path.name)
        .replace("%2", ", ".join(fields))
    )


def replaced_text(path: Path, first: tuple[int, int] | None) -> str:
    """Broken characters (lone surrogates) of an opened project were replaced with �."""
    if first is None:
        text = translate(
            CTX,
            "Opened “%1”. Its notes held broken characters that cannot be saved; they now "
            "show as “\ufffd”. The file itself is unchanged until you save it.",
        )
    else:
        text = translate(
            CTX,
            "Opened “%1”. Its script held broken characters that cannot be saved (the first "
            "at line %2, column %3); they now show as “\ufffd”. The file itself is unchanged "
            "until you save it.",
        )
        text = text.replace("%2", str(first[0])).replace("%3", str(first[1]))
    return text.replace("%1", path.name)


def save_error_text(path: Path, error: OSError) -> str:
    return (
        translate(
            CTX,
            "“%1” could not be saved: %2. Your work is still in the editor; save it in "
            "another folder (File → Save Project As…).",
        )
        .replace("%1", path.name)
        .replace("%2", error.strerror or str(error))
    )
