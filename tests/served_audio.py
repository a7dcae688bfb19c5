"""Reading the demo server's result audio in tests: sniffing the container, decoding it.

The demo answers MP3 by default (as the real service does) and WAV on request. Tests decode
with PyAV directly, not with the app's audio code, so the server is checked on its own.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import av
import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class Decoded:
    rate: int
    channels: int
    samples: npt.NDArray[np.float32]  # mono (the first channel), -1..1

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate

    @property
    def ms(self) -> float:
        return len(self.samples) * 1000 / self.rate


def is_mp3(data: bytes) -> bool:
    """An ID3v2 tag or an MPEG audio frame sync (11 set bits) at the start."""
    return data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0)


def decode(data: bytes) -> Decoded:
    """Every sample of the first audio stream, as float32 (FFmpeg trims MP3 encoder delay)."""
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.audio[0]
        resampler = av.AudioResampler(format="fltp")
        chunks: list[npt.NDArray[np.float32]] = []
        rate = channels = 0
        for frame in container.decode(stream):
            rate, channels = frame.sample_rate, len(frame.layout.channels)
            for plain in resampler.resample(frame):
                chunks.append(plain.to_ndarray()[0])
        for plain in resampler.resample(None):
            chunks.append(plain.to_ndarray()[0])
    samples = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
    return Decoded(rate, channels, samples.astype(np.float32, copy=False))


def quiet_runs(
    samples: npt.NDArray[np.float32],
    rate: int,
    *,
    threshold: float = 1e-3,
    min_seconds: float = 0.1,
) -> list[tuple[float, float]]:
    """(start, length) in seconds of every run of samples below ``threshold``, of at least
    ``min_seconds``: the pauses of a decoded lossy file, whose silence is near-zero."""
    quiet = np.abs(samples) < threshold
    edges = np.flatnonzero(np.diff(np.concatenate(([0], quiet.astype(np.int8), [0]))))
    runs = edges.reshape(-1, 2)
    return [(int(a) / rate, int(b - a) / rate) for a, b in runs if (b - a) >= min_seconds * rate]
