"""``soundclone voices``, and the voice library's part in ``clone`` and ``resume``.

The library is the same SQLite file the desktop app uses (``voices.sqlite3`` in the data
folder), so a voice cloned here shows up in the app's voice picker and the other way round.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from soundclone_desktop.cli.context import EXIT_USAGE, CliError, Context, finish
from soundclone_desktop.core.voices import VoiceStatus, split_remaining
from soundclone_desktop.services.clone_adopt import adopt_finished_clones, voice_name_from_source
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import TaskLibrary
from soundclone_desktop.store.voices import Voice, VoiceLibrary, VoiceLibraryError

STATUSES = tuple(status.value for status in VoiceStatus)


def register(command: Callable[..., Any]) -> None:
    """Add ``voices`` through the CLI's subcommand helper."""
    p = command("voices", cmd_voices, "List the voices in the library with their status.")
    p.add_argument(
        "--status",
        choices=STATUSES,
        action="append",
        help="only voices with this status (repeat for several)",
    )


def open_library(data_dir: Path) -> VoiceLibrary:
    """The voice library in ``data_dir``; a broken file becomes a clear CLI error."""
    try:
        return VoiceLibrary(paths.voice_library_path(data_dir), paths.voices_dir(data_dir))
    except (VoiceLibraryError, OSError) as exc:
        raise CliError(f"Could not open the voice library: {exc}", EXIT_USAGE) from exc


# -- soundclone voices ---------------------------------------------------------------------------


def cmd_voices(ctx: Context) -> int:
    now = time.time()
    library_file = paths.voice_library_path(ctx.data_dir)
    voices: list[Voice] = []
    if library_file.exists():  # listing must not create an empty library
        with open_library(ctx.data_dir) as library:
            voices = library.all()
    wanted = set(ctx.args.status or STATUSES)
    voices = [v for v in voices if v.status(now).value in wanted]
    rows = [_row(v, now) for v in voices]
    if ctx.args.demo and VoiceStatus.PERMANENT.value in wanted:
        rows.insert(0, _demo_voice_row())  # what `synth --demo` speaks with by default
    if rows:
        lines = _table(
            ("NAME", "STATUS", "MODEL ID", "CREATED", "SOURCE"),
            [_cells(r) for r in rows],
        )
    else:
        lines = ["No voices in the library yet. Clone one with `soundclone clone RECORDING`."]
    return finish(ctx, lines, {"voices": rows})


def _demo_voice_row() -> dict[str, Any]:
    """The demo server's built-in voice: ready and permanent, never stored in the library."""
    from soundclone_desktop.demo.config import DEMO_VOICE_ID

    return {
        "model_id": DEMO_VOICE_ID, "name": "Demo narrator",
        "status": VoiceStatus.PERMANENT.value, "status_text": "ready", "expires_at": None,
        "seconds_left": None, "demo": True, "created": None,
        "source": "built into the demo server", "version": None, "language": None,
        "preview": None, "tags": [], "notes": "",
    }  # fmt: skip


def _cells(row: dict[str, Any]) -> tuple[str, ...]:
    dash = "—"
    return (
        row["name"],
        row["status_text"] + (" (demo)" if row["demo"] else ""),
        row["model_id"],
        row["created"] or dash,
        row["source"] or dash,
    )


def _row(voice: Voice, now: float) -> dict[str, Any]:
    status = voice.status(now)
    expires = voice.expires_at()
    temporary = status is VoiceStatus.TEMPORARY and expires is not None
    return {
        "model_id": voice.model_id,
        "name": voice.name,
        "status": status.value,
        "status_text": status_text(voice, now),
        "expires_at": _iso(expires) if temporary else None,
        "seconds_left": round(expires - now) if temporary and expires is not None else None,
        "demo": voice.demo,
        "created": _iso(voice.created_at),
        "source": voice.source,
        "version": voice.version,
        "language": voice.language,
        "preview": str(voice.preview_path) if voice.preview_path else None,
        "tags": list(voice.tags),
        "notes": voice.notes,
    }


def status_text(voice: Voice, now: float) -> str:
    """A status for people: "temporary, 2 d 5 h left", "permanent", "expired"…"""
    status = voice.status(now)
    expires = voice.expires_at()
    if status is VoiceStatus.TEMPORARY and expires is not None:
        days, hours, minutes = split_remaining(expires - now)
        if days:
            left = f"{days} d {hours} h"
        elif hours:
            left = f"{hours} h {minutes} min"
        else:
            left = f"{minutes} min"
        return f"temporary, {left} left"
    if status is VoiceStatus.UNKNOWN:
        return "unknown (imported by ID)"
    return status.value


def _iso(moment: float | None) -> str | None:
    if moment is None:
        return None
    return datetime.fromtimestamp(moment).astimezone().strftime("%Y-%m-%d %H:%M")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return [line(header), *(line(row) for row in rows)]


# -- soundclone clone: the new voice goes into the library -------------------------------------


def default_name(source: str) -> str:
    """A voice name from what it was cloned from: the file's (or URL's) name without type."""
    return voice_name_from_source(source)


def adopt_clones(data_dir: Path, tasks: TaskLibrary) -> list[Voice]:
    """Add every finished clone of the task library that the voice library lacks (a clone
    killed before it could add its voice, then resumed)."""
    with open_library(data_dir) as library:
        return adopt_finished_clones(tasks, library)


def adopt_clone_lines(ctx: Context, library: TaskLibrary, data: dict[str, object]) -> list[str]:
    """Put finished clones the voice library lacks into it; lines saying so (and ``data``
    gets their ids under ``voices_added``)."""
    if not library.finished_previews():  # nothing to add: no voice library file created
        return []
    added = adopt_clones(ctx.data_dir, library)
    if not added:
        return []
    data["voices_added"] = [voice.model_id for voice in added]
    return [
        f"Voice {voice.model_id} added to the voice library as “{voice.name}” (preview "
        f"{voice.preview_path or 'not saved'}); use it within 3 days to keep it."
        for voice in added
    ]
