"""Where sentences are in a take's audio, how a redo task's audio is cut into sentences, and
a segment take with some sentences replaced. Blocking NumPy work (call from a worker).

Sound and quiet are told apart as :mod:`audio.silence` does (-50 dBFS). A sentence's *sound*
runs from its first loud sample to its last; what lies between two sentences (their gap) is
never replaced, so a redone sentence keeps the gaps around it exactly.

- In a segment take, a sentence's window comes from the take's captions
  (:func:`~..core.book.sentence_clips.sentence_clips`; estimated from the text when the take
  has none), and its edges are moved onto the quiet stretch found at each boundary.
- A redo task's audio holds the sentences separated by :data:`REDO_PAUSE` (one second). It is
  cut at the middle of each separating silence (the silence found nearest where the
  subtitles put the boundary), then each piece is trimmed to its sound, keeping
  :data:`EDGE_PAD_S` of what surrounds it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from soundclone_desktop.audio.model import Audio, Samples
from soundclone_desktop.audio.silence import DEFAULT_THRESHOLD_DBFS, Silence, find_silences
from soundclone_desktop.audio.transform import DEFAULT_JOIN_FADE_S
from soundclone_desktop.core.book.chapter_captions import estimate_cues
from soundclone_desktop.core.book.sentence_clips import sentence_clips
from soundclone_desktop.core.book.sentence_takes import REDO_PAUSE_SECONDS
from soundclone_desktop.core.subtitles import Cue

# Quiet between two sentences of a take: a real narrator's is rarely under 0.1 s.
SENTENCE_GAP_MIN_S: Final = 0.06
# How far from where the captions put a boundary its quiet stretch may be.
BOUNDARY_REACH_S: Final = 0.3
# A silence at least this long between redo sentences is a separating pause.
SEPARATOR_MIN_S: Final = REDO_PAUSE_SECONDS / 2
# What a cut sentence keeps around its sound: breath and consonant tails under the threshold.
EDGE_PAD_S: Final = 0.02
_LOUD: Final = float(10 ** (DEFAULT_THRESHOLD_DBFS / 20))


class CutError(Exception):
    """A redo task's audio could not be cut into its sentences."""


@dataclass(frozen=True, slots=True)
class SentenceSound:
    """Sentence ``offset`` (its start in the segment's text) sounds from ``start_s`` to
    ``end_s`` of the take (with :data:`EDGE_PAD_S` of quiet around, where there is room)."""

    offset: int
    end_offset: int
    start_s: float
    end_s: float


@dataclass(frozen=True, slots=True)
class CutPiece:
    """One sentence of a redo task's audio: the take's audio (``samples``) and its sound
    inside it; ``batch_start_s``/``batch_end_s``: the sound in the task's audio."""

    samples: Samples
    speech_start_s: float
    speech_end_s: float
    batch_start_s: float
    batch_end_s: float


def loud(samples: Samples) -> np.ndarray:
    """Per frame: any channel at or above the threshold."""
    return np.asarray((np.abs(samples) >= _LOUD).any(axis=0))


def sentence_sounds(
    audio: Audio, segment_text: str, cues: Sequence[Cue] | None
) -> list[SentenceSound]:
    """Every spoken sentence of a segment take and its sound (module doc)."""
    rate = audio.rate
    mask = loud(audio.samples)
    where = np.flatnonzero(mask)
    if where.size == 0:
        return []
    first, last = int(where[0]) / rate, (int(where[-1]) + 1) / rate
    windows = _windows(segment_text, cues, audio.seconds, first, last)
    if not windows:
        return []
    silences = find_silences(audio, min_seconds=SENTENCE_GAP_MIN_S)
    starts = [first] + [0.0] * (len(windows) - 1)
    ends = [0.0] * (len(windows) - 1) + [last]
    for k in range(len(windows) - 1):
        boundary = (windows[k][3] + windows[k + 1][2]) / 2
        quiet = _nearest(silences, boundary, BOUNDARY_REACH_S)
        if quiet is None:  # no quiet stretch: the captions' times as they are
            ends[k], starts[k + 1] = windows[k][3], windows[k + 1][2]
        else:
            ends[k], starts[k + 1] = quiet.start_s, quiet.end_s
    # Keep EDGE_PAD_S of the quiet around each sound, as a cut redo sentence does, never
    # past the middle of the gap to a neighbour: the edges of a sound under the threshold
    # (a consonant, a fade) are replaced with it and never left behind.
    found = []
    for k, ((a, b, _, _), start, end) in enumerate(zip(windows, starts, ends, strict=True)):
        low = 0.0 if k == 0 else (ends[k - 1] + start) / 2
        high = audio.seconds if k == len(windows) - 1 else (end + starts[k + 1]) / 2
        found.append(SentenceSound(a, b, max(low, start - EDGE_PAD_S),
                                   max(start, min(high, end + EDGE_PAD_S))))  # fmt: skip
    return found


def _windows(
    text: str, cues: Sequence[Cue] | None, seconds: float, first: float, last: float
) -> list[tuple[int, int, float, float]]:
    """(start offset, end offset, begin s, end s) per spoken sentence, from the captions."""
    if cues:
        return [
            (c.start, c.end, c.begin_ms / 1000, c.end_ms / 1000)
            for c in sentence_clips(text, cues, seconds * 1000)
        ]
    estimated = estimate_cues(text, 0, first * 1000, last * 1000)
    return [
        (p.span.start, p.span.end, p.cue.start_ms / 1000, p.cue.end_ms / 1000)
        for p in estimated
        if p.span is not None
    ]


def _nearest(silences: Sequence[Silence], at: float, reach: float) -> Silence | None:
    near = [s for s in silences if s.start_s - reach <= at <= s.end_s + reach]
    if not near:
        return None

    def distance(s: Silence) -> tuple[float, float]:
        outside = 0.0 if s.start_s <= at <= s.end_s else min(abs(s.start_s - at), abs(s.end_s - at))
        return outside, -s.seconds

    return min(near, key=distance)


def cut_batch(audio: Audio, count: int, cues: Sequence[Cue] | None) -> list[CutPiece]:
    """The redo task's audio cut into its ``count`` sentences (module doc); raises
    :class:`CutError` when fewer separating silences are found than needed."""
    rate = audio.rate
    separators = find_silences(audio, min_seconds=SEPARATOR_MIN_S)
    inner = [s for s in separators if s.start_s > 0 and s.end_s < audio.seconds]
    if len(inner) < count - 1:
        raise CutError(
            f"The redo's audio has {len(inner)} pauses between sentences; {count - 1} expected."
        )
    chosen = _separators(inner, count, cues)
    cuts = [0] + [round((s.start_s + s.end_s) / 2 * rate) for s in chosen] + [audio.frames]
    mask = loud(audio.samples)
    pad = round(EDGE_PAD_S * rate)
    pieces = []
    for a, b in itertools.pairwise(cuts):
        where = np.flatnonzero(mask[a:b])
        if where.size == 0:
            raise CutError("A sentence of the redo came back silent.")
        sound_a, sound_b = a + int(where[0]), a + int(where[-1]) + 1
        keep_a, keep_b = max(a, sound_a - pad), min(b, sound_b + pad)
        pieces.append(
            CutPiece(
                np.ascontiguousarray(audio.samples[:, keep_a:keep_b]),
                (sound_a - keep_a) / rate, (sound_b - keep_a) / rate,
                sound_a / rate, sound_b / rate,
            )
        )  # fmt: skip
    return pieces


def _separators(inner: list[Silence], count: int, cues: Sequence[Cue] | None) -> list[Silence]:
    """The ``count - 1`` silences that separate the sentences: the one nearest each boundary
    the subtitles give, else the longest ones in time order."""
    if cues is not None and len(cues) == count:
        picked = []
        for left, right in itertools.pairwise(cues):
            at = (left.end_ms + right.start_ms) / 2000
            picked.append(min(inner, key=lambda s: abs((s.start_s + s.end_s) / 2 - at)))
        if len({id(s) for s in picked}) == len(picked):
            return picked
    longest = sorted(inner, key=lambda s: -s.seconds)[: count - 1]
    return sorted(longest, key=lambda s: s.start_s)


@dataclass(frozen=True, slots=True)
class Replacement:
    """Frames ``start``…``end`` of the base take become ``samples`` (already at its rate)."""

    start: int
    end: int
    samples: Samples


def replaced(base: Samples, replacements: Sequence[Replacement], rate: int) -> Samples:
    """``base`` with each replacement spliced in (in order, not overlapping). The inserted
    sound fades in and out over :data:`DEFAULT_JOIN_FADE_S` (its own samples only: every
    sample of ``base`` outside the replaced frames is kept exactly)."""
    fade = max(1, round(DEFAULT_JOIN_FADE_S * rate))
    parts: list[Samples] = []
    cursor = 0
    for item in sorted(replacements, key=lambda r: r.start):
        parts.append(base[:, cursor : item.start])
        piece = item.samples.astype(np.float32, copy=True)
        length = min(fade, piece.shape[1] // 2)
        if length:
            ramp = (np.arange(1, length + 1, dtype=np.float32) / (length + 1))[np.newaxis, :]
            piece[:, :length] *= ramp
            piece[:, -length:] *= ramp[:, ::-1]
        parts.append(piece)
        cursor = item.end
    parts.append(base[:, cursor:])
    return np.concatenate(parts, axis=1)
