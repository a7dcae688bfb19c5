"""A ``book render --demo`` paused and run again with ``--demo``.

Each ``--demo`` run starts its own demo server in its process, so the tasks a paused run
left are gone with that server. The next run says so plainly and sends those segments again
(demo money is not real), instead of following task ids no server knows.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

from soundclone_desktop.core.book.takes import RenderStatus, TaskPhase
from soundclone_desktop.store.book import BookStore
from tests.cli import processes
from tests.cli.test_book_cli import cli, english_book, imported, last_json


def _paused_demo_render(tmp_path: Path, book: Path) -> None:
    """``book render --demo``, Ctrl+C once two tasks are in flight on its demo server."""
    argv = ["--json", "book", "render", str(book), "--demo", "--concurrency", "2"]
    process = subprocess.Popen(
        [*processes.SOUNDCLONE, *argv], cwd=tmp_path, text=True,
        env=processes.environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        assert line, process.communicate()[1]
        progress = json.loads(line)
        if progress.get("type") == "progress" and progress["in_flight"] >= 2:
            break
    code, _out, err = processes.stop(process)
    assert code == 130, err


def test_a_paused_demo_render_sends_its_lost_demo_tasks_again_and_says_so(
    tmp_path: Path,
) -> None:
    book = imported(tmp_path, english_book(tmp_path / "book.txt", chapters=2, paras=2),
                    "--target-chars", "40")  # fmt: skip
    _paused_demo_render(tmp_path, book)
    # The tasks the pause left on its server: at least the two seen in flight, unless one
    # was downloaded between that progress line and the Ctrl+C (a loaded machine reads
    # the line late), so count them from the book rather than assume two.
    with BookStore.open(book) as store:
        left = [key for key, state in store.book.states.items()
                if state.task is not None and state.task.phase is TaskPhase.RENDERING]  # fmt: skip
    assert left, "the pause left no task in flight"

    done = cli(tmp_path, "--json", "book", "render", book, "--demo")
    assert done.returncode == 0, done.stderr
    result = last_json(done)
    assert result["resumed"]["demo_lost"] == len(left), (result["resumed"], left)
    assert result["failed"] == []
    assert "demo server" in done.stderr and "sent again" in done.stderr, done.stderr
    with BookStore.open(book) as store:
        for chapter in store.book.chapters:
            for row in store.rows(chapter.id):
                if row.segment.needs_task:
                    assert row.status.kind is RenderStatus.RENDERED, row.segment.id
