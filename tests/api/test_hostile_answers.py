"""Issue 11 items 7 and 9 at the API layer: answers in shapes the docs do not promise (status
words, snake_case, inline or WebVTT subtitles, a redirect to file://) are understood or refused
at once, and the key a server echoes back is scrubbed from every string before anyone sees it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from soundclone_desktop.api import (
    AUDIO_KINDS,
    SUBTITLE_KINDS,
    DownloadError,
    RetryPolicy,
    SoundCloneClient,
    TaskInfo,
    TaskStatus,
    UnexpectedContentError,
)
from soundclone_desktop.api._files import sniff_kind
from soundclone_desktop.api.redact import REDACTED, scrub, scrub_excerpt
from tests.api.conftest import RecordingServer, RetryLog, Route, RunClient

StartServer = Callable[[], RecordingServer]
# Obviously fake keys: one with characters that URL-encoding changes, one short.
KEY = "fake/key+with=odd?chars-0123"
SHORT_KEY = "fk-short-1"
NO_RETRY = RetryPolicy(max_attempts=1)


# -- status words, snake_case, inline subtitles ---------------------------------------------


@pytest.mark.parametrize("word", ["success", "succeeded", "finished", "SUCCESS", "done"])
def test_a_done_word_with_an_audio_link_is_completed(word: str) -> None:
    task = TaskInfo.from_data({"id": "a", "status": word, "audioUrl": "https://cdn/a.wav"})
    assert task.status is TaskStatus.COMPLETED and task.status_raw == word


def test_a_done_word_without_a_link_stays_unknown() -> None:
    task = TaskInfo.from_data({"id": "a", "status": "success"})
    assert task.status is TaskStatus.UNKNOWN


def test_a_numeric_status_is_unknown_but_kept_for_the_message() -> None:
    task = TaskInfo.from_data({"id": "a", "status": 2, "audioUrl": "https://cdn/a.wav"})
    assert task.status is TaskStatus.UNKNOWN and task.status_raw == "2"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("pending", TaskStatus.QUEUED), ("in-progress", TaskStatus.PROCESSING),
     ("running", TaskStatus.PROCESSING), ("error", TaskStatus.FAILED)],
)  # fmt: skip
def test_plain_synonyms(raw: str, expected: TaskStatus) -> None:
    assert TaskInfo.from_data({"id": "a", "status": raw}).status is expected


def test_snake_case_fields() -> None:
    task = TaskInfo.from_data(
        {"id": "a", "status": "completed", "audio_url": "https://cdn/a.wav",
         "subtitle_file": "https://cdn/a.json", "model_id": "model_x"}
    )  # fmt: skip
    assert task.audio_url == "https://cdn/a.wav"
    assert task.subtitle_url == "https://cdn/a.json"
    assert task.model_id == "model_x"


@pytest.mark.parametrize(
    "value",
    [
        [{"text": "Hi", "time_begin": 0, "time_end": 800}],
        json.dumps([{"text": "Hi", "time_begin": 0, "time_end": 800}]),
        "WEBVTT\n\n00:00.000 --> 00:00.800\nHi\n",
    ],
)
def test_inline_subtitles_are_content_not_a_url(value: object) -> None:
    task = TaskInfo.from_data({"id": "a", "status": "completed", "subtitleFile": value})
    assert task.subtitle_url is None
    assert task.subtitle_inline is not None and "Hi" in task.subtitle_inline


def test_webvtt_is_a_subtitle_kind() -> None:
    assert sniff_kind(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n") == "vtt"
    assert "vtt" in SUBTITLE_KINDS


# -- redirects --------------------------------------------------------------------------------


def test_a_redirect_to_file_is_refused_at_once(
    recording_server: StartServer, run_client: RunClient, retry_log: RetryLog, tmp_path: Path
) -> None:
    """It used to be followed into httpx's UnsupportedProtocol, a "lost connection" that
    every layer retried for ever."""
    cdn = recording_server()
    cdn.routes["/a.wav"] = Route(status=302, headers={"Location": "file:///etc/passwd"})

    async def run(client: SoundCloneClient) -> None:
        await client.download(cdn.url("/a.wav"), tmp_path / "out", "a", expect=AUDIO_KINDS)

    with pytest.raises(DownloadError) as info:
        run_client("http://127.0.0.1:9", run, token="api-token-1234")
    assert type(info.value) is DownloadError and not info.value.retryable
    assert "file" in str(info.value)
    assert len(cdn.seen) == 1 and retry_log.sleeps == []


# -- the key echoed back ------------------------------------------------------------------------


def test_scrub_covers_the_url_encoded_key() -> None:
    encoded = quote(KEY, safe="")
    for text in (f"k={encoded}", f"k={encoded.lower()}", f"k={KEY}"):
        assert scrub(text, [KEY]) == f"k={REDACTED}"


def test_an_excerpt_never_ends_in_the_start_of_the_key() -> None:
    assert scrub_excerpt("error: " + KEY + " was refused", 16, [KEY]).startswith("error: [RED")
    # The text was already cut inside the key (the first bytes of a body): the key's first
    # characters alone are replaced as well.
    assert scrub_excerpt("error: " + KEY[:8], 16, ["error-free", KEY]) == "error: " + REDACTED
    assert scrub_excerpt("plain text that is long", 10, [KEY]) == "plain text"


def _api(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.MockTransport:
    return httpx.MockTransport(handler)


def _envelope(data: object) -> httpx.Response:
    return httpx.Response(200, json={"code": 20000, "msg": "ok", "data": data})


def test_every_string_of_a_task_answer_is_scrubbed(run_client: RunClient) -> None:
    """Only the envelope's msg used to be scrubbed: a task's error carried the key to stderr
    and into library.sqlite3."""
    data = {
        "id": "audio_1",
        "status": "failed",
        "error": f"key {KEY} has no quota ({quote(KEY, safe='')})",
        "extra": {"nested": [f"Bearer {KEY}"]},
    }
    transport = _api(lambda request: _envelope(data))

    async def run(client: SoundCloneClient) -> TaskInfo:
        return await client.get_task("audio_1")

    task = run_client("http://api.test", run, token=KEY, transport=transport)
    assert task.error == f"key {REDACTED} has no quota ({REDACTED})"
    assert KEY not in repr(task.raw) and quote(KEY, safe="") not in repr(task.raw)


def test_a_long_envelope_message_is_cut_after_scrubbing(run_client: RunClient) -> None:
    msg = "x" * 490 + KEY  # the old 500-character cut kept the key's first ten characters
    transport = _api(lambda request: httpx.Response(200, json={"code": 20002, "msg": msg}))

    async def run(client: SoundCloneClient) -> None:
        await client.get_task("audio_1")

    with pytest.raises(Exception) as info:
        run_client("http://api.test", run, token=KEY, transport=transport)
    assert KEY[:8] not in str(info.value) and REDACTED in str(info.value)


def test_a_quoted_download_body_never_shows_the_key(
    recording_server: StartServer, run_client: RunClient, tmp_path: Path
) -> None:
    """The message quoted a body's first 16 bytes: the whole of a short key."""
    cdn = recording_server()
    cdn.routes["/a.wav"] = Route(body=SHORT_KEY.encode() + b" is not allowed here")
    cdn.routes["/b.wav"] = Route(body=b"denied " + KEY.encode())

    async def run(client: SoundCloneClient, path: str) -> None:
        await client.download(cdn.url(path), tmp_path / "out", "a", expect=AUDIO_KINDS)

    for path, key in (("/a.wav", SHORT_KEY), ("/b.wav", KEY)):
        with pytest.raises(UnexpectedContentError) as info:
            run_client("http://127.0.0.1:9", lambda c, p=path: run(c, p), token=key,
                       retry=NO_RETRY)  # fmt: skip
        text = str(info.value)
        assert key[:4] not in text, text


def test_a_subtitle_file_holding_the_key_is_saved_without_it(
    recording_server: StartServer, run_client: RunClient, tmp_path: Path
) -> None:
    cdn = recording_server()
    cdn.routes["/s.json"] = Route(body=json.dumps([{"text": f"say {KEY}"}]).encode())

    async def run(client: SoundCloneClient) -> Path:
        return (await client.download(cdn.url("/s.json"), tmp_path, "s")).path

    path = run_client("http://127.0.0.1:9", run, token=KEY)
    assert KEY.encode() not in path.read_bytes() and REDACTED.encode() in path.read_bytes()
