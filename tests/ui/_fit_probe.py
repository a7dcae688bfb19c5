"""Run in its own process: open the studio at 1366×768 in one language and theme, and list
every label, button, tab and column header whose text is cut off without a tooltip.

    python tests/ui/_fit_probe.py LANG THEME   → JSON list of problems on stdout
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabBar,
    QWidget,
)

SIZE = (1366, 768)
_TAGS = re.compile(r"<[^>]+>")


def cut_off(widget: QWidget) -> list[str]:
    """Texts in ``widget``'s tree that are wider than their room and have no tooltip."""
    problems: list[str] = []
    for label in widget.findChildren(QLabel):
        text = _TAGS.sub("", label.text()).replace("&&", "&")
        if not label.isVisible() or not text.strip() or label.wordWrap() or "\n" in text:
            continue
        need = label.fontMetrics().horizontalAdvance(text)
        room = label.contentsRect().width() - 2 * label.margin() - label.indent()
        if need > room + 1 and text not in label.toolTip():
            problems.append(f"label {label.objectName() or text!r}: {need} > {room} px")
    for button in widget.findChildren(QAbstractButton):
        text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not button.isVisible() or not text.strip():
            continue
        icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
        need = button.fontMetrics().horizontalAdvance(text) + icon + 8
        if need > button.width() + 1 and text not in button.toolTip():
            problems.append(f"button {button.objectName() or text!r}: {need} > {button.width()} px")
    for line in widget.findChildren(QLineEdit):
        hint = line.placeholderText()
        if not line.isVisible() or line.text() or not hint:
            continue
        need = line.fontMetrics().horizontalAdvance(hint) + 12
        if need > line.width() and hint not in line.toolTip():
            problems.append(f"placeholder {line.objectName() or hint!r}: {need} > {line.width()}")
    for bar in widget.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            text = bar.tabText(index).replace("&", "")
            need = bar.fontMetrics().horizontalAdvance(text) + 8
            if need > bar.tabRect(index).width() and text not in bar.tabToolTip(index):
                problems.append(f"tab {text!r}: {need} > {bar.tabRect(index).width()} px")
    for scroll in widget.findChildren(QScrollArea):  # a panel wider than its dock
        if scroll.isVisible() and scroll.horizontalScrollBar().isVisible():
            name = scroll.widget().objectName() if scroll.widget() else ""
            problems.append(
                f"panel {name or scroll.objectName() or 'scroll area'} scrolls sideways"
            )
    for view in widget.findChildren(QAbstractItemView):
        header = view.findChild(QHeaderView)
        if header is None or not view.isVisible() or header.orientation().value != 1:
            continue
        model = header.model()
        if model is None:
            continue
        if view.horizontalScrollBar().isVisible():  # columns hidden to the right
            problems.append(f"view {view.objectName() or type(view).__name__} scrolls sideways")
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = str(model.headerData(section, header.orientation()) or "")
            need = header.fontMetrics().horizontalAdvance(text) + 10
            tip = str(model.headerData(section, header.orientation(), 3) or "")  # ToolTipRole
            if need > header.sectionSize(section) and text not in tip:
                name = view.objectName() or type(view).__name__
                problems.append(f"header {name}/{text!r}: {need} > {header.sectionSize(section)}")
    return problems


CHAPTERS = {
    "en": "Chapter 1. The Letter That Came Too Late\n\nThe rain had not stopped all evening. "
    "Mara switched off the last lamp.\n\nChapter 2. The Ferry\n\nThe ferry was late again.",
    "zh_CN": "第一章 雨夜的来信\n\n那天晚上，雨一直没有停。林晓把最后一盏灯关掉。\n\n"
    "第二章 渡船\n\n渡船又晚点了，村里似乎没有人在意。",
}


def make_book(home: Path, language: str) -> Path:
    """A two-chapter book made the way a user makes one from the command line."""
    manuscript = home / "manuscript.txt"
    manuscript.write_text(CHAPTERS[language], encoding="utf-8")
    target = home / "Book.scbook"
    command = [sys.executable, "-m", "soundclone_desktop.cli", "book", "import",
               str(manuscript), "-o", str(target)]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)
    return target


def main() -> int:
    language, theme = sys.argv[1], sys.argv[2]
    home = Path(tempfile.mkdtemp(prefix="soundclone-fit-"))
    os.environ["SOUNDCLONE_DATA_DIR"] = str(home / "data")
    os.environ["SOUNDCLONE_CONFIG_DIR"] = str(home / "config")
    import qasync  # type: ignore[import-untyped]

    from soundclone_desktop import app, i18n

    qapp = app.create_application()
    options = app.parse_args(["--demo", "--no-tour", "--lang", language, "--theme", theme])
    ctx = app.build_context(options, crash_log=False)
    i18n.install(language)
    app.start_theme(ctx, options)
    found: dict[str, list[str]] = {}

    async def run() -> None:
        window = await app.open_window(ctx, options)
        window.resize(*SIZE)
        window.editor.set_text("Hello there. <#0.5#> A second sentence follows.")
        await asyncio.sleep(1.0)
        found["main window"] = cut_off(window)
        browser = window.voices.open_browser()
        await asyncio.sleep(0.3)
        found["voice browser"] = cut_off(browser)
        browser.close()
        book = make_book(home, language)
        opened = await window.book.open_path(book)
        assert opened, "the book did not open"
        await asyncio.sleep(1.0)
        found["book view"] = cut_off(window)
        if os.environ.get("FIT_PROBE_SHOT"):
            window.grab().save(os.environ["FIT_PROBE_SHOT"])
        window.close_now()
        await ctx.session.aclose()

    qapp.setQuitOnLastWindowClosed(False)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(qapp)) as runner:
        runner.run(run())
    print(json.dumps(found, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
