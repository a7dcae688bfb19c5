"""What the ``book`` commands share: opening a book, chapter numbers, prices, figures.

Chapters are numbered from 1 in the book's order, excluded ones too (``book show`` lists
them all), so ``--chapter 3`` and ``--chapters 1,3-5`` mean what the user sees.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from pathlib import Path

from soundclone_desktop.cli.context import EXIT_USAGE, Context, fail
from soundclone_desktop.core.book.model import Book, Chapter
from soundclone_desktop.core.pricing import format_money
from soundclone_desktop.services.book_render import Selection
from soundclone_desktop.store.book import BookError, BookStore
from soundclone_desktop.store.book.store import BookProblem

_BOOK_PROBLEMS = {
    BookProblem.NOT_FOUND: "does not exist",
    BookProblem.NOT_A_BOOK: "is not a book (a .scbook folder made by `soundclone book import`)",
    BookProblem.NEWER_VERSION: "was saved by a newer version of SoundClone: update first",
    BookProblem.UNREADABLE: "cannot be read",
    BookProblem.DAMAGED: "is damaged",
}


@contextmanager
def open_book(name: str) -> Iterator[BookStore]:
    """The book folder ``name``, or a one-sentence failure (exit 2)."""
    path = Path(name)
    try:
        store = BookStore.open(path)
    except BookError as exc:
        why = _BOOK_PROBLEMS.get(exc.problem, exc.problem.value)
        detail = f" ({exc.detail})" if exc.detail else ""
        fail(f"The book {path} {why}{detail}.", EXIT_USAGE)
    try:
        yield store
    finally:
        store.close()


def use_demo_prices(ctx: Context) -> None:
    """With ``--demo`` and no server to start: price with the demo server's list."""
    if ctx.args.demo and ctx.demo_config is None:
        from soundclone_desktop.demo.config import DemoConfig

        ctx.demo_config = DemoConfig()


def parse_chapters(spec: str, count: int, option: str = "--chapters") -> list[int]:
    """Chapter numbers (1-based, sorted, unique) from ``1,3-5``; fails naming the option and
    the range of chapters the book has."""
    numbers: set[int] = set()
    allowed = f"1 to {count}" if count else "none: the book has no chapters"
    for part in spec.split(","):
        part = part.strip()
        low, dash, high = part.partition("-")
        try:
            first = int(low)
            last = int(high) if dash else first
        except ValueError:
            fail(f"{option}: {part!r} is not a chapter number or a range like 3-5 "
                 f"(chapters: {allowed}).")  # fmt: skip
        if first > last:
            fail(f"{option}: the range {part} runs backwards; write it as {last}-{first}.")
        for number in (first, last):
            if not 1 <= number <= count:
                fail(f"{option}: chapter {number} does not exist (chapters: {allowed}).")
        numbers.update(range(first, last + 1))
    return sorted(numbers)


def selection_of(book: Book, spec: str | None) -> Selection:
    """The chapters ``--chapters`` names (excluded ones too), or the whole book."""
    if not spec:
        return Selection.book()
    numbers = parse_chapters(spec, len(book.chapters))
    return Selection.of_chapters(book.chapters[n - 1].id for n in numbers)


def chapter_number(book: Book, chapter_id: str) -> int:
    return next(i for i, c in enumerate(book.chapters, 1) if c.id == chapter_id)


def chapter_label(book: Book, chapter: Chapter) -> str:
    return f"{chapter_number(book, chapter.id)}. {chapter.title or '(untitled)'}"


def parse_money(text: str, option: str) -> Decimal:
    try:
        amount = Decimal(text.strip())
    except InvalidOperation:
        fail(f"{option}: {text!r} is not an amount of money (for example 12.50).")
    if not amount.is_finite() or amount < 0:
        fail(f"{option}: the amount must be 0 or more (got {text}).")
    return amount


def money_text(amount: Decimal | None, currency: str) -> str:
    return "unknown (no prices set)" if amount is None else format_money(amount, currency)


def duration_text(seconds: float) -> str:
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
