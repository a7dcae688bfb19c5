"""Content faults: the task succeeds, but its audio (and subtitles) are wrong in a known way."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest

from soundclone_desktop.demo import DEMO_TOKEN, DEMO_VOICE_ID, DemoConfig, DemoServer, main
from soundclone_desktop.demo.cli import build_parser, config_from
from soundclone_desktop.demo.synth import plan
from tests.demo.conftest import API, Api

TEXT = "The first sentence is here. The second one follows it. And a third ends the text."


def _samples(data: bytes) -> np.ndarray[Any, np.dtype[np.int16]]:
    with wave.open(io.BytesIO(data)) as reader:
        return np.frombuffer(reader.readframes(reader.getnframes()), np.int16)


def _render(api: Api, text: str = TEXT, **body: Any) -> tuple[np.ndarray[Any, Any], list[Any]]:
    task = api.finish(api.audio(text, subtitleEnable=True, **body))
    samples = _samples(api.fetch(task["audioUrl"]).content)
    subtitles = api.fetch(task["subtitleFile"]).json()
    return samples, subtitles


def _longest_zero_run(samples: np.ndarray[Any, Any]) -> int:
    zero = np.concatenate(([0], (samples == 0).astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(zero))
    return int((edges[1::2] - edges[::2]).max()) if len(edges) else 0


@pytest.fixture
def faulty(
    make_manual_server: Callable[..., DemoServer], make_api: Callable[..., Api]
) -> Callable[[str], Api]:
    def start(kind: str) -> Api:
        return make_api(
            make_manual_server(
                audio_format="wav", content_faults=(kind,), content_fault_rate=1.0, seed=3
            )
        )

    return start


def _clean_seconds(text: str, speed: float = 1.0) -> float:
    return plan(text, [], 16000, speed).seconds


def test_drop_sentence_is_missing_from_audio_and_subtitles(faulty: Callable[[str], Api]) -> None:
    server = faulty("drop-sentence")
    samples, subs = _render(server)
    [record] = server.get("/_demo/content-faults").json()
    assert [s["text"] for s in subs] == [
        sentence
        for sentence in (
            "The first sentence is here.",
            "The second one follows it.",
            "And a third ends the text.",
        )
        if sentence != record["text"]
    ]
    # Its audio and the space after it are gone: the rest lasts what it would alone.
    rest = TEXT[: record["text_begin"]] + TEXT[record["text_end"] + 1 :]
    assert len(samples) == round(_clean_seconds(rest) * 16000)


def test_the_record_says_which_sentence_was_dropped(faulty: Callable[[str], Api]) -> None:
    server = faulty("drop-sentence")
    task_id = server.audio(TEXT, subtitleEnable=True)
    task = server.finish(task_id)
    subs = server.fetch(task["subtitleFile"]).json()
    [record] = server.get("/_demo/content-faults").json()
    assert record["task_id"] == task_id and record["kind"] == "drop-sentence"
    assert record["text"] in TEXT and record["text"] not in [s["text"] for s in subs]
    assert TEXT[record["text_begin"] : record["text_end"]] == record["text"]


def test_long_silence_inserts_seconds_of_digital_silence(faulty: Callable[[str], Api]) -> None:
    server = faulty("long-silence")
    samples, subs = _render(server)
    [record] = server.get("/_demo/content-faults").json()
    assert 2.0 <= record["duration"] <= 4.0
    assert _longest_zero_run(samples) == round(record["duration"] * 16000)
    start = round(record["seconds"] * 16000)
    assert not samples[start : start + round(record["duration"] * 16000)].any()
    assert len(subs) == 3  # every sentence is still spoken


def test_clip_drives_a_stretch_to_full_scale(faulty: Callable[[str], Api]) -> None:
    server = faulty("clip")
    samples, _ = _render(server)
    [record] = server.get("/_demo/content-faults").json()
    start = round(record["seconds"] * 16000)
    stretch = samples[start : start + round(record["duration"] * 16000)]
    assert record["duration"] >= 0.06 and len(stretch) >= 160
    assert (np.abs(stretch.astype(np.int32)) == 32767).all()
    assert np.count_nonzero(np.abs(samples.astype(np.int32)) == 32767) == len(stretch)


def test_fast_speaks_the_whole_task_faster(faulty: Callable[[str], Api]) -> None:
    server = faulty("fast")
    samples, _ = _render(server, speed=0.8)
    [record] = server.get("/_demo/content-faults").json()
    assert record["kind"] == "fast" and record["factor"] == 1.6
    assert len(samples) / 16000 == pytest.approx(_clean_seconds(TEXT, 0.8 * 1.6), abs=0.01)
    assert len(samples) / 16000 < _clean_seconds(TEXT, 0.8) / 1.5


def test_the_same_seed_draws_the_same_faults(
    make_manual_server: Callable[..., DemoServer], make_api: Callable[..., Api]
) -> None:
    def draws() -> list[tuple[str, str, float]]:
        server = make_api(
            make_manual_server(
                audio_format="wav",
                content_faults=("drop-sentence", "long-silence", "clip", "fast"),
                content_fault_rate=0.5,
                seed=11,
            )
        )
        ids = [server.audio(TEXT) for _ in range(12)]
        for task_id in ids:
            server.fetch(server.finish(task_id)["audioUrl"])
        records = server.get("/_demo/content-faults").json()
        return [(str(ids.index(r["task_id"])), r["kind"], r["seconds"]) for r in records]

    first = draws()
    assert first == draws()
    assert 2 <= len(first) <= 10


def test_no_content_faults_without_a_rate(
    make_manual_server: Callable[..., DemoServer], make_api: Callable[..., Api]
) -> None:
    server = make_api(make_manual_server(content_faults=("clip",)))
    server.finish(server.audio(TEXT))
    assert server.get("/_demo/content-faults").json() == []


def test_cli_options_reach_the_config() -> None:
    args = build_parser().parse_args(
        [
            "--content-faults",
            "drop-sentence,long-silence",
            "--content-fault-rate",
            "0.2",
            "--seed",
            "7",
        ]
    )
    config = config_from(args)
    assert config.content_faults == ("drop-sentence", "long-silence")
    assert config.content_fault_rate == 0.2 and config.seed == 7


def test_unknown_content_fault_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown content fault"):
        DemoConfig(content_faults=("mumble",))
    with pytest.raises(ValueError, match="content_fault_rate"):
        DemoConfig(content_fault_rate=1.5)


def test_main_rejects_an_unknown_content_fault(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content-faults", "mumble"]) == 2
    assert "unknown content fault" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child needs POSIX here")
def test_the_command_line_server_drops_a_sentence() -> None:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "soundclone_desktop.demo", "--task-seconds", "0",
         "--content-faults", "drop-sentence", "--content-fault-rate", "1", "--seed", "5"],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        match = re.search(r"http://127\.0\.0\.1:\d+", process.stdout.readline())
        assert match
        base, auth = match.group(0), {"Authorization": f"Bearer {DEMO_TOKEN}"}
        body = {"modelId": DEMO_VOICE_ID, "soundVersion": "v2", "contentText": TEXT,
                "subtitleEnable": True}  # fmt: skip
        created = httpx.post(base + API + "soundCloning/audios", json=body, headers=auth)
        task_id = created.json()["data"]["id"]
        task = httpx.get(base + API + f"audios/{task_id}", headers=auth).json()["data"]
        subtitles = httpx.get(task["subtitleFile"]).json()
        [record] = httpx.get(base + "/_demo/content-faults").json()
        assert record["task_id"] == task_id and record["applied"]
        assert len(subtitles) == 2 and record["text"] not in [s["text"] for s in subtitles]
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
