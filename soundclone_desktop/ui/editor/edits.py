"""Text edits the editor makes on the user's behalf, planned in code points (no Qt here).

Planning is separate from applying so the rules (never two adjacent markers, merge with the
neighbour instead) are testable without widgets; the editor converts the result to UTF-16
and applies it as one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from soundclone_desktop.core.script import Pause, Problem, marker, merge_value


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``; put the cursor at ``cursor`` after."""

    start: int
    end: int
    replacement: str
    cursor: int


def _only_space(text: str, start: int, end: int) -> bool:
    return start <= end and not text[start:end].strip()


def plan_pause_insert(text: str, pauses: Sequence[Pause], index: int, seconds: float) -> Edit:
    """Insert a ``seconds`` pause at ``index``, merging with markers it would touch.

    A marker touches the insertion point when only whitespace (or nothing) separates them,
    or when the point lies inside the marker. Touching markers and the new pause become one
    marker holding the sum (capped at 99.99), because the service rejects consecutive pauses.
    """
    index = min(max(index, 0), len(text))
    before = [p for p in pauses if p.start < index and _only_space(text, p.end, index)]
    inside = [p for p in pauses if p.start < index < p.end]
    after = [p for p in pauses if p.end > index and _only_space(text, index, p.start)]
    touching = sorted({*before[-1:], *inside, *after[:1]}, key=lambda p: p.start)
    if not touching:
        new = marker(seconds)
        return Edit(index, index, new, index + len(new))
    total = seconds
    for pause in touching:
        total = merge_value(total, pause.seconds)
    new = marker(total)
    start, end = touching[0].start, touching[-1].end
    return Edit(start, end, new, start + len(new))


def plan_fix(problem: Problem) -> Edit | None:
    """Apply the problem's suggestion, or ``None`` when it has none."""
    if problem.suggestion is None:
        return None
    replacement = problem.suggestion
    return Edit(problem.start, problem.end, replacement, problem.start + len(replacement))
