"""Screenshots of reviewing a book (issue 15), scenes of ``scripts/screenshots.py``:

- ``book-review-<lang>.png``: a rendered chapter playing, the sentence heard highlighted,
  two sentences marked (in the text and on the waveform, with the segment joins), and the
  words a pronunciation rule changes underlined;
- ``book-rules-<lang>.png``: the pronunciation rules table, a rule being edited with what
  it would change.

Kept in a module of their own so the book-view scenes of ``screenshots.py`` merge easily.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from soundclone_desktop.ui.main_window import MainWindow

CHAPTERS = {
    "en": (
        "The Crossing",
        "The ferry left at dawn. Dr. Lane stood at the rail and watched the town grow small.\n\n"
        "She had not slept. The letter in her pocket was still unopened, and she meant to keep "
        "it that way until the island.\n\n"
        "By noon the wind had turned. The captain called the passengers below, and the rain "
        "came at last.",
    ),
    "zh_CN": (
        "渡口",
        "天刚亮，渡船就离岸了。银行行长站在船舷边，看着小城慢慢变小。\n\n"
        "她一夜没睡。口袋里的信还没有拆开，她打算到了岛上再看。\n\n"
        "中午时分，风向变了。船长把乘客都叫进船舱，雨终于下了起来。",
    ),
}
RULES = {"en": ("Dr.", "Doctor"), "zh_CN": ("行长", "航长")}
DRAFT = {"en": ("Lane", "Layne"), "zh_CN": ("船舷", "船弦")}


async def _wait_for(condition: Callable[[], object], seconds: float = 30.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError("the screen never got ready")


def _save(widget: object, out: Path, name: str) -> None:
    target = out / name
    if not widget.grab().save(str(target)):  # type: ignore[attr-defined]
        raise OSError(f"could not write {target}")
    print(f"wrote {target}")


async def _open_rendered_book(window: MainWindow, language: str) -> None:
    import os

    from PySide6.QtWidgets import QDialog

    from soundclone_desktop.core.book.model import Book, BookSettings, blank_params, new_chapter
    from soundclone_desktop.demo.config import DEMO_VOICE_ID
    from soundclone_desktop.store.book import BookStore
    from soundclone_desktop.ui.book import chapter_audio
    from soundclone_desktop.ui.book.render_confirm import RenderConfirmDialog

    folder = Path(os.environ["SOUNDCLONE_DATA_DIR"]).parent
    title, text = CHAPTERS[language]
    params = dataclasses.replace(blank_params(), model_id=DEMO_VOICE_ID, subtitles=True)
    path = folder / f"{title}.scbook"
    book = Book(
        title=title,
        language="zh" if language.startswith("zh") else "en",
        settings=BookSettings(params=params, target_chars=60),
        chapters=(new_chapter(title, text),),
    )
    with BookStore.create(path, book) as store:
        store.add_rule(*RULES[language])
    controller = window.book
    controller.open_path(path)
    await _wait_for(lambda: controller.store is not None and window.editor.text() == text)
    controller.navigator.render_book_button.click()

    def confirm() -> RenderConfirmDialog | None:
        found = window.findChild(QDialog, "renderConfirmDialog")
        return found if isinstance(found, RenderConfirmDialog) and found.isVisible() else None

    await _wait_for(lambda: confirm() is not None)
    confirm().render_button.click()  # type: ignore[union-attr]
    chapter_id = controller.chapter_id
    assert chapter_id is not None
    await _wait_for(
        lambda: (
            controller.store is not None
            and chapter_audio.chapter_ready(controller.store, chapter_id)
        ),
        seconds=90,
    )
    await asyncio.sleep(1.0)  # the navigator's figures catch up
    await _wait_for(lambda: controller.play_chapter(chapter_id) is not None)
    await _wait_for(lambda: controller.listening.timing is not None)
    await _wait_for(lambda: window.player.position_ms() > 0)


async def review_chapter(window: MainWindow, language: str, out: Path) -> None:
    """The chapter heard sentence by sentence, with marks and a rule's underline."""
    from PySide6.QtCore import Qt

    await _open_rendered_book(window, language)
    listening = window.book.listening
    timing = listening.timing
    assert timing is not None
    window.player.pause()
    for number in (4, 5):  # two sentences marked for another take
        clip = timing.by_number(number)
        if clip is not None:
            listening.go(clip)
            window.player.pause()
            listening.toggle_mark()
    third = timing.by_number(3)
    assert third is not None
    window.player.seek(int((third.begin_ms + third.end_ms) / 2))
    window.player.pause()
    window.resizeDocks([window.book.dock], [430], Qt.Orientation.Horizontal)
    await asyncio.sleep(1.5)  # the waveform's peaks
    _save(window, out, f"book-review-{language}.png")


async def rules_table(window: MainWindow, language: str, out: Path) -> None:
    """The rules table with a second rule being written: what it would change, first."""
    if window.book.store is None:
        await _open_rendered_book(window, language)
    dialog = window.book.rules.open_rules()
    assert dialog is not None
    find, replace = DRAFT[language]
    dialog.find_edit.setText(find)
    dialog.replace_edit.setText(replace)
    await _wait_for(lambda: find in dialog.effect_label.text())
    await asyncio.sleep(0.3)
    _save(dialog, out, f"book-rules-{language}.png")
    dialog.close()


async def redo_and_takes(window: MainWindow, language: str, out: Path) -> None:
    """The marked sentences redone as one task (the question with both costs), then the
    takes of one of them: loudness-matched ▶, the chosen one ticked."""
    from PySide6.QtWidgets import QMessageBox, QPushButton

    if window.book.store is None:
        await review_chapter(window, language, out)
    book = window.book
    book.redo.redo_marked_action.trigger()

    def asked() -> QMessageBox | None:
        found = window.findChild(QMessageBox, "redoQuestion")
        return found if isinstance(found, QMessageBox) and found.isVisible() else None

    await _wait_for(asked)
    question = asked()
    assert question is not None
    await asyncio.sleep(0.3)
    _save(question, out, f"book-redo-question-{language}.png")
    send = question.findChild(QPushButton, "redoSendButton")
    assert send is not None
    send.click()
    await _wait_for(lambda: book.redo.task is not None and book.redo.task.done(), 90)
    await asyncio.sleep(2.0)  # the chapter stitched again and reloaded, its timing too
    await _wait_for(lambda: book.listening.timing is not None)
    timing = book.listening.timing
    assert timing is not None
    clip = timing.by_number(4)
    assert clip is not None
    book.listening.go(clip)  # sentence 4 heard: the takes are its own
    window.player.pause()
    await asyncio.sleep(0.5)
    dialog = book.redo.open_takes()
    assert dialog is not None
    await _wait_for(lambda: dialog.table.rowCount() >= 2, 20)
    await asyncio.sleep(0.5)
    _save(dialog, out, f"book-takes-{language}.png")
    dialog.close()


REVIEW_SCENES: dict[str, Callable[[MainWindow, str, Path], Awaitable[None]]] = {
    "book-review": review_chapter,
    "book-rules": rules_table,
    "book-takes": redo_and_takes,
}
