"""Task lifecycle on the server clock, the preview speech-length rule and modelId lifetime."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from soundclone_desktop.demo import DEMO_VOICE_ID, DemoServer
from tests.served_audio import is_mp3

DAY = 24 * 3600.0


def test_statuses_follow_the_clock(api: Any) -> None:
    # task_seconds=10 on a frozen clock: queued for the first 30 %, then processing.
    task_id = api.audio("Hello world.")
    task = api.task(task_id)
    assert task["status"] == "queued"
    assert task["audioUrl"] is None and task["error"] is None
    assert task["model"] == "soundCloningAudio" and task["object"] == "audio"
    api.server.advance_clock(2.9)
    assert api.task(task_id)["status"] == "queued"
    api.server.advance_clock(0.2)
    assert api.task(task_id)["status"] == "processing"
    api.server.advance_clock(6.8)
    assert api.task(task_id)["status"] == "processing"
    api.server.advance_clock(0.2)
    done = api.task(task_id)
    assert done["status"] == "completed"
    assert done["audioUrl"].startswith(api.server.base_url + "/files/")
    assert "subtitleFile" not in done
    assert api.task(task_id) == done  # terminal states stay put


def test_clock_can_be_advanced_over_http(api: Any) -> None:
    task_id = api.audio("Hello world.")
    api.http.post(api.base + "/_demo/clock", json={"advance": 11})
    assert api.task(task_id)["status"] == "completed"


def test_real_time_with_short_tasks(
    make_demo_server: Callable[..., DemoServer], make_api: Callable[..., Any]
) -> None:
    api = make_api(make_demo_server(task_seconds=1.0))  # queued 0-0.3 s, processing 0.3-1 s
    started = time.monotonic()
    task_id = api.audio("Hello world.")
    assert api.task(task_id)["status"] == "queued"
    time.sleep(max(0.0, started + 0.6 - time.monotonic()))
    assert api.task(task_id)["status"] == "processing"
    time.sleep(max(0.0, started + 1.1 - time.monotonic()))
    assert api.task(task_id)["status"] == "completed"


def test_seconds_per_char_lengthens_tasks(
    make_manual_server: Callable[..., DemoServer], make_api: Callable[..., Any]
) -> None:
    api = make_api(make_manual_server(task_seconds=1, seconds_per_char=0.5))
    short = api.audio("abcd")  # 1 + 4 * 0.5 = 3 s
    long = api.audio("abcd<#5#>efgh")  # markers are not characters: 1 + 8 * 0.5 = 5 s
    api.server.advance_clock(3)
    assert api.task(short)["status"] == "completed"
    assert api.task(long)["status"] == "processing"
    api.server.advance_clock(2)
    assert api.task(long)["status"] == "completed"


def test_create_answer_has_the_documented_shape(api: Any) -> None:
    created = api.ok(
        api.post(
            "soundCloning/audios",
            {"modelId": DEMO_VOICE_ID, "contentText": "Hi.", "soundVersion": "v2"},
        )
    )
    assert set(created) == {"id", "object", "created", "model", "status", "error"}
    assert created["id"].startswith("audio_") and len(created["id"]) == len("audio_") + 36
    assert isinstance(created["created"], int)
    assert (created["status"], created["error"]) == ("queued", None)


@pytest.mark.parametrize(
    ("seconds", "ok"), [(10, False), (15, False), (15.5, True), (20, True), (59.9, True),
                        (60, False), (70, False)]
)  # fmt: skip
def test_preview_needs_15_to_60_seconds_of_speech(
    api: Any, wav: Callable[..., bytes], seconds: float, ok: bool
) -> None:
    url = api.upload("voice.wav", wav(seconds))["url"]
    task_id = api.preview(fileUrl=url)
    assert api.task(task_id)["status"] == "queued"  # accepted: the check runs in the task
    done = api.finish(task_id)
    if ok:
        assert done["status"] == "completed"
        assert done["modelId"].startswith("model_") and done["error"] is None
        audio = api.fetch(done["audioUrl"])
        assert audio.headers["content-type"] == "audio/mpeg" and is_mp3(audio.content)
    else:
        assert done["status"] == "failed"
        assert done["modelId"] is None and done["audioUrl"] is None
        assert f"lasts {seconds:.1f} s" in done["error"]
        assert "longer than 15 s and shorter than 60 s" in done["error"]


def test_unmeasurable_sources_are_accepted(api: Any) -> None:
    remote = api.finish(api.preview(fileUrl="https://cdn.example.com/voice.mp3"))
    assert remote["status"] == "completed"
    mp3 = api.upload("voice.mp3", b"ID3\x03\x00" + bytes(2000), "audio/mpeg")["url"]
    assert api.finish(api.preview(fileUrl=mp3))["status"] == "completed"


def test_preview_then_production_with_the_new_voice(api: Any) -> None:
    model_id = api.clone_voice()
    done = api.finish(api.audio("The new voice speaks.", modelId=model_id))
    assert done["status"] == "completed"
    assert is_mp3(api.fetch(done["audioUrl"]).content)


def test_model_expires_three_days_after_its_preview_if_never_used(api: Any) -> None:
    model_id = api.clone_voice()  # finish() moved the clock 1 h past the preview's end
    api.server.advance_clock(3 * DAY - 3600 - 20)
    api.ok(api.post("soundCloning/audios", {"modelId": model_id, "contentText": "Still valid.",
                                            "soundVersion": "v2"}))  # fmt: skip
    other = api.clone_voice()
    api.server.advance_clock(3 * DAY)
    message = api.error(api.post("soundCloning/audios", {"modelId": other, "contentText": "Hi.",
                                                         "soundVersion": "v2"}))  # fmt: skip
    assert f"modelId '{other}' expired" in message
    assert len(api.server.ledger()) == 4  # two previews and one production task (2 entries)


def test_model_becomes_permanent_at_its_first_completed_production(api: Any) -> None:
    model_id = api.clone_voice()
    task_id = api.audio("First use.", modelId=model_id)
    api.server.advance_clock(11)  # completes; nobody polls it
    api.server.advance_clock(30 * DAY)
    assert api.finish(api.audio("A month later.", modelId=model_id))["status"] == "completed"
    assert api.task(task_id)["status"] == "completed"


def test_a_failed_first_use_does_not_make_the_model_permanent(api: Any) -> None:
    model_id = api.clone_voice()
    api.server.fail_next_tasks(1)
    failed = api.finish(api.audio("First use fails.", modelId=model_id))
    assert failed["status"] == "failed" and "synthesis failed" in failed["error"]
    api.server.advance_clock(3 * DAY)
    body = {"modelId": model_id, "contentText": "Too late.", "soundVersion": "v2"}
    assert "expired" in api.error(api.post("soundCloning/audios", body))


def test_demo_voice_is_ready_and_permanent(api: Any) -> None:
    api.server.advance_clock(365 * DAY)
    assert api.finish(api.audio("Narrator.", modelId=DEMO_VOICE_ID))["status"] == "completed"


def test_failed_task_reports_a_clear_error(api: Any) -> None:
    api.server.fail_next_tasks(1, "the voice engine is unavailable")
    task_id = api.audio("Hello.")
    api.server.advance_clock(5)
    assert api.task(task_id)["status"] == "processing"
    done = api.finish(task_id)
    assert done == {**done, "status": "failed", "error": "the voice engine is unavailable",
                    "audioUrl": None}  # fmt: skip
