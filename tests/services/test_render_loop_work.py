"""The render queue does no per-segment work on the event loop's thread (the app's GUI
thread): the plan the user agreed to is reused while the book is unchanged, and each task
sent checks only its own segment's state. Before, starting a render computed every
segment's request fingerprint twice on the loop (the rows for the progress figures and a
second plan: 60-140 ms of stall after *Render* in a 300-segment book), and every task sent
computed its whole chapter's rows again. Real demo server over loopback."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest

from soundclone_desktop.core.book.model import Book
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.book_render import StopReason
from soundclone_desktop.store.book.store import BookStore
from tests.services.book_render_harness import make_book, paragraph, rig

CREATE_PATH = "/api/open-api/v1/soundCloning/audios"
MakeServer = Callable[..., DemoServer]


def _new_book(tmp_path: Path, chapters: int, paragraphs: int) -> Path:
    folder = tmp_path / "Test.scbook"
    BookStore.create(folder, make_book(chapters, paragraphs)).close()
    return folder


def _sent_texts(server: DemoServer) -> list[str]:
    return [
        str(cast("dict[str, object]", e["json"])["contentText"])
        for e in server.requests_log()
        if e["method"] == "POST" and e["path"] == CREATE_PATH
    ]


def test_no_rows_are_computed_on_the_loop_thread_during_a_render(
    make_demo_server: MakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = make_demo_server(audio_format="wav", task_seconds=0.2)
    folder = _new_book(tmp_path, chapters=3, paragraphs=4)
    on_loop: list[str] = []
    real_rows = Book.rows

    async def main() -> None:
        loop_thread = threading.get_ident()

        def counted(book: Book, chapter_id: str) -> Any:
            if threading.get_ident() == loop_thread:
                on_loop.append(chapter_id)
            return real_rows(book, chapter_id)

        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            plan = await asyncio.to_thread(r.queue.plan)  # as the app plans: in a worker
            monkeypatch.setattr(Book, "rows", counted)
            result = await r.queue.run(plan)
            monkeypatch.setattr(Book, "rows", real_rows)
            assert result.stop is StopReason.ALL_DONE and len(result.rendered) == 12

    asyncio.run(asyncio.wait_for(main(), 120))
    assert on_loop == []


def test_a_segment_edited_while_it_waits_is_not_sent_with_its_old_text(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    demo = make_demo_server(audio_format="wav", task_seconds=0.3)
    folder = _new_book(tmp_path, chapters=2, paragraphs=3)
    old = paragraph(2, 1)

    async def main() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data", concurrency=1) as r:
            plan = r.queue.plan()
            running = asyncio.ensure_future(r.queue.run(plan))
            while not _sent_texts(demo):  # chapter 1 is being rendered, chapter 2 waits
                await asyncio.sleep(0.02)
            text = r.store.book.chapter("ch2").text.replace(old, "An edited paragraph here.")
            await asyncio.to_thread(r.store.set_chapter_text, "ch2", text)
            result = await running
            assert result.stop is StopReason.ALL_DONE
            assert len(result.rendered) == 5  # all but the edited one (not approved as is)

    asyncio.run(asyncio.wait_for(main(), 120))
    sent = _sent_texts(demo)
    assert len(sent) == 5 and old not in sent
    assert paragraph(2, 0) in sent and paragraph(2, 2) in sent
