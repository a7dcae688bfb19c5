"""Result audio is MP3 by default (32 kHz mono, 128 kbps CBR, as the real service answers),
WAV on request; the MP3's timing matches the WAV timing oracle once decoded."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import av
import httpx
import numpy as np
import pytest

from soundclone_desktop.demo import DemoConfig
from soundclone_desktop.demo.cli import build_parser
from tests.demo.conftest import API, Api
from tests.served_audio import decode, is_mp3, quiet_runs

ROOT = Path(__file__).resolve().parents[2]
MP3_FRAME_SECONDS = 1152 / 32000
PAUSE_TEXT = "第一句话说完了。<#1.5#>Then the second sentence follows, carefully."


def _fetch(api: Api, text: str, **body: Any) -> httpx.Response:
    done = api.finish(api.audio(text, **body))
    assert done["status"] == "completed", done
    response = api.fetch(done["audioUrl"])
    assert response.status_code == 200
    return response


def test_results_are_mp3_by_default(api: Api) -> None:
    done = api.finish(api.audio("Hello world."))
    assert done["audioUrl"].endswith(".mp3")
    response = api.fetch(done["audioUrl"])
    assert response.headers["content-type"] == "audio/mpeg"
    assert is_mp3(response.content) and response.content[:4] != b"RIFF"


def test_mp3_is_32_khz_mono_cbr_128k(api: Api) -> None:
    data = _fetch(api, "今天我们测试字幕。Mixed 中文 and English 2024!").content
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.audio[0]
        assert container.format.name == "mp3" and stream.codec_context.name.startswith("mp3")
        assert (stream.rate, stream.channels, stream.bit_rate) == (32000, 1, 128_000)
        sizes = {packet.size for packet in container.demux(stream) if packet.size}
    # CBR: at 32 kHz and 128 kbps every 1152-sample frame is exactly 576 bytes.
    assert sizes == {1152 * 128_000 // 8 // 32000}


def test_mp3_lasts_as_long_as_the_wav_within_one_frame(
    make_manual_server: Any, make_api: Any
) -> None:
    text = "Welcome to the studio.<#0.8#> 今天我们测试字幕。2024!"
    mp3 = decode(_fetch(make_api(make_manual_server()), text).content)
    wav = decode(_fetch(make_api(make_manual_server(audio_format="wav")), text).content)
    assert (wav.rate, mp3.rate) == (16000, 32000)
    assert abs(mp3.seconds - wav.seconds) <= MP3_FRAME_SECONDS


def test_pause_measures_its_length_in_the_decoded_mp3_where_the_wav_has_it(
    make_manual_server: Any, make_api: Any
) -> None:
    mp3 = decode(_fetch(make_api(make_manual_server()), PAUSE_TEXT).content)
    wav = decode(_fetch(make_api(make_manual_server(audio_format="wav")), PAUSE_TEXT).content)
    [(start, length)] = quiet_runs(mp3.samples, mp3.rate)
    assert length == pytest.approx(1.5, abs=0.020)
    # LAME's encoder delay is trimmed on decoding (the Info header's gapless data): the
    # silence sits where the WAV, and so the subtitles, have it. Both are measured with the
    # same threshold, which also takes in the quietest samples of the fades beside the pause.
    [(wav_start, wav_length)] = quiet_runs(wav.samples, wav.rate)
    assert abs(start - wav_start) < 0.005 and abs(length - wav_length) < 0.005


def test_served_mp3_ends_when_the_subtitles_end(api: Api) -> None:
    done = api.finish(api.audio(PAUSE_TEXT, subtitleEnable=True))
    sentences = api.fetch(done["subtitleFile"]).json()
    audio = decode(api.fetch(done["audioUrl"]).content)
    assert sentences[-1]["time_end"] == pytest.approx(audio.ms, abs=1000 / audio.rate)


def test_wav_on_request(make_manual_server: Any, make_api: Any) -> None:
    api = make_api(make_manual_server(audio_format="wav"))
    done = api.finish(api.audio("Hello world."))
    assert done["audioUrl"].endswith(".wav")
    response = api.fetch(done["audioUrl"])
    assert response.headers["content-type"] == "audio/wav" and response.content[:4] == b"RIFF"
    info = api.http.get(api.base + "/_demo/info").json()
    assert (info["audio_format"], info["sample_rate"]) == ("wav", 16000)


def test_demo_info_reports_the_mp3_rate(api: Api) -> None:
    info = api.http.get(api.base + "/_demo/info").json()
    assert (info["audio_format"], info["sample_rate"]) == ("mp3", 32000)


def test_config_refuses_an_unknown_audio_format() -> None:
    with pytest.raises(ValueError, match="audio_format"):
        DemoConfig(audio_format="ogg")


def test_cli_option_defaults_to_mp3() -> None:
    assert build_parser().parse_args([]).audio_format == "mp3"
    assert build_parser().parse_args(["--audio-format", "wav"]).audio_format == "wav"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--audio-format", "ogg"])


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child needs POSIX here")
def test_cli_audio_format_wav_serves_riff() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "soundclone_desktop.demo", "--task-seconds", "0",
         "--audio-format", "wav"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        match = re.search(r"http://127\.0\.0\.1:\d+", process.stdout.readline())
        assert match
        base, auth = match.group(0), {"Authorization": "Bearer demo-token"}
        body = {"modelId": "model_demo_narrator", "soundVersion": "v2", "contentText": "Hi."}
        task = httpx.post(base + API + "soundCloning/audios", json=body, headers=auth).json()
        deadline = time.monotonic() + 10
        while True:
            data = httpx.get(f"{base}{API}audios/{task['data']['id']}", headers=auth).json()
            if data["data"]["status"] == "completed" or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        audio = httpx.get(data["data"]["audioUrl"])
        assert audio.content[:4] == b"RIFF" and audio.headers["content-type"] == "audio/wav"
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def _mp3(seconds: float) -> bytes:
    rate = 22050
    tone = (np.sin(np.arange(round(seconds * rate)) * 0.17) * 8000).astype(np.int16)
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp3") as container:
        stream: Any = container.add_stream("libmp3lame", rate=rate, layout="mono")
        frame = av.AudioFrame.from_ndarray(tone.reshape(1, -1), format="s16p", layout="mono")
        frame.rate = rate
        container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return buffer.getvalue()


@pytest.mark.parametrize(("seconds", "ok"), [(10.0, False), (20.0, True), (65.0, False)])
def test_uploaded_mp3_clone_sample_is_measured(api: Api, seconds: float, ok: bool) -> None:
    url = api.upload("voice.mp3", _mp3(seconds), "audio/mpeg")["url"]
    done = api.finish(api.preview(fileUrl=url))
    if ok:
        assert done["status"] == "completed", done
    else:
        assert done["status"] == "failed"
        assert f"lasts {seconds:.1f} s" in done["error"]
