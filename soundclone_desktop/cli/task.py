"""``soundclone task ID``: a task's current status, straight from the server."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from soundclone_desktop.api.models import TaskInfo
from soundclone_desktop.cli.context import Context, connection, finish, open_client


def register(command: Callable[..., Any]) -> None:
    """Add ``task`` through the CLI's subcommand helper."""
    p = command("task", cmd_task, "Show the status of a task.")
    p.add_argument("task_id", metavar="ID")


def cmd_task(ctx: Context) -> int:
    with connection(ctx) as (base_url, token):
        info = asyncio.run(_get_task(base_url, token, ctx.args.task_id))
    status = info.status_raw or info.status.value
    lines = [f"Task {info.id}: {status}."]
    for label, value in (("Voice model ID", info.model_id), ("Audio", info.audio_url),
                         ("Subtitles", info.subtitle_url), ("Error", info.error)):  # fmt: skip
        if value:
            lines.append(f"{label}: {value}")
    data: dict[str, object] = {
        "task_id": info.id, "status": status, "model": info.model, "created": info.created,
        "model_id": info.model_id, "audio_url": info.audio_url,
        "subtitle_url": info.subtitle_url, "error": info.error,
    }  # fmt: skip
    return finish(ctx, lines, data)


async def _get_task(base_url: str, token: str, task_id: str) -> TaskInfo:
    async with open_client(base_url, token) as client:
        return await client.get_task(task_id)
