"""The download step of a finished task: its audio and subtitles fetched together."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from soundclone_desktop.api.models import AUDIO_KINDS, SUBTITLE_KINDS, Downloaded, TaskInfo

from .task_entry import TaskClient, TaskEntry


async def fetch_results(
    client: TaskClient, slots: asyncio.Semaphore, entry: TaskEntry, info: TaskInfo
) -> dict[str, BaseException]:
    """Fetch what the job still lacks (audio, subtitles) at once, within ``slots``; keep on
    the job the paths of what arrived and return what failed, by ``"audio"``/``"subtitles"``.

    Inline subtitles are written here; a text that is no subtitle format gives up the
    subtitles (``entry.subtitle_problem``), never the audio.
    """
    job = entry.job
    assert job.task_id is not None
    stem = f"{job.task_id}.subtitles"
    needs_subtitles = job.subtitle_path is None and entry.subtitle_problem is None
    if needs_subtitles and info.subtitle_inline is not None:
        # Loaded on first use: the subtitle parsers are not needed at start-up.
        from .inline_subtitles import save_inline_subtitles

        try:
            job.subtitle_path = await asyncio.to_thread(
                save_inline_subtitles, info.subtitle_inline, entry.dest_dir, stem
            )
        except ValueError as exc:  # SubtitleFormatError: the text is no subtitle format
            entry.subtitle_problem = str(exc).rstrip(".")
    fetch: dict[str, Awaitable[Downloaded]] = {}
    async with slots:
        if job.audio_path is None and info.audio_url:
            # `expect`: an error page served with HTTP 200 must not be saved as the result.
            fetch["audio"] = client.download(
                info.audio_url, entry.dest_dir, job.task_id, expect=AUDIO_KINDS
            )
        if needs_subtitles and job.subtitle_path is None and info.subtitle_url:
            fetch["subtitles"] = client.download(
                info.subtitle_url, entry.dest_dir, stem, expect=SUBTITLE_KINDS
            )
        results = await asyncio.gather(*fetch.values(), return_exceptions=True)
    failed: dict[str, BaseException] = {}
    for what, result in zip(fetch, results, strict=True):
        if isinstance(result, asyncio.CancelledError):
            raise result
        if isinstance(result, BaseException):
            failed[what] = result
        elif what == "audio":
            job.audio_path = result.path
        else:
            job.subtitle_path = result.path
    return failed
