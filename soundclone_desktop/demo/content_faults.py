"""Content faults: audio that arrives fine but does not say what was asked, as real glitches do.

Separate from the network faults (``faults.py``): the request succeeds, the result is wrong.
Each production task is drawn a fault with probability ``content_fault_rate``, its kind from
``content_faults``, from one ``random.Random(seed)`` at creation, so a run repeats exactly.

- ``drop-sentence`` one sentence (never the last, never of a one-sentence text) is missing
  from the audio *and* the subtitles, with the gap after it;
- ``long-silence``  2-4 s of digital silence before a word, where no marker asked for one;
- ``clip``          60-150 ms of voiced audio driven to a square wave at full scale;
- ``fast``          the whole task spoken ``FAST_FACTOR`` times faster than the speed asked.

What was drawn for which task, whether it could be applied and where, is listed by
``GET /_demo/content-faults`` (for tests only).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import numpy as np

from .encoding import Samples
from .subtitles import sentence_groups
from .synth import Timeline, Unit

CONTENT_FAULT_KINDS = ("drop-sentence", "long-silence", "clip", "fast")
FAST_FACTOR = 1.6
SILENCE_SECONDS = (2.0, 4.0)
CLIP_SECONDS = (0.06, 0.15)
_FULL_SCALE = 32767


def content_fault_tuple(value: Iterable[str] | str) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else list(value)
    kinds = tuple(item.strip() for item in items if item.strip())
    unknown = [kind for kind in kinds if kind not in CONTENT_FAULT_KINDS]
    if unknown:
        raise ValueError(
            f"unknown content fault(s) {unknown}; choose from {', '.join(CONTENT_FAULT_KINDS)}"
        )
    return kinds


@dataclass
class ContentFault:
    """One fault for one task; ``where`` and ``size`` are draws in [0, 1) placing it, taken at
    creation so that the sequence does not depend on when files are downloaded."""

    task_id: str
    kind: str
    where: float
    size: float
    detail: dict[str, object] = field(default_factory=dict)  # filled once the audio is planned

    def to_json(self) -> dict[str, object]:
        # Not applied: the audio is not made yet, or the text had no room for the fault
        # (one sentence to drop, no word boundary for a silence).
        return {
            "task_id": self.task_id,
            "kind": self.kind,
            "applied": bool(self.detail),
            **self.detail,
        }


class ContentFaultPlan:
    def __init__(self, kinds: tuple[str, ...], rate: float, seed: int) -> None:
        self._kinds = kinds
        self._rate = rate
        self._random = random.Random(seed)
        self._applied: list[ContentFault] = []
        self._lock = threading.Lock()

    def pick(self, task_id: str) -> ContentFault | None:
        if not self._kinds or self._rate <= 0:
            return None
        with self._lock:
            if self._random.random() >= self._rate:
                return None
            kind = self._random.choice(self._kinds)
            fault = ContentFault(task_id, kind, self._random.random(), self._random.random())
            self._applied.append(fault)
            return fault

    def applied(self) -> list[dict[str, object]]:
        with self._lock:
            return [fault.to_json() for fault in self._applied]


def speed_factor(fault: ContentFault | None) -> float:
    return FAST_FACTOR if fault is not None and fault.kind == "fast" else 1.0


def apply_to_timeline(timeline: Timeline, fault: ContentFault | None) -> Timeline:
    """The timeline with a dropped sentence or an extra silence (other kinds: unchanged)."""
    if fault is None:
        return timeline
    if fault.kind == "fast":
        fault.detail = {"factor": FAST_FACTOR, "seconds": 0.0}
    if fault.kind == "drop-sentence":
        return _drop_sentence(timeline, fault)
    if fault.kind == "long-silence":
        return _insert_silence(timeline, fault)
    return timeline


def apply_to_samples(samples: Samples, timeline: Timeline, fault: ContentFault | None) -> Samples:
    """The samples with a clipped stretch (other kinds: unchanged)."""
    if fault is None or fault.kind != "clip":
        return samples
    voiced = [u for u in timeline.units if u.kind == "voice"]
    if not voiced:
        return samples
    unit = voiced[int(fault.where * len(voiced))]
    length = round(
        (CLIP_SECONDS[0] + fault.size * (CLIP_SECONDS[1] - CLIP_SECONDS[0])) * timeline.rate
    )
    start = unit.offset
    end = min(start + length, len(samples))
    clipped = samples.copy()
    # Infinite gain: every voiced sample (never zero) goes to full scale, a square wave.
    clipped[start:end] = np.where(samples[start:end] >= 0, _FULL_SCALE, -_FULL_SCALE)
    fault.detail = {
        "seconds": round(start / timeline.rate, 4),
        "duration": round((end - start) / timeline.rate, 4),
    }
    return clipped


def _drop_sentence(timeline: Timeline, fault: ContentFault) -> Timeline:
    groups = sentence_groups(timeline)
    if len(groups) < 2:
        return timeline  # nothing a listener could tell apart from a failed task
    choice = int(fault.where * (len(groups) - 1))
    first = timeline.units.index(groups[choice][0])
    following = timeline.units.index(groups[choice + 1][0])
    # The sentence and the room tone after it go; a marker's pause stays where it was asked.
    dropped = {index for index in range(first, following) if timeline.units[index].kind != "pause"}
    start = groups[choice][0].start
    end = groups[choice][-1].end
    fault.detail = {
        "seconds": timeline.ms(groups[choice][0].offset) / 1000,
        "text_begin": start,
        "text_end": end,
        "text": timeline.text[start:end],
    }
    kept = [unit for index, unit in enumerate(timeline.units) if index not in dropped]
    return _restack(timeline, kept)


def _insert_silence(timeline: Timeline, fault: ContentFault) -> Timeline:
    units = timeline.units
    # Before a word that follows a space, so the silence splits speech from speech.
    spots = [
        index
        for index in range(2, len(units))
        if units[index].kind == "voice"
        and units[index - 1].kind == "gap"
        and units[index - 2].kind == "voice"
    ]
    if not spots:
        return timeline
    index = spots[int(fault.where * len(spots))]
    seconds = SILENCE_SECONDS[0] + fault.size * (SILENCE_SECONDS[1] - SILENCE_SECONDS[0])
    at = units[index].start
    silence = Unit("pause", at, at, 0, round(seconds * timeline.rate))
    fault.detail = {
        "seconds": timeline.ms(units[index].offset) / 1000,
        "duration": round(silence.samples / timeline.rate, 4),
        "text_offset": at,
    }
    return _restack(timeline, [*units[:index], silence, *units[index:]])


def _restack(timeline: Timeline, units: list[Unit]) -> Timeline:
    offset = 0
    placed = []
    for unit in units:
        placed.append(replace(unit, offset=offset))
        offset += unit.samples
    return Timeline(timeline.text, timeline.rate, tuple(placed))
