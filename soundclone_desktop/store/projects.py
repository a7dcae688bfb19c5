"""Project files (``.scproj``): a script with its voice, parameters and notes, as JSON.

The format is documented in ``docs/project-format.md``. In short: one UTF-8 JSON object with
``"format": "soundclone-project"`` and an integer ``"version"``; unknown fields are ignored
(additions never bump the version), and a file whose version is newer than this reader's
is refused with a clear reason rather than half understood.

Reading is tolerant field by field: a parameter with the wrong type or out of range is
replaced by its default and named in :attr:`LoadedProject.ignored`, so one bad value never
costs the user the script. Writing is atomic (:mod:`.atomic`): a crash mid-save leaves the
old file whole.

Also here: the list of recently opened projects (``recent-projects.json`` in the config
folder), kept apart from ``settings.json`` so saving one never races with the other.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from soundclone_desktop import __version__
from soundclone_desktop.core.parameters import Parameters

from .atomic import UnencodableTextError, atomic_write_text

log = logging.getLogger(__name__)

FORMAT: Final = "soundclone-project"
VERSION: Final = 1
SUFFIX: Final = ".scproj"
# Far above a long book's script; anything larger is not ours (docs/project-format.md).
MAX_FILE_BYTES: Final = 4 * 1024 * 1024
MAX_SCRIPT_CHARS: Final = 2_000_000
# What stands in for a character that cannot be stored (a lone UTF-16 surrogate).
REPLACEMENT: Final = "\ufffd"
_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")
RECENT_FILE_NAME: Final = "recent-projects.json"
RECENT_LIMIT: Final = 10


@dataclass(frozen=True)
class Project:
    """What a project file holds. Equality tells whether the editor differs from the file."""

    text: str = ""
    params: Parameters = field(default_factory=Parameters)
    voice_id: str | None = None
    notes: str = ""

    @classmethod
    def from_values(cls, text: str, values: Mapping[str, Any], notes: str = "") -> Project:
        """From the parameters panel's ``values()`` (``model_id`` plus the parameters)."""
        params, _ignored = Parameters.from_mapping(values)
        voice = values.get("model_id")
        voice_id = voice.strip() if isinstance(voice, str) and voice.strip() else None
        return cls(text=text, params=params, voice_id=voice_id, notes=notes)

    def panel_values(self) -> dict[str, Any]:
        """Keyword values for the parameters panel's ``set_values`` (the voice only if set)."""
        values: dict[str, Any] = self.params.as_dict()
        if self.voice_id:
            values["model_id"] = self.voice_id
        return values

    def is_blank(self) -> bool:
        """Nothing a user would miss: no script and no notes."""
        return not self.text.strip() and not self.notes.strip()

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "generator": f"SoundClone Desktop {__version__}",
            "script": self.text,
            "voice_id": self.voice_id,
            "parameters": self.params.as_dict(),
            "notes": self.notes,
        }


@dataclass(frozen=True)
class LoadedProject:
    project: Project
    ignored: tuple[str, ...] = ()  # fields that were unusable and fell back to their default
    # Characters that cannot be stored (lone surrogates) replaced with U+FFFD: how many, and
    # the (line, column) of the first in the script, or None if only the notes had them.
    replaced: int = 0
    first_replaced: tuple[int, int] | None = None


class ProjectError(StrEnum):
    """Why a project could not be opened; the UI turns the code into a sentence."""

    NOT_FOUND = "not-found"
    PERMISSION = "permission"
    IS_FOLDER = "is-folder"
    TOO_LARGE = "too-large"
    TOO_LONG = "too-long"  # a script of more than MAX_SCRIPT_CHARS characters
    UNREADABLE = "unreadable"  # an OS error while reading
    NOT_A_PROJECT = "not-a-project"  # not JSON, or not our format
    NEWER_VERSION = "newer-version"


class ProjectFileError(Exception):
    """A project file could not be read; ``code`` says why, ``detail`` adds the OS reason."""

    def __init__(self, code: ProjectError, path: Path, detail: str = "") -> None:
        super().__init__(f"{path.name}: {code.value}" + (f" ({detail})" if detail else ""))
        self.code = code
        self.path = path
        self.detail = detail


def dumps(project: Project) -> str:
    """The file text: indented JSON (diff-friendly), non-ASCII kept readable, final newline."""
    return json.dumps(project.to_json(), ensure_ascii=False, indent=2) + "\n"


def loads(text: str, path: Path = Path("project.scproj")) -> LoadedProject:
    """Parse a project file's text; raises :class:`ProjectFileError` (``path`` names it)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ProjectFileError(ProjectError.NOT_A_PROJECT, path, str(exc)) from exc
    except RecursionError as exc:  # arrays or objects nested thousands of levels deep
        raise ProjectFileError(ProjectError.NOT_A_PROJECT, path, "nested too deeply") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProjectFileError(ProjectError.NOT_A_PROJECT, path)
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ProjectFileError(ProjectError.NOT_A_PROJECT, path, "no valid version")
    if version > VERSION:
        raise ProjectFileError(ProjectError.NEWER_VERSION, path, str(version))
    script = data.get("script")
    if isinstance(script, str) and len(script) > MAX_SCRIPT_CHARS:
        raise ProjectFileError(ProjectError.TOO_LONG, path, f"{len(script):,}")
    return project_from_json(data)


def project_from_json(data: Mapping[str, Any]) -> LoadedProject:
    """The project in an already parsed (and format-checked) JSON object; never raises."""
    ignored: list[str] = []
    text = data.get("script", "")
    if not isinstance(text, str):
        ignored.append("script")
        text = ""
    notes = data.get("notes", "")
    if not isinstance(notes, str):
        ignored.append("notes")
        notes = ""
    voice = data.get("voice_id")
    if voice is not None and not isinstance(voice, str):
        ignored.append("voice_id")
        voice = None
    raw_params = data.get("parameters", {})
    if not isinstance(raw_params, dict):
        ignored.append("parameters")
        raw_params = {}
    params, bad = Parameters.from_mapping(raw_params)
    ignored.extend(bad)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = _LONE_SURROGATE.search(text)
    text, in_script = _LONE_SURROGATE.subn(REPLACEMENT, text)
    notes, in_notes = _LONE_SURROGATE.subn(REPLACEMENT, notes)
    voice = _LONE_SURROGATE.sub(REPLACEMENT, voice) if voice else voice
    project = Project(
        text=text,
        params=params,
        voice_id=(voice.strip() or None) if voice else None,
        notes=notes,
    )
    return LoadedProject(
        project,
        tuple(ignored),
        replaced=in_script + in_notes,
        first_replaced=None if first is None else _line_column(text, first.start()),
    )


def _line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``text[index]``."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def load_project(path: Path) -> LoadedProject:
    """Read and parse a project file (blocking: call it from a worker thread)."""
    try:
        if path.is_dir():
            raise ProjectFileError(ProjectError.IS_FOLDER, path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProjectFileError(ProjectError.TOO_LARGE, path, str(size))
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ProjectFileError(ProjectError.NOT_FOUND, path) from exc
    except PermissionError as exc:
        raise ProjectFileError(ProjectError.PERMISSION, path) from exc
    except OSError as exc:
        raise ProjectFileError(ProjectError.UNREADABLE, path, exc.strerror or str(exc)) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectFileError(ProjectError.NOT_A_PROJECT, path, "not UTF-8") from exc
    return loads(text, path)


def save_project(path: Path, project: Project) -> None:
    """Write ``project`` to ``path`` atomically (blocking). Raises OSError; a script that
    cannot be stored raises :class:`UnencodableTextError` naming its line and column, before
    the file is touched."""
    broken = _LONE_SURROGATE.search(project.text)
    if broken is not None:
        raise UnencodableTextError(project.text, broken.start())
    atomic_write_text(path, dumps(project))


def with_suffix(path: Path) -> Path:
    """``path`` ending in ``.scproj`` (a name typed without it gets it)."""
    return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)


# -- recently opened projects -------------------------------------------------------------


def push_recent(paths: Sequence[str], path: str, limit: int = RECENT_LIMIT) -> list[str]:
    """``path`` first, without duplicates, at most ``limit`` entries."""
    return [path, *[p for p in paths if p != path]][:limit]


class RecentProjects:
    """The "Open Recent" list, newest first, in ``<config dir>/recent-projects.json``.

    Blocking file access: call :meth:`load` and :meth:`save` from a worker thread.
    """

    def __init__(self, config_dir: Path) -> None:
        self.path = config_dir / RECENT_FILE_NAME

    def load(self) -> list[str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            log.warning("Ignoring unreadable %s (%s)", self.path, exc)
            return []
        items = data.get("recent") if isinstance(data, dict) else None
        if not isinstance(items, list):
            return []
        return [p for p in items if isinstance(p, str) and p][:RECENT_LIMIT]

    def save(self, paths: Sequence[str]) -> None:
        text = json.dumps({"version": 1, "recent": list(paths)}, ensure_ascii=False, indent=2)
        atomic_write_text(self.path, text + "\n")
