"""Opening scripts: encodings, errors, drag and drop, plain-text paste."""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QTextBlock
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soundclone_desktop.ui.editor.editor import ScriptEditor
from soundclone_desktop.ui.editor.panel import ScriptEditorPanel
from soundclone_desktop.ui.editor.script_file import decode_script

pytestmark = pytest.mark.gui

SAMPLE = "第一章 雨夜的来信\n那天晚上，雨一直没有停。<#0.8#>林晓 turned off the lamp 😀.\n"


@pytest.fixture
def editor(qtbot: QtBot) -> ScriptEditor:
    widget = ScriptEditor()
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", SAMPLE.encode("utf-8")),
        ("bom.txt", codecs.BOM_UTF8 + SAMPLE.encode("utf-8")),
        ("crlf.md", SAMPLE.replace("\n", "\r\n").encode("utf-8")),
        ("notepad-unicode.txt", SAMPLE.encode("utf-16")),  # UTF-16 with BOM
        ("ansi-zh.txt", SAMPLE.encode("gb18030")),
    ],
)
def test_load_file_encodings(editor: ScriptEditor, tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert editor.load_file(path) is True
    assert editor.text() == SAMPLE
    assert editor.report().pauses[0].seconds == 0.8


def test_gbk_file_is_not_mistaken_for_utf8() -> None:
    data = "中文剧本".encode("gbk")
    assert decode_script(data) == "中文剧本"


def test_load_is_one_undo_step(editor: ScriptEditor, tmp_path: Path) -> None:
    editor.set_text("my draft")
    path = tmp_path / "script.txt"
    path.write_text("loaded text", encoding="utf-8")
    assert editor.load_file(str(path))
    assert editor.text() == "loaded text"
    editor.undo()
    assert editor.text() == "my draft"


@pytest.mark.parametrize(
    ("setup", "fragment"),
    [
        (lambda p: None, "could not be found"),
        (lambda p: p.write_bytes(b"\x00\x01\x02binary"), "not readable text"),
        (lambda p: p.write_bytes(b"\x80\x80 neither UTF-8 nor GB18030 \xff"), "not readable text"),
        (lambda p: p.write_bytes(b"x" * (600 * 1024)), "too large"),
    ],
)
def test_load_errors_are_sentences(
    editor: ScriptEditor,
    tmp_path: Path,
    qtbot: QtBot,
    setup: Callable[[Path], object],
    fragment: str,
) -> None:
    editor.set_text("keep me")
    path = tmp_path / "script.txt"
    setup(path)
    with qtbot.waitSignal(editor.load_failed) as blocker:
        assert editor.load_file(path) is False
    message = blocker.args[0]
    assert fragment in message and "script.txt" in message
    assert message.endswith(".")
    assert editor.text() == "keep me"


def test_wrong_extension_is_refused(editor: ScriptEditor, tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "song.mp3"
    path.write_bytes(b"ID3")
    with qtbot.waitSignal(editor.load_failed) as blocker:
        assert not editor.load_file(path)
    assert ".txt or .md" in blocker.args[0]


def test_panel_shows_load_error_inline_and_hides_it(qtbot: QtBot, tmp_path: Path) -> None:
    panel = ScriptEditorPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.load_file(tmp_path / "missing.txt")
    assert panel.message.isVisible()
    assert "could not be found" in panel.message.text()
    good = tmp_path / "ok.txt"
    good.write_text("fine", encoding="utf-8")
    assert panel.load_file(good)
    assert not panel.message.isVisible()


def drop(editor: ScriptEditor, mime: QMimeData) -> QDropEvent:
    """Enter, move, drop: Qt only delivers a drop to the widget that accepted the enter."""
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    viewport = editor.viewport()
    QApplication.sendEvent(viewport, QDragEnterEvent(QPoint(10, 10), *args))
    QApplication.sendEvent(viewport, QDragMoveEvent(QPoint(10, 10), *args))
    event = QDropEvent(QPointF(10, 10), *args)
    QApplication.sendEvent(viewport, event)
    return event


def test_dropping_a_file_loads_it(editor: ScriptEditor, tmp_path: Path, qtbot: QtBot) -> None:
    editor.show()
    editor.set_text("old")
    path = tmp_path / "dropped.md"
    path.write_text("从文件来的 <#1#> text", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    mime.setText(str(path))  # file managers also offer the path as text
    with qtbot.waitSignal(editor.file_loaded):
        drop(editor, mime)
    assert editor.text() == "从文件来的 <#1#> text"


def test_dropping_text_inserts_text(editor: ScriptEditor) -> None:
    editor.show()
    editor.set_text("")
    mime = QMimeData()
    mime.setText("dropped words")
    drop(editor, mime)
    assert editor.text() == "dropped words"


def test_other_files_are_not_accepted(editor: ScriptEditor, tmp_path: Path) -> None:
    path = tmp_path / "voice.mp3"
    path.write_bytes(b"ID3")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    mime.setText(str(path))
    assert not editor.canInsertFromMimeData(mime)
    editor.set_text("unchanged")
    editor.insertFromMimeData(mime)
    assert editor.text() == "unchanged"


def test_paste_rich_text_becomes_plain(editor: ScriptEditor) -> None:
    editor.set_text("")
    mime = QMimeData()
    mime.setHtml("<p><b>Bold</b> and <i>italic</i></p>")
    mime.setText("Bold and italic")
    clipboard = QApplication.clipboard()
    clipboard.setMimeData(mime)
    try:
        editor.paste()
    finally:
        # The clipboard owns the mime data; left there it is freed during interpreter
        # shutdown after the QApplication, which crashed the test process (SIGSEGV).
        clipboard.clear()
    assert editor.text() == "Bold and italic"
    block = editor.document().firstBlock()
    fragment_formats = {
        (it.fragment().charFormat().fontWeight(), it.fragment().charFormat().fontItalic())
        for it in _fragments(block)
    }
    assert fragment_formats == {(400, False)}


def test_paste_html_only_is_converted(editor: ScriptEditor) -> None:
    editor.set_text("")
    mime = QMimeData()
    mime.setHtml("<table><tr><td>第一</td></tr></table><p>Line <b>two</b></p>")
    editor.insertFromMimeData(mime)
    assert "第一" in editor.text() and "Line two" in editor.text()


def test_paste_normalises_line_endings(editor: ScriptEditor) -> None:
    mime = QMimeData()
    mime.setText("one\r\ntwo\rthree")
    editor.insertFromMimeData(mime)
    assert editor.text() == "one\ntwo\nthree"


def _fragments(block: QTextBlock) -> Iterator[QTextBlock.iterator]:
    it = block.begin()
    while not it.atEnd():
        yield it
        it += 1
