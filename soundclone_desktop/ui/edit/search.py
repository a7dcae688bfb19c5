"""Finding text for the find bar, in code points, with no Qt: testable on its own.

The pattern is a plain string or a Python regular expression; "whole words" means no word
character touches the match on either side (lookarounds rather than ``\\b``, so a pattern
that begins or ends with punctuation still works). Empty matches (``a*``, ``^``) are skipped:
there is nothing to show or select. ``^`` and ``$`` match at every line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class Query:
    pattern: str
    case_sensitive: bool = False
    whole_words: bool = False
    regex: bool = False


class Found(NamedTuple):  # a tuple: a one-letter search in a book finds 50,000 of them
    """``text[start:end]`` matched."""

    start: int
    end: int


class SearchError(ValueError):
    """The pattern (or a replacement template) is not valid; ``str()`` says why."""


def compile_query(query: Query) -> re.Pattern[str] | None:
    """The compiled pattern, ``None`` for an empty one; raises ``SearchError``."""
    if not query.pattern:
        return None
    body = query.pattern if query.regex else re.escape(query.pattern)
    if query.whole_words:
        body = rf"(?<!\w)(?:{body})(?!\w)"
    flags = re.MULTILINE | (0 if query.case_sensitive else re.IGNORECASE)
    try:
        return re.compile(body, flags)
    except re.error as exc:
        raise SearchError(_regex_reason(exc)) from exc


def find_all(text: str, pattern: re.Pattern[str] | None) -> list[Found]:
    """Every non-empty match, in order."""
    if pattern is None:
        return []
    spans = (m.span() for m in pattern.finditer(text))
    return [Found(*span) for span in spans if span[1] > span[0]]


def replacement_for(
    text: str, pattern: re.Pattern[str], found: Found, template: str, *, regex: bool
) -> str:
    """What replaces ``found``: the template with ``\\1``/``\\g<name>`` expanded for a regex,
    the literal text otherwise. Raises ``SearchError`` for a bad template."""
    if not regex:
        return template
    match = pattern.match(text, found.start)  # lookbehinds still see the text before
    return template if match is None else _expand(match, template)


def check_template(pattern: re.Pattern[str], template: str) -> None:
    """Raise ``SearchError`` now if ``template`` refers to a group the pattern lacks."""
    try:
        # Expanding against a match of the empty string checks group references.
        dummy = re.compile(f"(?:{pattern.pattern})|", pattern.flags).match("")
        if dummy is not None:
            dummy.expand(template)
    except (re.error, IndexError) as exc:
        raise SearchError(_regex_reason(exc)) from exc


def replace_plan(
    text: str, pattern: re.Pattern[str], template: str, *, regex: bool
) -> list[tuple[Found, str]]:
    """Every match with its replacement, in order (applied from the end, offsets hold)."""
    return [
        (Found(m.start(), m.end()), _expand(m, template) if regex else template)
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]


def _expand(match: re.Match[str], template: str) -> str:
    try:
        return match.expand(template)
    except (re.error, IndexError) as exc:
        raise SearchError(_regex_reason(exc)) from exc


def _regex_reason(exc: BaseException) -> str:
    message = getattr(exc, "msg", None) or str(exc)
    position = getattr(exc, "pos", None)
    return f"{message} (at {position})" if position is not None else message
