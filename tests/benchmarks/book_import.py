"""Book import benchmark (issue 14): ``python -m tests.benchmarks.book_import [--rounds N]``.

The target: import and segment a 1,000,000-character EPUB in under 5 s. This measures the
import half (this branch's part): ``load_manuscript`` of an EPUB 3 of 1,000,000 characters
in 40 chapters (one spine document each, paragraphs of the shared sample sentences, a nav
TOC), which includes the ZIP, the package, XHTML to text, the TOC and the front-matter
guesses. Beside it, the same text as a .txt file (decoding + plain-text chapter detection),
clean-up proposals (:func:`find_changes`) and the unspeakable-character scan over the whole
text.

Method as in README.md: each figure is the median over rounds with the lowest and highest
round, next to a baseline measured in the same round: *unzip* (reading every member of the
same EPUB and decoding it as UTF-8, the floor any reader pays). Run in this process, after
one warm-up round; the files are written once to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from soundclone_desktop.core.book.cleanup import find_changes
from soundclone_desktop.core.book.findings import find_unspeakable
from soundclone_desktop.manuscripts import load_manuscript
from tests.benchmarks.script_text import sample_sentences
from tests.benchmarks.stats import Summary, ratios, summarize
from tests.manuscripts.conftest import Doc, Toc, write_epub

TARGET_CHARS = 1_000_000
CHAPTERS = 40
TARGET_S = 5.0


def book_paragraphs() -> list[list[str]]:
    """40 chapters of paragraphs (about 5 sentences each), 1,000,000 characters in all."""
    sentences = [s.strip() for s in sample_sentences() if s.strip()]
    per_chapter = TARGET_CHARS // CHAPTERS
    chapters: list[list[str]] = []
    index = 0
    for number in range(1, CHAPTERS + 1):
        paragraphs: list[str] = []
        size = len(f"第{number}章")
        while size < per_chapter:
            paragraph = "".join(sentences[(index + k) % len(sentences)] for k in range(5))
            index += 5
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        chapters.append(paragraphs)
    return chapters


def write_book(folder: Path) -> tuple[Path, Path, int]:
    chapters = book_paragraphs()
    docs = [
        Doc(
            f"c{n}.xhtml",
            f"<h1>第{n}章</h1>\n" + "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs),
        )
        for n, paragraphs in enumerate(chapters, 1)
    ]
    toc = [Toc(f"c{n}.xhtml", f"第{n}章") for n in range(1, len(chapters) + 1)]
    epub = write_epub(folder / "book.epub", docs, toc, language="zh")
    text = "".join(
        f"第{n}章\n\n" + "\n\n".join(paragraphs) + "\n\n"
        for n, paragraphs in enumerate(chapters, 1)
    )
    txt = folder / "book.txt"
    txt.write_text(text, encoding="utf-8")
    return epub, txt, len(text)


def unzip(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        return sum(len(archive.read(name).decode("utf-8")) for name in archive.namelist())


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="book-bench-") as tmp:
        epub, txt, chars = write_book(Path(tmp))
        manuscript = load_manuscript(epub)  # warm-up, and the checks below
        imported = len(manuscript.text)
        body = [c for c in manuscript.chapters if not c.excluded]
        if len(body) != CHAPTERS or imported < TARGET_CHARS:
            raise SystemExit(f"bad benchmark book: {len(body)} chapters, {imported} characters")
        text = manuscript.text
        figures: dict[str, list[float]] = {
            "unzip": [], "epub": [], "txt": [], "cleanup": [], "findings": []
        }  # fmt: skip
        for _ in range(args.rounds):
            figures["unzip"].append(timed(lambda: unzip(epub)))
            figures["epub"].append(timed(lambda: load_manuscript(epub)))
            figures["txt"].append(timed(lambda: load_manuscript(txt)))
            figures["cleanup"].append(timed(lambda: find_changes(text)))
            figures["findings"].append(timed(lambda: find_unspeakable(text)))
    summary = {name: summarize(values) for name, values in figures.items()}
    ratio = ratios(figures["epub"], figures["unzip"])
    epub_s = summary["epub"]
    rows = [
        ("EPUB size / imported text", f"{epub.name}: {chars:,} chars in, {imported:,} out", ""),
        ("unzip + decode every member (baseline)", summary["unzip"].text("{:.3f}", " s"), ""),
        (
            "load_manuscript(EPUB), 40 chapters",
            epub_s.text("{:.3f}", " s") + f" = {ratio.text('{:.1f}', '×')} unzip",
            f"< {TARGET_S:g} s with segmentation: "
            + ("ok" if epub_s.high < TARGET_S else "MISSED"),
        ),
        ("load_manuscript(.txt), same text", summary["txt"].text("{:.3f}", " s"), ""),
        ("find_changes (all clean-up rules)", summary["cleanup"].text("{:.3f}", " s"), ""),
        ("find_unspeakable", summary["findings"].text("{:.3f}", " s"), ""),
    ]
    print(f"Book import, {args.rounds} rounds, median (min–max)")
    for figure, value, target in rows:
        print(f"  {figure:<42} {value:<40} {target}")
    if args.json:
        raw = {name: {"values": values, **_json(summary[name])} for name, values in figures.items()}
        args.json.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    return 0 if epub_s.high < TARGET_S else 1


def _json(summary: Summary) -> dict[str, float]:
    return summary.to_json()


if __name__ == "__main__":
    sys.exit(main())
