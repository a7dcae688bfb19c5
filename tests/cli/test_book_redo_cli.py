"""``soundclone book redo / takes / choose`` and ``book estimate``'s ``stale_segments``: the
CLI as a subprocess against the demo server over loopback, whose ledger is the oracle."""

from __future__ import annotations

from pathlib import Path

from soundclone_desktop.core.script import analyze
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from tests.cli.test_book_cli import (
    MakeServer,
    audio_charges,
    cli,
    imported,
    last_json,
    set_demo_prices,
)

TEXT = (
    "Chapter 1\n\n"
    "The rain had stopped at last. The town was quiet now. Nobody spoke for a while.\n\n"
    "She opened the door and looked outside. The street shone under the lamps.\n"
)


def test_redo_two_sentences_as_one_task_list_and_choose_takes(
    tmp_path: Path, make_demo_server: MakeServer
) -> None:
    server = make_demo_server(audio_format="wav", task_seconds=0.2)
    set_demo_prices()
    manuscript = tmp_path / "story.txt"
    manuscript.write_text(TEXT, encoding="utf-8")
    book = imported(tmp_path, manuscript)
    remote = ("--base-url", server.base_url)
    done = cli(tmp_path, "book", "render", book, "--voice", DEMO_VOICE_ID, "--yes", *remote,
               token=server.token)  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown = last_json(cli(tmp_path, "--json", "book", "show", book, "--chapter", "1"))
    numbers = {s["text"]: s["number"] for s in shown["sentences"]}
    quiet, street = numbers["The town was quiet now."], numbers["The street shone under the lamps."]
    marks = ("--sentence", f"1.{quiet}", "--sentence", f"1.{street}")
    charges = len(audio_charges(server))

    # Without --yes against a server: both costs shown, nothing sent.
    done = cli(tmp_path, "book", "redo", book, *marks, *remote, token=server.token)
    assert done.returncode == 2, done.stderr
    assert "2 sentences: 1 task" in done.stderr and "instead of 2 tasks" in done.stderr
    assert "--yes" in done.stderr and len(audio_charges(server)) == charges

    done = cli(tmp_path, "--json", "book", "redo", book, *marks, "--yes", *remote,
               token=server.token)  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = last_json(done)
    assert result["tasks"] == 1 and result["separate_tasks"] == 2
    assert float(result["cost"]) < float(result["separate_cost"])
    new = audio_charges(server)[charges:]
    assert len(new) == 1
    sentences = ["The town was quiet now.", "The street shone under the lamps."]
    assert int(str(new[0]["chars"])) == sum(analyze(s).billable_chars for s in sentences)
    assert [t["sentence"] for t in result["takes"]] == [f"1.{quiet}", f"1.{street}"]
    assert result["stitched"], "the chapter is stitched again with the new takes"

    takes = last_json(cli(tmp_path, "--json", "book", "takes", book, f"1.{quiet}"))["takes"]
    assert [(t["number"], t["chosen"]) for t in takes] == [(1, False), (2, True)]
    assert set(takes[0]) >= {"number", "created", "duration", "chosen", "findings"}
    assert 0.5 < takes[1]["duration"] < 3.0

    done = cli(tmp_path, "book", "choose", book, f"1.{quiet}", "1")
    assert done.returncode == 0, done.stderr
    takes = last_json(cli(tmp_path, "--json", "book", "takes", book, f"1.{quiet}"))["takes"]
    assert [t["chosen"] for t in takes] == [True, False]
    other = last_json(cli(tmp_path, "--json", "book", "takes", book, f"1.{street}"))["takes"]
    assert [t["chosen"] for t in other] == [False, True]  # chosen on its own

    done = cli(tmp_path, "book", "choose", book, f"1.{quiet}", "3")
    assert done.returncode == 2 and "no take 3" in done.stderr


def test_estimate_counts_stale_segments(tmp_path: Path, make_demo_server: MakeServer) -> None:
    server = make_demo_server(audio_format="wav", task_seconds=0.2)
    manuscript = tmp_path / "story.txt"
    manuscript.write_text(TEXT, encoding="utf-8")
    book = imported(tmp_path, manuscript, "--target-chars", "40")
    done = cli(tmp_path, "book", "render", book, "--voice", DEMO_VOICE_ID, "--yes",
               "--base-url", server.base_url, token=server.token)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert last_json(cli(tmp_path, "--json", "book", "estimate", book))["stale_segments"] == 0
    assert cli(tmp_path, "book", "rules", book, "add", "town", "village").returncode == 0
    estimate = cli(tmp_path, "--json", "book", "estimate", book)
    assert last_json(estimate)["stale_segments"] == 1  # only the segment that says "town"
    assert "1 stale segment, 1 task" in cli(tmp_path, "book", "estimate", book).stdout
