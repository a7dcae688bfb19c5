"""A book, a task runner recording into a task library and a render queue, all real, for the
render-queue tests (in-process demo server) and the kill driver (demo server process)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from soundclone_desktop.api._retry import RetryPolicy
from soundclone_desktop.api.client import SoundCloneClient
from soundclone_desktop.core.book.model import Book, BookSettings, Chapter, blank_params
from soundclone_desktop.core.pricing import PriceTable
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.services.balance_watch import balance_reader
from soundclone_desktop.services.book_render import RenderQueue
from soundclone_desktop.services.estimator import FinishEstimator
from soundclone_desktop.services.recorder import JobRecorder
from soundclone_desktop.services.schedule import PollPolicy
from soundclone_desktop.services.tasks import TaskRunner
from soundclone_desktop.store.book.store import BookStore
from soundclone_desktop.store.library import TaskLibrary

# The demo server's prices (DemoConfig defaults): 20 per 10k characters, 0.5 per task.
DEMO_PRICES = PriceTable(production_per_10k=Decimal(20), voice_fee=Decimal("0.5"))
# Every rule of the runner in force, at a test's pace.
FAST = PollPolicy(
    min_interval=0.2, interval=0.2, max_interval=0.4, min_gap=0.01, max_concurrent=4,
    backoff_initial=0.2, backoff_max=1.0, long_after=60.0, long_interval=1.0,
)  # fmt: skip
QUICK_RETRY = RetryPolicy(max_attempts=2, base_delay=0.02, max_delay=0.05)


def paragraph(chapter: int, index: int) -> str:
    """A paragraph of its own length: a second charge for it would show in the ledger."""
    return (
        f"Chapter {chapter} paragraph {index} and the story goes on "
        + "z" * (chapter * 100 + index)
        + "."
    )


def make_book(chapters: int, paragraphs: int) -> Book:
    """``chapters`` chapters of ``paragraphs`` paragraphs, one segment per paragraph."""
    params = replace(blank_params(), model_id=DEMO_VOICE_ID)
    # One sentence per paragraph, each longer than the target: one segment per paragraph.
    settings = BookSettings(params=params, target_chars=40)
    chapters_ = []
    for c in range(1, chapters + 1):
        text = "\n\n".join(paragraph(c, i) for i in range(paragraphs))
        chapters_.append(Chapter(f"ch{c}", f"Chapter {c}", text))
    return Book(title="Test book", settings=settings, chapters=tuple(chapters_))


@dataclass
class Rig:
    store: BookStore
    library: TaskLibrary
    runner: TaskRunner
    queue: RenderQueue
    client: SoundCloneClient


@asynccontextmanager
async def rig(
    base_url: str,
    token: str,
    book_dir: Path,
    data_dir: Path,
    *,
    concurrency: int = 3,
    policy: PollPolicy = FAST,
    check_balance: bool = True,
) -> AsyncIterator[Rig]:
    store = BookStore.open(book_dir)
    library = TaskLibrary(data_dir / "library.sqlite3")
    recorder = JobRecorder(library, base_url=base_url, demo=False)
    async with SoundCloneClient(base_url, token, retry=QUICK_RETRY, timeout=5.0) as client:
        estimator = FinishEstimator({"audio": (0.3, 0.0), "preview": (0.3, 0.0)})
        runner = TaskRunner(client, data_dir / "results", policy=policy, estimator=estimator,
                            on_update=recorder)  # fmt: skip
        queue = RenderQueue(
            store, runner, library, DEMO_PRICES,
            balance=balance_reader(client) if check_balance else None,
            concurrency=concurrency,
        )  # fmt: skip
        try:
            yield Rig(store, library, runner, queue, client)
        finally:
            await queue.aclose()
            await runner.aclose()
            library.close()
            store.close()
