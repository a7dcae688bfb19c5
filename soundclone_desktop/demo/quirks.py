"""Hostile but plausible answers, for testing clients against what the docs do not promise.

Each quirk reshapes a task answer (or a file) the way some server might; a task is given one
variant of each quirk from its id, so a batch sees all of them:

- ``status-words``      a completed task says ``success``, ``succeeded`` or ``finished``;
- ``snake-case``        ``audio_url``, ``subtitle_file``, ``model_id`` instead of camelCase;
- ``inline-subtitles``  ``subtitleFile`` holds the subtitles (a list, or a JSON string) for
  two tasks in three;
- ``vtt-subtitles``     the subtitle file is WebVTT instead of MiniMax JSON;
- ``echo-key``          the API key is echoed in every string it can be: envelope errors,
  the task's ``error`` and a ``note`` field, error bodies of files.

The key is never put in a URL: a client that scrubs it would lose the link (and should).
"""

from __future__ import annotations

import json
from collections.abc import Callable

QUIRKS = ("status-words", "snake-case", "inline-subtitles", "vtt-subtitles", "echo-key")
_DONE_WORDS = ("success", "succeeded", "finished")
_SNAKE = {"audioUrl": "audio_url", "subtitleFile": "subtitle_file", "modelId": "model_id"}


def variant(task_id: str, count: int) -> int:
    """Which of ``count`` variants a task gets: fixed by its id."""
    return sum(task_id.encode()) % count


def reshape_task(
    data: dict[str, object],
    quirks: tuple[str, ...],
    token: str,
    read_subtitles: Callable[[str], bytes | None],
) -> dict[str, object]:
    """The task answer ``data`` with ``quirks`` applied. ``read_subtitles(url)`` returns the
    subtitle file behind a URL of this server (for ``inline-subtitles``)."""
    task_id = str(data["id"])
    data = dict(data)
    if "status-words" in quirks and data.get("status") == "completed":
        data["status"] = _DONE_WORDS[variant(task_id, len(_DONE_WORDS))]
    url = data.get("subtitleFile")
    inline = variant(task_id, 3)  # 0: the link as usual, 1: a list, 2: a JSON string
    if "inline-subtitles" in quirks and isinstance(url, str) and inline:
        body = read_subtitles(url)
        if body is not None:
            text = body.decode("utf-8")
            data["subtitleFile"] = json.loads(text) if inline == 1 else text
    if "echo-key" in quirks:
        data["note"] = f"served for key {token}"
        if data.get("error"):
            data["error"] = f"{data['error']} (key {token})"
    if "snake-case" in quirks:
        data = {_SNAKE.get(key, key): value for key, value in data.items()}
    return data


def to_webvtt(minimax: bytes) -> bytes:
    """A MiniMax JSON subtitle file as WebVTT, one cue per sentence."""
    lines = ["WEBVTT", ""]
    for sentence in json.loads(minimax):
        begin, end = _time(sentence["time_begin"]), _time(sentence["time_end"])
        lines += [f"{begin} --> {end}", str(sentence["text"]).strip(), ""]
    return "\n".join(lines).encode("utf-8")


def _time(ms: object) -> str:
    total = int(float(str(ms)))
    hours, rest = divmod(total, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"
