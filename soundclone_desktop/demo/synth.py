"""Deterministic speech-like audio: a timeline of timed units, then 16-bit mono samples.

Timing rule (seconds of audio per unit, divided by ``speed``; pauses are not):

- a CJK ideograph, kana or hangul syllable: 0.20 s, voiced;
- a digit: 0.15 s, voiced (one spoken syllable);
- any other letter: 0.06 s, voiced; a word of 7-9 letters is voiced as 2 pieces, of 10 or
  more as 3, as the engine splits long words (the pieces are the word-level subtitle entries);
- sentence-ending punctuation (。！？.!?) and a newline: 0.30 s of quiet room tone;
- other punctuation: 0.15 s of room tone; a space or other whitespace: 0.04 s of room tone;
- ``<#x#>``: exactly ``round(x * rate)`` samples of digital silence (zeros), at any speed.

Every sample outside a pause is non-zero (at least one step from zero), so a pause is the only
run of zeros and can be measured to the sample. Voiced units are a two-harmonic tone at
``base_hz * 2**(pitch/12)`` under a syllable envelope; the peak is ``0.95 * vol/10`` of full
scale. ``language`` and ``emotion`` do not change the sound. Units are rendered with NumPy
from cached templates and joined in one concatenation, so long scripts are fast.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .encoding import Floats, Samples, wav_bytes
from .markup import Pause

CJK_SECONDS = 0.20
DIGIT_SECONDS = 0.15
LETTER_SECONDS = 0.06
SENTENCE_GAP_SECONDS = 0.30
PUNCT_GAP_SECONDS = 0.15
SPACE_GAP_SECONDS = 0.04
SENTENCE_ENDERS = frozenset("。！？.!?")
FADE_SECONDS = 0.005

# Small per-syllable pitch steps so a line has some melody instead of one flat tone.
_TONE_STEPS = (1.0, 1.08, 0.93, 1.15, 0.97)
_ROOM_TONE_LEVEL = 0.03


@dataclass(frozen=True)
class Unit:
    """One timed piece of the audio.

    ``kind`` is ``"voice"`` (spoken), ``"gap"`` (punctuation or whitespace: quiet room tone) or
    ``"pause"`` (a marker: exact silence). ``start``/``end`` are code-point offsets into the
    original text; ``offset``/``samples`` place the unit in the audio.
    """

    kind: str
    start: int
    end: int
    offset: int
    samples: int
    tone: int = 0


@dataclass(frozen=True)
class Timeline:
    text: str
    rate: int
    units: tuple[Unit, ...]

    @property
    def total_samples(self) -> int:
        return self.units[-1].offset + self.units[-1].samples if self.units else 0

    @property
    def seconds(self) -> float:
        return self.total_samples / self.rate

    def ms(self, sample: int) -> float:
        return round(sample * 1000 / self.rate, 4)


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x3040 <= code <= 0x30FF
        or 0xAC00 <= code <= 0xD7AF
        or 0x20000 <= code <= 0x3FFFF
    )


def _is_wordy(text: str, i: int) -> bool:
    ch = text[i]
    if ch.isdigit() or is_cjk(ch):
        return False
    if ch in "'’":  # an apostrophe inside a word ("don't") belongs to the word
        return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()
    return ch.isalpha() or unicodedata.category(ch)[0] in "MS"


def split_word(start: int, end: int) -> list[tuple[int, int]]:
    """Sub-word pieces: 1 for up to 6 letters, 2 for 7-9, 3 for 10 or more, longest first."""
    length = end - start
    count = 1 if length <= 6 else 2 if length <= 9 else 3
    pieces = []
    for index in range(count):
        size = length // count + (1 if index < length % count else 0)
        pieces.append((start, start + size))
        start += size
    return pieces


def _gap_seconds(ch: str) -> float:
    if ch in SENTENCE_ENDERS or ch == "\n":
        return SENTENCE_GAP_SECONDS
    if ch.isspace() or unicodedata.category(ch)[0] == "C":
        return SPACE_GAP_SECONDS
    return PUNCT_GAP_SECONDS


def plan(text: str, pauses: tuple[Pause, ...] | list[Pause], rate: int, speed: float) -> Timeline:
    """Lay out the units of ``text`` (markers already found) on the sample axis."""
    units: list[Unit] = []
    offset = 0

    def add(kind: str, start: int, end: int, seconds: float, tone: int = 0) -> None:
        nonlocal offset
        samples = round(seconds * rate) if kind == "pause" else round(seconds * rate / speed)
        if samples <= 0:
            return
        units.append(Unit(kind, start, end, offset, samples, tone))
        offset += samples

    def add_text(start: int, end: int) -> None:
        i = start
        while i < end:
            ch = text[i]
            tone = (ord(ch) + len(units)) % len(_TONE_STEPS)
            if is_cjk(ch):
                add("voice", i, i + 1, CJK_SECONDS, tone)
                i += 1
            elif ch.isdigit():
                add("voice", i, i + 1, DIGIT_SECONDS, tone)
                i += 1
            elif _is_wordy(text, i):
                j = i + 1
                while j < end and _is_wordy(text, j):
                    j += 1
                for a, b in split_word(i, j):
                    add("voice", a, b, LETTER_SECONDS * (b - a), (ord(text[a]) + len(units)) % 5)
                i = j
            else:
                add("gap", i, i + 1, _gap_seconds(ch))
                i += 1

    cursor = 0
    for pause in pauses:
        add_text(cursor, pause.start)
        add("pause", pause.start, pause.end, pause.centis / 100)
        cursor = pause.end
    add_text(cursor, len(text))
    return Timeline(text, rate, tuple(units))


def render_samples(timeline: Timeline, *, base_hz: float, vol: float, pitch: int) -> Samples:
    """The timeline as mono 16-bit samples at ``timeline.rate``."""
    rate = timeline.rate
    amplitude = 32767 * 0.95 * min(max(vol, 0.0), 10.0) / 10.0
    f0 = base_hz * 2 ** (pitch / 12)
    pieces: list[Samples] = []
    runs: list[tuple[int, int]] = []  # non-pause runs, for the edge fades
    run_start: int | None = None
    for unit in timeline.units:
        if unit.kind == "pause":
            if run_start is not None:
                runs.append((run_start, unit.offset))
                run_start = None
            pieces.append(np.zeros(unit.samples, np.int16))
            continue
        if run_start is None:
            run_start = unit.offset
        if unit.kind == "voice":
            freq = round(f0 * _TONE_STEPS[unit.tone], 3)
            pieces.append(_voice(unit.samples, rate, freq, amplitude))
        else:
            pieces.append(_room_tone(unit.samples, rate, round(f0 / 2, 3), amplitude))
    samples = np.concatenate(pieces) if pieces else np.zeros(0, np.int16)
    if run_start is not None:
        runs.append((run_start, len(samples)))
    _fade_edges(samples, runs, max(1, round(FADE_SECONDS * rate)))
    return samples


def render_wav(timeline: Timeline, *, base_hz: float, vol: float, pitch: int) -> bytes:
    """The timeline as a mono 16-bit PCM WAV file."""
    samples = render_samples(timeline, base_hz=base_hz, vol=vol, pitch=pitch)
    return wav_bytes(samples, timeline.rate)


def _nonzero(values: Floats) -> Samples:
    # Keep sound and silence apart: only pauses may hold zero samples.
    rounded = np.rint(values)
    zero = rounded == 0
    rounded[zero] = np.where(values[zero] >= 0, 1.0, -1.0)
    return rounded.astype(np.int16)


@lru_cache(maxsize=512)
def _voice(n: int, rate: int, freq: float, amplitude: float) -> Samples:
    """A syllable: a rise and fall of a two-harmonic tone with a 4.5 Hz flutter.

    Scaled so that its loudest sample is exactly ``amplitude``: the peak is the vol rule.
    Cached and read-only: a script repeats the same few syllables.
    """
    i = np.arange(n, dtype=np.float64)
    w = 2 * math.pi * freq / rate
    flutter = 2 * math.pi * 4.5 / rate
    raw = (
        (0.12 + 0.88 * np.sin(math.pi / n * (i + 0.5)))
        * (0.8 + 0.2 * np.sin(flutter * i))
        * (0.72 * np.sin(w * i) + 0.28 * np.sin(2 * w * i + 0.3))
    )
    scale = amplitude / max(float(raw.max()), -float(raw.min()))
    return _frozen(_nonzero(raw * scale))


@lru_cache(maxsize=128)
def _room_tone(n: int, rate: int, freq: float, amplitude: float) -> Samples:
    w = 2 * math.pi * freq / rate
    level = amplitude * _ROOM_TONE_LEVEL
    return _frozen(_nonzero(level * np.cos(w * np.arange(n, dtype=np.float64))))


def _frozen(samples: Samples) -> Samples:
    samples.flags.writeable = False
    return samples


def _fade_edges(samples: Samples, runs: list[tuple[int, int]], fade: int) -> None:
    """Short ramps inside each sounding run, so pauses start and end without clicks.

    The ramps stay within the run: the silence keeps its exact length.
    """
    for start, end in runs:
        length = min(fade, (end - start) // 2)
        if length <= 0:
            continue
        gain = np.arange(1, length + 1, dtype=np.float64) / (length + 1)
        head = slice(start, start + length)
        tail = slice(end - length, end)
        samples[head] = _nonzero(samples[head] * gain)
        samples[tail] = _nonzero(samples[tail] * gain[::-1])
