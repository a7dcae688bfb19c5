"""Reading any audio file through PyAV (FFmpeg): MP3, WAV, M4A/AAC, OGG/Opus, FLAC…

:func:`open_audio` streams a file as float32 blocks at a chosen rate and channel count;
:func:`decode` reads it whole; :func:`probe` and :func:`exact_duration` say what is inside.
FFmpeg decodes and resamples in C with the GIL released, so a worker thread running this
does not stall the GUI thread; only the per-frame bookkeeping is Python.

Why choose the rate: an hour of mono float32 is 635 MB at 44.1 kHz but 230 MB at 16 kHz,
and a waveform or a silence search needs no more than that. Measuring loudness or encoding
keeps the source's rate (``rate=None``) and streams in blocks instead.

Durations are exact to the sample: FFmpeg honours the encoder delay and padding that the
LAME header (MP3), the edit list (M4A) and the pre-skip/granule position (Opus) record.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from queue import Full, Queue
from types import TracebackType
from typing import BinaryIO, cast

import av
import av.container
import numpy as np
import numpy.typing as npt

from .model import Audio, AudioError, Samples

__all__ = [
    "AudioInfo",
    "AudioInput",
    "AudioSource",
    "Cancelled",
    "decode",
    "exact_duration",
    "open_audio",
    "prefetched",
    "probe",
]

Raw = npt.NDArray[np.generic]
"""Decoded samples in the codec's own type (int16, float32…), ``(channels, frames)``."""

AudioInput = Path | str | bytes | BinaryIO
"""A file path, a whole file in memory, or a binary file object."""

DEFAULT_BLOCK_SECONDS = 10.0
# Frames dropped after a seek: they lack what came before (MP3's bit reservoir reaches back
# a frame, and each frame overlaps the previous one), so they can glitch.
_SKIP_AFTER_SEEK = 3
_LAYOUTS = {1: "mono", 2: "stereo"}
_RESAMPLE_BATCH = 32_768  # samples handed to the resampler at once (about a second)


@dataclass(frozen=True, slots=True)
class AudioInfo:
    """What a file holds, from its headers (no decoding)."""

    container: str
    codec: str
    rate: int
    channels: int
    duration_s: float | None  # the container's figure; estimated for some MP3s
    bit_rate: int | None


class AudioSource:
    """An open file decoding to ``channels`` × float32 at ``rate`` Hz. Use as a context manager."""

    def __init__(self, source: AudioInput, *, rate: int | None, channels: int | None) -> None:
        self.name = _name(source)
        self._container = _open_input(source, self.name)
        try:
            streams = self._container.streams.audio
            if not streams:
                raise AudioError(f"{self.name} contains no audio.")
            self._stream = streams[0]
            context = self._stream.codec_context
            source_channels = context.layout.nb_channels or 1
            self.info = AudioInfo(
                container=self._container.format.name,
                codec=context.name,
                rate=context.sample_rate,
                channels=source_channels,
                duration_s=_duration(self._container, self._stream),
                bit_rate=context.bit_rate or self._container.bit_rate or None,
            )
            self.rate = rate or context.sample_rate
            # MP4 decoders put out the AAC encoder's end padding; the track's duration
            # (edit list) is exact, so decoding stops there.
            self._limit: int | None = None
            if self.info.container.startswith("mov") and self.info.duration_s:
                self._limit = round(self.info.duration_s * self.rate)
            self.channels = channels or min(source_channels, 2)
            if self.channels not in _LAYOUTS or self.rate <= 0:
                raise AudioError(f"{self.name}: cannot decode to {channels} channels.")
        except BaseException:
            self._container.close()
            raise

    def __enter__(self) -> AudioSource:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._container.close()

    def frames(self) -> Iterator[Samples]:
        """Decoded pieces as they come (about 1,000 samples each): for counting, not maths."""
        for raw, kind in self._pieces():
            yield self._finish([raw], kind)

    def _pieces(self) -> Iterator[tuple[Raw, str]]:
        """Frames as ``(samples in the codec's own type, type name)``, trimmed to the
        track's length; converting per block instead of per frame saves most of the
        per-frame Python work (a WAV packet holds only 2,048 samples)."""
        left = self._limit
        for raw, kind in self._decoded():
            if left is not None:
                if raw.shape[1] >= left:
                    if left:
                        yield raw[:, :left], kind
                    return
                left -= raw.shape[1]
            yield raw, kind

    def _decoded(self) -> Iterator[tuple[Raw, str]]:
        direct = self.rate == self.info.rate and self.info.channels <= 2
        try:
            if direct:
                for frame in self._container.decode(self._stream):
                    yield _planes(frame)
            else:
                yield from self._resampled()
        except av.FFmpegError as exc:
            raise AudioError(f"{self.name} could not be decoded: {_reason(exc)}.") from exc

    def _resampled(self) -> Iterator[tuple[Raw, str]]:
        """Decoded frames resampled by FFmpeg, handed to it in batches of about
        :data:`_RESAMPLE_BATCH` samples: the resampler's per-call work in Python cost more
        than its filter for a WAV's 2,048-sample packets (0.28 s against 0.10 s per five
        minutes resampled in one-second frames)."""
        resampler = av.AudioResampler(format="fltp", layout=_LAYOUTS[self.channels],
                                      rate=self.rate)  # fmt: skip
        batch: list[Raw] = []
        kind, layout, rate, held, position = "", "", 0, 0, 0

        def flush() -> Iterator[tuple[Raw, str]]:
            samples = _to_float(batch[0] if len(batch) == 1 else np.concatenate(batch, axis=1),
                                kind)  # fmt: skip
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(samples), format="fltp",
                                               layout=layout)  # fmt: skip
            frame.sample_rate = rate
            frame.time_base = Fraction(1, rate)
            frame.pts = position
            for out in resampler.resample(frame):
                yield _planes(out)

        for decoded in self._container.decode(self._stream):
            raw, raw_kind = _planes(decoded)
            if batch and (raw_kind != kind or decoded.sample_rate != rate):
                yield from flush()
                position += held
                batch, held = [], 0
            batch.append(raw)
            kind, layout, rate = raw_kind, decoded.layout.name, decoded.sample_rate
            held += raw.shape[1]
            if held >= _RESAMPLE_BATCH:
                yield from flush()
                position += held
                batch, held = [], 0
        if batch:
            yield from flush()
        for out in resampler.resample(None):
            yield _planes(out)

    def _finish(self, raws: list[Raw], kind: str) -> Samples:
        """Raw pieces of one type as one planar float32 array, channels mixed in NumPy."""
        raw = raws[0] if len(raws) == 1 else np.concatenate(raws, axis=1)
        samples = _to_float(raw, kind)
        if samples.shape[0] == self.channels:
            return samples
        if self.channels == 1:
            mixed: Samples = samples.mean(axis=0, keepdims=True, dtype=np.float32)
            return mixed
        return np.repeat(samples, 2, axis=0)

    def glimpses(self, count: int, seconds: float = 0.05) -> Iterator[tuple[int, Samples]]:
        """``count`` short pieces spread evenly over the file, each decoded after a seek:
        ``(index, samples)``, for an overview in a fraction of a full decode. Needs the
        container's duration and the file's own rate; sequential reading ends here."""
        duration = self.info.duration_s
        time_base = self._stream.time_base
        if not duration or time_base is None or self.rate != self.info.rate:
            return
        wanted = max(1, round(seconds * self.rate))
        try:
            for index in range(count):
                at = duration * (index + 0.5) / count
                self._container.seek(int(at / time_base), stream=self._stream)
                pieces: list[Samples] = []
                got = 0
                for number, frame in enumerate(self._container.decode(self._stream)):
                    if number < _SKIP_AFTER_SEEK:
                        continue
                    raw, kind = _planes(frame)
                    pieces.append(self._finish([raw], kind))
                    got += frame.samples
                    if got >= wanted:
                        break
                if pieces:
                    yield index, np.concatenate(pieces, axis=1)
        except av.FFmpegError as exc:
            raise AudioError(f"{self.name} could not be decoded: {_reason(exc)}.") from exc

    def blocks(
        self,
        block_frames: int | None = None,
        *,
        cancelled: Callable[[], bool] | None = None,
    ) -> Iterator[Samples]:
        """The audio in blocks of ``block_frames`` (the last may be shorter, none is empty)."""
        size = block_frames or round(DEFAULT_BLOCK_SECONDS * self.rate)
        pending: list[Samples] = []  # converted, not yet a whole block
        raws: list[Raw] = []  # decoded, not yet converted (all of ``kind``)
        kind = ""
        held = 0
        _check(cancelled)
        for raw, raw_kind in self._pieces():
            if raws and raw_kind != kind:
                pending.append(self._finish(raws, kind))
                raws = []
            raws.append(raw)
            kind = raw_kind
            held += raw.shape[1]
            if held < size:
                continue
            _check(cancelled)
            joined = np.concatenate([*pending, self._finish(raws, kind)], axis=1)
            raws = []
            start = 0
            while held - start >= size:
                yield joined[:, start : start + size]
                start += size
            pending = [joined[:, start:]] if start < held else []
            held -= start
        if raws:
            pending.append(self._finish(raws, kind))
        if held:
            yield np.concatenate(pending, axis=1)

    def read(self) -> Audio:
        """All of it, in memory."""
        pieces = list(self.frames())
        if not pieces:
            return Audio(np.zeros((self.channels, 0), np.float32), self.rate)
        return Audio(np.ascontiguousarray(np.concatenate(pieces, axis=1)), self.rate)


class Cancelled(Exception):  # noqa: N818  # a signal, not an error
    """The caller's ``cancelled()`` turned true between blocks."""


def _check(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled


def open_audio(
    path: AudioInput, *, rate: int | None = None, channels: int | None = None
) -> AudioSource:
    """Open ``path`` for decoding at ``rate`` Hz (``None``: the file's) and ``channels``
    (``None``: the file's, at most two; 1 downmixes, 2 upmixes mono)."""
    return AudioSource(path, rate=rate, channels=channels)


def decode(path: AudioInput, *, rate: int | None = None, channels: int | None = None) -> Audio:
    """The whole file in memory (see :func:`open_audio` for ``rate`` and ``channels``)."""
    with open_audio(path, rate=rate, channels=channels) as source:
        return source.read()


def probe(path: AudioInput) -> AudioInfo:
    with open_audio(path) as source:
        return source.info


def exact_duration(path: AudioInput) -> float:
    """Seconds, counted from the decoded samples at the file's own rate (no resampling)."""
    with open_audio(path) as source:
        total: int = sum(int(piece.shape[1]) for piece in source.frames())
        return total / source.rate


def _name(source: AudioInput) -> str:
    if isinstance(source, str | os.PathLike):
        return Path(source).name
    return "The audio"


def _open_input(source: AudioInput, name: str) -> av.container.InputContainer:
    opened: str | BinaryIO = (
        io.BytesIO(source) if isinstance(source, bytes)
        else os.fspath(source) if isinstance(source, str | os.PathLike)
        else source
    )  # fmt: skip
    if not isinstance(opened, str):
        opened.seek(0)  # a file object may be opened more than once (overview, then peaks)
    try:
        return av.open(opened, mode="r")
    except FileNotFoundError as exc:
        raise AudioError(f"{name} does not exist.") from exc
    except av.FFmpegError as exc:
        raise AudioError(f"{name} is not audio this app can read: {_reason(exc)}.") from exc
    except OSError as exc:
        raise AudioError(f"Could not read {name}: {exc.strerror or exc}.") from exc


def _duration(container: av.container.InputContainer, stream: av.AudioStream) -> float | None:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / av.time_base
    return None


_INTEGER_SCALE = {"u8": 128.0, "s16": 32768.0, "s32": 2147483648.0, "s64": 2.0**63}


_DTYPES: dict[str, type[np.generic]] = {
    "u8": np.uint8, "s16": np.int16, "s32": np.int32, "s64": np.int64,
    "flt": np.float32, "dbl": np.float64,
}  # fmt: skip


def _planes(frame: av.AudioFrame) -> tuple[Raw, str]:
    """``(channels, samples)`` in the frame's own sample type, straight from its buffers
    (``to_ndarray`` stacks planes through several Python-level NumPy calls)."""
    fmt = frame.format
    kind = fmt.name.rstrip("p")
    dtype = _DTYPES[kind]
    count = frame.samples
    channels = frame.layout.nb_channels
    raw: Raw
    if fmt.is_planar:
        if channels == 1:
            raw = np.frombuffer(memoryview(frame.planes[0]), dtype, count)[np.newaxis, :]
        else:
            planes = frame.planes[:channels]
            raw = np.stack([np.frombuffer(memoryview(p), dtype, count) for p in planes])
    else:
        packed = np.frombuffer(memoryview(frame.planes[0]), dtype, count * channels)
        raw = packed.reshape(-1, channels).T
    return raw, kind


def _to_float(raw: Raw, kind: str) -> Samples:
    if kind == "flt":
        return raw.astype(np.float32, copy=False)
    if kind == "dbl":
        return raw.astype(np.float32)
    scale = np.float32(1.0 / _INTEGER_SCALE[kind])
    if kind == "u8":
        return (raw.astype(np.float32) - np.float32(128.0)) * scale
    return raw.astype(np.float32) * scale


def _reason(exc: av.FFmpegError) -> str:
    return (exc.strerror or str(exc)).rstrip(".")


def prefetched(blocks: Iterator[Samples], depth: int = 2) -> Iterator[Samples]:
    """``blocks`` decoded ahead on a helper thread, so decoding (FFmpeg) and the caller's
    arithmetic (NumPy) run on two cores at once; both release the GIL in their kernels.

    The helper stops at the next block once the consumer is gone (``close()`` or garbage
    collection of this generator); errors are re-raised in the consumer.
    """
    queue: Queue[tuple[str, object]] = Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for block in blocks:
                while not stop.is_set():
                    try:
                        queue.put(("block", block), timeout=0.1)
                        break
                    except Full:
                        continue
                if stop.is_set():
                    return
            queue.put(("end", None))
        except BaseException as exc:  # handed to the consumer, which raises it
            queue.put(("error", exc))

    helper = threading.Thread(target=produce, name="audio-prefetch", daemon=True)
    helper.start()
    try:
        while True:
            kind, value = queue.get()
            if kind == "end":
                return
            if kind == "error":
                assert isinstance(value, BaseException)
                raise value
            yield cast(Samples, value)
    finally:
        stop.set()
        helper.join()
