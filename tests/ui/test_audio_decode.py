"""decode_audio: QAudioDecoder as the exporter's decoder, on a worker thread as the app uses it."""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from pytestqt.qtbot import QtBot

from soundclone_desktop.audio.export import AudioExportError, AudioFormat, export_audio
from soundclone_desktop.audio.loudness import integrated_loudness
from soundclone_desktop.audio.mp3 import encode_mp3
from soundclone_desktop.audio.pcm import Pcm, read_wav
from soundclone_desktop.demo import markup, synth
from soundclone_desktop.ui.audio_decode import AudioDecodeError, decode_audio

pytestmark = pytest.mark.gui

T = TypeVar("T")
SCRIPT = "Hello <#0.5#>world, this is the decoder test. 你好，世界！<#1#>再见。"


def on_worker(qtbot: QtBot, work: Callable[[], T]) -> T:
    """Run ``work`` on a plain worker thread (as asyncio.to_thread would) and return its result."""
    outcome: list[object] = []

    def target() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # handed back to the test thread
            outcome.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=30_000)
    (result,) = outcome
    if isinstance(result, BaseException):
        raise result
    return result  # type: ignore[return-value]


@pytest.fixture
def speech_wav(tmp_path: Path) -> Path:
    timeline = synth.plan(SCRIPT, markup.find_pauses(SCRIPT), 16000, 1.0)
    path = tmp_path / "speech.wav"
    path.write_bytes(synth.render_wav(timeline, base_hz=150, vol=1.0, pitch=0))
    return path


def test_an_exported_mp3_decodes_to_the_same_sound(
    qtbot: QtBot, speech_wav: Path, tmp_path: Path
) -> None:
    mp3 = export_audio(speech_wav, tmp_path / "speech.mp3", AudioFormat.MP3)
    pcm = on_worker(qtbot, lambda: decode_audio(mp3))
    source = read_wav(speech_wav.read_bytes())
    assert (pcm.rate, pcm.channels) == (16000, 1)
    assert source.seconds <= pcm.seconds <= source.seconds + 0.15  # LAME's delay and padding
    decoded, original = integrated_loudness(pcm), integrated_loudness(source)
    assert decoded is not None and original is not None
    assert decoded == pytest.approx(original, abs=0.5)


def test_mp3_to_normalised_wav_through_the_qt_decoder(
    qtbot: QtBot, speech_wav: Path, tmp_path: Path
) -> None:
    mp3 = export_audio(speech_wav, tmp_path / "speech.mp3", AudioFormat.MP3)
    out = on_worker(
        qtbot,
        lambda: export_audio(mp3, tmp_path / "out.wav", AudioFormat.WAV, normalize=True,
                             decoder=decode_audio),
    )  # fmt: skip
    result = read_wav(out.read_bytes())
    assert integrated_loudness(result) == pytest.approx(-16.0, abs=0.1)


def test_stereo_float_sources_come_back_as_16_bit(qtbot: QtBot, tmp_path: Path) -> None:
    # An MP3 decodes to float samples in FFmpeg: the adapter restarts asking for 16-bit.
    frames = 44100
    samples = array("h", (((i // 2) % 200) * 100 - 10000 for i in range(2 * frames)))
    mp3 = tmp_path / "stereo.mp3"
    mp3.write_bytes(encode_mp3(Pcm(samples, 44100, 2)))
    pcm = on_worker(qtbot, lambda: decode_audio(mp3))
    assert (pcm.rate, pcm.channels) == (44100, 2) and pcm.samples.typecode == "h"
    assert 1.0 <= pcm.seconds <= 1.1


@pytest.mark.parametrize("content", [b"this is not audio at all" * 10, None])
def test_unreadable_files_raise_a_sentence(
    qtbot: QtBot, tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "broken.mp3"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(AudioDecodeError, match=r"^Could not decode broken\.mp3: .+\.$"):
        on_worker(qtbot, lambda: decode_audio(path))


def test_the_exporter_reports_decoder_failures(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "broken.mp3"
    path.write_bytes(b"\xff\xfb\x90\x00" + b"garbage" * 50)  # sniffs as MP3, decodes to nothing
    with pytest.raises(AudioExportError, match=r"broken\.mp3"):
        on_worker(qtbot, lambda: export_audio(path, tmp_path / "o.wav", AudioFormat.WAV,
                                              decoder=decode_audio))  # fmt: skip
