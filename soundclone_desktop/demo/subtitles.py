"""Subtitle files in the MiniMax JSON shape (reference §12), timed from the synth timeline.

Sentences end after 。！？.!? (with any punctuation that follows, such as a closing quote) or
at a newline. A sentence runs from its first spoken unit to its last non-space unit, so a pause
inside a sentence lies inside its time span and a pause between sentences lies between them.
``text_begin``/``text_end`` are code-point offsets into ``contentText`` as sent (markers
included); ``pronounce_text_begin``/``_end`` are offsets into the text with markers removed.
Word level: one entry per spoken unit (a CJK character, a digit, or a sub-word piece).
"""

from __future__ import annotations

from .synth import SENTENCE_ENDERS, Timeline, Unit

Json = dict[str, object]


def build_subtitles(timeline: Timeline, *, word_level: bool) -> list[Json]:
    text = timeline.text
    removed_before = _marker_offsets(timeline)
    sentences: list[Json] = []
    for group in sentence_groups(timeline):
        first, last = group[0], group[-1]
        words: list[Json] | None = None
        if word_level:
            words = [
                {
                    "word": text[u.start : u.end],
                    "word_begin": u.start,
                    "word_end": u.end,
                    "time_begin": timeline.ms(u.offset),
                    "time_end": timeline.ms(u.offset + u.samples),
                }
                for u in group
                if u.kind == "voice"
            ]
        spoken = "".join(text[u.start : u.end] for u in group if u.kind != "pause")
        begin = first.start - removed_before[first.start]
        sentences.append(
            {
                "text": spoken,
                "pronounce_text": spoken,
                "time_begin": timeline.ms(first.offset),
                "time_end": timeline.ms(last.offset + last.samples),
                "text_begin": first.start,
                "text_end": last.end,
                "pronounce_text_begin": begin,
                "pronounce_text_end": begin + len(spoken),
                "timestamped_words": words,
            }
        )
    return sentences


def sentence_groups(timeline: Timeline) -> list[list[Unit]]:
    """The units of each subtitle sentence, in order (pauses inside a sentence included)."""
    text = timeline.text
    groups: list[list[Unit]] = []
    current: list[Unit] = []
    closing = False  # an ender was seen; trailing punctuation still joins the sentence

    def flush() -> None:
        nonlocal current, closing
        while current and (current[-1].kind == "pause" or text[current[-1].start].isspace()):
            current.pop()
        if any(u.kind == "voice" for u in current):
            groups.append(current)
        current, closing = [], False

    for unit in timeline.units:
        ch = text[unit.start]
        is_space = unit.kind == "gap" and ch.isspace()
        if unit.kind == "gap" and ch == "\n":
            flush()
            continue
        if closing and (unit.kind != "gap" or is_space):
            flush()
        if not current and (is_space or unit.kind == "pause"):
            continue  # a sentence starts with its first visible unit
        current.append(unit)
        if unit.kind == "gap" and ch in SENTENCE_ENDERS and not _decimal_point(text, unit.start):
            closing = True
    flush()
    return groups


def _decimal_point(text: str, index: int) -> bool:
    return (
        text[index] == "."
        and 0 < index < len(text) - 1
        and text[index - 1].isdigit()
        and text[index + 1].isdigit()
    )


def _marker_offsets(timeline: Timeline) -> list[int]:
    """For each offset in the text, how many marker characters come before it."""
    delta = [0] * (len(timeline.text) + 1)
    for unit in timeline.units:
        if unit.kind == "pause":
            delta[unit.end] += unit.end - unit.start
    removed, total = [], 0
    for step in delta:
        total += step
        removed.append(total)
    return removed
