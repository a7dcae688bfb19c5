"""The Deliver Audiobook dialog says the service's failures in the user's language: the
service gives each failure a kind, the dialog translates it (the CLI keeps the English)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soundclone_desktop import i18n
from soundclone_desktop.store.book import BookStore
from soundclone_desktop.ui.delivery.dialog import DeliveryDialog
from tests.ui.delivery_book import rendered_book

RUN_TIMEOUT_MS = 120_000

# This branch's new sentences (the lead merges them into the .qm; until then, this catalogue
# stands in for them, above the real one).
NEW_ROWS = {
    "The cover %1 is not a JPEG or PNG image.": "封面 %1 不是 JPEG 或 PNG 图片。",
    "%1 cannot be written: a file is in the way where a folder should be.": (
        "无法写入 %1：应为文件夹的位置上有一个文件。"
    ),
}


class _Catalogue(QTranslator):
    def __init__(self, rows: dict[str, str]) -> None:
        super().__init__()
        self.rows = rows

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.rows.get(source) if context == "Delivery" else None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    i18n.install(i18n.CHINESE)
    catalogue = _Catalogue(NEW_ROWS)
    QApplication.installTranslator(catalogue)
    yield
    QApplication.removeTranslator(catalogue)
    i18n.uninstall()


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> Iterator[DeliveryDialog]:
    book = rendered_book(tmp_path)
    with BookStore.open(book) as store:
        value = store.book
    widget = DeliveryDialog(
        None, book=value, book_folder=book, out=tmp_path / "out", open_url=lambda _url: None
    )
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    if widget.is_running():
        widget.reject()
        qtbot.waitUntil(lambda: not widget.is_running(), timeout=RUN_TIMEOUT_MS)


def deliver(qtbot: QtBot, dialog: DeliveryDialog) -> str:
    qtbot.mouseClick(dialog.deliver_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=RUN_TIMEOUT_MS)
    return dialog.step_label.text()


def a_cover_that_is_text(tmp_path: Path) -> Path:
    cover = tmp_path / "封面.jpg"
    cover.write_text("not a picture", encoding="utf-8")
    return cover


def test_a_failure_is_said_in_chinese(
    qtbot: QtBot, chinese: None, dialog: DeliveryDialog, tmp_path: Path
) -> None:
    dialog.form.cover_edit.setText(str(a_cover_that_is_text(tmp_path)))
    assert deliver(qtbot, dialog) == "封面 封面.jpg 不是 JPEG 或 PNG 图片。"

    blocker = tmp_path / "a file"
    blocker.write_text("in the way", encoding="utf-8")
    dialog.form.cover_edit.clear()
    dialog.form.folder_edit.setText(str(blocker / "out"))
    assert deliver(qtbot, dialog) == f"无法写入 {blocker / 'out'}：应为文件夹的位置上有一个文件。"


def test_in_english_the_dialog_says_the_same_sentence(
    qtbot: QtBot, dialog: DeliveryDialog, tmp_path: Path
) -> None:
    dialog.form.cover_edit.setText(str(a_cover_that_is_text(tmp_path)))
    assert deliver(qtbot, dialog) == "The cover 封面.jpg is not a JPEG or PNG image."


def test_the_service_names_the_kind_and_keeps_its_english_sentence(tmp_path: Path) -> None:
    from soundclone_desktop.core.delivery.profiles import profile
    from soundclone_desktop.services.delivery.book import (
        DeliveryError,
        DeliveryProblem,
        master_book,
    )

    book = rendered_book(tmp_path)
    blocker = tmp_path / "a file"
    blocker.write_text("in the way", encoding="utf-8")
    with BookStore.open(book) as store, pytest.raises(DeliveryError) as failed:
        master_book(store, blocker / "out", profile("acx"))
    assert failed.value.problem is DeliveryProblem.CANNOT_WRITE
    assert str(failed.value).startswith(f"Could not create {blocker / 'out'}: ")
