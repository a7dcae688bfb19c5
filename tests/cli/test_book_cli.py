"""``soundclone book …`` end to end: the CLI as a subprocess, the demo server over loopback.

The demo server's ledger is the oracle for money: what ``book estimate`` says before a
render is what the server charged after it, to the character and to the task.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.book import BookStore
from soundclone_desktop.store.settings import Prices, Settings, SettingsStore
from tests.cli import processes
from tests.manuscripts.conftest import Doc, Toc, paragraphs, write_epub

MakeServer = Callable[..., DemoServer]
AUDIO_ITEM = "sound-cloning-audio"

CHAPTERS = {
    "第一章 出发": ["清晨，我们离开了小镇。", "路很长，风很大。"],
    "第二章 相遇": ["在河边，他遇见了一位老人。", "老人说：“你要去哪里？”"],
    "第三章 归来": ["三年以后，他回到了家乡。"],
}


def chinese_novel(path: Path) -> Path:
    """A Chinese novel in plain text: a 目录 (table of contents), then 第X章 chapters."""
    lines = ["目录", *CHAPTERS, ""]
    for title, paras in CHAPTERS.items():
        lines += [title, *paras]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def english_book(path: Path, chapters: int = 4, paras: int = 2) -> Path:
    """Plain text with Latin headings; every paragraph of its own length."""
    parts = []
    for c in range(1, chapters + 1):
        parts.append(f"Chapter {c}")
        for p in range(paras):
            parts.append(
                f"Chapter {c}, paragraph {p}: the road went on" + " and on" * (c + p) + "."
            )
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def cli(tmp_path: Path, *argv: object, token: str | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:  # fmt: skip
    env = {"SOUNDCLONE_API_KEY": token} if token else None
    return processes.run([str(a) for a in argv], cwd=tmp_path, env=env, timeout=timeout)


def last_json(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    data = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(data, dict)
    return data


def set_demo_prices() -> None:
    """The user's prices, as the demo server charges (so money can be compared)."""
    store = SettingsStore(Path(os.environ["SOUNDCLONE_CONFIG_DIR"]))
    store.save(Settings(prices=Prices(production_per_10k=Decimal(20), voice_fee=Decimal("0.5"))))


def audio_charges(server: DemoServer) -> list[dict[str, object]]:
    return [e for e in server.ledger() if e["item"] == AUDIO_ITEM and not e.get("refunded")]


def spent(server: DemoServer) -> Decimal:
    return sum((Decimal(str(e["amount"])) for e in server.ledger()), Decimal(0))


def segment_lengths(book: Path) -> Counter[object]:
    """How many segments of each billable length the book's included chapters have."""
    with BookStore.open(book) as store:
        return Counter(
            row.segment.billable_chars
            for chapter in store.book.chapters if not chapter.excluded
            for row in store.rows(chapter.id) if row.segment.needs_task
        )  # fmt: skip


def imported(tmp_path: Path, manuscript: Path, *extra: object) -> Path:
    done = cli(tmp_path, "book", "import", manuscript, "-o", tmp_path / "book", *extra)
    assert done.returncode == 0, done.stderr
    return tmp_path / "book.scbook"


# -- import ---------------------------------------------------------------------------------


def test_import_chinese_novel_prints_chapters_and_excludes_the_contents(tmp_path: Path) -> None:
    novel = chinese_novel(tmp_path / "小说.txt")
    done = cli(tmp_path, "book", "import", novel, "-o", tmp_path / "novel")
    assert done.returncode == 0, done.stderr
    for title in CHAPTERS:
        assert title in done.stdout
    (contents,) = [line for line in done.stdout.splitlines() if line.strip().startswith("1. 目录")]
    assert "excluded" in contents
    assert "Excluded as front matter" in done.stdout and "1. 目录" in done.stdout
    with BookStore.open(tmp_path / "novel.scbook") as store:
        chapters = store.book.chapters
        assert [c.title for c in chapters] == ["目录", *CHAPTERS]
        assert [c.excluded for c in chapters] == [True, False, False, False]


def test_import_json_and_options(tmp_path: Path) -> None:
    novel = chinese_novel(tmp_path / "novel.txt")
    done = cli(tmp_path, "--json", "book", "import", novel, "-o", tmp_path / "b",
               "--heading", r"第.章.*", "--target-chars", "500")  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = last_json(done)
    # The user's pattern has no 目录: the contents stay in the first chapter's front matter.
    assert [c["title"] for c in data["chapters"]][-3:] == list(CHAPTERS)
    assert data["target_chars"] == 500
    with BookStore.open(Path(data["book"])) as store:
        assert store.book.settings.target_chars == 500


def test_import_docx_chapters_from_heading_styles(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("The Title Page", level=1)
    document.add_paragraph("Copyright © 2024. All rights reserved. ISBN 978-0-00-000000-0.")
    for n in (1, 2):
        document.add_heading(f"Chapter {n}", level=1)
        document.add_paragraph(f"The text of chapter {n}.")
    path = tmp_path / "book.docx"
    document.save(str(path))
    done = cli(tmp_path, "--json", "book", "import", path, "-o", tmp_path / "docx")
    assert done.returncode == 0, done.stderr
    chapters = last_json(done)["chapters"]
    assert [c["title"] for c in chapters] == ["The Title Page", "Chapter 1", "Chapter 2"]
    assert [c["excluded"] for c in chapters] == [True, False, False]  # the copyright page


def test_import_epub_chapters_from_the_toc(tmp_path: Path) -> None:
    docs = [
        Doc("toc.xhtml", "<h1>Contents</h1>" + paragraphs("Chapter 1", "Chapter 2")),
        Doc("c1.xhtml", "<h1>Chapter 1</h1>" + paragraphs("It was late.", "Rain fell.")),
        Doc("c2.xhtml", "<h1>Chapter 2</h1>" + paragraphs("Morning came.")),
    ]
    toc = [Toc("toc.xhtml", "Contents"), Toc("c1.xhtml", "Chapter 1"), Toc("c2.xhtml", "Chapter 2")]
    path = write_epub(tmp_path / "book.epub", docs, toc)
    done = cli(tmp_path, "book", "import", path, "-o", tmp_path / "epub")
    assert done.returncode == 0, done.stderr
    assert "Chapter 1" in done.stdout and "Chapter 2" in done.stdout
    with BookStore.open(tmp_path / "epub.scbook") as store:
        assert [(c.title, c.excluded) for c in store.book.chapters] == [
            ("Contents", True), ("Chapter 1", False), ("Chapter 2", False),
        ]  # fmt: skip


@pytest.mark.parametrize(
    ("content", "name", "code", "said"),
    [(b"", "empty.txt", 2, "holds no text"), (b"PK\x03\x04broken", "bad.epub", 2, "damaged")],
)
def test_import_refuses_bad_input_and_creates_nothing(
    tmp_path: Path, content: bytes, name: str, code: int, said: str
) -> None:
    (tmp_path / name).write_bytes(content)
    done = cli(tmp_path, "book", "import", name, "-o", "out")
    assert done.returncode == code and said in done.stderr, done.stderr
    assert not (tmp_path / "out.scbook").exists()


# -- show and estimate ------------------------------------------------------------------------


def test_show_and_estimate_json_keys_before_and_after_a_render(tmp_path: Path) -> None:
    book = imported(tmp_path, chinese_novel(tmp_path / "novel.txt"))
    shown = last_json(cli(tmp_path, "--json", "book", "show", book, "--demo"))
    rows = shown["chapters"]
    assert {"title", "segments", "rendered", "duration_s", "cost"} <= set(rows[0])
    assert [r["rendered"] for r in rows] == [0, 0, 0, 0]
    estimate = last_json(cli(tmp_path, "--json", "book", "estimate", book, "--demo"))
    assert {"chapters", "segments", "tasks", "billable_chars", "voice_fees", "cost"} <= set(
        estimate
    )
    assert estimate["chapters"] == 3  # the contents are excluded
    done = cli(tmp_path, "book", "render", book, "--demo")
    assert done.returncode == 0, done.stderr
    rows = last_json(cli(tmp_path, "--json", "book", "show", book, "--demo"))["chapters"]
    assert [r["rendered"] == r["segments"] for r in rows] == [False, True, True, True]
    assert all(r["duration_s"] > 0 and Decimal(r["cost"]) > 0 for r in rows[1:])
    again = last_json(cli(tmp_path, "--json", "book", "estimate", book, "--demo"))
    assert again["rendered"]["tasks"] == estimate["tasks"] and again["remaining"]["tasks"] == 0


def test_show_chapter_numbers_its_sentences_from_one(tmp_path: Path) -> None:
    book = imported(tmp_path, chinese_novel(tmp_path / "novel.txt"))
    done = cli(tmp_path, "book", "show", book, "--chapter", "3")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Chapter 3. 第二章 相遇"
    numbered = [line.split()[0] for line in lines[1:]]
    assert numbered == ["1", "2", "3"]
    assert "在河边，他遇见了一位老人。" in lines[2]
    data = last_json(cli(tmp_path, "--json", "book", "show", book, "--chapter", "3"))
    assert [s["number"] for s in data["sentences"]] == [1, 2, 3]


@pytest.mark.parametrize(
    ("spec", "said"),
    [("1,9", "chapter 9 does not exist (chapters: 1 to 4)"), ("2-x", "'2-x' is not a chapter"),
     ("4-2", "the range 4-2 runs backwards")],
)  # fmt: skip
def test_chapters_selection_errors_name_the_option_and_range(
    tmp_path: Path, spec: str, said: str
) -> None:
    book = imported(tmp_path, chinese_novel(tmp_path / "novel.txt"))
    for action in ("estimate", "render"):
        done = cli(tmp_path, "book", action, book, "--chapters", spec, "--demo")
        assert done.returncode == 2, done.stderr
        assert f"--chapters: {said}" in done.stderr


def test_estimate_of_some_chapters(tmp_path: Path) -> None:
    book = imported(tmp_path, english_book(tmp_path / "book.txt"))
    whole = last_json(cli(tmp_path, "--json", "book", "estimate", book, "--demo"))
    some = last_json(cli(tmp_path, "--json", "book", "estimate", book, "--chapters", "1,3-4",
                         "--demo"))  # fmt: skip
    assert some["chapters"] == 3 and whole["chapters"] == 4
    assert 0 < some["billable_chars"] < whole["billable_chars"]


# -- render -----------------------------------------------------------------------------------


def test_estimate_equals_the_ledger_after_a_full_render(
    tmp_path: Path, make_demo_server: MakeServer
) -> None:
    server = make_demo_server(task_seconds=0.2)
    set_demo_prices()
    book = imported(tmp_path, english_book(tmp_path / "book.txt", chapters=3, paras=3),
                    "--target-chars", "40")  # fmt: skip
    estimate = last_json(cli(tmp_path, "--json", "book", "estimate", book))
    done = cli(tmp_path, "--json", "book", "render", book, "--voice", DEMO_VOICE_ID, "--yes",
               "--base-url", server.base_url, token=server.token)  # fmt: skip
    assert done.returncode == 0, done.stderr
    charges = audio_charges(server)
    assert len(charges) == estimate["tasks"] > 9  # to the task (headings are segments too)
    assert sum(int(str(e["chars"])) for e in charges) == estimate["billable_chars"]  # character
    assert Counter(e["chars"] for e in charges) == segment_lengths(book)  # each segment once
    assert spent(server) == Decimal(estimate["cost"])  # and to the money
    with BookStore.open(book) as store:  # --voice is stored in the book
        assert store.book.settings.voice_id == DEMO_VOICE_ID


def test_render_json_lines_then_the_result(tmp_path: Path) -> None:
    book = imported(tmp_path, english_book(tmp_path / "book.txt", chapters=2, paras=1))
    done = cli(tmp_path, "--json", "book", "render", book, "--demo")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert {line["type"] for line in lines[:-1]} == {"progress"}
    assert lines[-2]["done"] == lines[-2]["total"] == 2
    assert lines[-1]["type"] == "result" and lines[-1]["ok"] is True
    assert "segments" in done.stderr  # the bar (or its lines) on stderr


def test_render_against_a_server_asks_for_yes_and_sends_nothing(
    tmp_path: Path, make_demo_server: MakeServer
) -> None:
    # A demo server reached by --base-url is any server to the CLI: only --demo is known free.
    server = make_demo_server()
    set_demo_prices()
    book = imported(tmp_path, english_book(tmp_path / "book.txt"))
    tasks = last_json(cli(tmp_path, "--json", "book", "estimate", book))["tasks"]
    done = cli(tmp_path, "book", "render", book, "--voice", DEMO_VOICE_ID,
               "--base-url", server.base_url, token=server.token)  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "--yes" in done.stderr and f"{tasks} tasks to send" in done.stderr
    assert "Nothing was sent" in done.stderr
    assert server.ledger() == []


def test_render_without_a_voice_is_refused(tmp_path: Path, make_demo_server: MakeServer) -> None:
    server = make_demo_server()
    book = imported(tmp_path, english_book(tmp_path / "book.txt"))
    done = cli(tmp_path, "book", "render", book, "--yes", "--base-url", server.base_url,
               token=server.token)  # fmt: skip
    assert done.returncode == 2 and "--voice" in done.stderr
    assert server.ledger() == []


def test_budget_stops_before_crossing_it(tmp_path: Path, make_demo_server: MakeServer) -> None:
    server = make_demo_server(task_seconds=0.2)
    set_demo_prices()
    book = imported(tmp_path, english_book(tmp_path / "book.txt", chapters=2, paras=2),
                    "--target-chars", "40")  # fmt: skip
    budget = Decimal("1.6")  # each task costs 0.5 + about 0.1: two fit, a third would cross
    done = cli(tmp_path, "--json", "book", "render", book, "--voice", DEMO_VOICE_ID, "--yes",
               "--budget", budget, "--base-url", server.base_url, token=server.token)  # fmt: skip
    assert done.returncode == 7, done.stderr
    result = last_json(done)
    assert result["stop"] == "budget" and "budget" in result["reason"]
    assert len(audio_charges(server)) == 2
    assert spent(server) <= budget
    assert "over the budget" in done.stdout  # the reason, said


def test_balance_too_low_is_refused_up_front(tmp_path: Path, make_demo_server: MakeServer) -> None:
    server = make_demo_server(balance=1.0)
    set_demo_prices()
    book = imported(tmp_path, english_book(tmp_path / "book.txt"))
    done = cli(tmp_path, "book", "render", book, "--voice", DEMO_VOICE_ID, "--yes",
               "--base-url", server.base_url, token=server.token)  # fmt: skip
    assert done.returncode == 5, done.stderr
    assert "only 1" in done.stderr and "nothing was sent" in done.stderr
    assert server.ledger() == []


def test_ctrl_c_pauses_and_a_second_render_resumes_without_double_charges(
    tmp_path: Path, make_demo_server: MakeServer
) -> None:
    server = make_demo_server(task_seconds=2.0)
    set_demo_prices()
    book = imported(tmp_path, english_book(tmp_path / "book.txt", chapters=3, paras=2),
                    "--target-chars", "40")  # fmt: skip
    argv = ["book", "render", str(book), "--voice", DEMO_VOICE_ID, "--yes",
            "--concurrency", "2", "--base-url", server.base_url]  # fmt: skip
    process = subprocess.Popen(
        [*processes.SOUNDCLONE, *argv], cwd=tmp_path, text=True,
        env=processes.environment({"SOUNDCLONE_API_KEY": server.token}),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while len(audio_charges(server)) < 2:
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    code, _out, err = processes.stop(process)
    assert code == 130, err
    assert "Paused" in err or "Pausing" in err
    assert len(audio_charges(server)) == 2  # nothing new after the pause
    done = cli(tmp_path, "--json", "book", "render", book, "--yes",
               "--base-url", server.base_url, token=server.token)  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = last_json(done)
    assert result["resumed"]["tracked"] + result["resumed"]["adopted"] == 2
    # Every segment charged exactly once: the paused tasks were adopted, not sent again.
    assert Counter(e["chars"] for e in audio_charges(server)) == segment_lengths(book)


# -- export (needs the stitcher: services/book/stitch.py) --------------------------------------


def test_export_writes_one_file_per_chapter_with_captions(tmp_path: Path) -> None:
    pytest.importorskip("soundclone_desktop.services.book.stitch")
    book = imported(tmp_path, chinese_novel(tmp_path / "novel.txt"), "--subtitles", "sentence")
    assert cli(tmp_path, "book", "render", book, "--demo").returncode == 0
    done = cli(tmp_path, "--json", "book", "export", book, "--out", tmp_path / "out",
               "--format", "wav", "--captions", "srt")  # fmt: skip
    assert done.returncode == 0, done.stderr
    files = last_json(done)["files"]
    assert sorted(Path(f).name for f in files) == [
        "02 第一章 出发.srt", "02 第一章 出发.wav", "03 第二章 相遇.srt", "03 第二章 相遇.wav",
        "04 第三章 归来.srt", "04 第三章 归来.wav",
    ]  # fmt: skip
    assert all(Path(f).is_file() for f in files)


def test_export_of_an_unrendered_book_writes_nothing(tmp_path: Path) -> None:
    pytest.importorskip("soundclone_desktop.services.book.stitch")
    book = imported(tmp_path, chinese_novel(tmp_path / "novel.txt"))
    done = cli(tmp_path, "book", "export", book, "--out", tmp_path / "out")
    assert done.returncode == 2 and "not rendered in full" in done.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
