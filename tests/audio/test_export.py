"""export_audio: copies, any format to WAV/MP3/M4A/Opus/FLAC with and without normalisation,
failures."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from soundclone_desktop.audio.decode import decode, exact_duration, probe
from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.export import (
    AudioExportError,
    AudioFormat,
    ExportCancelledError,
    export_audio,
)
from soundclone_desktop.audio.measure import measure
from soundclone_desktop.audio.model import Audio, AudioError
from soundclone_desktop.audio.tags import Tags, read_tags
from soundclone_desktop.audio.transform import BROADCAST
from tests.audio.signals import speech_like, tone

# MPEG audio Layer III tables (ISO 11172-3 / 13818-3), for reading frames back independently.
_BITRATES = {
    1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def mp3_frames(data: bytes) -> tuple[int, int, int, float]:
    """(frames, sample rate, channels, seconds) by walking Layer III frame headers."""
    offset = frames = samples = 0
    rate = channels = 0
    while offset + 4 <= len(data):
        b1, b2, b3 = data[offset + 1], data[offset + 2], data[offset + 3]
        assert data[offset] == 0xFF and b1 & 0xE0 == 0xE0, f"lost sync at byte {offset}"
        version, layer = (b1 >> 3) & 3, (b1 >> 1) & 3
        assert layer == 1, "not Layer III"
        bitrate = _BITRATES[1 if version == 3 else 2][b2 >> 4] * 1000
        rate = _RATES[version][(b2 >> 2) & 3]
        channels = 1 if b3 >> 6 == 3 else 2
        per_frame = 1152 if version == 3 else 576
        offset += (144 if version == 3 else 72) * bitrate // rate + ((b2 >> 1) & 1)
        frames += 1
        samples += per_frame
    assert offset == len(data), "trailing bytes after the last frame"
    return frames, rate, channels, samples / rate


@pytest.fixture
def speech_wav(tmp_path: Path) -> Path:
    path = tmp_path / "speech.wav"
    return encode(speech_like(5.0, 16000), path, EncodeOptions(Encoding.WAV))


def test_wav_to_wav_without_normalisation_is_a_byte_copy(speech_wav: Path, tmp_path: Path) -> None:
    out = export_audio(speech_wav, tmp_path / "out.wav", AudioFormat.WAV)
    assert out == tmp_path / "out.wav" and out.read_bytes() == speech_wav.read_bytes()
    same = export_audio(speech_wav, tmp_path / "same", AudioFormat.ORIGINAL)
    assert same == tmp_path / "same.wav" and same.read_bytes() == speech_wav.read_bytes()


def test_wav_to_wav_normalised_reaches_the_target(speech_wav: Path, tmp_path: Path) -> None:
    out = export_audio(speech_wav, tmp_path / "loud.wav", AudioFormat.WAV, normalize=True)
    source, result = decode(speech_wav), decode(out)
    assert (result.rate, result.channels, result.frames) == (16000, 1, source.frames)
    measured = measure(out)
    assert measured.integrated_lufs == pytest.approx(-16.0, abs=0.1)
    assert measured.true_peak_dbtp is not None and measured.true_peak_dbtp <= -1.0 + 0.05
    original = export_audio(speech_wav, tmp_path / "o", AudioFormat.ORIGINAL, normalize=True)
    assert original.suffix == ".wav" and np.array_equal(decode(original).samples, result.samples)


def test_wav_to_mp3_gives_valid_frames_of_the_right_length(
    speech_wav: Path, tmp_path: Path
) -> None:
    out = export_audio(speech_wav, tmp_path / "out", AudioFormat.MP3)
    assert out.suffix == ".mp3"
    data = out.read_bytes()
    assert not data.startswith(b"ID3") and data[0] == 0xFF and data[1] & 0xE0 == 0xE0
    frames, rate, channels, seconds = mp3_frames(data)
    source = decode(speech_wav)
    assert (rate, channels) == (16000, 1)
    # The frames hold the encoder delay and the last frame's padding (at most a few frames
    # longer); the LAME header tells decoders to trim them: the decoded length is exact.
    assert source.seconds <= seconds <= source.seconds + 0.15
    assert frames > 100
    assert exact_duration(out) == source.seconds


def test_wav_to_mp3_normalised_and_stereo_44k(tmp_path: Path) -> None:
    left = tone(2.0, 3000 / 32768, 300, 44100).samples
    source = encode(Audio(np.concatenate((left, left)), 44100), tmp_path / "stereo.wav",
                    EncodeOptions(Encoding.WAV))  # fmt: skip
    out = export_audio(source, tmp_path / "stereo.mp3", AudioFormat.MP3, normalize=True)
    _frames, rate, channels, seconds = mp3_frames(out.read_bytes())
    assert (rate, channels) == (44100, 2) and 2.0 <= seconds <= 2.15


def test_mp3_to_mp3_is_a_plain_copy(speech_wav: Path, tmp_path: Path) -> None:
    mp3 = export_audio(speech_wav, tmp_path / "a.mp3", AudioFormat.MP3)
    for fmt in (AudioFormat.MP3, AudioFormat.ORIGINAL):
        out = export_audio(mp3, tmp_path / f"copy-{fmt.value}.mp3", fmt)
        assert out.read_bytes() == mp3.read_bytes()


@pytest.mark.parametrize(
    "fmt", [AudioFormat.WAV, AudioFormat.M4A, AudioFormat.OPUS, AudioFormat.FLAC]
)
def test_compressed_audio_converts_to_every_format(
    fmt: AudioFormat, speech_wav: Path, tmp_path: Path
) -> None:
    mp3 = export_audio(speech_wav, tmp_path / "a.mp3", AudioFormat.MP3)
    out = export_audio(mp3, tmp_path / "b", fmt)
    assert out.suffix == f".{fmt.value}"
    assert probe(out).codec == {"wav": "pcm_s16le", "m4a": "aac", "opus": "opus",
                                "flac": "flac"}[fmt.value]  # fmt: skip
    assert exact_duration(out) == pytest.approx(5.0, abs=1 / 16000)


def test_normalising_to_broadcast_in_the_original_compressed_format(
    speech_wav: Path, tmp_path: Path
) -> None:
    m4a = export_audio(speech_wav, tmp_path / "a.m4a", AudioFormat.M4A)
    out = export_audio(m4a, tmp_path / "n", AudioFormat.ORIGINAL, normalize=BROADCAST)
    assert out.suffix == ".m4a" and probe(out).codec == "aac"
    assert measure(out).integrated_lufs == pytest.approx(-23.0, abs=0.3)  # AAC moves it a bit


def test_tags_and_cancellation(speech_wav: Path, tmp_path: Path) -> None:
    out = export_audio(speech_wav, tmp_path / "t.mp3", AudioFormat.MP3,
                       tags=Tags(title="Take 1", artist="Voice"))  # fmt: skip
    assert (read_tags(out).title, read_tags(out).artist) == ("Take 1", "Voice")
    stop = threading.Event()
    stop.set()
    with pytest.raises(ExportCancelledError):
        export_audio(speech_wav, tmp_path / "c.flac", AudioFormat.FLAC, cancelled=stop.is_set)
    assert not (tmp_path / "c.flac").exists() and not list(tmp_path.glob(".exporting-*"))


def test_unreadable_sources_and_targets(speech_wav: Path, tmp_path: Path) -> None:
    with pytest.raises(AudioExportError, match="Could not read"):
        export_audio(tmp_path / "missing.wav", tmp_path / "o.wav", AudioFormat.WAV)
    text = tmp_path / "notes.txt"
    text.write_text("not audio")
    with pytest.raises(AudioExportError, match="not an audio file"):
        export_audio(text, tmp_path / "o.wav", AudioFormat.WAV)
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"RIFF\x04\x00\x00\x00WAVE")
    with pytest.raises(AudioExportError, match=r"bad\.wav is not audio this app can read"):
        export_audio(bad, tmp_path / "o.mp3", AudioFormat.MP3)
    assert not (tmp_path / "o.mp3").exists() and not list(tmp_path.glob(".exporting-*"))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(AudioExportError, match="Could not write"):
        export_audio(speech_wav, blocker / "out.wav", AudioFormat.WAV)


def test_mp3_limits_are_handled(tmp_path: Path) -> None:
    six = Audio(np.zeros((6, 4800), np.float32), 48000)
    with pytest.raises(AudioError, match="one or two channels"):
        encode(six, tmp_path / "six.mp3", EncodeOptions(Encoding.MP3))
    low = encode(tone(1.0, 0.3, 440, 4000), tmp_path / "low.mp3", EncodeOptions(Encoding.MP3))
    assert probe(low).rate == 8000  # the nearest rate MP3 has


def test_uncommon_rates_are_resampled(tmp_path: Path) -> None:
    out = encode(Audio.silence(1.0, 96000), tmp_path / "hi.mp3", EncodeOptions(Encoding.MP3))
    frames, rate, _channels, seconds = mp3_frames(out.read_bytes())
    assert rate in (44100, 48000) and frames and 1.0 <= seconds <= 1.15


@pytest.mark.parametrize("fmt", [AudioFormat.MP3, AudioFormat.M4A, AudioFormat.OPUS])
def test_a_normalised_lossy_file_decodes_at_the_target(
    fmt: AudioFormat, speech_wav: Path, tmp_path: Path
) -> None:
    # LAME's output decodes 0.45 dB quieter than its input: the exporter makes up for it.
    out = export_audio(speech_wav, tmp_path / "n", fmt, normalize=True)
    # Opus codes at 48 kHz with its own band limits: this synthetic voice moves a little.
    tolerance = 0.3 if fmt is AudioFormat.OPUS else 0.15
    assert measure(out).integrated_lufs == pytest.approx(-16.0, abs=tolerance)
