"""Decoding to a new rate hands FFmpeg's resampler about a second at a time, not every
2,048-sample WAV packet (the per-call work in Python cost more than the filter), and the
samples are the ones the per-packet resampling gave."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

from soundclone_desktop.audio.decode import decode
from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.model import Audio
from tests.audio.signals import speech_like


@pytest.fixture
def wav(tmp_path: Path) -> Path:
    return encode(speech_like(60.0, 32_000, seed=7), tmp_path / "c.wav",
                  EncodeOptions(Encoding.WAV))  # fmt: skip


def _per_packet(path: Path, rate: int) -> np.ndarray:
    """The reference: every decoded frame straight into the resampler, as before."""
    resampler = av.AudioResampler(format="fltp", layout="mono", rate=rate)
    pieces = []
    with av.open(str(path)) as container:
        for frame in container.decode(container.streams.audio[0]):
            pieces += [out.to_ndarray() for out in resampler.resample(frame)]
    pieces += [out.to_ndarray() for out in resampler.resample(None)]
    return np.concatenate(pieces, axis=1).astype(np.float32)


def test_the_resampler_gets_about_a_second_at_a_time(
    wav: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = av.AudioResampler

    class Counting:
        def __init__(self, **kwargs: Any) -> None:
            self._inner = real(**kwargs)

        def resample(self, frame: av.AudioFrame | None) -> list[av.AudioFrame]:
            calls.append(frame.samples if frame is not None else 0)
            return self._inner.resample(frame)

    monkeypatch.setattr(av, "AudioResampler", Counting)
    audio = decode(wav, rate=44_100)
    assert audio.frames == pytest.approx(60 * 44_100, abs=64)
    assert len(calls) <= 70, len(calls)  # 60 s in ~1 s batches; per packet it was ~940


def test_the_samples_are_those_of_resampling_every_packet(wav: Path) -> None:
    batched = decode(wav, rate=44_100).samples
    reference = _per_packet(wav, 44_100)
    assert batched.shape == reference.shape
    np.testing.assert_allclose(batched, reference, rtol=0, atol=1e-6)


def test_a_stereo_source_is_mixed_and_resampled(tmp_path: Path) -> None:
    left = speech_like(5.0, 32_000, seed=1).samples
    stereo = np.concatenate((left, np.zeros_like(left)), axis=0)

    path = encode(Audio(stereo, 32_000), tmp_path / "s.wav", EncodeOptions(Encoding.WAV))
    mixed = decode(path, rate=44_100, channels=1).samples
    alone = decode(encode(Audio(left, 32_000), tmp_path / "l.wav", EncodeOptions(Encoding.WAV)),
                   rate=44_100).samples  # fmt: skip
    assert mixed.shape == alone.shape
    rms = float(np.sqrt(np.mean(mixed**2)) / np.sqrt(np.mean(alone**2)))
    assert 0.3 < rms < 0.75  # FFmpeg's downmix: half of one side (or 1/sqrt 2), not all
