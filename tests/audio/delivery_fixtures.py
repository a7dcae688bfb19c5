"""Chapters and deliberately faulty delivery files for the mastering and check tests, and an
independent reader of what a delivered MP3 holds (PyAV decoding, NumPy maths, our own frame
header walk): nothing here uses the code under test."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from soundclone_desktop.audio.model import Audio
from tests.audio.signals import speech_like

MP3_KBPS = {  # MPEG-1 layer III
    1: 32, 2: 40, 3: 48, 4: 56, 5: 64, 6: 80, 7: 96, 8: 112, 9: 128, 10: 160, 11: 192,
    12: 224, 13: 256, 14: 320,
}  # fmt: skip


def chapter(seconds: float = 40.0, rate: int = 32_000) -> Audio:
    """Speech with sentence pauses (exact zeros and a faint hiss, as TTS output has), no
    head or tail of its own, at about −26 dB RMS: mastering must lift it and add both."""
    speech = speech_like(seconds, rate, seed=3).samples[0].astype(np.float64)
    t = np.arange(speech.size) / rate
    pauses = np.sin(2 * np.pi * t / 6.0) > 0.93  # about 0.8 s every 6 s
    speech[pauses] = 0.0
    speech[: int(0.05 * rate)] = speech[int(0.05 * rate)]  # starts at once, no lead-in
    hiss = np.random.default_rng(5).standard_normal(speech.size) * 10 ** (-78 / 20)
    speech[pauses] += hiss[pauses]
    return Audio((0.5 * speech).astype(np.float32)[np.newaxis, :], rate)


def write_mp3(
    audio: Audio, path: Path, *, kbps: int = 192, rate: int = 44_100, vbr: bool = False
) -> Path:
    """An MP3 written with PyAV directly (CBR, or LAME's ABR mode for a variable rate)."""
    with av.open(str(path), "w", format="mp3") as container:
        stream = container.add_stream("libmp3lame", rate=rate)
        stream.codec_context.layout = "mono"
        stream.codec_context.bit_rate = kbps * 1000
        if vbr:
            stream.codec_context.options = {"abr": "1"}
        resampler = av.AudioResampler(format="fltp", layout="mono", rate=rate)
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(audio.samples),
                                           format="fltp", layout="mono")  # fmt: skip
        frame.sample_rate = audio.rate
        frame.time_base = Fraction(1, audio.rate)
        frame.pts = 0
        for out in [*resampler.resample(frame), *resampler.resample(None)]:
            for packet in stream.encode(out):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def decoded(path: Path) -> tuple[np.ndarray, int]:
    """All samples of the first audio stream, mono float64, and the rate."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        pieces = [f.to_ndarray().astype(np.float64).reshape(f.layout.nb_channels, -1)
                  for f in container.decode(stream)]  # fmt: skip
        return np.concatenate(pieces, axis=1).mean(axis=0), stream.codec_context.sample_rate


def frame_bitrates(path: Path) -> tuple[list[int], bytes]:
    """Every MPEG-1 layer III frame's bit rate (kbps) and the first frame's side-info tag."""
    data = path.read_bytes()
    at = 0
    if data[:3] == b"ID3":
        at = 10 + ((data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9])
    rates: list[int] = []
    tag = b""
    while at + 4 <= len(data):
        if data[at] != 0xFF or (data[at + 1] & 0xFE) != 0xFA:  # MPEG-1, layer III
            at += 1
            continue
        kbps = MP3_KBPS.get(data[at + 2] >> 4)
        rate = {0: 44100, 1: 48000, 2: 32000}.get((data[at + 2] >> 2) & 3)
        if kbps is None or rate is None:
            at += 1
            continue
        if not rates and not tag:
            mono = (data[at + 3] >> 6) == 3
            tag = data[at + 4 + (17 if mono else 32) : at + 8 + (17 if mono else 32)]
        rates.append(kbps)
        at += 144 * kbps * 1000 // rate + ((data[at + 2] >> 1) & 1)
    return rates, tag


def db(value: float) -> float:
    return float(20 * np.log10(max(value, 1e-12)))


def quiet_run(samples: np.ndarray, rate: int, *, from_end: bool) -> float:
    """Seconds before the first (or after the last) sample at or above −50 dBFS."""
    loud = np.flatnonzero(np.abs(samples) >= 10 ** (-50 / 20))
    if loud.size == 0:
        return samples.size / rate
    return (samples.size - 1 - loud[-1]) / rate if from_end else loud[0] / rate
