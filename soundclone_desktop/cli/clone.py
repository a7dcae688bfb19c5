"""``soundclone clone``: a voice from a 15–60 s recording, into the voice library."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from soundclone_desktop.api.client import SoundCloneClient
from soundclone_desktop.cli.context import (
    EXIT_OK,
    Context,
    connection,
    fail,
    finish,
    invalid_input,
)
from soundclone_desktop.cli.run_jobs import follow, outcome, progress_reporter
from soundclone_desktop.cli.voices import default_name, open_library
from soundclone_desktop.core.audio_format import wav_duration
from soundclone_desktop.core.jobs import Job
from soundclone_desktop.core.params import (
    CLONE_EXTENSIONS,
    MAX_CLONE_SECONDS,
    MIN_CLONE_SECONDS,
    VERSIONS,
)
from soundclone_desktop.services.clone import (
    CloneRequest,
    UploadRefusedError,
    save_voice,
    send_preview,
)
from soundclone_desktop.services.tasks import TaskRunner
from soundclone_desktop.store import paths

log = logging.getLogger(__name__)


def register(command: Callable[..., Any]) -> None:
    """Add ``clone`` through the CLI's subcommand helper."""
    p = command(
        "clone", cmd_clone, "Clone a voice from a 15–60 s recording (a local file or a public URL)."
    )
    p.add_argument("source", metavar="AUDIO_OR_URL")
    p.add_argument("--text", help="preview text (up to 269 characters)")
    p.add_argument("--version", dest="model_version", choices=VERSIONS)
    p.add_argument("--language")
    p.add_argument("--name", help="name in the voice library (default: the file's name)")


def cmd_clone(ctx: Context) -> int:
    args = ctx.args
    source: str = args.source
    is_url = source.startswith(("http://", "https://"))
    if not is_url:
        _check_sample(Path(source))
    request = CloneRequest(
        path=None if is_url else Path(source),
        url=source if is_url else "",
        text=args.text or "",
        version=args.model_version or "v2",
        language=args.language or "auto",
    )
    url_for_check = source if is_url else f"https://example.invalid/sample{Path(source).suffix}"
    problems = request.params(url_for_check).validate()
    if problems:
        invalid_input(problems)
    with connection(ctx) as (base_url, token):
        job = _clone(ctx, base_url, token, request)
    name = (args.name or "").strip() or default_name(source)
    with open_library(ctx.data_dir) as library:
        voice = save_voice(library, job, request, name=name, demo=bool(args.demo))
    ctx.settings.last_voice = job.model_id
    ctx.settings_store.save(ctx.settings)
    job.audio_path = voice.preview_path or job.audio_path  # moved into the voice library
    lines = [
        f"Voice model ID: {job.model_id} (saved in the voice library as “{voice.name}”)",
        f"Preview saved to {job.audio_path}.",
        "Use it within 3 days: the first synthesis with it makes the voice permanent.",
    ]
    data: dict[str, object] = {
        "model_id": job.model_id, "task_id": job.task_id, "name": voice.name,
        "preview": str(job.audio_path) if job.audio_path else None,
    }  # fmt: skip
    return finish(ctx, lines, data)


def _clone(ctx: Context, base_url: str, token: str, request: CloneRequest) -> Job:
    """Upload and preview through the shared clone use case; the finished preview job."""
    dest = paths.voices_dir(ctx.data_dir)

    async def send(task_runner: TaskRunner, client: SoundCloneClient) -> list[Job]:
        try:
            job = await send_preview(
                task_runner,
                client,
                request,
                progress_reporter(ctx),
                base_url=base_url,
                on_upload=lambda path: ctx.progress(f"Uploading {path.name}…"),
                dest_dir=dest,
            )
        except UploadRefusedError as exc:
            fail(f"The server gave the upload an address the clone cannot use: {exc.check.message}")
        return [job]

    job = follow(ctx, base_url, token, dest, send)[0]
    code, why = outcome(job)
    if code != EXIT_OK:
        fail(why, code)
    return job


def _check_sample(path: Path) -> None:
    """Refuse a local recording the clone endpoint would reject, before anything is paid."""
    if not path.is_file():
        fail(f"The recording {path} does not exist.")
    ext = path.suffix.lower().lstrip(".")
    if ext not in CLONE_EXTENSIONS:
        fail(f"Recordings of type .{ext or '?'} cannot be cloned; use one of "
              f"{', '.join(CLONE_EXTENSIONS)}.")  # fmt: skip
    if ext != "wav":
        log.warning(
            "Only WAV lengths are checked here: make sure %s has %d–%d s of speech.",
            path.name,
            MIN_CLONE_SECONDS,
            MAX_CLONE_SECONDS,
        )
        return
    with path.open("rb") as handle:
        seconds = wav_duration(handle.read(1 << 20))
    if seconds is None:
        fail(f"{path} is not a readable WAV file.")
    if not MIN_CLONE_SECONDS < seconds < MAX_CLONE_SECONDS:
        fail(f"The recording lasts {seconds:.1f} s; the service needs more than "
              f"{MIN_CLONE_SECONDS} s and less than {MAX_CLONE_SECONDS} s of speech.")  # fmt: skip
