"""Reading a result's subtitle file: run in a worker thread, never on the GUI thread.

Everything a loaded result needs that costs more than a tick is computed here, once: the
parsed cues, their display lines, and where each cue and word lies in the script that was
synthesised (for the editor highlight).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from soundclone_desktop.core.subtitles.align import CueAlignment, align_to_script
from soundclone_desktop.core.subtitles.model import SubtitleFormatError, Subtitles
from soundclone_desktop.core.subtitles.parse import parse_subtitles
from soundclone_desktop.i18n import translate

from .model import CueLine, lay_out

CTX = "CaptionsPane"

# A subtitle file for a 9,999-character script is a few hundred kB; anything far larger is
# not one of ours and would only freeze the pane.
MAX_SUBTITLE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class LoadedCaptions:
    subtitles: Subtitles
    lines: tuple[CueLine, ...]
    alignment: tuple[CueAlignment, ...] | None  # None without a script to align to


class CaptionsReadError(Exception):
    """The file could not be read or parsed; ``str()`` is a sentence for the user."""


def read_captions(path: Path, script: str | None) -> LoadedCaptions:
    try:
        size = path.stat().st_size
        if size > MAX_SUBTITLE_BYTES:
            # translate() is thread-safe; the sentence is shown as it is.
            raise CaptionsReadError(
                translate(CTX, "it is too large ({size} MB)").format(size=size // 2**20)
            )
        data = path.read_bytes()
    except OSError as exc:
        raise CaptionsReadError(exc.strerror or str(exc)) from exc
    try:
        subtitles = parse_subtitles(data)
    except SubtitleFormatError as exc:
        raise CaptionsReadError(str(exc)) from exc
    alignment = align_to_script(subtitles, script) if script else None
    return LoadedCaptions(subtitles, lay_out(subtitles), alignment)
