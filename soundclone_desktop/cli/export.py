"""``soundclone export``: save a finished task's audio and subtitles for a video editor.

``export ID [--audio OUT] [--subtitles OUT] [--format srt|vtt|lrc|ass] [--normalize]
[--max-chars N] [--max-lines N] [--min-duration MS]``

``ID`` is the server's task id or the first characters of the library entry's id (as
``soundclone history`` shows them); the files are the ones downloaded when the task finished
(the task library records where). The audio format follows ``--audio``'s extension:
``.wav``, ``.mp3``, ``.m4a``, ``.opus`` or ``.flac`` convert (from whatever the result is:
the audio engine decodes any format), the original's own extension or none keeps the
original format. ``--normalize`` brings the loudness to ``--target-lufs`` (−16 by default,
−23 for broadcast) with true peaks at most −1 dBTP. The subtitle format is ``--format``,
else ``--subtitles``'s extension, else SRT.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from soundclone_desktop.audio.export import AudioExportError, AudioFormat, export_audio
from soundclone_desktop.audio.transform import PODCAST, LoudnessTarget
from soundclone_desktop.cli.context import EXIT_FAILED, EXIT_USAGE, CliError, Context, fail, finish
from soundclone_desktop.core.audio_format import SNIFF_BYTES, sniff_audio
from soundclone_desktop.core.subtitles import (
    MAX_CHARS_RANGE,
    MAX_LINES_RANGE,
    MIN_DURATION_RANGE,
    ExportOptions,
    SubtitleFormat,
    SubtitleFormatError,
    encode,
    export_subtitles,
    parse_subtitles,
)
from soundclone_desktop.store import paths
from soundclone_desktop.store.atomic import atomic_write_bytes
from soundclone_desktop.store.library import LibraryError, TaskLibrary, TaskRecord

_AUDIO_BY_SUFFIX = {
    ".wav": AudioFormat.WAV,
    ".mp3": AudioFormat.MP3,
    ".m4a": AudioFormat.M4A,
    ".opus": AudioFormat.OPUS,
    ".flac": AudioFormat.FLAC,
}
_TARGET_LUFS_RANGE = (-40.0, -5.0)


def register(command: Callable[..., Any]) -> None:
    """Add ``export`` through the CLI's subcommand helper."""
    defaults = ExportOptions()
    p = command(
        "export",
        cmd_export,
        "Save a finished task's audio (original, WAV, MP3, M4A, Opus or FLAC) and subtitles "
        "(SRT, WebVTT, LRC or ASS) for a video editor.",
    )
    p.add_argument("id", metavar="TASK_ID", help="task id, or the first characters of a "
                   "library entry's id (see history)")  # fmt: skip
    p.add_argument("--audio", type=Path, metavar="OUT",
                   help="save the audio here: .wav, .mp3, .m4a, .opus or .flac converts, "
                   "other names keep the original format")  # fmt: skip
    p.add_argument("--subtitles", type=Path, metavar="OUT", help="save the subtitles here")
    p.add_argument("--format", choices=[f.value for f in SubtitleFormat],
                   help="subtitle format (default: from the file name, else srt)")  # fmt: skip
    p.add_argument("--normalize", action="store_true",
                   help="bring the audio to --target-lufs (BS.1770) with true peaks at most "
                   "-1 dBTP")  # fmt: skip
    p.add_argument("--target-lufs", type=float, default=PODCAST.lufs, metavar="LUFS",
                   help="loudness target for --normalize: -16 for podcasts and the web "
                   "(default), -23 for broadcast")  # fmt: skip
    p.add_argument("--max-chars", type=int, default=defaults.max_chars_per_line,
                   help=f"characters per subtitle line, {_span(MAX_CHARS_RANGE)} "
                   f"(default {defaults.max_chars_per_line})")  # fmt: skip
    p.add_argument("--max-lines", type=int, default=defaults.max_lines,
                   help=f"lines per subtitle, {_span(MAX_LINES_RANGE)} "
                   f"(default {defaults.max_lines})")  # fmt: skip
    p.add_argument("--min-duration", type=int, default=defaults.min_duration_ms, metavar="MS",
                   help=f"shortest time a subtitle stays up, {_span(MIN_DURATION_RANGE)} ms "
                   f"(default {defaults.min_duration_ms})")  # fmt: skip


def _span(bounds: tuple[int, int]) -> str:
    return f"{bounds[0]}–{bounds[1]}"


def cmd_export(ctx: Context) -> int:
    args = ctx.args
    if args.audio is None and args.subtitles is None:
        fail("Nothing to export: give --audio OUT, --subtitles OUT or both.")
    options = _options(args.max_chars, args.max_lines, args.min_duration)
    with _library(ctx) as library:
        record = _find(library, args.id)
    task = record.task_id or record.local_id
    lines: list[str] = []
    data: dict[str, object] = {"task_id": record.task_id, "local_id": record.local_id}
    # Check everything before writing anything, so a failure leaves no half-done export.
    audio_source = _source(record.audio_path, "audio", task) if args.audio else None
    subtitle_source = _source(record.subtitle_path, "subtitles", task) if args.subtitles else None
    if subtitle_source is not None:
        fmt = _subtitle_format(args.format, args.subtitles)
        text = _subtitle_text(subtitle_source, fmt, options)
    if audio_source is not None:
        target = _loudness(args.target_lufs) if args.normalize else None
        written = _export_audio(audio_source, args.audio, loudness=target)
        lines.append(f"Audio saved to {written}.")
        data["audio"] = str(written)
    if subtitle_source is not None:
        target = args.subtitles if args.subtitles.suffix else args.subtitles.with_name(
            args.subtitles.name + fmt.extension)  # fmt: skip
        try:
            atomic_write_bytes(target, encode(text))
        except OSError as exc:
            fail(f"Could not write {target}: {exc.strerror or exc}.", EXIT_FAILED)
        lines.append(f"Subtitles ({fmt.value.upper()}) saved to {target}.")
        data.update(subtitles=str(target), format=fmt.value)
    return finish(ctx, lines, data)


def _options(max_chars: int, max_lines: int, min_duration: int) -> ExportOptions:
    for flag, value, bounds in (
        ("--max-chars", max_chars, MAX_CHARS_RANGE),
        ("--max-lines", max_lines, MAX_LINES_RANGE),
        ("--min-duration", min_duration, MIN_DURATION_RANGE),
    ):
        if not bounds[0] <= value <= bounds[1]:
            fail(f"{flag} must be from {bounds[0]} to {bounds[1]} (got {value}).")
    return ExportOptions(max_chars, max_lines, min_duration)


@contextmanager
def _library(ctx: Context) -> Iterator[TaskLibrary]:
    path = paths.library_path(ctx.data_dir)
    if not path.exists():
        fail(f"No tasks have been recorded in {ctx.data_dir} yet, so there is nothing to "
              "export. Synthesise something first, or pass --data-dir.")  # fmt: skip
    try:
        library = TaskLibrary(path)
    except (LibraryError, OSError) as exc:
        raise CliError(f"Could not open the task library: {exc}", EXIT_USAGE) from exc
    try:
        yield library
    finally:
        library.close()


def _find(library: TaskLibrary, key: str) -> TaskRecord:
    record = library.by_task_id(key.strip())
    if record is not None:
        return record
    found = library.find(key)
    if not found:
        fail(f"No task {key} in the task library. `soundclone history` lists the tasks "
              "sent from this computer.")  # fmt: skip
    if len({r.local_id for r in found}) > 1:
        ids = ", ".join(r.task_id or r.local_id for r in found[:5])
        fail(f"{key} matches several tasks ({ids}); give more of the id.")
    return found[0]


def _source(path: Path | None, what: str, task: str) -> Path:
    if path is None:
        hint = (" Subtitles are made only when asked for (synth --subtitles sentence|word)."
                if what == "subtitles" else "")  # fmt: skip
        fail(f"Task {task} has no downloaded {what}.{hint}")
    if not path.is_file():
        fail(f"The {what} file of task {task} is missing: {path}.")
    return path


def _subtitle_format(name: str | None, target: Path) -> SubtitleFormat:
    if name:
        return SubtitleFormat(name)
    suffix = target.suffix.lower().lstrip(".")
    return SubtitleFormat(suffix) if suffix in {f.value for f in SubtitleFormat} else (
        SubtitleFormat.SRT)  # fmt: skip


def _subtitle_text(source: Path, fmt: SubtitleFormat, options: ExportOptions) -> str:
    try:
        subtitles = parse_subtitles(source.read_bytes())
    except OSError as exc:
        fail(f"Could not read {source}: {exc.strerror or exc}.")
    except SubtitleFormatError as exc:
        fail(f"The server's subtitle file could not be read: {exc} It is kept as it is at "
              f"{source}.", EXIT_FAILED)  # fmt: skip
    return export_subtitles(subtitles, fmt, options)


def _loudness(lufs: float) -> LoudnessTarget:
    low, high = _TARGET_LUFS_RANGE
    if not low <= lufs <= high:
        fail(f"--target-lufs must be from {low:g} to {high:g} (got {lufs:g}).")
    return LoudnessTarget(lufs, PODCAST.ceiling_dbtp)


def _export_audio(source: Path, target: Path, *, loudness: LoudnessTarget | None) -> Path:
    with source.open("rb") as handle:
        kind = sniff_audio(handle.read(SNIFF_BYTES))
    if kind is None:
        fail(f"The task's audio file {source} is not audio this app recognises.", EXIT_FAILED)
    suffix = target.suffix.lower()
    fmt = _AUDIO_BY_SUFFIX.get(suffix, AudioFormat.ORIGINAL)
    if suffix and fmt is AudioFormat.ORIGINAL and suffix != f".{kind}":
        fail(f"--audio must end in .wav, .mp3, .m4a, .opus or .flac, or .{kind} to keep the "
              "original format, or have no extension.")  # fmt: skip
    try:
        return export_audio(source, target, fmt, normalize=loudness or False)
    except AudioExportError as exc:
        fail(str(exc), EXIT_FAILED)
