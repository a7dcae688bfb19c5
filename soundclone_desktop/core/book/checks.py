"""Automatic checks of a take: the pure comparisons behind "find the bad spots". Pure.

Each check turns measurements of one take (its text, the subtitles it came back with, the
silences and clipped stretches found in its audio) into :class:`Finding` s placed at a
sentence of the chapter (numbered from 1, as :func:`.sentences.sentence_spans` counts) and a
position in the take's audio.

- words: the subtitles' text against the text sent, as tokens (a CJK character, or a run of
  other letters and digits, NFKC-folded and case-folded), aligned with :mod:`difflib`; what
  the subtitles lack is ``missing-words``, what they add is ``extra-words``;
- silence: a silence longer than ``natural_pause / speed`` that no pause marker explains
  (a marker explains a silence near where the marker falls, up to its length plus the
  natural pause);
- rate: characters per second of speech (the take minus its silences) against the book's
  median for each script, as a ratio of predicted to measured time;
- duration: the same ratio from the text sent, for a take without subtitles;
- clipping: a stretch of samples at full scale (found by the audio layer).
"""

from __future__ import annotations

import difflib
import statistics
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from ..script import PAUSE_MARKER
from ..subtitles import Cue
from ..subtitles.text import is_cjk

NATURAL_PAUSE_SECONDS: Final = 1.2  # the longest pause a voice makes on its own at speed 1
MARKER_WINDOW_SECONDS: Final = 0.5  # how far from its estimated place a marker's pause may be
FAST_RATIO: Final = 1.35
SLOW_RATIO: Final = 0.7
MIN_TAKES_FOR_MEDIAN: Final = 5
PURE_SHARE: Final = 0.9  # a take counts towards a script's median when this much is that script


class CheckKind(StrEnum):
    MISSING_WORDS = "missing-words"
    EXTRA_WORDS = "extra-words"
    LONG_SILENCE = "long-silence"
    RATE = "rate"
    CLIPPING = "clipping"
    DURATION = "duration"


@dataclass(frozen=True, slots=True)
class Finding:
    """``kind`` at sentence ``sentence`` (from 1) of chapter ``chapter`` (from 1), heard
    ``seconds`` into the take of segment ``segment``."""

    kind: CheckKind
    chapter: int
    sentence: int
    seconds: float
    detail: str
    segment: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "chapter": self.chapter,
            "sentence": self.sentence,
            "seconds": round(self.seconds, 3),
            "detail": self.detail,
            "segment": self.segment,
        }


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int  # code-point offsets into the text it came from
    end: int


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the take's audio, in seconds."""

    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a take's request text sits in its chapter: ``chapter`` (from 1), the chapter's
    sentence starts, and the chapter offset of the request text's first character (or, for
    a request text a rule changed, the segment's span to map onto proportionally)."""

    chapter: int
    sentence_starts: tuple[int, ...]
    segment_start: int
    segment_end: int
    request_offset: int | None
    request_length: int
    segment: str = ""

    def sentence_at(self, offset: int) -> int:
        """The sentence number (from 1) holding request-text offset ``offset``."""
        if self.request_offset is not None:
            where = self.request_offset + offset
        else:
            share = offset / max(1, self.request_length)
            where = self.segment_start + round(share * (self.segment_end - self.segment_start))
        return max(1, bisect_right(self.sentence_starts, where))


# -- tokens ---------------------------------------------------------------------------------


def tokens(text: str) -> list[Token]:
    """The words of ``text``: each CJK character, each run of other letters and digits;
    pause markers, punctuation and spaces are not words."""
    masked = PAUSE_MARKER.sub(lambda m: " " * len(m.group(0)), text)
    found: list[Token] = []
    i, n = 0, len(masked)
    while i < n:
        ch = masked[i]
        if is_cjk(ch) and ch.isalnum():  # not CJK punctuation such as 。
            found.append(Token(_fold(ch), i, i + 1))
            i += 1
        elif _wordy(ch):
            j = i + 1
            while j < n and (_wordy(masked[j]) or _apostrophe(masked, j)):
                j += 1
            found.append(Token(_fold(masked[i:j]), i, j))
            i = j
        else:
            i += 1
    return found


def _wordy(ch: str) -> bool:
    return ch.isalnum() and not is_cjk(ch)


def _apostrophe(text: str, i: int) -> bool:
    return text[i] in "'’" and i + 1 < len(text) and _wordy(text[i + 1])


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def script_counts(text: str) -> dict[str, int]:
    """Spoken characters of ``text`` by script: ``"cjk"`` and ``"latin"`` (every other
    letter or digit); punctuation, spaces and markers do not count."""
    counts = {"cjk": 0, "latin": 0}
    for token in tokens(text):
        if len(token.text) == 1 and is_cjk(token.text):
            counts["cjk"] += 1
        else:
            counts["latin"] += len(token.text)
    return counts


# -- words ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Heard:
    token: Token
    cue: int
    start: float  # estimated seconds of the token in the take
    end: float


def _heard(cues: Sequence[Cue]) -> list[_Heard]:
    """The words of the subtitles, each timed by its cue (shared out by characters)."""
    heard: list[_Heard] = []
    for index, cue in enumerate(cues):
        words = tokens(cue.text)
        total = sum(len(w.text) for w in words) or 1
        span = (cue.end_ms - cue.start_ms) / 1000
        at = cue.start_ms / 1000
        for word in words:
            step = span * len(word.text) / total
            heard.append(_Heard(word, index, at, at + step))
            at += step
    return heard


@dataclass(frozen=True, slots=True)
class WordTimes:
    """For each token of the text sent, when it was heard (``None``: not heard)."""

    sent: tuple[Token, ...]
    times: tuple[Span | None, ...]
    opcodes: tuple[tuple[str, int, int, int, int], ...]
    heard: tuple[Token, ...]
    heard_times: tuple[Span, ...]


def align_words(sent_text: str, cues: Sequence[Cue]) -> WordTimes:
    sent = tokens(sent_text)
    heard = _heard(cues)
    matcher = difflib.SequenceMatcher(
        None, [t.text for t in sent], [h.token.text for h in heard], autojunk=False
    )
    times: list[Span | None] = [None] * len(sent)
    opcodes = tuple(matcher.get_opcodes())
    for tag, i1, i2, j1, _ in opcodes:
        if tag == "equal":
            for k in range(i2 - i1):
                times[i1 + k] = Span(heard[j1 + k].start, heard[j1 + k].end)
    return WordTimes(
        tuple(sent),
        tuple(times),
        opcodes,
        tuple(h.token for h in heard),
        tuple(Span(h.start, h.end) for h in heard),
    )


def word_findings(
    sent_text: str, cues: Sequence[Cue], placement: Placement, words: WordTimes | None = None
) -> list[Finding]:
    """``missing-words`` for each sentence whose words the subtitles lack, ``extra-words``
    for words they add; a changed word counts as missing (what was heard instead is in the
    detail)."""
    words = words or align_words(sent_text, cues)
    findings: list[Finding] = []
    for tag, i1, i2, j1, j2 in words.opcodes:
        if tag == "equal":
            continue
        at = words.heard_times[j1 - 1].end if j1 > 0 else 0.0
        if tag in ("delete", "replace"):
            instead = " ".join(t.text for t in words.heard[j1:j2])
            for sentence, group in _by_sentence(words.sent[i1:i2], placement):
                missing = sent_text[group[0].start : group[-1].end]
                detail = f"not heard: {_clip(missing)}"
                if instead:
                    detail += f" (heard instead: {_clip(instead)})"
                findings.append(
                    Finding(
                        CheckKind.MISSING_WORDS,
                        placement.chapter,
                        sentence,
                        at,
                        detail,
                        placement.segment,
                    )
                )
        else:  # insert
            extra = " ".join(t.text for t in words.heard[j1:j2])
            offset = words.sent[i1].start if i1 < len(words.sent) else len(sent_text)
            findings.append(
                Finding(
                    CheckKind.EXTRA_WORDS,
                    placement.chapter,
                    placement.sentence_at(max(0, min(offset, len(sent_text) - 1))),
                    words.heard_times[j1].start,
                    f"heard but not in the text: {_clip(extra)}",
                    placement.segment,
                )
            )
    return findings


def _by_sentence(group: Sequence[Token], placement: Placement) -> list[tuple[int, list[Token]]]:
    out: list[tuple[int, list[Token]]] = []
    for token in group:
        sentence = placement.sentence_at(token.start)
        if out and out[-1][0] == sentence:
            out[-1][1].append(token)
        else:
            out.append((sentence, [token]))
    return out


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- silences -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MarkerPause:
    """A pause marker of the text sent: request-text offset and seconds asked for."""

    offset: int
    seconds: float


def marker_pauses(text: str) -> list[MarkerPause]:
    return [MarkerPause(m.start(), float(m["num"])) for m in PAUSE_MARKER.finditer(text)]


def unexplained_silences(
    sent_text: str,
    silences: Sequence[Span],
    duration: float,
    *,
    speed: float = 1.0,
    words: WordTimes | None = None,
) -> list[Span]:
    """The silences a voice would not make and no marker asked for.

    A silence up to ``NATURAL_PAUSE_SECONDS / speed`` is natural. Each marker explains one
    longer silence: one that overlaps where the marker falls (from the subtitles' timing,
    or, without subtitles, by its share of the text) and is no longer than the marker plus
    a natural pause. Leading and trailing silence is not judged (the stitcher trims it)."""
    natural = NATURAL_PAUSE_SECONDS / max(speed, 0.1)
    markers = marker_pauses(sent_text)
    windows = [_marker_window(sent_text, m, markers, duration, words) for m in markers]
    used: set[int] = set()
    found: list[Span] = []
    for silence in silences:
        if silence.seconds <= natural or _at_edge(silence, duration):
            continue
        for index, (marker, window) in enumerate(zip(markers, windows, strict=True)):
            if index in used or silence.seconds > marker.seconds + natural:
                continue
            if silence.start <= window.end and silence.end >= window.start:
                used.add(index)
                break
        else:
            found.append(silence)
    return found


def _at_edge(silence: Span, duration: float) -> bool:
    return silence.start <= 0.0 or silence.end >= duration - 1e-6


def silence_findings(
    sent_text: str,
    silences: Sequence[Span],
    duration: float,
    placement: Placement,
    *,
    speed: float = 1.0,
    words: WordTimes | None = None,
) -> list[Finding]:
    """``long-silence`` for each of :func:`unexplained_silences`."""
    return [
        Finding(
            CheckKind.LONG_SILENCE,
            placement.chapter,
            placement.sentence_at(_offset_at(silence.end, words, sent_text, duration)),
            silence.start,
            f"{silence.seconds:.1f} s of silence no pause marker asks for",
            placement.segment,
        )
        for silence in unexplained_silences(sent_text, silences, duration, speed=speed, words=words)
    ]


def _marker_window(
    text: str,
    marker: MarkerPause,
    markers: Sequence[MarkerPause],
    duration: float,
    words: WordTimes | None,
) -> Span:
    if words is not None:
        before = [
            t
            for t, tok in zip(words.times, words.sent, strict=True)
            if tok.end <= marker.offset and t
        ]
        after = [
            t
            for t, tok in zip(words.times, words.sent, strict=True)
            if tok.start > marker.offset and t
        ]
        start = before[-1].end if before else 0.0
        end = after[0].start if after else duration
        return Span(start - MARKER_WINDOW_SECONDS, end + MARKER_WINDOW_SECONDS)
    # No subtitles: the marker's share of the spoken text, give or take a generous margin.
    total_pause = sum(m.seconds for m in markers)
    spoken = len(tokens(text)) or 1
    share = len(tokens(text[: marker.offset])) / spoken
    before_pauses = sum(m.seconds for m in markers if m.offset < marker.offset)
    at = share * max(0.0, duration - total_pause) + before_pauses
    margin = 0.15 * duration + 1.0
    return Span(at - margin, at + marker.seconds + margin)


def _offset_at(seconds: float, words: WordTimes | None, text: str, duration: float) -> int:
    """The request-text offset of the word heard at (or first after) ``seconds``."""
    if words is not None:
        for token, time in zip(words.sent, words.times, strict=True):
            if time is not None and time.end > seconds:
                return token.start
        return max(0, len(text) - 1)
    return min(len(text) - 1, max(0, round(seconds / max(duration, 1e-9) * len(text))))


# -- rate and duration ----------------------------------------------------------------------


def speech_seconds(
    sent_text: str,
    silences: Sequence[Span],
    duration: float,
    *,
    speed: float = 1.0,
    words: WordTimes | None = None,
) -> float:
    """The time the voice speaks: the take without the pauses its markers asked for, the
    silence at its edges and the silences nobody asked for. Natural pauses stay in, so the
    measure scales with the speaking speed."""
    asked = sum(m.seconds for m in marker_pauses(sent_text))
    edges = sum(s.seconds for s in silences if _at_edge(s, duration))
    stray = unexplained_silences(sent_text, silences, duration, speed=speed, words=words)
    return max(0.0, duration - asked - edges - sum(s.seconds for s in stray))


def median_rates(samples: Iterable[tuple[Mapping[str, int], float]]) -> dict[str, float]:
    """Characters per second of speech for each script, the median over takes that are
    (almost) all that script; a script with fewer than ``MIN_TAKES_FOR_MEDIAN`` such takes
    has no median (too few to tell what is normal)."""
    rates: dict[str, list[float]] = {}
    for counts, seconds in samples:
        total = sum(counts.values())
        if total == 0 or seconds <= 0:
            continue
        for script, count in counts.items():
            if count >= PURE_SHARE * total:
                rates.setdefault(script, []).append(count / seconds)
    return {
        script: statistics.median(values)
        for script, values in rates.items()
        if len(values) >= MIN_TAKES_FOR_MEDIAN
    }


def rate_ratio(
    counts: Mapping[str, int], seconds: float, medians: Mapping[str, float]
) -> float | None:
    """How much faster than the book's median the take speaks (1.0: as usual); ``None``
    when there is no median for a script that makes up a real share of it."""
    total = sum(counts.values())
    if total == 0 or seconds <= 0:
        return None
    predicted = 0.0
    for script, count in counts.items():
        if count == 0:
            continue
        median = medians.get(script)
        if median is None:
            if count > (1 - PURE_SHARE) * total:
                return None
            continue
        predicted += count / median
    return predicted / seconds if predicted > 0 else None


def rate_finding(
    kind: CheckKind,
    counts: Mapping[str, int],
    seconds: float,
    medians: Mapping[str, float],
    placement: Placement,
) -> Finding | None:
    """``rate`` (from the words heard) or ``duration`` (from the text sent) when the take
    speaks more than ``FAST_RATIO`` times faster, or slower than ``SLOW_RATIO`` times, than
    the book's median."""
    ratio = rate_ratio(counts, seconds, medians)
    if ratio is None or SLOW_RATIO <= ratio <= FAST_RATIO:
        return None
    if kind is CheckKind.RATE:
        detail = f"spoken {ratio:.2f}× the book's usual rate"
    else:
        detail = f"lasts {1 / ratio:.2f}× what the text predicts at the book's usual rate"
    return Finding(
        kind, placement.chapter, placement.sentence_at(0), 0.0, detail, placement.segment
    )


# -- clipping -------------------------------------------------------------------------------


def clipping_findings(
    clipped: Sequence[Span],
    duration: float,
    text: str,
    placement: Placement,
    words: WordTimes | None = None,
) -> list[Finding]:
    return [
        Finding(
            CheckKind.CLIPPING,
            placement.chapter,
            placement.sentence_at(_offset_at(span.start, words, text, duration)),
            span.start,
            f"{span.seconds * 1000:.0f} ms at full scale",
            placement.segment,
        )
        for span in clipped
    ]
