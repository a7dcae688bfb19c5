"""export_audio: copies, WAV→WAV/MP3 with and without normalisation, decoders, failures."""

from __future__ import annotations

import math
from array import array
from pathlib import Path

import pytest

from soundclone_desktop.audio.export import AudioExportError, AudioFormat, export_audio
from soundclone_desktop.audio.loudness import integrated_loudness, peak_dbfs
from soundclone_desktop.audio.mp3 import Mp3EncodeError, encode_mp3
from soundclone_desktop.audio.pcm import Pcm, read_wav, wav_bytes
from soundclone_desktop.demo import markup, synth

SCRIPT = "Hello <#0.5#>world, this is a test of the export. 你好，世界！<#1#>再见。"

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
    timeline = synth.plan(SCRIPT, markup.find_pauses(SCRIPT), 16000, 1.0)
    path = tmp_path / "speech.wav"
    path.write_bytes(synth.render_wav(timeline, base_hz=150, vol=1.0, pitch=0))
    return path


def test_wav_to_wav_without_normalisation_is_a_byte_copy(speech_wav: Path, tmp_path: Path) -> None:
    out = export_audio(speech_wav, tmp_path / "out.wav", AudioFormat.WAV)
    assert out == tmp_path / "out.wav" and out.read_bytes() == speech_wav.read_bytes()
    same = export_audio(speech_wav, tmp_path / "same", AudioFormat.ORIGINAL)
    assert same == tmp_path / "same.wav" and same.read_bytes() == speech_wav.read_bytes()


def test_wav_to_wav_normalised_reaches_the_target(speech_wav: Path, tmp_path: Path) -> None:
    out = export_audio(speech_wav, tmp_path / "loud.wav", AudioFormat.WAV, normalize=True)
    source, result = read_wav(speech_wav.read_bytes()), read_wav(out.read_bytes())
    assert (result.rate, result.channels, result.frames) == (16000, 1, source.frames)
    assert integrated_loudness(result) == pytest.approx(-16.0, abs=0.1)
    peak = peak_dbfs(result)
    assert peak is not None and peak <= -1.0 + 0.01
    original = export_audio(speech_wav, tmp_path / "o", AudioFormat.ORIGINAL, normalize=True)
    assert original.suffix == ".wav" and read_wav(original.read_bytes()) == result


def test_wav_to_mp3_gives_valid_frames_of_the_right_length(
    speech_wav: Path, tmp_path: Path
) -> None:
    out = export_audio(speech_wav, tmp_path / "out", AudioFormat.MP3)
    assert out.suffix == ".mp3"
    data = out.read_bytes()
    assert not data.startswith(b"ID3") and data[0] == 0xFF and data[1] & 0xE0 == 0xE0
    frames, rate, channels, seconds = mp3_frames(data)
    source = read_wav(speech_wav.read_bytes())
    assert (rate, channels) == (16000, 1)
    # LAME adds its encoder delay and pads the last frame: at most a few frames longer.
    assert source.seconds <= seconds <= source.seconds + 0.15
    assert frames > 100


def test_wav_to_mp3_normalised_and_stereo_44k(tmp_path: Path) -> None:
    n = 44100 * 2
    samples = array("h", (round(3000 * math.sin(2 * math.pi * 300 * (i // 2) / 44100))
                          for i in range(2 * n)))  # fmt: skip
    source = tmp_path / "stereo.wav"
    source.write_bytes(wav_bytes(Pcm(samples, 44100, 2)))
    out = export_audio(source, tmp_path / "stereo.mp3", AudioFormat.MP3, normalize=True)
    _frames, rate, channels, seconds = mp3_frames(out.read_bytes())
    assert (rate, channels) == (44100, 2) and 2.0 <= seconds <= 2.15


def test_mp3_to_mp3_is_a_plain_copy_without_any_decoder(speech_wav: Path, tmp_path: Path) -> None:
    mp3 = export_audio(speech_wav, tmp_path / "a.mp3", AudioFormat.MP3)
    for fmt in (AudioFormat.MP3, AudioFormat.ORIGINAL):
        out = export_audio(mp3, tmp_path / f"copy-{fmt.value}.mp3", fmt)
        assert out.read_bytes() == mp3.read_bytes()


def test_compressed_audio_needs_the_injected_decoder(speech_wav: Path, tmp_path: Path) -> None:
    mp3 = export_audio(speech_wav, tmp_path / "a.mp3", AudioFormat.MP3)
    with pytest.raises(AudioExportError, match="needs the desktop app's decoder"):
        export_audio(mp3, tmp_path / "b.wav", AudioFormat.WAV)
    with pytest.raises(AudioExportError, match="needs the desktop app's decoder"):
        export_audio(mp3, tmp_path / "b.mp3", AudioFormat.MP3, normalize=True)
    assert not (tmp_path / "b.wav").exists() and not (tmp_path / "b.mp3").exists()

    decoded = read_wav(speech_wav.read_bytes())
    calls: list[Path] = []

    def decoder(path: Path) -> Pcm:
        calls.append(path)
        return decoded

    out = export_audio(mp3, tmp_path / "b.wav", AudioFormat.WAV, decoder=decoder)
    assert calls == [mp3] and read_wav(out.read_bytes()) == decoded
    out = export_audio(mp3, tmp_path / "n.mp3", AudioFormat.ORIGINAL, normalize=True,
                       decoder=decoder)  # fmt: skip
    assert out.read_bytes()[:1] == b"\xff" and out.read_bytes() != mp3.read_bytes()


def test_a_failing_decoder_becomes_an_export_error(speech_wav: Path, tmp_path: Path) -> None:
    mp3 = export_audio(speech_wav, tmp_path / "a.mp3", AudioFormat.MP3)

    def broken(path: Path) -> Pcm:
        raise RuntimeError("codec exploded")

    with pytest.raises(AudioExportError, match=r"Could not decode a\.mp3: codec exploded"):
        export_audio(mp3, tmp_path / "b.wav", AudioFormat.WAV, decoder=broken)


def test_formats_that_cannot_be_written_back_are_refused_when_normalising(tmp_path: Path) -> None:
    m4a = tmp_path / "voice.m4a"
    m4a.write_bytes(b"\x00\x00\x00\x20ftypM4A " + bytes(40))
    assert export_audio(m4a, tmp_path / "copy", AudioFormat.ORIGINAL).suffix == ".m4a"
    with pytest.raises(AudioExportError, match="cannot be saved as M4A; choose WAV or MP3"):
        export_audio(m4a, tmp_path / "n", AudioFormat.ORIGINAL, normalize=True)


def test_unreadable_sources_and_targets(speech_wav: Path, tmp_path: Path) -> None:
    with pytest.raises(AudioExportError, match="Could not read"):
        export_audio(tmp_path / "missing.wav", tmp_path / "o.wav", AudioFormat.WAV)
    text = tmp_path / "notes.txt"
    text.write_text("not audio")
    with pytest.raises(AudioExportError, match="not an audio file"):
        export_audio(text, tmp_path / "o.wav", AudioFormat.WAV)
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"RIFF\x04\x00\x00\x00WAVE")
    with pytest.raises(AudioExportError, match=r"bad\.wav: The WAV file has no format"):
        export_audio(bad, tmp_path / "o.mp3", AudioFormat.MP3)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(AudioExportError, match="Could not write"):
        export_audio(speech_wav, blocker / "out.wav", AudioFormat.WAV)


def test_mp3_limits_are_explained() -> None:
    with pytest.raises(Mp3EncodeError, match="6 channels; an MP3 file holds one or two"):
        encode_mp3(Pcm(array("h", bytes(12 * 100)), 48000, 6))
    with pytest.raises(Mp3EncodeError, match="4000 Hz; MP3 needs at least 8000 Hz"):
        encode_mp3(Pcm(array("h", bytes(200)), 4000, 1))


def test_uncommon_rates_are_resampled_by_lame() -> None:
    frames, rate, _channels, seconds = mp3_frames(encode_mp3(Pcm(array("h", bytes(2 * 96000)),
                                                                  96000, 1)))  # fmt: skip
    assert rate in (44100, 48000) and frames and 1.0 <= seconds <= 1.15
