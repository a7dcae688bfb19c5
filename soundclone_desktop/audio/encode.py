"""Writing audio: WAV, MP3 (LAME), M4A (AAC), Opus and FLAC through PyAV, streaming.

:class:`AudioWriter` takes float32 blocks at the source's rate and channel count; PyAV
converts them to the codec's sample format, rate and frame size (FFmpeg's resampler, in C)
and muxes. Memory stays at one block whatever the length.

Choices per format (what a listener or an editor expects of a speech file):

- WAV: 16-bit PCM, the form every editor opens.
- MP3: LAME at a constant 128 kbps by default, quality 7 ("fast, ok quality"): 128 kbps
  for one voice channel leaves so much headroom that LAME's slower searches (quality 3, its
  default, 1.5× the time) buy nothing audible, and an hour must encode in well under a minute.
  A Xing/LAME header records delay and padding so decoders trim exactly.
- M4A: FFmpeg's AAC-LC at 96 kbps by default with its "fast" coder (3.5× faster than the
  default two-loop search, transparent enough for speech at this rate), in an MP4 ("ipod")
  container whose edit list removes the encoder's priming samples.
- Opus: libopus at 48 kbps by default (transparent for speech), always coded at 48 kHz (the
  rate Opus works at); Ogg container with the ``.opus`` conventions.
- FLAC: lossless 16-bit.

Rates a codec cannot hold become the nearest one it can (MP3 has nine). More than two
channels are not written: the decoder downmixes to stereo.

Long MP3 and AAC (over two minutes, at the source's rate) are encoded as segments on two
encoders at once and spliced into the one file (:mod:`.segmented`): LAME and FFmpeg's AAC
encoder have no threads of their own. Shorter audio is held and encoded in one pass.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import cast

import av
import av.container
import numpy as np

from .decode import AudioInput, Cancelled, open_audio, prefetched
from .model import Audio, AudioError, Samples
from .segmented import SEGMENTED_FROM_S, Packet, SegmentedEncoder, encoder_threads
from .transform import apply_gain

__all__ = [
    "AudioWriter",
    "EncodeOptions",
    "Encoding",
    "encode",
    "level_change_db",
    "transcode",
]

_MP3_RATES = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)
_AAC_RATES = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 64000, 88200, 96000)
_LAYOUTS = {1: "mono", 2: "stereo"}


@dataclass(frozen=True)
class _Spec:
    extension: str
    muxer: str
    codec: str
    sample_format: str
    rates: tuple[int, ...] | None  # None: any rate
    default_kbps: int | None  # None: lossless, no bit rate
    muxer_options: tuple[tuple[str, str], ...] = ()
    codec_options: tuple[tuple[str, str], ...] = ()


class Encoding(Enum):
    WAV = _Spec("wav", "wav", "pcm_s16le", "s16", None, None)
    # No ID3 tag unless tags are asked for (mutagen adds one then): the file starts with
    # the Xing/LAME frame, as a bare MP3 does.
    MP3 = _Spec("mp3", "mp3", "libmp3lame", "fltp", _MP3_RATES, 128, (("id3v2_version", "0"),),
                (("compression_level", "7"),))  # fmt: skip
    M4A = _Spec("m4a", "ipod", "aac", "fltp", _AAC_RATES, 96, (), (("aac_coder", "fast"),))
    OPUS = _Spec("opus", "opus", "libopus", "flt", (48000,), 48)
    FLAC = _Spec("flac", "flac", "flac", "s16", None, None)

    @property
    def extension(self) -> str:
        return self.value.extension

    @property
    def lossless(self) -> bool:
        return self.value.default_kbps is None

    @classmethod
    def from_extension(cls, suffix: str) -> Encoding | None:
        wanted = suffix.lower().lstrip(".")
        wanted = {"m4b": "m4a", "aac": "m4a", "ogg": "opus"}.get(wanted, wanted)
        return next((e for e in cls if e.extension == wanted), None)


@dataclass(frozen=True, slots=True)
class EncodeOptions:
    encoding: Encoding
    bitrate_kbps: int | None = None  # None: the format's default (ignored when lossless)
    rate: int | None = None  # None: the source's (or the nearest the codec allows)
    channels: int | None = None  # None: the source's


class AudioWriter:
    """Encode blocks to ``target``; a context manager. Call :meth:`write` with
    ``(channels, frames)`` float32 blocks at ``rate``, in order.

    ``muxer_options`` are added to the format's own (e.g. the MP4 ``brand``); ``chapters``
    are ``(title, start, end)`` in samples at ``rate``, for containers that keep chapters
    (MP4): FFmpeg lays out its chapter track when the header is written, so they must be
    known before the first block."""

    def __init__(
        self,
        target: Path,
        options: EncodeOptions,
        *,
        rate: int,
        channels: int,
        muxer_options: Mapping[str, str] | None = None,
        chapters: Sequence[tuple[str, int, int]] = (),
    ) -> None:
        spec = options.encoding.value
        self.target = target
        self._rate = rate
        self._channels = options.channels or channels
        if self._channels not in _LAYOUTS or channels not in _LAYOUTS:
            raise AudioError(f"Audio can be written with one or two channels, not {channels}.")
        out_rate = _nearest(options.rate or rate, spec.rates)
        try:
            self._container = av.open(
                os.fspath(target),
                mode="w",
                format=spec.muxer,
                container_options={**dict(spec.muxer_options), **(muxer_options or {})},
            )
        except (av.FFmpegError, OSError) as exc:
            raise AudioError(f"Could not write {target}: {_reason(exc)}.") from exc
        try:
            stream = cast(av.AudioStream, self._container.add_stream(spec.codec, rate=out_rate))
            stream.codec_context.layout = _LAYOUTS[self._channels]
            stream.codec_context.format = av.AudioFormat(spec.sample_format)
            if spec.default_kbps is not None:
                stream.codec_context.bit_rate = 1000 * (options.bitrate_kbps or spec.default_kbps)
            stream.codec_context.options = dict(spec.codec_options)
            self._stream = stream
            if chapters:
                self._container.set_chapters([
                    {"id": number, "start": start, "end": end, "time_base": Fraction(1, rate),
                     "metadata": {"title": title}}
                    for number, (title, start, end) in enumerate(chapters, start=1)
                ])  # fmt: skip
        except BaseException:
            self._container.close()
            raise
        self._written = 0
        # Long audio in a codec without threads of its own goes to two encoders at once
        # (see :mod:`.segmented`); held back until it is known to be long.
        self._held: list[Samples] | None = None
        self._segmented: SegmentedEncoder | None = None
        if spec.codec in _SEGMENTABLE and out_rate == rate and encoder_threads() > 1:
            self._held = []

    def __enter__(self) -> AudioWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
        else:
            self._abort()
            self._container.close()

    def write(self, block: Samples) -> None:
        if block.shape[1] == 0:
            return
        samples = _shape(block, self._channels)
        clipped = np.clip(samples, -1.0, 1.0)
        if self._segmented is not None:
            self._mux(lambda: self._segmented_packets(clipped))
        elif self._held is not None:
            self._held.append(clipped)
            self._written += clipped.shape[1]
            if self._written > SEGMENTED_FROM_S * self._rate:
                self._start_segmented()
        else:
            self._encode_frame(clipped, self._written)
            self._written += clipped.shape[1]

    @property
    def joins(self) -> list[int]:
        """Sample positions where two encoders' frames meet (none for one pass)."""
        return list(self._segmented.joins) if self._segmented is not None else []

    def close(self) -> None:
        """Flush the encoder and finish the file (headers with the final sizes)."""
        try:
            if self._segmented is not None:
                self._mux(self._segmented.finish)
            else:
                position = 0
                for held in self._held or ():  # short: one encoder, one pass
                    self._encode_frame(held, position)
                    position += held.shape[1]
                self._mux(lambda: self._stream.encode(None))
        finally:
            self._abort()
            self._container.close()

    def _abort(self) -> None:
        if self._segmented is not None:
            self._segmented.abort()

    def _encode_frame(self, samples: Samples, position: int) -> None:
        frame = av.AudioFrame.from_ndarray(
            np.ascontiguousarray(samples), format="fltp", layout=_LAYOUTS[self._channels]
        )
        frame.sample_rate = self._rate
        frame.time_base = Fraction(1, self._rate)
        frame.pts = position
        self._mux(lambda: self._stream.encode(frame))

    def _start_segmented(self) -> None:
        context = self._stream.codec_context
        options = dict(context.options)
        if context.name == "libmp3lame":
            options["reservoir"] = "0"  # a segment's first frame must not borrow bits
        context.options = options  # the stream's context: its parameters go in the header
        spec = (context.name, self._rate, _LAYOUTS[self._channels], int(context.bit_rate or 0),
                tuple(sorted(options.items())))  # fmt: skip
        self._segmented = SegmentedEncoder(
            lambda: _encoder(*spec), rate=self._rate, frame_size=_frame_size(*spec)
        )
        held, self._held = self._held or [], None
        self._mux(lambda: self._segmented_packets(np.concatenate(held, axis=1)))

    def _segmented_packets(self, samples: Samples) -> list[Packet]:
        assert self._segmented is not None
        return self._segmented.feed(samples)

    def _mux(self, packets: Callable[[], Iterable[Packet]]) -> None:
        try:
            for packet in packets():
                packet.stream = self._stream
                self._container.mux(packet)
        except (av.FFmpegError, OSError) as exc:
            raise AudioError(f"Could not write {self.target}: {_reason(exc)}.") from exc


_SEGMENTABLE = ("libmp3lame", "aac")


def _encoder(
    codec: str, rate: int, layout: str, bit_rate: int, options: tuple[tuple[str, str], ...]
) -> av.AudioCodecContext:
    """A free-standing encoder configured as the stream's (for one segment)."""
    context = cast(av.AudioCodecContext, av.CodecContext.create(codec, "w"))
    context.sample_rate = rate
    context.layout = layout
    context.format = av.AudioFormat("fltp")
    context.bit_rate = bit_rate
    context.time_base = Fraction(1, rate)
    context.options = dict(options)
    return context


@cache
def _frame_size(
    codec: str, rate: int, layout: str, bit_rate: int, options: tuple[tuple[str, str], ...]
) -> int:
    context = _encoder(codec, rate, layout, bit_rate, options)
    context.open()
    return int(context.frame_size)


def _shape(block: Samples, channels: int) -> Samples:
    if block.shape[0] == channels:
        return block
    if channels == 1:
        mixed: Samples = block.mean(axis=0, keepdims=True, dtype=np.float32)
        return mixed
    return np.repeat(block, 2, axis=0)  # mono to both sides


def _nearest(rate: int, allowed: tuple[int, ...] | None) -> int:
    if allowed is None or rate in allowed:
        return rate
    higher = [r for r in allowed if r >= rate]
    return min(higher) if higher else max(allowed)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.rstrip(".")
    return str(exc).rstrip(".")


@cache
def level_change_db(encoding: Encoding, rate: int) -> float:
    """How much louder (negative: quieter) audio comes back from ``encoding`` at ``rate``,
    measured on a 1 kHz tone through this very encoder and FFmpeg's decoder.

    Why measure: LAME output decodes 0.45 dB quieter than its input (a 0.95 factor, seen with
    lameenc's LAME too), so an MP3 normalised to −16 LUFS would read −16.45. Measuring once
    per process (about 20 ms) corrects whatever the codec in this build does, and gives 0 for
    codecs that keep the level."""
    if encoding.lossless:
        return 0.0
    probe_rate = _nearest(rate, encoding.value.rates)
    t = np.arange(probe_rate) / probe_rate
    wave = (0.1 * np.sin(2 * np.pi * 1000 * t)).astype(np.float32)[np.newaxis, :]
    with tempfile.TemporaryDirectory(prefix="soundclone-level-") as folder:
        path = encode(Audio(wave, probe_rate), Path(folder) / f"p.{encoding.extension}",
                      EncodeOptions(encoding))  # fmt: skip
        with open_audio(path, rate=probe_rate) as source:
            back = source.read().samples
    middle = slice(probe_rate // 4, 3 * probe_rate // 4)  # away from the codec's edges
    ratio = float(np.sqrt(np.mean(back[:, middle] ** 2) / np.mean(wave[:, middle] ** 2)))
    change = 20 * math.log10(ratio) if ratio > 0 else 0.0
    return change if abs(change) >= 0.05 else 0.0


def encode(audio: Audio, target: Path, options: EncodeOptions) -> Path:
    """Write audio held in memory; returns ``target``."""
    with AudioWriter(target, options, rate=audio.rate, channels=audio.channels) as writer:
        step = 10 * audio.rate
        for start in range(0, audio.frames, step):
            writer.write(audio.samples[:, start : start + step])
    return target


def transcode(
    source: AudioInput,
    target: Path,
    options: EncodeOptions,
    *,
    gain_db: float = 0.0,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Decode ``source`` block by block, apply ``gain_db``, encode to ``target``.

    Raises :class:`~.decode.Cancelled` (leaving a partial ``target`` for the caller to
    remove) when ``cancelled()`` turns true between blocks.
    """
    with open_audio(source) as audio:
        writer = AudioWriter(target, options, rate=audio.rate, channels=audio.channels)
        with writer:
            _pump(prefetched(audio.blocks(cancelled=cancelled)), writer, gain_db)
    return target


def _pump(blocks: Iterable[Samples], writer: AudioWriter, gain_db: float) -> None:
    for block in blocks:
        writer.write(apply_gain(block, gain_db))


__all__ += ["Cancelled"]
