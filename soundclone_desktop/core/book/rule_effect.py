"""What a change to the pronunciation rules does to a book before it is made: how many
places a rule changes, and how many segments would need rendering again. Pure.

A segment is stale when the text it would send now differs from what its chosen take was
rendered from (:mod:`.takes`); rules change the sent text, so the count is taken on the
book with the new rules, exactly as the render queue would see it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import Book
from .pronunciation import Rule, apply_rules
from .sentences import sentence_spans
from .takes import RenderStatus

__all__ = ["RuleEffect", "rule_effect", "sentence_for_rule", "stale_segments"]


@dataclass(frozen=True, slots=True)
class RuleEffect:
    places: int  # occurrences the rule (alone) changes in the text as written
    stale_now: int  # segments stale with the rules as they are
    stale_after: int  # … and with the rules as they would be


def stale_segments(book: Book) -> int:
    return sum(
        1
        for chapter in book.chapters
        if not chapter.excluded
        for row in book.rows(chapter.id)
        if row.status.kind is RenderStatus.STALE
    )


def rule_effect(book: Book, rule: Rule | None, rules_after: Sequence[Rule]) -> RuleEffect:
    """``rule``'s places (None: no rule being edited) and the stale counts before and after
    the table becomes ``rules_after``."""
    places = 0
    if rule is not None:
        probe = Rule(0, rule.find, rule.replace, rule.regex, rule.chapter_id, True)
        places = sum(
            len(apply_rules(c.text, [probe], c.id).replacements)
            for c in book.chapters
            if not c.excluded
        )
    return RuleEffect(places, stale_segments(book), stale_segments(book.with_rules(rules_after)))


def sentence_for_rule(
    text: str, rule: Rule, chapter_id: str | None, near: int = 0
) -> tuple[int, int] | None:
    """The sentence of ``text`` to try ``rule`` on: the one at code point ``near`` if the rule
    changes it, else the first it changes; ``(start, end)`` without trailing whitespace."""
    probe = Rule(0, rule.find, rule.replace, rule.regex, rule.chapter_id, True)
    hits = [r.start for r in apply_rules(text, [probe], chapter_id).replacements]
    if not hits:
        return None
    spans = [(s, s + len(text[s:e].rstrip())) for s, e in sentence_spans(text)]
    around = next(((s, e) for s, e in spans if s <= near < e), None)
    if around is not None and any(around[0] <= h < around[1] for h in hits):
        return around
    return next((s, e) for s, e in spans if s <= hits[0] < e or hits[0] < s)
