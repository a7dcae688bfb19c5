"""Pronunciation rules in the book file: stored in table order, numbered, and a book of
schema 1 (before rules) migrates to schema 2 keeping everything."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from soundclone_desktop.core.book.model import Book, Chapter
from soundclone_desktop.core.book.pronunciation import Rule, RuleError
from soundclone_desktop.store.book import schema
from soundclone_desktop.store.book.store import BookStore


def new_store(tmp_path: Path) -> BookStore:
    book = Book("书", chapters=(Chapter("c1", "一", "银行行长说。"), Chapter("c2", "二", "LV")))
    return BookStore.create(tmp_path / "B.scbook", book)


def test_rules_are_added_listed_switched_moved_removed_and_survive_reopening(
    tmp_path: Path,
) -> None:
    with new_store(tmp_path) as store:
        first = store.add_rule("行长", "航长")
        second = store.add_rule(r"\bLV\b", "Level", regex=True, chapter_id="c2")
        assert (first.id, second.id) == (1, 2)
        store.set_rule_enabled(1, False)
        store.move_rule(2, 0)
        store.update_rule(2, replace="level")
        third = store.add_rule("x", "y")
        store.remove_rule(third.id)
        expected = (
            Rule(2, r"\bLV\b", "level", True, "c2", True),
            Rule(1, "行长", "航长", False, None, False),
        )
        assert store.rules() == expected
    with BookStore.open(tmp_path / "B.scbook") as store:
        assert store.rules() == expected
        assert store.book.rules == expected
        assert store.add_rule("a", "b").id == 3  # one past the highest in use


def test_a_bad_rule_or_an_unknown_chapter_or_number_changes_nothing(tmp_path: Path) -> None:
    with new_store(tmp_path) as store:
        with pytest.raises(RuleError, match=r"^find: "):
            store.add_rule("(", "x", regex=True)
        with pytest.raises(KeyError):
            store.add_rule("a", "b", chapter_id="nope")
        with pytest.raises(KeyError):
            store.remove_rule(7)
        with pytest.raises(RuleError, match=r"^replace: "):
            store.add_rule("a", "<#1#>")
        assert store.rules() == ()


def test_a_schema_1_book_migrates_to_schema_2_with_no_rules(tmp_path: Path) -> None:
    with new_store(tmp_path) as store:
        book = store.book
    path = tmp_path / "B.scbook" / "book.sqlite3"
    conn = sqlite3.connect(path)
    for table in ("rules", "sentence_takes", "redo_tasks"):  # what schema 1 did not have
        conn.execute(f"DROP TABLE {table}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with BookStore.open(tmp_path / "B.scbook") as store:
        assert store.book == book and store.rules() == ()
        store.add_rule("行长", "航长")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION >= 2
    assert conn.execute("SELECT find, replace FROM rules").fetchall() == [("行长", "航长")]
    conn.close()
