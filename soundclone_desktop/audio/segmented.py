"""Encoding long audio on two cores: independent segments spliced into one stream.

LAME and FFmpeg's AAC encoder are single-threaded (no frame or slice threading), but PyAV
releases the GIL while they run, so two encoder instances on two threads use two cores.
The stream is cut into segments of about a minute; each is encoded by its own encoder and
the packets are put back in order into the one muxer, which therefore writes headers that
describe the whole file (MP3's Xing/LAME frame: frame count, size, TOC, delay, padding;
MP4's edit list and durations).

Why the splice is clean:

- Every boundary is a multiple of the codec's frame size and every encoder is fed samples
  stamped with their position in the whole stream, so the encoders agree on the frame grid
  and their packets carry the timestamps a single encoder would give (pts = position −
  encoder delay). Segment *k* keeps exactly the packets whose frames start in it.
- An encoder starts ``_PREROLL_FRAMES`` frames before its segment (filter bank, MDCT overlap
  and psychoacoustic state settle on the same signal as the previous encoder's) and runs
  ``_POSTROLL_FRAMES`` past its end (the last kept frame sees real audio ahead, not the
  zeros of a flush). The decoder overlaps the last frame of one encoder with the first of
  the next: both coded the same signal, so the error there is the codec's usual one.
- Boundaries fall in the quietest frame near each nominal cut (speech has pauses), so what
  little differs between the encoders' choices (window shapes, block switching) is inaudible.
- MP3 frames must not borrow bits from earlier frames (the bit reservoir): a segment's
  first frame would point into the previous encoder's bytes. LAME's reservoir is turned off
  for segmented encodes (a constant bit rate stays constant; at speech bit rates the
  reservoir buys nothing audible). AAC frames never reference other frames' bits.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import av
import numpy as np

from .model import Samples

__all__ = ["SEGMENTED_FROM_S", "Packet", "SegmentedEncoder", "encoder_threads"]

SEGMENTED_FROM_S = 120.0  # shorter audio is encoded in one pass
_SEGMENT_S = 60.0
_SEARCH_S = 2.0  # a boundary may move this far to land in a pause
_PREROLL_FRAMES = 8
_POSTROLL_FRAMES = 6
_FEED_FRAMES = 256  # frames per AudioFrame handed to an encoder (≈ 9 s of MP3 at 32 kHz)

if TYPE_CHECKING:  # generic in PyAV's stubs only
    Packet = av.Packet[Any]
else:
    Packet = av.Packet

ContextFactory = Callable[[], av.AudioCodecContext]


def encoder_threads() -> int:
    """Encoders to run at once: one per core this process may use, at most two."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return min(2, cores)


@dataclass(frozen=True, slots=True)
class _Segment:
    start: int  # first sample of the segment (a multiple of the frame size)
    end: int | None  # first sample of the next segment; None: the last segment
    first: int  # first sample fed to the encoder (start less the pre-roll)
    samples: Samples  # from ``first`` to ``end`` plus the post-roll (or the stream's end)


class SegmentedEncoder:
    """Feed ``(channels, frames)`` float32 blocks in order with :meth:`feed`; each call and
    :meth:`finish` return the packets that are ready, in stream order (pts and time base
    in samples at ``rate``). Packets belong to no stream yet: the caller muxes them."""

    def __init__(
        self, make_context: ContextFactory, *, rate: int, frame_size: int, threads: int = 2
    ) -> None:
        self._make_context = make_context
        self._rate = rate
        self._frame = frame_size
        self._segment = _aligned(round(_SEGMENT_S * rate), frame_size)
        self._search = _aligned(round(_SEARCH_S * rate), frame_size)
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="audio-encode")
        self._in_flight: deque[Future[list[Packet]]] = deque()
        self._limit = threads + 1  # bounds memory: segments waiting or being encoded
        self._buffer: list[Samples] = []
        self._buffer_start = 0  # stream position of the buffer's first sample
        self._buffered = 0
        self._start = 0  # where the next segment starts
        self.joins: list[int] = []  # where one encoder's frames give way to the next's

    def feed(self, block: Samples) -> list[Packet]:
        self._buffer.append(block)
        self._buffered += block.shape[1]
        ready: list[Packet] = []
        # Enough for the next segment, a pause search past its nominal end, and post-roll.
        while self._end_of_buffer() >= self._start + self._segment + self._search + self._tail():
            ready += self._submit(self._cut())
        return ready

    def finish(self) -> list[Packet]:
        """Encode what is left (the last segment, flushed) and return every packet pending."""
        first = self._first(self._start)
        ready = self._submit(_Segment(self._start, None, first, self._take(first, None)))
        while self._in_flight:
            ready += self._in_flight.popleft().result()
        self._pool.shutdown()
        return ready

    def abort(self) -> None:
        """Stop without waiting for the file: queued segments are dropped."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._in_flight.clear()

    def _tail(self) -> int:
        return _POSTROLL_FRAMES * self._frame

    def _first(self, start: int) -> int:
        return max(0, start - _PREROLL_FRAMES * self._frame)

    def _end_of_buffer(self) -> int:
        return self._buffer_start + self._buffered

    def _cut(self) -> _Segment:
        end = self._quiet_boundary(self._start + self._segment)
        first = self._first(self._start)
        segment = _Segment(self._start, end, first, self._take(first, end + self._tail()))
        self._start = end
        self.joins.append(end)
        self._drop_before(self._first(end))
        return segment

    def _quiet_boundary(self, nominal: int) -> int:
        """The frame boundary within ``_SEARCH_S`` of ``nominal`` where the two frames
        either side are quietest: the decoder overlaps the two encoders' frames there."""
        low, high = nominal - self._search, nominal + self._search
        window = self._take(low - 2 * self._frame, high + 2 * self._frame)
        power = np.square(window, dtype=np.float32).sum(axis=0)
        per_frame = power[: power.size // self._frame * self._frame]
        energy = per_frame.reshape(-1, self._frame).sum(axis=1, dtype=np.float64)
        around = np.convolve(energy, np.ones(4), mode="valid")  # frames b-2 .. b+1
        return low + int(np.argmin(around)) * self._frame

    def _take(self, start: int, end: int | None) -> Samples:
        """Samples ``[start, end)`` of the stream (``end`` None: all buffered)."""
        joined = np.concatenate(self._buffer, axis=1) if len(self._buffer) > 1 else self._buffer[0]
        self._buffer = [joined]
        stop = None if end is None else end - self._buffer_start
        return joined[:, start - self._buffer_start : stop]

    def _drop_before(self, position: int) -> None:
        joined = self._take(self._buffer_start, None)
        self._buffer = [joined[:, position - self._buffer_start :].copy()]
        self._buffered -= position - self._buffer_start
        self._buffer_start = position

    def _submit(self, segment: _Segment) -> list[Packet]:
        ready: list[Packet] = []
        while len(self._in_flight) >= self._limit:
            ready += self._in_flight.popleft().result()
        self._in_flight.append(self._pool.submit(self._encode, segment))
        while self._in_flight and self._in_flight[0].done():
            ready += self._in_flight.popleft().result()
        return ready

    def _encode(self, segment: _Segment) -> list[Packet]:
        """On a worker: encode the segment with its pre- and post-roll, keep its frames."""
        context = self._make_context()
        layout = context.layout.name
        packets: list[Packet] = []
        step = _FEED_FRAMES * self._frame
        for offset in range(0, segment.samples.shape[1], step):
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(segment.samples[:, offset : offset + step]),
                format="fltp",
                layout=layout,
            )
            frame.sample_rate = self._rate
            frame.time_base = Fraction(1, self._rate)
            frame.pts = segment.first + offset
            packets += context.encode(frame)
        packets += context.encode(None)
        if not packets:
            return []
        delay = segment.first - _pts(packets[0])
        keep_from = segment.start - delay if segment.start else None
        keep_to = None if segment.end is None else segment.end - delay
        return list(_between(packets, keep_from, keep_to))


def _between(packets: list[Packet], low: int | None, high: int | None) -> Iterator[Packet]:
    for packet in packets:
        pts = _pts(packet)
        if (low is None or pts >= low) and (high is None or pts < high):
            yield packet


def _pts(packet: Packet) -> int:
    if packet.pts is None:
        raise ValueError("The encoder gave a packet without a timestamp.")
    return int(packet.pts)


def _aligned(frames: int, frame_size: int) -> int:
    return max(1, round(frames / frame_size)) * frame_size
