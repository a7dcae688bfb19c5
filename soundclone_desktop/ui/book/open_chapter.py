"""What the open chapter's layers (its findings, its changed segments) are computed from,
read from the book as saved, so a change of the book elsewhere is told apart cheaply.

A render changes the book several times a second, mostly in chapters other than the one in
the editor; recomputing a layer then decodes takes and segments a chapter in a worker that
holds the GIL, for a result equal to the last one. The inputs are immutable values: an
unchanged chapter, its settings and its takes are the very same objects in the next book,
so comparing two readings costs microseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from soundclone_desktop.core.book.progress import QueueState

if TYPE_CHECKING:
    from soundclone_desktop.core.book.model import BookSettings, Chapter
    from soundclone_desktop.core.book.pronunciation import Rule
    from soundclone_desktop.core.book.sentence_takes import SentenceTake
    from soundclone_desktop.core.book.takes import Orphan, Take
    from soundclone_desktop.core.pricing import PriceTable
    from soundclone_desktop.ui.book.controller import BookController


@dataclass(frozen=True, slots=True, eq=False)
class ChapterInputs:
    """The chapter (text, overrides), the book's settings and rules, the prices, the takes of
    its segments, its orphaned takes and its sentence takes. Task marks are left out: a task
    sent or queued changes no layer."""

    chapter: Chapter
    settings: BookSettings
    rules: tuple[Rule, ...]
    prices: PriceTable
    takes: tuple[tuple[str, tuple[Take, ...]], ...]
    orphans: tuple[Orphan, ...]
    sentence_takes: tuple[SentenceTake, ...]

    def same(self, other: ChapterInputs) -> bool:
        # Identity first: comparing a 30,000-character text would cost more than the rest.
        return (
            (self.chapter is other.chapter or self.chapter == other.chapter)
            and (self.settings is other.settings or self.settings == other.settings)
            and self.rules == other.rules
            and self.prices == other.prices
            and self.takes == other.takes
            and self.orphans == other.orphans
            and self.sentence_takes == other.sentence_takes
        )


def open_chapter_inputs(controller: BookController) -> ChapterInputs | None:
    """The inputs of the chapter in the editor (None: no book or no chapter open)."""
    store, chapter_id = controller.store, controller.chapter_id
    if store is None or chapter_id is None:
        return None
    book = store.book
    try:
        chapter = book.chapter(chapter_id)
    except KeyError:  # removed meanwhile: the controller moves to another chapter
        return None
    return ChapterInputs(
        chapter=chapter,
        settings=book.settings,
        rules=book.rules,
        prices=controller.needs.ctx.prices(),
        takes=tuple((key[1], s.takes) for key, s in book.states.items() if key[0] == chapter_id),
        orphans=tuple(o for o in book.orphans if o.chapter_id == chapter_id),
        sentence_takes=store.sentence_takes(chapter_id),
    )


def render_running(controller: BookController) -> bool:
    """Whether a render runs now, as the render's last snapshot says (the one answer the
    layers and their throttle read)."""
    snapshot = controller.snapshot
    return snapshot is not None and snapshot.state is QueueState.RUNNING
