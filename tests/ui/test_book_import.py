"""The import review dialog, driven like a user: real files, real clicks and keys."""

from __future__ import annotations

import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QLocale, QModelIndex, QPoint, Qt, QTimer, QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QMenu, QStyle
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.book.cleanup import CleanupRule, revert_changes
from soundclone_desktop.core.book.manuscript import Manuscript
from soundclone_desktop.core.pricing import PriceTable
from soundclone_desktop.ui.book_import import BookImportNeeds, attach_book_import
from soundclone_desktop.ui.book_import.chapter_model import INCLUDED, TITLE
from soundclone_desktop.ui.book_import.cleanup_model import CHANGE, CHAPTER, CONTEXT
from soundclone_desktop.ui.book_import.dialog import ImportReviewDialog
from tests.manuscripts.conftest import Doc, Toc, paragraphs, write_epub

PRICES = PriceTable(production_per_10k=Decimal("3.5"), voice_fee=Decimal("0.1"))

CONTENTS = "目录\n序章 夜雨\n第一章 重逢\n第二章 离别\n第三章 归途\n\n"
ZH_NOVEL = (
    "长夜将明\n作者：某某\n\n"
    + CONTENTS
    + "序章 夜雨\n　　那一夜，雨下得很大。\n"
    + "第一章 重逢\n　　十年后，他们又见面了[1]。\u200b她笑了。\n"
    + "第二章 离别\n　　“再见。”她说。\n"
    + "第三章 归途\n　　他走上了回家的路。\n"
)
TITLES = ["长夜将明", "目录", "序章 夜雨", "第一章 重逢", "第二章 离别", "第三章 归途"]


@pytest.fixture
def novel(tmp_path: Path) -> Path:
    path = tmp_path / "长夜将明.txt"
    path.write_text(ZH_NOVEL, encoding="utf-8")
    return path


@pytest.fixture
def dialog(aloop, qtbot: QtBot) -> Iterator[ImportReviewDialog]:  # type: ignore[no-untyped-def]
    widget = ImportReviewDialog(lambda: PRICES)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.reject()


def load(qtbot: QtBot, dialog: ImportReviewDialog, path: Path) -> None:
    dialog.load(path)
    settle(qtbot, dialog)


def settle(qtbot: QtBot, dialog: ImportReviewDialog) -> None:
    """Until the read and the summary of the current state are done."""
    qtbot.waitUntil(lambda: not dialog.is_loading(), timeout=20_000)
    if dialog.session.loaded:
        qtbot.waitUntil(
            lambda: dialog.derived is not None and _summary_is_current(dialog), timeout=20_000
        )


def _summary_is_current(dialog: ImportReviewDialog) -> bool:
    derived = dialog.derived
    assert derived is not None
    state = dialog.session.state
    return derived.included == len(state.manuscript.included) and derived.chapters == len(
        state.manuscript.chapters
    )


def titles(dialog: ImportReviewDialog) -> list[str]:
    model = dialog.chapter_model
    return [model.index(row, TITLE).data() for row in range(model.rowCount())]


def included_column(dialog: ImportReviewDialog, row: int) -> tuple[str, Qt.CheckState]:
    index = dialog.chapter_model.index(row, INCLUDED)
    return index.data(), Qt.CheckState(index.data(Qt.ItemDataRole.CheckStateRole))


def select(qtbot: QtBot, dialog: ImportReviewDialog, row: int) -> None:
    view = dialog.chapter_view
    rect = view.visualRect(dialog.chapter_model.index(row, TITLE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex().row() == row


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


# -- loading ------------------------------------------------------------------------------------


def test_chinese_novel_lists_chapters_with_the_contents_excluded(
    qtbot: QtBot, dialog: ImportReviewDialog, novel: Path
) -> None:
    load(qtbot, dialog, novel)
    assert titles(dialog) == TITLES
    assert included_column(dialog, 1) == ("Excluded", Qt.CheckState.Unchecked)
    assert included_column(dialog, 2) == ("Included", Qt.CheckState.Checked)
    # The first chapter that is read aloud is shown; its text is the file's, heading included.
    assert dialog.chapter_view.currentIndex().row() == 0
    select(qtbot, dialog, 2)
    assert dialog.preview.toPlainText() == "序章 夜雨\n　　那一夜，雨下得很大。\n"
    summary = dialog.summary_label.text()
    assert summary.startswith("5 of 6 chapters in the book")
    assert "segments" in summary and "estimated cost" in summary
    assert dialog.create_button.isEnabled()
    assert dialog.result_manuscript() is None  # nothing until "Create book"


def test_docx_and_epub_chapters_are_listed(
    qtbot: QtBot, dialog: ImportReviewDialog, tmp_path: Path
) -> None:
    document = docx.Document()
    document.add_paragraph("Copyright © 2024 A. Writer. All rights reserved. ISBN 978-0-00")
    document.add_heading("Chapter 1", level=1)
    document.add_paragraph("It was late.")
    document.add_heading("Chapter 2", level=1)
    document.add_paragraph("It was early.")
    document.save(str(tmp_path / "book.docx"))
    load(qtbot, dialog, tmp_path / "book.docx")
    assert titles(dialog)[-2:] == ["Chapter 1", "Chapter 2"]
    assert included_column(dialog, 0)[0] == "Excluded"  # the copyright page

    epub = write_epub(
        tmp_path / "book.epub",
        [
            Doc("c1.xhtml", "<h1>One</h1>" + paragraphs("First words.")),
            Doc("c2.xhtml", "<h1>Two</h1>" + paragraphs("Second words.")),
        ],
        [Toc("c1.xhtml", "One"), Toc("c2.xhtml", "Two")],
    )
    load(qtbot, dialog, epub)
    assert titles(dialog) == ["One", "Two"]
    assert "“book.epub”" in dialog.file_label.text()


def test_a_corrupt_zip_is_one_clear_sentence_and_the_dialog_stays_usable(
    qtbot: QtBot, dialog: ImportReviewDialog, tmp_path: Path, novel: Path
) -> None:
    broken = tmp_path / "broken.epub"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    load(qtbot, dialog, broken)
    sentence = dialog.messages.text()
    assert "“broken.epub”" in sentence and "damaged" in sentence
    assert not dialog.session.loaded
    assert not dialog.create_button.isEnabled()
    click(qtbot, dialog.create_button)
    assert dialog.result_manuscript() is None and dialog.result() == 0
    # Another file can be chosen from the same dialog.
    assert dialog.choose_button.isEnabled()
    load(qtbot, dialog, novel)
    assert dialog.messages.text() == ""
    assert titles(dialog) == TITLES


def test_cancel_abandons_the_read(qtbot: QtBot, dialog: ImportReviewDialog, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(big_novel(1_000_000), encoding="utf-8")
    dialog.load(path)
    assert dialog.busy.isVisible() and not dialog.choose_button.isEnabled()
    click(qtbot, dialog.cancel_load_button)
    assert not dialog.is_loading() and not dialog.busy.isVisible()
    qtbot.wait(1500)  # the worker's result, if it comes, is not used
    assert not dialog.session.loaded


# -- review operations ----------------------------------------------------------------------------


def test_rename_merge_split_exclude_reorder_and_undo(
    qtbot: QtBot, dialog: ImportReviewDialog, novel: Path
) -> None:
    load(qtbot, dialog, novel)
    states = [dialog.session.state]

    # Rename inline: F2, type, Enter. The text keeps its heading: only the label changes.
    select(qtbot, dialog, 2)
    qtbot.keyClick(dialog.chapter_view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.insert("楔子")  # as an input method commits it (QTest types Latin keys only)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: titles(dialog)[2] == "楔子")  # Qt commits the edit queued
    assert dialog.isVisible()  # Enter finished the rename; it did not create the book
    assert dialog.preview.toPlainText().startswith("序章 夜雨\n")
    states.append(dialog.session.state)

    # Merge with next.
    select(qtbot, dialog, 3)
    click(qtbot, dialog.merge_button)
    assert titles(dialog) == ["长夜将明", "目录", "楔子", "第一章 重逢", "第三章 归途"]
    assert dialog.chapter_view.currentIndex().row() == 3
    assert "“再见。”她说。" in dialog.preview.toPlainText()
    states.append(dialog.session.state)

    # Split at the cursor: the second line of the merged chapter starts a new one.
    dialog.preview.setFocus()
    qtbot.keyClick(dialog.preview, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(2):
        qtbot.keyClick(dialog.preview, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.preview, Qt.Key.Key_Home)
    assert dialog.split_button.isEnabled()
    click(qtbot, dialog.split_button)
    assert titles(dialog)[3:5] == ["第一章 重逢", "第二章 离别"]
    assert dialog.chapter_view.currentIndex().row() == 4  # the new chapter, to be named
    states.append(dialog.session.state)

    # Exclude the title page, then include the contents page again.
    select(qtbot, dialog, 0)
    click(qtbot, dialog.exclude_button)
    assert included_column(dialog, 0) == ("Excluded", Qt.CheckState.Unchecked)
    assert dialog.exclude_button.text() == "Include"
    states.append(dialog.session.state)
    select(qtbot, dialog, 1)
    click(qtbot, dialog.exclude_button)
    assert included_column(dialog, 1) == ("Included", Qt.CheckState.Checked)
    states.append(dialog.session.state)

    # Reorder: move the last chapter up twice, then down once.
    select(qtbot, dialog, 5)
    click(qtbot, dialog.up_button)
    click(qtbot, dialog.up_button)
    assert titles(dialog)[3:] == ["第三章 归途", "第一章 重逢", "第二章 离别"]
    assert dialog.chapter_view.currentIndex().row() == 3
    click(qtbot, dialog.down_button)
    assert titles(dialog)[3:] == ["第一章 重逢", "第三章 归途", "第二章 离别"]
    states.append(dialog.session.state)

    # Every character is still there, in chapter order.
    joined = dialog.session.state.manuscript.text
    assert sorted(joined) == sorted(ZH_NOVEL)

    # Ctrl+Z walks back through every step to the detected chapters.
    dialog.chapter_view.setFocus()
    undo = QKeySequence(QKeySequence.StandardKey.Undo)[0]
    qtbot.keyClick(dialog.chapter_view, undo.key(), undo.keyboardModifiers())
    qtbot.keyClick(dialog.chapter_view, undo.key(), undo.keyboardModifiers())
    qtbot.keyClick(dialog.chapter_view, undo.key(), undo.keyboardModifiers())
    assert dialog.session.state == states[-2]
    while dialog.undo_button.isEnabled():
        click(qtbot, dialog.undo_button)
    assert dialog.session.state == states[0]
    assert titles(dialog) == TITLES


def test_the_inclusion_checkbox_and_dragging_a_row(
    qtbot: QtBot, dialog: ImportReviewDialog, novel: Path
) -> None:
    load(qtbot, dialog, novel)
    view, model = dialog.chapter_view, dialog.chapter_model
    rect = view.visualRect(model.index(1, INCLUDED))
    indicator = view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    box = QPoint(rect.left() + 4 + indicator // 2, rect.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert included_column(dialog, 1) == ("Included", Qt.CheckState.Checked)
    assert view.currentIndex().row() == 1
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert included_column(dialog, 1) == ("Excluded", Qt.CheckState.Unchecked)

    # A drag of the last chapter dropped between the first two (what the view asks the
    # model for on a drop); the view must not also remove a row afterwards.
    data = model.mimeData([model.index(5, TITLE)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex()) is False
    assert titles(dialog)[:3] == ["长夜将明", "第三章 归途", "目录"]
    assert len(titles(dialog)) == 6
    assert view.currentIndex().row() == 1


# -- clean-up, findings, heading pattern ----------------------------------------------------


def _change_row(dialog: ImportReviewDialog, rule: CleanupRule) -> tuple[QModelIndex, QModelIndex]:
    model = dialog.cleanup_model
    for row in range(model.rowCount()):
        parent = model.index(row, CHANGE)
        if model._rules[row] is rule:  # which row holds the rule
            return parent, model.index(0, CHANGE, parent)
    raise AssertionError(f"no {rule} changes")


def test_clean_up_is_shown_live_and_reversible(
    qtbot: QtBot, dialog: ImportReviewDialog, novel: Path
) -> None:
    load(qtbot, dialog, novel)
    dialog.tabs.setCurrentIndex(1)
    view = dialog.cleanup_view
    rule_row, change_row = _change_row(dialog, CleanupRule.FOOTNOTE_MARKER)
    assert change_row.data() == "[1]  →  (nothing)"
    assert change_row.sibling(change_row.row(), CHAPTER).data() == "第一章 重逢"
    assert "他们又见面了 ⟦[1]⟧ 。" in change_row.sibling(change_row.row(), CONTEXT).data()
    # Clicking the change shows it in its chapter; it is accepted, so the marker is gone.
    view.expand(rule_row)
    rect = view.visualRect(change_row)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.chapter_view.currentIndex().row() == 3
    assert "见面了。" in dialog.preview.toPlainText()

    qtbot.keyClick(view, Qt.Key.Key_Space)  # untick: the original comes back
    assert "见面了[1]。" in dialog.preview.toPlainText()
    assert Qt.CheckState(rule_row.data(Qt.ItemDataRole.CheckStateRole)) == Qt.CheckState.Unchecked
    assert dialog.chapter_model.index(3, 2).data() == str(
        len("第一章 重逢\n　　十年后，他们又见面了[1]。\u200b她笑了。\n")
    )

    view.setCurrentIndex(rule_row)  # "accept all of this rule"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert "见面了。" in dialog.preview.toPlainText()

    qtbot.keyClick(view, Qt.Key.Key_Space)  # and none of it again, then undo that
    assert "见面了[1]。" in dialog.preview.toPlainText()
    undo = QKeySequence(QKeySequence.StandardKey.Undo)[0]
    qtbot.keyClick(view, undo.key(), undo.keyboardModifiers())
    assert "见面了。" in dialog.preview.toPlainText()

    click(qtbot, dialog.create_button)
    manuscript = dialog.result_manuscript()
    assert manuscript is not None
    changes = dialog.result_changes()
    assert [len(c) for c in changes] == [0, 0, 0, 1, 0, 0]
    assert "[1]" not in manuscript.chapters[3].text
    assert "\u200b" in manuscript.chapters[3].text  # reported, never stripped
    originals = [
        revert_changes(c.text, ch) for c, ch in zip(manuscript.chapters, changes, strict=True)
    ]
    assert "".join(originals) == ZH_NOVEL


def test_findings_are_listed_and_clicking_selects_the_character(
    qtbot: QtBot, dialog: ImportReviewDialog, novel: Path
) -> None:
    load(qtbot, dialog, novel)
    assert dialog.tabs.tabText(2) == "Findings (1)"
    dialog.tabs.setCurrentIndex(2)
    index = dialog.findings_model.index(0)
    assert index.data() == (
        "第一章 重逢, character 21: U+200B ZERO WIDTH SPACE (invisible formatting mark)"
    )
    view = dialog.findings_view
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert dialog.chapter_view.currentIndex().row() == 3
    assert dialog.preview.textCursor().selectedText() == "\u200b"


def test_heading_pattern_is_checked_and_detect_again_is_undoable(
    qtbot: QtBot, dialog: ImportReviewDialog, tmp_path: Path
) -> None:
    path = tmp_path / "b.txt"
    path.write_text("Intro\n* One\nText.\n* Two\nMore.\n", encoding="utf-8")
    load(qtbot, dialog, path)
    assert titles(dialog) == ["Intro"]
    qtbot.keyClicks(dialog.pattern_edit, "(")
    assert dialog.pattern_problem.isVisible()
    assert "not a valid regular expression" in dialog.pattern_problem.text()
    assert not dialog.detect_button.isEnabled()
    dialog.pattern_edit.clear()
    qtbot.keyClicks(dialog.pattern_edit, r"\* ")
    assert not dialog.pattern_problem.isVisible()
    click(qtbot, dialog.detect_button)
    settle(qtbot, dialog)
    assert titles(dialog) == ["Intro", "* One", "* Two"]
    click(qtbot, dialog.undo_button)
    assert titles(dialog) == ["Intro"]


def test_prices_unknown_is_said_not_zero(qtbot: QtBot, aloop, novel: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportReviewDialog(PriceTable)
    qtbot.addWidget(dialog)
    dialog.show()
    load(qtbot, dialog, novel)
    summary = dialog.summary_label.text()
    assert "prices unknown" in summary and "estimated cost" not in summary
    dialog.reject()


def test_changing_the_segment_size_changes_the_estimate(
    qtbot: QtBot, dialog: ImportReviewDialog, tmp_path: Path
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(big_novel(200_000), encoding="utf-8")
    load(qtbot, dialog, path)
    assert dialog.derived is not None
    before = dialog.derived.tradeoff
    dialog.target_spin.setValue(9000)
    qtbot.waitUntil(
        lambda: dialog.derived is not None and dialog.derived.tradeoff.target_chars == 9000
    )
    after = dialog.derived.tradeoff
    assert after.tasks < before.tasks
    assert after.cost is not None and before.cost is not None and after.cost < before.cost


# -- responsiveness -----------------------------------------------------------------------------


def big_novel(chars: int) -> str:
    paragraph = "　　" + "他走过长长的街道，雨还在下，灯光在水面上摇晃。" * 8 + "\n"
    chapters = []
    number = 1
    total = 0
    while total < chars:
        body = f"第{number}章 第{number}夜\n" + paragraph * 40
        chapters.append(body)
        total += len(body)
        number += 1
    return "".join(chapters)


def test_the_gui_thread_never_stalls_while_a_million_characters_load(
    qtbot: QtBot,
    dialog: ImportReviewDialog,
    tmp_path: Path,
    record_property,  # type: ignore[no-untyped-def]
) -> None:
    """A 5 ms timer keeps ticking while the file is read, its clean-up proposed, the list
    shown and the book segmented for the estimate. The best of three loads counts: the
    machine is shared, and another process can hold the CPU for a while (a stall that is
    the dialog's own shows in every run)."""
    path = tmp_path / "million.txt"
    path.write_text(big_novel(1_000_000), encoding="utf-8")
    runs = [_longest_stall_ms(qtbot, dialog, path) for _ in range(3)]
    record_property("longest_stall_ms", runs)
    print(f"\n1,000,000 characters, longest GUI stall per load: {runs} ms")
    assert len(dialog.session.state.manuscript.chapters) > 80
    assert min(runs) < 100


def _longest_stall_ms(qtbot: QtBot, dialog: ImportReviewDialog, path: Path) -> float:
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(tick)
    dialog.derived = None
    probe.start()
    dialog.load(path)
    settle(qtbot, dialog)
    probe.stop()
    return round(max(gaps) * 1000, 1)


# -- the File menu ---------------------------------------------------------------------------


class _Menus:
    def __init__(self, window: QMainWindow) -> None:
        self.file_menu = QMenu("File", window)
        self.voices_menu = QMenu("Voices", window)
        self.open_action = self.file_menu.addAction("Open script…")
        self.file_menu.addAction("Quit")


def test_file_menu_import_hands_the_reviewed_book_on(
    qtbot: QtBot, aloop, novel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    menus = _Menus(window)
    received: list[tuple[Manuscript, object, Path]] = []
    feature = attach_book_import(
        BookImportNeeds(
            parent=window,
            menus=menus,  # type: ignore[arg-type]
            prices=lambda: PRICES,
            on_manuscript=lambda m, c, p: received.append((m, c, p)),
        )
    )
    names = [a.text() for a in menus.file_menu.actions()]
    assert names == ["Open script…", "Import manuscript…", "Quit"]
    assert feature.action.objectName() == "importManuscriptAction"
    monkeypatch.setattr(
        "soundclone_desktop.ui.book_import.attach.QFileDialog.getOpenFileName",
        lambda *args: (str(novel), ""),
    )
    feature.action.trigger()
    dialog = feature.dialog
    assert dialog is not None and dialog.objectName() == "bookImportDialog"
    settle(qtbot, dialog)
    assert received == []  # nothing is created before "Create book"
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: bool(received))
    manuscript, changes, source = received[0]
    assert source == novel
    assert [c.title for c in manuscript.chapters] == TITLES
    assert len(changes) == len(manuscript.chapters)  # type: ignore[arg-type]
    assert feature.dialog is None


def test_cancel_hands_nothing_on(qtbot: QtBot, aloop, novel: Path) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    received: list[object] = []
    feature = attach_book_import(
        BookImportNeeds(window, _Menus(window), lambda: PRICES, lambda *a: received.append(a))  # type: ignore[arg-type]
    )
    dialog = feature.open(novel)
    settle(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: feature.dialog is None)
    assert received == [] and dialog.result_manuscript() is None


class _Catalogue(QTranslator):
    """A catalogue holding only what a test gives it (the .qm is merged by the lead)."""

    def __init__(self, rows: dict[str, str]) -> None:
        super().__init__()
        self.rows = rows

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.rows.get(source) if context == "BookImport" else None

    def isEmpty(self) -> bool:
        return False


def test_errors_are_said_in_the_users_language(
    qtbot: QtBot, dialog: ImportReviewDialog, tmp_path: Path
) -> None:
    broken = tmp_path / "坏.epub"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    catalogue = _Catalogue(
        {"“%1” is damaged. Download or export it again, and import it again.": "“%1”已损坏。"}
    )
    QApplication.installTranslator(catalogue)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        load(qtbot, dialog, broken)
        assert dialog.messages.text() == "“坏.epub”已损坏。"
    finally:
        QApplication.removeTranslator(catalogue)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    load(qtbot, dialog, broken)  # in English the reader's own, fuller sentence
    assert "is a damaged ZIP archive" in dialog.messages.text()
