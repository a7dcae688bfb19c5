"""The book view's screenshots, a scene of ``scripts/screenshots.py`` (run it, not this).

One short novel per language (six chapters, a target of 120 characters so each chapter is a
few segments, sentence captions on, the demo voice) is written as a ``.scbook`` in the
temporary data folder and opened as File › Open Book does. Then, on the demo server:

- ``book-chapters-<lang>.png``: the first two chapters rendered through the navigator's
  Render selected (the confirmation accepted), so the chapter list shows status, duration,
  cost and ▶ next to chapters not rendered yet; the third chapter's text in the editor;
- ``book-rendering-<lang>.png``: Render book, caught while the rest renders (progress per
  chapter in the navigator, the progress line under it);
- ``book-playing-<lang>.png``: chapter 1's ▶: the stitched chapter in the player, its merged
  captions following playback, seeked to a sentence in the middle.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from soundclone_desktop.ui.book.controller import BookController
    from soundclone_desktop.ui.main_window import MainWindow

# A few segments per chapter, so a chapter rendering shows its progress (Chinese says more
# in fewer characters).
TARGET_CHARS = {"en": 120, "zh_CN": 45}

BOOKS: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "en": ("The Lighthouse Keeper", "Anna Lindqvist", [
        ("Chapter 1. The Letter",
         "The rain had not stopped all evening. Mara switched off the last lamp and sat by "
         "the window.\n\nOn the desk lay a letter with no stamp, only a name written in "
         "pencil. She read it again, slowly.\n\nTomorrow she would take the first ferry to "
         "the island and find the person who wrote it."),
        ("Chapter 2. The Ferry",
         "The harbour was quiet when the ferry finally came in. Gulls circled over the "
         "empty deck.\n\nAn old sailor took her ticket without a word and pointed at the "
         "bench by the railing.\n\nThe island rose out of the fog like the back of a "
         "sleeping animal."),
        ("Chapter 3. The Village",
         "Nobody in the village remembered the lighthouse keeper's name. The baker "
         "shrugged; the postman laughed.\n\nOnly a girl selling apples looked up and said "
         "that the light had been dark for eleven years.\n\nMara thanked her and walked "
         "towards the cliffs."),
        ("Chapter 4. The Lighthouse",
         "The door was not locked. Inside, the stairs turned upwards into the dark, and the "
         "air smelled of salt and old paper.\n\nAt the top, a table, a chair, and a stack "
         "of letters tied with string."),
        ("Chapter 5. The Answer",
         "Every letter was addressed to her mother. Every one was signed with the same "
         "pencilled name.\n\nMara sat down, untied the string, and began to read."),
        ("Epilogue",
         "In spring the light on the island burned again, and the ferry came twice a week."),
    ]),
    "zh_CN": ("灯塔看守人", "林晓", [
        ("第一章 雨夜的来信",
         "那天晚上，雨一直没有停。林晓把最后一盏灯关掉，坐到窗边。\n\n书桌上放着一封没有贴邮票"
         "的信，只有一个用铅笔写的名字。她又慢慢读了一遍。\n\n明天一早，她就要坐第一班渡船去岛"
         "上，寻找写信的人。"),
        ("第二章 渡船",
         "渡船终于靠岸的时候，港口一片寂静。海鸥在空荡荡的甲板上盘旋。\n\n一位老水手一言不发地"
         "接过船票，指了指栏杆旁的长椅。\n\n小岛从雾里浮出来，像一只沉睡的动物的脊背。"),
        ("第三章 村庄",
         "村里没有人记得灯塔看守人的名字。面包师耸了耸肩，邮递员笑了起来。\n\n只有一个卖苹果的"
         "小女孩抬起头说，那盏灯已经熄了十一年。\n\n林晓向她道了谢，朝悬崖走去。"),
        ("第四章 灯塔",
         "门没有锁。楼梯在黑暗中盘旋向上，空气里有海盐和旧纸的味道。\n\n最顶上只有一张桌子、"
         "一把椅子，和一叠用细绳捆着的信。"),
        ("第五章 回信",
         "每一封信都是写给她母亲的，每一封的落款都是同一个铅笔写的名字。\n\n林晓坐下来，解开"
         "细绳，开始读信。"),
        ("尾声", "第二年春天，岛上的灯又亮了，渡船每周来两次。"),
    ]),
}  # fmt: skip


def write_book(folder: Path, language: str) -> Path:
    """The language's novel as a book folder, voiced by the demo voice, captions on."""
    import dataclasses

    from soundclone_desktop.core.book.model import Book, BookSettings, blank_params, new_chapter
    from soundclone_desktop.demo.config import DEMO_VOICE_ID
    from soundclone_desktop.store.book import BookStore

    title, author, chapters = BOOKS[language]
    params = dataclasses.replace(
        blank_params(), model_id=DEMO_VOICE_ID, subtitles=True, subtitle_type="sentence"
    )
    book = Book(
        title=title,
        author=author,
        language="zh-CN" if language == "zh_CN" else "en",
        settings=BookSettings(params=params, target_chars=TARGET_CHARS[language]),
        chapters=tuple(new_chapter(name, text) for name, text in chapters),
    )
    path = folder / f"{title}.scbook"
    BookStore.create(path, book).close()
    return path


async def book_view(window: MainWindow, language: str, out: Path) -> None:
    from screenshots import save, scratch, wait_for

    view = window.book
    assert await view.open_path(write_book(scratch(), language)) is True
    arrange(window, view)
    store = view.store
    assert store is not None
    ids = [c.id for c in store.book.chapters]
    view.navigator.select_chapter(ids[0])
    await _render(view, ids[:2])
    await wait_for(lambda: all(i in view.needs.render.stitched for i in ids[:2]), 60)
    view.navigator.select_chapter(ids[2])
    await asyncio.sleep(0.6)
    save(window.grab(), out, f"book-chapters-{language}.png")

    await _render(view, None)
    control = view.needs.render
    # Caught when the chapter list shows the third chapter part done (its status, "n/m",
    # comes from the progress snapshots, once a second).
    await wait_for(lambda: _partly_done(view, ids[2]) or control.queue is None, 60)
    save(window.grab(), out, f"book-rendering-{language}.png")

    await wait_for(lambda: control.queue is None and not control.busy(), 120)
    await wait_for(lambda: all(i in control.stitched for i in ids), 120)
    view.navigator.select_chapter(ids[0])
    playing = view.play_chapter(ids[0])
    if playing is not None:
        await playing
    player = window.player
    await wait_for(lambda: player.duration_ms() > 0 and window.captions.pane.subtitles(), 30)
    subtitles = window.captions.pane.subtitles()
    assert subtitles is not None
    cue = subtitles.cues[len(subtitles.cues) // 2]
    for position in (0, round((cue.start_ms + cue.end_ms) / 2)):  # a new cue: highlighted
        player.seek(position)
        await asyncio.sleep(0.4)
    # Offscreen there is no sound device; the player says so, which no user with one sees.
    player._show_message("")
    window.statusBar().clearMessage()
    save(window.grab(), out, f"book-playing-{language}.png")


def arrange(window: MainWindow, view: BookController) -> None:
    """A 1366×768 laptop screen; the navigator wide enough for every column of the chapter
    list, the player and its captions side by side under it."""
    from PySide6.QtCore import Qt

    window.resize(1366, 768)
    for dock in (window.player_dock, window.captions.dock):
        dock.show()
    from screenshots import dock_named

    # A book's segments are in its chapter list, not in Tasks or History (tabbed together).
    for dock in (window.tasks_dock, dock_named(window, "historyDock")):
        dock.hide()
    assert view.dock is not None
    from soundclone_desktop.ui.book.controller import NAVIGATOR_WIDTH

    window.resizeDocks([view.dock], [NAVIGATOR_WIDTH], Qt.Orientation.Horizontal)  # its default
    window.resizeDocks([window.player_dock, window.captions.dock], [900, 460],
                       Qt.Orientation.Horizontal)  # fmt: skip


async def _render(view: BookController, chapter_ids: list[str] | None) -> None:
    """Render selected / Render book as clicked, the confirmation accepted."""
    from screenshots import wait_for

    control = view.needs.render
    store = view.store
    assert store is not None
    control.render(store, chapter_ids)
    await wait_for(lambda: control.dialog is not None, 30)
    assert control.dialog is not None
    control.dialog.accept()
    await wait_for(lambda: control.queue is not None or not control.busy(), 30)
    if chapter_ids is not None:
        await wait_for(lambda: control.queue is None and not control.busy(), 120)


def _partly_done(view: BookController, chapter_id: str) -> bool:
    from soundclone_desktop.ui.book.chapter_model import COL_STATUS

    row = view.model.row_of(chapter_id)
    status = str(view.model.index(row, COL_STATUS).data()) if row is not None else ""
    done, slash, total = status.rpartition(" ")[2].partition("/")
    return bool(slash) and done.isdigit() and 0 < int(done) < int(total)
