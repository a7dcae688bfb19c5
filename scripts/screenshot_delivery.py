"""Regenerate the README screenshots of delivering a book: the Deliver Audiobook dialog with
the ACX profile's rules, and the check report after mastering, in English and Chinese.

Runs the real window against the embedded demo server with a temporary data folder. The
book's takes are the demo synthesiser's speech (no task is sent, nothing is charged); the
delivery itself is the real one (stitch, master, check, M4B) into a temporary folder:

    python scripts/screenshot_delivery.py                 # both languages, docs/screenshots/
    python scripts/screenshot_delivery.py --lang zh_CN --out /tmp/shots

``scripts/screenshots.py`` runs this too. Chinese needs a CJK font on Linux.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from screenshots import LANGUAGES, OUT, run_languages, run_studio, save, scratch, wait_for

if TYPE_CHECKING:
    from soundclone_desktop.ui.main_window import MainWindow

BOOKS = {
    "en": ("Harbour Tales", "Ada Writer", (
        ("The Harbour", "The rain had stopped. The town was quiet now.\n\nShe opened the door "
         "and looked outside."),
        ("The Lighthouse", "A lamp turned slowly on the hill.\n\nNobody climbed it any more."),
        ("The Letter", "The letter was short. It said only one thing.\n\nCome home."),
    )),
    "zh_CN": ("雨夜的来信", "林晓", (
        ("第一章 雨夜", "那天晚上，雨一直没有停。\n\n林晓把最后一盏灯关掉。"),
        ("第二章 灯塔", "山上的灯慢慢转动。\n\n已经没有人再爬上去了。"),
        ("第三章 来信", "信很短，只说了一件事。\n\n回家吧。"),
    )),
}  # fmt: skip


def seed_book(folder: Path, language: str) -> Path:
    """A book whose every segment has a take of the demo synthesiser's speech."""
    import numpy as np

    from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
    from soundclone_desktop.audio.model import Audio
    from soundclone_desktop.core.book.model import Book, BookSettings, Chapter
    from soundclone_desktop.core.book.takes import Take
    from soundclone_desktop.core.params import ProductionParams
    from soundclone_desktop.demo.markup import find_pauses
    from soundclone_desktop.demo.subtitles import build_subtitles
    from soundclone_desktop.demo.synth import plan, render_samples
    from soundclone_desktop.store.book.store import BookStore

    title, author, chapters = BOOKS[language]
    rate = 32_000
    settings = BookSettings(params=ProductionParams(model_id="demo", text=""), target_chars=60)
    book = Book(
        title=title,
        author=author,
        settings=settings,
        language=language,
        chapters=tuple(Chapter(f"ch{i}", t, x) for i, (t, x) in enumerate(chapters)),
    )
    with BookStore.create(folder / "book.scbook", book) as store:
        for chapter in store.book.chapters:
            for row in store.rows(chapter.id):
                text = row.segment.request_text
                timeline = plan(text, find_pauses(text), rate, 1.0)
                samples = render_samples(timeline, base_hz=180.0, vol=5.0, pitch=0)
                take_id = uuid.uuid4().hex
                audio = store.audio_path_for(take_id, ".wav")
                clip = (samples.astype(np.float32) / 32768.0)[np.newaxis, :]
                encode(Audio(clip, rate), audio, EncodeOptions(Encoding.WAV))
                captions = store.captions_path_for(take_id, ".json")
                captions.write_text(json.dumps(build_subtitles(timeline, word_level=True)))
                store.add_take(chapter.id, row.segment.id, Take(
                    id=take_id, task_local_id=None, audio_path=store.stored_path(audio),
                    subtitle_path=store.stored_path(captions), duration=clip.shape[1] / rate,
                    created_at=time.time(), fingerprint=row.fingerprint, request_text=text,
                ))  # fmt: skip
        return store.folder


async def delivery(window: MainWindow, language: str, out: Path) -> None:
    folder = seed_book(scratch() / "books", language)
    assert await window.book.open_path(folder)
    from PySide6.QtCore import QSize

    from soundclone_desktop.ui.delivery.dialog import fitted_size

    dialog = window.delivery.open_dialog()
    assert dialog is not None
    dialog.resize(fitted_size(QSize(1366, 728)))  # what a 1366×768 laptop gives it
    dialog.form.set_profile("acx")
    dialog.form.m4b.setChecked(True)
    dialog.form.folder_edit.setText(str(scratch() / "delivered"))
    await asyncio.sleep(0.3)
    save(dialog.grab(), out, f"delivery-dialog-{language}.png")
    dialog.deliver_button.click()
    await wait_for(lambda: not dialog.is_running(), seconds=180)
    await asyncio.sleep(0.3)
    save(dialog.grab(), out, f"delivery-report-{language}.png")
    dialog.reject()


def capture(language: str, out: Path) -> int:
    from soundclone_desktop.demo.config import DemoConfig

    out.mkdir(parents=True, exist_ok=True)

    async def scene(window: MainWindow) -> None:
        await delivery(window, language, out)

    return run_studio(language, DemoConfig(task_seconds=1.0), scene)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--one", choices=LANGUAGES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return capture(args.one, args.out)
    return run_languages(__file__, args.lang or list(LANGUAGES), ["--out", str(args.out)])


if __name__ == "__main__":
    raise SystemExit(main())
