"""Known signals for the audio engine's tests and benchmarks, and files made from them."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.model import Audio


def tone(
    seconds: float, amplitude: float, freq: float = 1000.0, rate: int = 48_000, *, fade: float = 0.0
) -> Audio:
    """A mono sine; ``fade`` seconds of raised-cosine ramps at both ends."""
    t = np.arange(round(seconds * rate)) / rate
    wave = amplitude * np.sin(2 * np.pi * freq * t)
    if fade:
        ramp = np.minimum(1.0, np.minimum(t, seconds - t) / fade)
        wave *= 0.5 - 0.5 * np.cos(np.pi * ramp)
    return Audio(wave.astype(np.float32)[np.newaxis, :], rate)


def speech_like(seconds: float, rate: int = 32_000, *, seed: int = 7) -> Audio:
    """Speech-shaped test audio: a gliding voiced pitch (harmonics up to 4 kHz) and noisy
    consonants, in 4-per-second syllables, words with short gaps, around −20 LUFS."""
    rng = np.random.default_rng(seed)
    frames = round(seconds * rate)
    t = np.arange(frames) / rate
    pitch = 130 + 30 * np.sin(2 * np.pi * 0.3 * t) + 15 * np.sin(2 * np.pi * 2.1 * t)
    phase = 2 * np.pi * np.cumsum(pitch) / rate
    voiced = sum(np.sin(k * phase) / k for k in range(1, 30) if k * 160 < 4000)
    noise = rng.standard_normal(frames)
    noise = np.convolve(noise, np.ones(4) / 4, mode="same")
    syllable = np.clip(np.sin(2 * np.pi * 4.0 * t + np.sin(2 * np.pi * 0.7 * t)), 0, None)
    words = (np.sin(2 * np.pi * 0.45 * t + 1.0) > -0.6).astype(np.float64)
    signal = syllable * words * (0.6 * voiced + 0.25 * noise)
    return Audio((0.42 * signal).astype(np.float32)[np.newaxis, :], rate)


def write(audio: Audio, path: Path, encoding: Encoding | None = None) -> Path:
    chosen = encoding or Encoding.from_extension(path.suffix)
    assert chosen is not None, path
    return encode(audio, path, EncodeOptions(chosen))
