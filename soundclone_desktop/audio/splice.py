"""Files one after another with exact silences between them, streamed in blocks.

:func:`~.transform.concatenate` joins audio held in memory; :class:`Splice` does the same for
files of any length and any rate: each part is decoded at one ``rate`` and channel count
(FFmpeg resamples), faded in and out over ``join_fade_s`` so no click is left where a part
was cut, and followed by exactly ``round(gap_s * rate)`` frames of digital silence. Memory
is one decoded block (10 s) plus the fade's hold-back, whatever the total length.

Where each part landed (:attr:`Splice.placements`) is counted from the decoded frames, so the
offsets are exact to the sample of the output, not estimated from headers. Each placement
also says where the part's sound starts and ends (first and last frame above −50 dBFS), for
callers that have to time captions without subtitles.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from .decode import AudioInput, open_audio
from .model import Samples
from .transform import DEFAULT_JOIN_FADE_S, fade

__all__ = ["Placement", "Splice", "SplicePart"]

_SILENCE_BLOCK_S = 10.0
SOUND_THRESHOLD = 10 ** (-50 / 20)  # −50 dBFS: below a room's noise, above codec dither


@dataclass(frozen=True, slots=True)
class SplicePart:
    """One file and the silence that follows it (the last part is followed by the tail)."""

    source: AudioInput
    gap_after_s: float = 0.0


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a part is in the output: frames ``[start, start + frames)``; ``sound`` is the
    ``[first, last + 1)`` frame above the threshold relative to ``start`` (``None``: silent)."""

    start: int
    frames: int
    sound: tuple[int, int] | None


class Splice:
    """The parts as one stream of ``(channels, frames)`` float32 blocks: :meth:`blocks`.

    :attr:`placements` fills in as the blocks are consumed; :attr:`frames` is the total so
    far (the whole output once :meth:`blocks` is exhausted).
    """

    def __init__(
        self,
        parts: Sequence[SplicePart],
        *,
        rate: int,
        channels: int,
        head_s: float = 0.0,
        tail_s: float = 0.0,
        join_fade_s: float = DEFAULT_JOIN_FADE_S,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        gaps = [head_s, tail_s, join_fade_s, *(p.gap_after_s for p in parts)]
        if any(not math.isfinite(g) or g < 0 for g in gaps):
            raise ValueError("silences and fades must be non-negative seconds")
        self.parts = tuple(parts)
        self.rate = rate
        self.channels = channels
        self.head_s = head_s
        self.tail_s = tail_s
        self.join_fade_s = join_fade_s
        self._fade_frames = math.ceil(join_fade_s * rate)
        self._cancelled = cancelled
        self.placements: list[Placement] = []
        self.frames = 0

    def blocks(self) -> Iterator[Samples]:
        yield from self._silence(self.head_s)
        last = len(self.parts) - 1
        for index, part in enumerate(self.parts):
            start = self.frames
            first_sound: int | None = None
            last_sound = 0
            for block in self._part(part.source):
                loud = np.flatnonzero(np.max(np.abs(block), axis=0) > SOUND_THRESHOLD)
                if loud.size:
                    at = self.frames - start
                    if first_sound is None:
                        first_sound = at + int(loud[0])
                    last_sound = at + int(loud[-1]) + 1
                self.frames += block.shape[1]
                yield block
            sound = None if first_sound is None else (first_sound, last_sound)
            self.placements.append(Placement(start, self.frames - start, sound))
            yield from self._silence(self.tail_s if index == last else part.gap_after_s)

    def _part(self, source: AudioInput) -> Iterator[Samples]:
        """One file's blocks, faded in at its start and out at its end: the last
        ``_fade_frames`` are held back until the file ends, so the fade-out never has to
        reach into a block already handed on."""
        hold = self._fade_frames
        fade_s = self.join_fade_s
        with open_audio(source, rate=self.rate, channels=self.channels) as audio:
            carry: Samples | None = None
            first = True
            for block in audio.blocks(cancelled=self._cancelled):
                if first and hold:
                    head = fade(block[:, :hold], self.rate, fade_in_s=fade_s)
                    block = np.concatenate([head, block[:, hold:]], axis=1)
                first = False
                joined = block if carry is None else np.concatenate([carry, block], axis=1)
                if joined.shape[1] > hold:
                    cut = joined.shape[1] - hold
                    yield joined[:, :cut]
                    carry = joined[:, cut:]
                else:
                    carry = joined
            if carry is not None and carry.shape[1]:
                yield fade(carry, self.rate, fade_out_s=fade_s) if hold else carry

    def _silence(self, seconds: float) -> Iterator[Samples]:
        left = round(seconds * self.rate)
        step = round(_SILENCE_BLOCK_S * self.rate)
        zeros = np.zeros((self.channels, min(left, step)), np.float32)
        while left > 0:
            piece = zeros[:, : min(left, step)]
            self.frames += piece.shape[1]
            left -= piece.shape[1]
            yield piece
