"""Issue 11 item 7: every job reaches a final state in bounded time.

Each scenario below used to keep a job polling or downloading for ever. On virtual time (the
fake server of ``test_runner_rules``) each now ends: done, done with a note, or failed with
``needs-attention`` and a sentence saying why, after a bounded number of requests.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from soundclone_desktop.api.errors import ConnectionLost, DownloadError, ServerError
from soundclone_desktop.api.models import TaskInfo
from soundclone_desktop.core.jobs import FailureReason, Job, JobState
from soundclone_desktop.core.task_status import TaskStatus
from soundclone_desktop.services.schedule import PollPolicy
from tests.services.test_runner_rules import (
    POLICY,
    FakeClient,
    VirtualTime,
    audio,
    make_runner,
    run,
)

Shape = Callable[[str], dict[str, Any]]


class ShapedClient(FakeClient):
    """The fake server, but a finished task's answer is the raw JSON ``shape(task_id)``
    returns, parsed as the real client parses it."""

    def __init__(self, shape: Shape, duration: float = 5.0) -> None:
        super().__init__(VirtualTime(), duration=duration)
        self.shape = shape

    async def get_task(self, task_id: str) -> TaskInfo:
        info = await super().get_task(task_id)
        if info.status is not TaskStatus.COMPLETED:
            return info
        return TaskInfo.from_data({"id": task_id, **self.shape(task_id)})


def _done(client: FakeClient, tmp_path: Path, **params: Any) -> Job:
    result: list[Job] = []

    async def main() -> None:
        async with make_runner(client, tmp_path) as runner:
            result.append(await runner.wait(await runner.submit(audio(**params))))

    run(main)
    return result[0]


def _needs_attention(job: Job, *words: str) -> None:
    assert job.state is JobState.FAILED and job.reason is FailureReason.NEEDS_ATTENTION
    assert job.error and job.error.startswith("Needs your attention:"), job.error
    for word in words:
        assert word in job.error, job.error


def _link(task_id: str) -> str:
    return f"http://files.test/{task_id}.mp3"


@pytest.mark.parametrize("word", ["success", "succeeded", "finished"])
def test_a_done_word_with_an_audio_link_completes(tmp_path: Path, word: str) -> None:
    client = ShapedClient(lambda t: {"status": word, "audioUrl": _link(t)})
    job = _done(client, tmp_path)
    assert job.state is JobState.DOWNLOADED and job.audio_path is not None


def test_snake_case_fields_complete_with_subtitles(tmp_path: Path) -> None:
    client = ShapedClient(
        lambda t: {"status": "completed", "audio_url": _link(t),
                   "subtitle_file": f"http://files.test/{t}.json"}
    )  # fmt: skip
    job = _done(client, tmp_path, subtitles=True)
    assert job.state is JobState.DOWNLOADED and job.subtitle_path is not None


@pytest.mark.parametrize("status", [2, "paused_for_review"])
def test_an_unknown_status_needs_attention_after_a_few_answers(
    tmp_path: Path, status: object
) -> None:
    client = ShapedClient(lambda t: {"status": status, "audioUrl": _link(t)})
    job = _done(client, tmp_path)
    _needs_attention(job, str(status), "audio_0000")
    done_polls = [p for p in client.polls["audio_0000"] if p >= 1005.0]
    assert len(done_polls) == POLICY.max_odd_answers
    assert client.downloads == []


def test_finished_without_a_link_needs_attention(tmp_path: Path) -> None:
    client = ShapedClient(lambda t: {"status": "completed"})
    job = _done(client, tmp_path)
    _needs_attention(job, "no audio link")


def test_inline_subtitles_are_saved(tmp_path: Path) -> None:
    cues = [{"text": "Hello there.", "time_begin": 0, "time_end": 900}]
    values: list[object] = [cues, json.dumps(cues), "WEBVTT\n\n00:00.000 --> 00:00.900\nHi.\n"]
    for value in values:

        def shape(task_id: str, value: object = value) -> dict[str, Any]:
            return {"status": "completed", "audioUrl": _link(task_id), "subtitleFile": value}

        client = ShapedClient(shape)
        job = _done(client, tmp_path / str(len(str(value))), subtitles=True)
        assert job.state is JobState.DOWNLOADED and job.message is None
        assert job.subtitle_path is not None and "H" in job.subtitle_path.read_text()
        assert job.subtitle_path.suffix in (".json", ".vtt")


def test_unreadable_inline_subtitles_still_deliver_the_audio(tmp_path: Path) -> None:
    client = ShapedClient(
        lambda t: {"status": "completed", "audioUrl": _link(t), "subtitleFile": "see attachment"}
    )
    job = _done(client, tmp_path, subtitles=True)
    assert job.state is JobState.DOWNLOADED and job.audio_path is not None
    assert job.message and "subtitles could not be downloaded" in job.message


def test_a_subtitle_link_answering_404_still_delivers_the_audio(tmp_path: Path) -> None:
    client = FakeClient(VirtualTime(), duration=5.0)
    client.download_errors["subtitles"] = [DownloadError("GET x: HTTP 404", http_status=404)] * 99
    job = _done(client, tmp_path, subtitles=True)
    assert job.state is JobState.DOWNLOADED and job.audio_path is not None
    assert job.subtitle_path is None
    assert job.message == (
        "The audio was saved, but the subtitles could not be downloaded (HTTP 404)."
    )
    assert len(client.download_errors["subtitles"]) == 98  # tried once: a 404 is not retried


def test_subtitles_failing_transiently_are_given_up_at_the_bound(tmp_path: Path) -> None:
    client = FakeClient(VirtualTime(), duration=5.0)
    client.download_errors["subtitles"] = [ConnectionLost("cut")] * 999
    job = _done(client, tmp_path, subtitles=True)
    assert job.state is JobState.DOWNLOADED and job.audio_path is not None
    assert job.message and "subtitles could not be downloaded" in job.message
    assert 999 - len(client.download_errors["subtitles"]) == POLICY.max_failures


def test_an_audio_link_that_fails_for_good_needs_attention(tmp_path: Path) -> None:
    client = FakeClient(VirtualTime(), duration=5.0)
    redirect = DownloadError("GET x: redirected to file:", http_status=302)
    client.download_errors["audio"] = [DownloadError("GET x: HTTP 404", http_status=404), redirect]
    job = _done(client, tmp_path)
    _needs_attention(job, "not on the web")  # the second (fresh) link failed too
    assert client.download_errors["audio"] == []


def test_one_fresh_link_is_tried_after_a_dead_one(tmp_path: Path) -> None:
    client = FakeClient(VirtualTime(), duration=5.0)
    client.download_errors["audio"] = [DownloadError("GET x: HTTP 403", http_status=403)]
    job = _done(client, tmp_path)
    assert job.state is JobState.DOWNLOADED


def test_a_server_failing_every_poll_needs_attention_in_bounded_time(tmp_path: Path) -> None:
    client = FakeClient(VirtualTime(), duration=5.0)
    client.poll_errors = [ServerError("HTTP 502", http_status=502)] * 999
    job = _done(client, tmp_path)
    _needs_attention(job, "did not answer properly")
    assert len(client.polls["audio_0000"]) == POLICY.max_failures
    # 5 + 10 + 20 + 40 + 60 × 15 s of backoff: about 16 minutes, then a final state.
    assert client.vt.now - 1000.0 < 20 * 60


def test_a_task_that_never_finishes_needs_attention_after_the_limit(tmp_path: Path) -> None:
    client = FakeClient(VirtualTime(), duration=10 * 3600.0)
    job = _done(client, tmp_path)
    _needs_attention(job, "6 h")
    assert client.vt.now - 1000.0 < POLICY.give_up_after + POLICY.long_interval + 1


def test_limits_are_validated() -> None:
    with pytest.raises(ValueError):
        PollPolicy(max_failures=0)
    with pytest.raises(ValueError):
        PollPolicy(give_up_after=10.0)
