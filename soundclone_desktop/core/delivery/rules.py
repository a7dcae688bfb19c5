"""Delivery rules and their verdicts: what a file must measure, said in plain words.

A :class:`Rule` bounds one measured figure of :class:`FileFacts` (a number between limits,
or a word from a set). Its ``key`` names it for translation and in reports; ``words`` is
the English sentence shown to the user. A *required* rule failing rejects the file; a
recommendation failing is a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

__all__ = ["BookRule", "FileFacts", "Rule", "RuleResult", "evaluate", "evaluate_book"]


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What was measured of one delivered file (``None``: not measurable, e.g. silence)."""

    name: str
    format: str  # "mp3", "m4a", "flac", "wav", "opus"…
    duration_s: float
    sample_rate: int
    channels: int
    bit_rate_kbps: float | None  # the constant rate, or the lowest frame's for VBR
    bitrate_mode: str  # "cbr", "vbr", "lossless" or "unknown"
    rms_db: float | None
    sample_peak_db: float | None
    true_peak_db: float | None
    lufs: float | None
    noise_floor_db: float | None
    head_s: float  # quiet at the start (below −50 dBFS)
    tail_s: float  # quiet at the end

    @property
    def kbps_per_channel(self) -> float | None:
        return None if self.bit_rate_kbps is None else self.bit_rate_kbps / self.channels

    @property
    def duration_min(self) -> float:
        return self.duration_s / 60

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class Rule:
    key: str  # stable id: "rms", "peak"… (translation key and JSON name)
    words: str  # the rule in plain words
    metric: str  # a FileFacts attribute
    low: float | None = None
    high: float | None = None
    allowed: tuple[str, ...] = ()  # for word-valued metrics
    unit: str = ""
    required: bool = True

    def check(self, facts: FileFacts) -> RuleResult:
        value = getattr(facts, self.metric)
        if self.allowed:
            ok = value in self.allowed
            why = "" if ok else f"it is {value}"
        elif value is None:
            ok, why = False, "it could not be measured (the file is silent or unreadable)"
        else:
            number = float(value)
            shown = f"{number:.{_decimals(self.unit)}f}{self.unit}"
            if self.low is not None and number < self.low:
                ok, why = False, f"it measures {shown}, below {self.low:g}{self.unit}"
            elif self.high is not None and number > self.high:
                ok, why = False, f"it measures {shown}, above {self.high:g}{self.unit}"
            else:
                ok, why = True, ""
        return RuleResult(self, value, ok, why)


def _decimals(unit: str) -> int:
    return 0 if unit in (" Hz", " kbps", "") else 2 if unit == " s" else 1


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: Rule
    value: object
    passed: bool
    why: str  # empty when passed

    @property
    def message(self) -> str:
        """The verdict in plain words: the rule, and why it failed."""
        if self.passed:
            return f"Passes: {self.rule.words}"
        kind = "Fails" if self.rule.required else "Warning"
        return f"{kind}: {self.rule.words} — {self.why}."

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule.key, "words": self.rule.words, "required": self.rule.required,
            "value": self.value, "pass": self.passed, "why": self.why or None,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class BookRule:
    """A rule across all files: ``metric`` must be the same in every file."""

    key: str
    words: str
    metric: str


def evaluate(rules: Sequence[Rule], facts: FileFacts) -> list[RuleResult]:
    return [rule.check(facts) for rule in rules]


def evaluate_book(rules: Sequence[BookRule], files: Sequence[FileFacts]) -> list[RuleResult]:
    results = []
    for book_rule in rules:
        values = sorted({str(getattr(f, book_rule.metric)) for f in files})
        ok = len(values) <= 1
        why = "" if ok else f"the files differ: {', '.join(values)}"
        rule = Rule(book_rule.key, book_rule.words, book_rule.metric)
        results.append(RuleResult(rule, values[0] if ok and values else values, ok, why))
    return results
