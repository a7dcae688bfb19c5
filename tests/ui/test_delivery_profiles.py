"""The delivery dialog's profiles: each shows its own rules in plain words, the custom one
its numbers, and every rule of every profile has a translatable sentence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.book.model import Book
from soundclone_desktop.core.delivery.profiles import PROFILES
from soundclone_desktop.store.book import BookStore
from soundclone_desktop.ui.delivery import DeliveryNeeds, attach_delivery, texts
from soundclone_desktop.ui.delivery.form import DeliveryForm
from tests.ui.delivery_book import rendered_book


def form(qtbot: QtBot, tmp_path: Path) -> DeliveryForm:
    book = Book(title="Harbour Tales", author="A. Writer", narrator="Demo Voice")
    widget = DeliveryForm(book, tmp_path / "Harbour.scbook", tmp_path / "out")
    qtbot.addWidget(widget)
    return widget


def test_a_profile_change_shows_its_rules(qtbot: QtBot, tmp_path: Path) -> None:
    widget = form(qtbot, tmp_path)
    widget.set_profile("acx")
    acx = widget.rules_label.text()
    assert "The bit rate is 192 kbps or higher." in acx
    assert "Each file ends with 1 to 5 seconds of room tone." in acx
    assert "Opening and closing credits are files of their own." in acx
    assert widget.custom_group.isHidden()

    widget.set_profile("podcast")
    podcast = widget.rules_label.text()
    assert "Integrated loudness is -16 LUFS (±1)." in podcast
    assert "192 kbps" not in podcast and podcast != acx

    widget.set_profile("google")
    assert "Files start with silence (preferred). (recommended)" in widget.rules_label.text()

    widget.set_profile("custom")
    assert not widget.custom_group.isHidden()
    widget.target.setValue(-18.0)
    widget.ceiling.setValue(-2.0)
    custom = widget.rules_label.text()
    assert "Integrated loudness is -18 LUFS (±1)." in custom
    assert "True peaks are no higher than -2 dBTP." in custom
    assert widget.request().profile.master.lufs == -18.0


def test_the_m4b_details_are_prefilled_from_the_book(qtbot: QtBot, tmp_path: Path) -> None:
    widget = form(qtbot, tmp_path)
    assert not widget.details_group.isEnabled()  # until an M4B is asked for
    widget.set_profile("apple")  # the M4B's own profile ticks it
    assert widget.m4b.isChecked() and widget.details_group.isEnabled()
    details = widget.request().details
    assert (details.title, details.author, details.narrator) == (
        "Harbour Tales", "A. Writer", "Demo Voice",
    )  # fmt: skip
    assert widget.credits.edits["opening"].toPlainText() == (
        "This is Harbour Tales, written by A. Writer, narrated by Demo Voice."
    )


def test_every_rule_and_note_of_every_profile_has_a_translatable_sentence() -> None:
    sentences = {r.words for p in PROFILES.values() for r in (*p.rules, *p.book_rules)}
    sentences |= {note for p in PROFILES.values() for note in p.notes}
    assert [s for s in sentences if not texts.translatable(s)] == []
    assert all(texts.profile_name(p) for p in PROFILES.values())
    assert set(texts._SUMMARIES) == set(PROFILES)


class _Book(QObject):
    book_opened = Signal(str)
    book_closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.store: BookStore | None = None
        self.refreshed = 0

    def refresh(self) -> None:
        self.refreshed += 1


class _Menus:
    def __init__(self) -> None:
        self.file_menu = QMenu()


def test_the_file_action_is_enabled_only_with_a_book_open(qtbot: QtBot, tmp_path: Path) -> None:
    parent, menus, book = QWidget(), _Menus(), _Book()
    qtbot.addWidget(parent)
    feature = attach_delivery(DeliveryNeeds.of_book(parent, menus, book))  # type: ignore[arg-type]
    assert feature.action in menus.file_menu.actions()
    assert not feature.action.isEnabled()
    assert feature.open_dialog() is None

    with BookStore.open(rendered_book(tmp_path)) as store:
        book.store = store
        book.book_opened.emit(str(store.folder))
        assert feature.action.isEnabled()
        feature.action.trigger()
        assert feature.dialog is not None and feature.dialog.isVisible()
        form = feature.dialog.form
        assert form.folder_edit.text() == str(tmp_path / "Harbour delivery")
        # The book has no credits chapters: written here, added to the book for rendering.
        assert form.credits.add_button.isEnabled()
        form.credits.edits["closing"].setPlainText("The end of Harbour Tales.")
        form.credits.add_button.click()
        titles = [c.title for c in store.book.chapters]
        assert titles == ["Opening credits", "The Harbour", "The Lighthouse", "Closing credits"]
        assert store.book.chapters[-1].text == "The end of Harbour Tales."
        assert book.refreshed == 1 and not form.credits.add_button.isEnabled()
        feature.dialog.reject()
        book.store = None
        book.book_closed.emit()
        assert not feature.action.isEnabled()
