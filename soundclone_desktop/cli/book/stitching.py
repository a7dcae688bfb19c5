"""Stitched chapters for ``book render`` and ``book export``, through the stitcher of
``services/book/stitch.py``, loaded on first use (it brings the audio engine)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType

from soundclone_desktop.core.book.takes import SegmentKey
from soundclone_desktop.store.book import BookStore

STITCH_MODULE = "soundclone_desktop.services.book.stitch"
NO_STITCHER = "Chapters are not stitched: this version of SoundClone has no stitcher."


def stitcher() -> ModuleType | None:
    """The stitch module, or None when this build has none (never hides its own errors)."""
    import importlib

    try:
        return importlib.import_module(STITCH_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != STITCH_MODULE:
            raise
        return None


async def stitch_ready_chapters(
    store: BookStore,
    scope: Sequence[tuple[str, Sequence[SegmentKey]]],
    progress: Callable[[str], None],
) -> tuple[list[dict[str, object]], str | None]:
    """Stitch every chapter of ``scope`` whose segments are all rendered (in the book's own
    place for chapter files); returns what was stitched and a note when nothing could be."""
    module = stitcher()
    if module is None:
        return [], NO_STITCHER
    numbers = {c.id: n for n, c in enumerate(store.book.chapters, 1)}
    stitched: list[dict[str, object]] = []
    for chapter_id, _keys in scope:
        if not module.chapter_ready(store.book, chapter_id):
            continue
        progress(f"Stitching chapter {numbers[chapter_id]}…")
        chapter = await module.stitch_chapter(store, chapter_id)
        stitched.append({
            "chapter": numbers[chapter_id], "id": chapter_id, "path": str(chapter.audio_path),
            "duration_s": round(float(chapter.duration_s), 3),
            "captions": len(chapter.captions),
        })  # fmt: skip
    return stitched, None
