"""Decoded audio as a NumPy array, and the one error type the audio layer raises.

Samples are ``float32`` in ``[-1, 1]``, shaped ``(channels, frames)`` (planar, as FFmpeg's
``fltp`` and as NumPy reduces fastest per channel). Why float32 and not int16: gain, fades,
filters and mixing need no rescaling or clipping until the encoder, and PyAV hands decoded
frames over as float32 without a conversion pass. Why not float64: half the memory, and
32-bit precision is 24 bits of mantissa, more than any file we read or write.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .errors import AudioError

__all__ = ["Audio", "AudioError", "Samples", "as_samples"]

Samples = npt.NDArray[np.float32]
"""``(channels, frames)`` float32 samples."""


@dataclass(frozen=True, slots=True)
class Audio:
    """Samples in memory at ``rate`` Hz. For long files prefer the streaming functions."""

    samples: Samples
    rate: int

    def __post_init__(self) -> None:
        if self.samples.ndim != 2 or self.samples.dtype != np.float32:
            raise ValueError("Audio samples must be a 2-D float32 array (channels, frames)")
        if self.rate <= 0 or self.samples.shape[0] == 0:
            raise ValueError("Audio needs a positive rate and at least one channel")

    @property
    def channels(self) -> int:
        return int(self.samples.shape[0])

    @property
    def frames(self) -> int:
        return int(self.samples.shape[1])

    @property
    def seconds(self) -> float:
        return self.frames / self.rate

    @classmethod
    def silence(cls, seconds: float, rate: int, channels: int = 1) -> Audio:
        return cls(np.zeros((channels, round(seconds * rate)), np.float32), rate)


def as_samples(values: npt.ArrayLike) -> Samples:
    """Any array of samples as ``(channels, frames)`` float32 (1-D means mono)."""
    array = np.asarray(values, dtype=np.float32)
    return array[np.newaxis, :] if array.ndim == 1 else array
