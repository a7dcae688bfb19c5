"""Long MP3 and AAC encodes run as segments on two encoders and are spliced into one
stream: the result must be exactly as long as the input, without a click at any join, and
(MP3) a valid constant-bit-rate file whose Xing/LAME header describes the whole of it."""

from __future__ import annotations

import struct
from pathlib import Path

import av
import numpy as np
import pytest

from soundclone_desktop.audio.decode import decode
from soundclone_desktop.audio.encode import AudioWriter, EncodeOptions, Encoding
from soundclone_desktop.audio.model import Samples

RATE = 32_000
WINDOW = 320  # 10 ms: error is judged per window


def sounding_throughout(seconds: float) -> Samples:
    """No pause anywhere (so the joins cannot hide in silence): a voice-like harmonic
    series on a wandering pitch, with noise."""
    rng = np.random.default_rng(3)
    t = np.arange(round(seconds * RATE)) / RATE
    pitch = 150 + 40 * np.sin(2 * np.pi * 0.23 * t) + 10 * np.sin(2 * np.pi * 3.1 * t)
    phase = 2 * np.pi * np.cumsum(pitch) / RATE
    voiced = sum(np.sin(k * phase) / k for k in range(1, 20))
    level = 0.6 + 0.4 * np.sin(2 * np.pi * 1.3 * t)
    wave = 0.25 * level * voiced + 0.02 * rng.standard_normal(t.size)
    return wave.astype(np.float32)[np.newaxis, :]


@pytest.fixture(scope="module")
def long_signal() -> Samples:
    return sounding_throughout(150.0)


@pytest.fixture(scope="module")
def long_files(
    long_signal: Samples, tmp_path_factory: pytest.TempPathFactory
) -> dict[Encoding, tuple[Path, list[int]]]:
    """The long signal written once per codec (encoding takes seconds): path and joins."""
    folder = tmp_path_factory.mktemp("segmented")
    files = {}
    for encoding in (Encoding.MP3, Encoding.M4A):
        path = folder / f"long.{encoding.extension}"
        files[encoding] = path, write_streaming(long_signal, path, encoding)
    return files


def write_streaming(samples: Samples, path: Path, encoding: Encoding) -> list[int]:
    with AudioWriter(path, EncodeOptions(encoding), rate=RATE, channels=1) as writer:
        for start in range(0, samples.shape[1], 10 * RATE):
            writer.write(samples[:, start : start + 10 * RATE])
    return writer.joins


@pytest.mark.parametrize("encoding", [Encoding.MP3, Encoding.M4A])
def test_a_long_encode_is_split_and_the_joins_are_gapless_and_click_free(
    encoding: Encoding, long_signal: Samples, long_files: dict[Encoding, tuple[Path, list[int]]]
) -> None:
    path, joins = long_files[encoding]
    assert len(joins) == 2  # three segments of about a minute: two encoders at a time

    back = decode(path).samples
    assert back.shape == long_signal.shape  # not one sample gained or lost at a join

    error = np.abs(back[0] - long_signal[0])
    windows = error[: error.size // WINDOW * WINDOW].reshape(-1, WINDOW).max(axis=1)
    near = np.zeros(windows.size, bool)
    for join in joins:
        middle = join // WINDOW
        near[middle - 10 : middle + 10] = True  # ±100 ms: the overlapping frames and more
    normal = float(np.percentile(windows[~near], 99.5))
    worst = float(windows[near].max())
    # A misaligned or mismatched splice shows as a burst (≥ the signal's own size, 0.25+);
    # a clean one is the codec's everyday error.
    assert worst <= 1.2 * normal, (
        f"{encoding.name}: {worst:.4f} near a join, {normal:.4f} elsewhere"
    )


def test_a_short_encode_stays_one_pass(tmp_path: Path) -> None:
    samples = sounding_throughout(20.0)
    assert write_streaming(samples, tmp_path / "short.mp3", Encoding.MP3) == []
    assert decode(tmp_path / "short.mp3").frames == samples.shape[1]


def test_a_segmented_mp3_is_constant_bit_rate_with_a_header_for_the_whole_file(
    long_signal: Samples, long_files: dict[Encoding, tuple[Path, list[int]]]
) -> None:
    path = long_files[Encoding.MP3][0]
    data = path.read_bytes()
    with av.open(str(path)) as container:
        sizes = [p.size for p in container.demux(container.streams.audio[0]) if p.size]
    assert len(set(sizes)) == 1  # CBR at 32 kHz: every frame 576 bytes

    at = data.find(b"Info")  # the CBR form of the Xing header, in the first frame
    assert 0 < at < 64
    flags, frames, size = struct.unpack(">III", data[at + 4 : at + 16])
    assert flags & 3 == 3  # frame count and byte count present
    assert frames == len(sizes)
    assert size == len(data)
    # The LAME tag's delay and padding make decoders trim to the input's exact length.
    delay_padding = data[at + 120 + 21 : at + 120 + 24]
    delay = delay_padding[0] << 4 | delay_padding[1] >> 4
    padding = (delay_padding[1] & 0x0F) << 8 | delay_padding[2]
    assert frames * 1152 == delay + long_signal.shape[1] + padding
