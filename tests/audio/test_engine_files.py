"""The audio engine on real files it encodes itself: round trips, exact durations, pauses,
tags, streaming, and the transforms (gain, fades, concatenation)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from soundclone_desktop.audio.decode import decode, exact_duration, open_audio, probe
from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.model import Audio, AudioError
from soundclone_desktop.audio.silence import detect_silences, find_silences
from soundclone_desktop.audio.tags import Tags, read_tags, write_tags
from soundclone_desktop.audio.transform import apply_gain, concatenate, fade
from tests.audio.signals import speech_like, tone, write

RATE = 32_000
LOSSY = [Encoding.MP3, Encoding.M4A, Encoding.OPUS]


@pytest.fixture(scope="module")
def speech() -> Audio:
    return speech_like(6.0, RATE)


@pytest.mark.parametrize("encoding", list(Encoding))
def test_every_format_round_trips_with_the_exact_length(
    encoding: Encoding, speech: Audio, tmp_path: Path
) -> None:
    path = write(speech, tmp_path / f"speech.{encoding.extension}")
    info = probe(path)
    assert info.channels == 1
    # Opus always codes at 48 kHz; everything else keeps the source's rate.
    assert info.rate == (48_000 if encoding is Encoding.OPUS else RATE)
    assert exact_duration(path) == pytest.approx(speech.seconds, abs=0.5 / info.rate)

    back = decode(path, rate=RATE)  # Opus comes back through the resampler
    assert back.frames == speech.frames  # encoder delay and padding trimmed, to the sample
    original, decoded = speech.samples[0], back.samples[0]
    if encoding.lossless:  # 16-bit quantisation is all that changes
        assert np.abs(decoded - original).max() <= 1.01 / 32768
    else:  # lossy but aligned: the same waveform, at most 10 % error energy (> 10 dB SNR)
        error = np.sum((decoded - original) ** 2) / np.sum(original**2)
        assert error < 0.1, f"{encoding.name}: error energy {error:.3f}"


def test_stereo_and_channel_choices(tmp_path: Path) -> None:
    left = tone(1.0, 0.5, 440, RATE).samples
    stereo = Audio(np.concatenate((left, -left)), RATE)
    path = encode(stereo, tmp_path / "s.flac", EncodeOptions(Encoding.FLAC))
    assert probe(path).channels == 2
    assert decode(path).channels == 2
    mono = decode(path, channels=1)  # downmix: the opposite channels cancel
    assert mono.channels == 1 and np.abs(mono.samples).max() < 1e-4
    mp3 = encode(stereo, tmp_path / "m.mp3", EncodeOptions(Encoding.MP3, channels=1, rate=16000))
    assert (probe(mp3).channels, probe(mp3).rate) == (1, 16000)
    assert exact_duration(mp3) == pytest.approx(1.0, abs=1 / 16000)


def test_a_pause_inside_an_mp3_measures_what_was_put_in(tmp_path: Path) -> None:
    before, after = speech_like(2.3, RATE, seed=1), speech_like(1.7, RATE, seed=2)
    # Cut the speech where it is sounding, so the pause is exactly the inserted silence.
    pause = Audio.silence(1.5, RATE)
    joined = concatenate([before, pause, after], 0.0, join_fade_s=0.0)
    path = write(joined, tmp_path / "pause.mp3")
    inside = [
        s for s in detect_silences(path, min_seconds=1.0) if 0.5 < s.start_s < joined.seconds - 0.5
    ]
    assert len(inside) == 1
    # The measured pause includes the quiet ends of the syllables beside it: compare with
    # the same detector on the original samples, and with the 1.5 s put in.
    (reference,) = [s for s in find_silences(joined, min_seconds=1.0) if s.start_s > 0.5]
    assert inside[0].seconds == pytest.approx(reference.seconds, abs=0.02)
    assert reference.seconds - 1.5 < 0.3


def test_silence_of_exactly_one_and_a_half_seconds_between_tones(tmp_path: Path) -> None:
    a, b = tone(1.0, 0.5, 220, RATE), tone(1.0, 0.5, 330, RATE)
    joined = concatenate([a, b], 1.5, join_fade_s=0.002)
    assert joined.frames == 2 * RATE + round(1.5 * RATE)
    path = write(joined, tmp_path / "gap.mp3")
    (pause,) = detect_silences(path, threshold_dbfs=-50, min_seconds=0.3)
    assert pause.seconds == pytest.approx(1.5, abs=0.02)
    assert pause.start_s == pytest.approx(1.0, abs=0.02)


def test_silence_detector_streams_across_blocks() -> None:
    audio = concatenate([tone(0.5, 0.5, 200, 8000), tone(0.5, 0.5, 200, 8000)], 0.75)
    whole = find_silences(audio, min_seconds=0.5)
    from soundclone_desktop.audio.silence import SilenceDetector

    detector = SilenceDetector(8000, min_seconds=0.5)
    for start in range(0, audio.frames, 333):
        detector.feed(audio.samples[:, start : start + 333])
    assert detector.finish() == whole
    assert len(whole) == 1 and whole[0].seconds == pytest.approx(0.75, abs=0.002)


def test_streaming_blocks_cover_the_file_exactly(speech: Audio, tmp_path: Path) -> None:
    path = write(speech, tmp_path / "s.wav")
    with open_audio(path) as source:
        blocks = list(source.blocks(10_000))
    assert all(b.shape[1] == 10_000 for b in blocks[:-1]) and 0 < blocks[-1].shape[1] <= 10_000
    assert np.array_equal(np.concatenate(blocks, axis=1), decode(path).samples)


def test_gain_fades_and_concatenation() -> None:
    audio = tone(0.1, 0.5, 1000, 8000)
    louder = apply_gain(audio.samples, 6.0206)
    assert np.abs(louder).max() == pytest.approx(1.0, abs=1e-3)
    faded = fade(np.ones((1, 100), np.float32), 1000, fade_in_s=0.01, fade_out_s=0.02)
    assert faded[0, 0] < 0.05 and faded[0, 10] == 1.0 and faded[0, -1] < 0.05
    parts = [tone(0.25, 0.5, 500, 8000), tone(0.5, 0.5, 500, 8000), tone(0.125, 0.5, 500, 8000)]
    joined = concatenate(parts, [0.1, 0.3])
    assert joined.frames == 2000 + 4000 + 1000 + 800 + 2400
    assert not joined.samples[0, 2000:2800].any()  # the gap is exact silence
    assert abs(joined.samples[0, 1999]) < 0.01  # faded out into the join
    with pytest.raises(ValueError):
        concatenate(parts, [0.1])


@pytest.mark.parametrize("encoding", list(Encoding))
def test_tags_are_written_and_read_back(encoding: Encoding, tmp_path: Path) -> None:
    path = write(tone(0.3, 0.3, 440, 48_000), tmp_path / f"t.{encoding.extension}")
    cover = b"\x89PNG\r\n\x1a\n" + bytes(64)
    write_tags(path, encoding, Tags("第一章", "Narrator", "The Book", cover, "image/png"))
    tags = read_tags(path)
    assert (tags.title, tags.artist, tags.album, tags.cover) == (
        "第一章", "Narrator", "The Book", cover,
    )  # fmt: skip
    assert exact_duration(path) == pytest.approx(0.3, abs=1 / 48_000)  # still plays


@pytest.mark.parametrize("encoding", list(Encoding))
def test_track_numbers_are_written_and_read_back(encoding: Encoding, tmp_path: Path) -> None:
    path = write(tone(0.3, 0.3, 440, 48_000), tmp_path / f"t.{encoding.extension}")
    write_tags(path, encoding, Tags("Chapter 3", track=3, tracks=12))
    tags = read_tags(path)
    assert (tags.title, tags.track, tags.tracks) == ("Chapter 3", 3, 12)


def test_unreadable_input_says_why(tmp_path: Path) -> None:
    junk = tmp_path / "junk.mp3"
    junk.write_bytes(b"not audio at all" * 100)
    with pytest.raises(AudioError, match=r"junk\.mp3"):
        decode(junk)
    with pytest.raises(AudioError, match="does not exist"):
        decode(tmp_path / "missing.wav")


def test_prefetched_blocks_arrive_in_order_and_errors_surface() -> None:
    from soundclone_desktop.audio.decode import prefetched

    blocks = [np.full((1, 10), i, np.float32) for i in range(7)]
    assert [int(b[0, 0]) for b in prefetched(iter(blocks))] == list(range(7))

    def failing() -> Iterator[np.ndarray]:
        yield blocks[0]
        raise AudioError("torn file")

    with pytest.raises(AudioError, match="torn file"):
        list(prefetched(failing()))
    endless = prefetched(itertools.repeat(blocks[0]))  # never ends by itself
    assert next(endless) is blocks[0]
    endless.close()  # the helper thread stops and is joined
