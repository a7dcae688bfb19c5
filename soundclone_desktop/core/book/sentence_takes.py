"""Takes of one sentence: a sentence redone on its own, spliced into its segment's take. Pure.

A segment take is one paid rendering of several sentences. When one sentence of it is wrong,
the sentence is rendered again (with others of its chapter, as one task: :mod:`services.book
.redo`) and the piece of the new audio that says it becomes a *sentence take*. The segment
take is never changed: the stitcher replaces that sentence's sound in it with the chosen
sentence take's sound (``services/book/sentence_splice.py``), so every other sentence keeps
its samples, and choosing take 1 (the segment take's own sentence) again gives back exactly
the original audio.

A sentence is numbered from 1 within its chapter, as ``book show --chapter N`` lists them
(:func:`~.sentences.sentence_spans` of the chapter text). It is stored by its segment and
its offsets inside the segment's text, so an edit elsewhere in the chapter (which renumbers
sentences but keeps the segment) does not move its takes; a sentence take applies to the
segment take it was cut against (``base_take_id``): re-rendering the segment makes a new
base on which no sentence take applies yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from .model import Book, SegmentRow
from .sentences import sentence_spans

# The pause between the sentences of a redo task: long enough that no pause inside a sentence
# (a comma is 0.15 s for the demo, under half a second for real voices) is taken for it, and
# free (pause markers are not billed).
REDO_PAUSE_SECONDS: Final = 1.0
REDO_PAUSE: Final = "<#1.0#>"


class SentenceError(Exception):
    """A sentence that cannot be redone; ``str()`` is a sentence for the user."""


@dataclass(frozen=True, slots=True)
class SentenceTake:
    """One rendering of one sentence, cut from a redo task's audio.

    ``sentence_start``/``sentence_end``: the sentence in its segment's text (code points);
    ``base_start_s``/``base_end_s``: the sentence's sound in the base take (what is replaced);
    ``speech_start_s``/``speech_end_s``: the sentence's sound in this take's own audio (what
    replaces it). ``findings``: the automatic checks' findings as JSON-ready dicts (a take
    with findings is never chosen automatically).
    """

    id: str
    chapter_id: str
    segment_id: str
    sentence_start: int
    sentence_end: int
    base_take_id: str
    base_start_s: float
    base_end_s: float
    audio_path: str
    speech_start_s: float
    speech_end_s: float
    duration: float
    created_at: float
    task_local_id: str
    request_text: str
    fingerprint: str
    chosen: bool = False
    findings: tuple[dict[str, object], ...] = ()

    @property
    def sentence_key(self) -> SentenceKey:
        return (self.chapter_id, self.segment_id, self.sentence_start)


SentenceKey = tuple[str, str, int]
"""A sentence of a book: ``(chapter id, segment id, start in the segment's text)``."""


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """Sentence ``number`` (from 1) of a chapter: ``text`` is ``chapter.text[start:end]``
    stripped; it lies in segment ``row`` at ``segment_start``…``segment_end``."""

    chapter_id: str
    number: int
    start: int
    end: int
    text: str
    row: SegmentRow
    segment_start: int
    segment_end: int

    @property
    def key(self) -> SentenceKey:
        return (self.chapter_id, self.row.segment.id, self.segment_start)


def locate_sentence(book: Book, chapter_id: str, number: int) -> SentenceRef:
    """Sentence ``number`` of the chapter and its segment; :class:`SentenceError` when it has
    no words, does not exist, or spans two segments (an over-long sentence cut by the
    segmenter: redo its segment instead)."""
    from .sentence_clips import spoken_text  # here: it brings subtitles, not needed at startup

    chapter = book.chapter(chapter_id)
    spans = sentence_spans(chapter.text)
    if not 1 <= number <= len(spans):
        raise SentenceError(f"There is no sentence {number} (sentences: 1 to {len(spans)}).")
    start, end = spans[number - 1]
    raw = chapter.text[start:end]
    text = raw.strip()
    if not spoken_text(text).strip():
        raise SentenceError(f"Sentence {number} has nothing to say.")
    start += len(raw) - len(raw.lstrip())
    end = start + len(text)
    for row in book.rows(chapter_id):
        segment = row.segment
        if segment.start <= start and end <= segment.end:
            offset = start - segment.start
            return SentenceRef(
                chapter_id, number, start, end, text, row, offset, offset + len(text)
            )
    raise SentenceError(
        f"Sentence {number} is split over two segments (it is too long for one): "
        "render its segments again instead."
    )


def sentence_number(book: Book, key: SentenceKey) -> int | None:
    """The number the sentence ``key`` has in its chapter now (None: its segment is gone)."""
    chapter_id, segment_id, offset = key
    try:
        chapter = book.chapter(chapter_id)
    except KeyError:
        return None
    segment = next((s for s in book.segments(chapter_id) if s.id == segment_id), None)
    if segment is None:
        return None
    where = segment.start + offset
    for number, (start, end) in enumerate(sentence_spans(chapter.text), 1):
        if start <= where < end:
            return number
    return None


def batch_text(texts: Sequence[str]) -> str:
    """The request of one redo task: the sentences joined by :data:`REDO_PAUSE`."""
    return REDO_PAUSE.join(text.strip() for text in texts)


def chosen_for_base(takes: Iterable[SentenceTake], base_take_id: str) -> list[SentenceTake]:
    """The chosen sentence takes that apply to segment take ``base_take_id``, in order."""
    found = [t for t in takes if t.chosen and t.base_take_id == base_take_id]
    return sorted(found, key=lambda t: t.base_start_s)


@dataclass(frozen=True, slots=True)
class RedoPiece:
    """One sentence of a redo task: where it goes once its piece is cut from the result."""

    segment_id: str
    sentence_start: int
    sentence_end: int
    base_take_id: str
    base_start_s: float
    base_end_s: float
    text: str  # as sent (rules applied; the user's edit, if any)


@dataclass(frozen=True, slots=True)
class RedoMark:
    """A redo task the book names before its create leaves (the task library's
    ``local_id``), as the render queue's segment marks: resuming settles it by the library's
    row. ``phase`` is ``rendering`` or ``failed`` (``reason`` then says why)."""

    local_id: str
    chapter_id: str
    pieces: tuple[RedoPiece, ...]
    phase: str = "rendering"
    reason: str | None = None
