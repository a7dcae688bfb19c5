"""A chapter's text cut into segments, each one production request.

Guarantees (tested as properties)
    - The segments' texts, concatenated, are the chapter text exactly; each segment's
      ``text`` is at most ``max_chars`` request characters (9,999 by default, pause markers
      included, as :func:`..script.analyze` counts them: code points).
    - Every cut is at a paragraph end or, inside a paragraph too long for one segment, at a
      sentence end (:mod:`.sentences`). Only a sentence longer than ``max_chars`` on its own
      is cut inside: at clause punctuation, else after whitespace, else anywhere (never
      inside a pause marker); its pieces carry ``oversized_sentence`` with the way it was cut.
    - Never inside a pause marker, and never next to one: a cut that would leave a marker at
      the edge of a segment is not used, so the marker stays between the two pieces of text
      it separates (the API refuses markers at the edges). A marker that has no text on one
      side anyway (at the very start or end of the chapter, or a hard cut with no choice) is
      left out of :attr:`Segment.request_text`: it would only pause at an edge, where the
      book's stitching gaps already are.
    - Deterministic, and local (next section).

The rule (content-defined, so boundaries depend only on local content)
    1. Paragraphs (:func:`.sentences.paragraph_spans`) are grouped into *blocks*: a paragraph
       joins the next one only when a pause marker touches the line break between them.
    2. A block is an *anchor* when its stripped text has at least ``target_chars`` characters,
       or when a 64-bit BLAKE2b hash of that text, read as a fraction of 2**64, is below
       ``length / target_chars`` (:func:`is_anchor`). A *run* is the blocks up to and
       including the next anchor. On average an anchor comes every ``target_chars``
       characters, whatever the paragraph lengths.
    3. Each run is packed on its own: its blocks no longer than the piece limit
       (``min(max_chars, 2 * target_chars)``, :func:`piece_limit`) into ``k = ceil(L / limit)``
       balanced pieces cut at block ends; a longer block alone into pieces cut at sentence
       ends (a sentence longer than the limit but within ``max_chars`` stays whole); a
       sentence over ``max_chars`` at clauses, then whitespace, then anywhere.

Locality
    A segment's cuts depend only on the run it is in, and a run's extent only on whether its
    own blocks are anchors. Editing paragraph *p* therefore changes nothing outside the runs
    it can touch: the run that holds *p* and, if *p*'s anchor status flips (the two runs
    merge or one splits), the run after it. Every segment before the last anchor preceding
    *p* and every segment after the first anchor following *p* keeps its text and its ID.
    No rule that packs several paragraphs into one segment can promise more ("only the
    segments that contain *p*"): a cut between *p* and its neighbour that is decided by
    anything must be able to appear or vanish when *p* changes, and then the neighbour's
    segment changes too. With the default target an edit re-renders about two segments.

Segment IDs
    The first 16 hex digits of BLAKE2b over the NFC-normalised :attr:`Segment.request_text`
    (line endings as ``\\n``), plus ``-n``, the number of earlier segments of the chapter with
    the same digest: a segment whose spoken text is unchanged keeps its ID (and its audio),
    and identical segments of one chapter get distinct IDs in reading order.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from hashlib import blake2b
from typing import Final

from ..script import MAX_REQUEST_CHARS, PAUSE_MARKER, analyze
from .sentences import (
    Uncuttable,
    clause_breaks,
    paragraph_spans,
    sentence_breaks,
    whitespace_breaks,
)

# Every task pays the voice fee once, so larger segments are cheaper; but fixing one word
# re-renders its whole segment. At 3,000 characters (about 10 minutes of Chinese or 3 of
# English speech: a few pages) the voice fees of a 300,000-character book are about 100
# fees, a third of what 1,000-character segments cost, while a re-render costs under a third
# of a full 9,999-character request. Going to 9,999 saves at most two more thirds of a much
# smaller sum and makes every fix three times dearer. size_tradeoff() in .estimate shows the
# figures for the user's own prices.
DEFAULT_TARGET_CHARS: Final = 3000
MIN_TARGET_CHARS: Final = 1

# The well-formed marker of core.script (its pauses are exactly these matches, tested).
_MARKER = PAUSE_MARKER
_MARKER_AT_END = re.compile(PAUSE_MARKER.pattern + r"\Z")
_HASH_BITS: Final = 64


class OversizedSplit(StrEnum):
    """How a sentence longer than a request was cut (the reason on its pieces)."""

    CLAUSE = "clause"  # at clause punctuation
    WHITESPACE = "whitespace"  # no clause short enough: between words
    HARD = "hard"  # no whitespace either: inside a word


@dataclass(frozen=True, slots=True)
class Segment:
    """``text`` is the chapter's ``[start, end)``; ``request_text`` is what is sent and billed.

    ``paragraph_end``: the segment ends a paragraph (or the chapter), so the stitcher puts
    the book's paragraph gap after it, else its segment gap.
    """

    id: str
    start: int
    end: int
    text: str
    request_text: str
    billable_chars: int
    paragraph_end: bool
    oversized_sentence: OversizedSplit | None = None

    @property
    def needs_task(self) -> bool:
        """False for a segment with nothing to say (whitespace only): no task, no charge."""
        return bool(self.request_text)

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict of the fields."""
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "request_text": self.request_text,
            "billable_chars": self.billable_chars,
            "paragraph_end": self.paragraph_end,
            "oversized_sentence": self.oversized_sentence,
        }


def piece_limit(target_chars: int, max_chars: int = MAX_REQUEST_CHARS) -> int:
    """The size up to which whole paragraphs (or sentences) are packed into one segment."""
    return min(max_chars, 2 * target_chars)


def is_anchor(block: str, target_chars: int) -> bool:
    """Whether a run of paragraphs ends after ``block`` (rule 2 of the module doc)."""
    content = block.strip()
    if len(content) >= target_chars:
        return True
    digest = blake2b(content.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") * target_chars < len(content) << _HASH_BITS


def request_text(text: str) -> str:
    """``text`` as sent: no whitespace or pause marker at either edge."""
    spoken = text.strip()
    while True:
        head = _MARKER.match(spoken)
        if head:
            spoken = spoken[head.end() :].lstrip()
            continue
        tail = _MARKER_AT_END.search(spoken)
        if tail:
            spoken = spoken[: tail.start()].rstrip()
            continue
        return spoken


def segment_digest(spoken: str) -> str:
    """The content part of a segment ID (module doc)."""
    normal = unicodedata.normalize("NFC", spoken.replace("\r\n", "\n").replace("\r", "\n"))
    return blake2b(normal.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def segment_chapter(
    text: str,
    *,
    target_chars: int = DEFAULT_TARGET_CHARS,
    max_chars: int = MAX_REQUEST_CHARS,
) -> list[Segment]:
    """The segments of one chapter, in reading order (module doc). Empty text has none."""
    if not MIN_TARGET_CHARS <= target_chars <= max_chars:
        raise ValueError(f"target_chars must be 1 to {max_chars}, got {target_chars}")
    if not text:
        return []
    paragraphs = paragraph_spans(text)
    cutter = _Cutter(text, target_chars, max_chars)
    pieces: list[_Piece] = []
    run: list[tuple[int, int]] = []
    for block in _blocks(paragraphs, cutter):
        run.append(block)
        if is_anchor(text[block[0] : block[1]], target_chars):
            pieces.extend(cutter.pack_run(run))
            run = []
    if run:
        pieces.extend(cutter.pack_run(run))
    return _segments(text, pieces, {end for _, end in paragraphs})


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int
    end: int
    oversized: OversizedSplit | None = None


def _blocks(paragraphs: Sequence[tuple[int, int]], cutter: _Cutter) -> Iterator[tuple[int, int]]:
    start = paragraphs[0][0]
    last = paragraphs[-1][1]
    for _, end in paragraphs:
        if end == last or cutter.may_cut(end):
            yield start, end
            start = end


def _balanced(points: Sequence[int], start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at some of ``points`` (sorted, inside) into pieces of about equal
    size, each at most ``limit`` unless two neighbouring points are further apart than that.

    Aims at ``k = ceil(length / limit)`` pieces: a piece closes at the first point at or past
    ``length / k``, or earlier when the next point would take it over ``limit``.
    """
    length = end - start
    goal = -(-length // max(1, -(-length // limit)))
    pieces: list[tuple[int, int]] = []
    pos = previous = start
    for point in points:
        if point - pos > limit and previous > pos:
            pieces.append((pos, previous))
            pos = previous
        if point - pos >= goal:
            pieces.append((pos, point))
            pos = point
        previous = point
    if end - pos > limit and previous > pos:
        pieces.append((pos, previous))
        pos = previous
    pieces.append((pos, end))
    return pieces


class _Cutter:
    """Where one chapter's text may be cut, and the packing of its runs."""

    def __init__(self, text: str, target_chars: int, max_chars: int) -> None:
        self.text = text
        self.limit = piece_limit(target_chars, max_chars)
        self.max_chars = max_chars
        markers = [m.span() for m in _MARKER.finditer(text)]
        self._marker_starts = {s for s, _ in markers}
        self._marker_ends = {e for _, e in markers}

    def may_cut(self, cut: int) -> bool:
        """False where a cut would leave a pause marker at a segment's edge."""
        if not self._marker_starts:
            return True
        text = self.text
        before = cut
        while before > 0 and text[before - 1].isspace():
            before -= 1
        after = cut
        while after < len(text) and text[after].isspace():
            after += 1
        return before not in self._marker_ends and after not in self._marker_starts

    def pack_run(self, run: Sequence[tuple[int, int]]) -> list[_Piece]:
        pieces: list[_Piece] = []
        small: list[tuple[int, int]] = []
        for block in run:
            if block[1] - block[0] <= self.limit:
                small.append(block)
                continue
            pieces.extend(self._pack_blocks(small))
            small = []
            pieces.extend(self._split_block(*block))
        pieces.extend(self._pack_blocks(small))
        return pieces

    def _pack_blocks(self, blocks: Sequence[tuple[int, int]]) -> list[_Piece]:
        if not blocks:
            return []
        points = [end for _, end in blocks[:-1]]
        spans = _balanced(points, blocks[0][0], blocks[-1][1], self.limit)
        return [_Piece(s, e) for s, e in spans]

    def _split_block(self, start: int, end: int) -> list[_Piece]:
        block = self.text[start:end]
        points = [start + b for b in sentence_breaks(block) if self.may_cut(start + b)]
        pieces: list[_Piece] = []
        for s, e in _balanced(points, start, end, self.limit):
            if e - s <= self.max_chars:
                pieces.append(_Piece(s, e))
            else:
                pieces.extend(self._split_sentence(s, e, OversizedSplit.CLAUSE))
        return pieces

    def _split_sentence(self, start: int, end: int, how: OversizedSplit) -> list[_Piece]:
        if how is OversizedSplit.HARD:
            return [_Piece(s, e, how) for s, e in self._hard_cuts(start, end)]
        finder = clause_breaks if how is OversizedSplit.CLAUSE else whitespace_breaks
        points = [p for p in finder(self.text, start, end) if self.may_cut(p)]
        finer = OversizedSplit.WHITESPACE if how is OversizedSplit.CLAUSE else OversizedSplit.HARD
        pieces: list[_Piece] = []
        for s, e in _balanced(points, start, end, self.limit):
            if e - s <= self.max_chars:
                pieces.append(_Piece(s, e, how))
            else:
                pieces.extend(self._split_sentence(s, e, finer))
        return pieces

    def _hard_cuts(self, start: int, end: int) -> list[tuple[int, int]]:
        """Equal pieces of at most ``max_chars``, each cut moved back out of a pause marker
        (or any marker-shaped text) and off a combining mark."""
        guard = Uncuttable(self.text, start, end)
        length = end - start
        step = -(-length // -(-length // self.max_chars))
        spans: list[tuple[int, int]] = []
        pos = start
        while end - pos > self.max_chars:
            cut = pos + step
            while cut > pos + 1 and (guard.splits(cut) or unicodedata.combining(self.text[cut])):
                cut -= 1
            spans.append((pos, cut))
            pos = cut
        spans.append((pos, end))
        return spans


def _segments(text: str, pieces: Sequence[_Piece], paragraph_ends: set[int]) -> list[Segment]:
    seen: Counter[str] = Counter()
    segments: list[Segment] = []
    for piece in pieces:
        chunk = text[piece.start : piece.end]
        spoken = request_text(chunk)
        digest = segment_digest(spoken)
        segments.append(
            Segment(
                id=f"{digest}-{seen[digest]}",
                start=piece.start,
                end=piece.end,
                text=chunk,
                request_text=spoken,
                billable_chars=analyze(spoken).billable_chars if spoken else 0,
                paragraph_end=piece.end in paragraph_ends,
                oversized_sentence=piece.oversized,
            )
        )
        seen[digest] += 1
    return segments
