"""Kill test of ``soundclone book render``: a 40-segment render SIGKILLed at random moments
five times, each time started again, then run to the end. The demo server runs as its own
process; its ledger is the oracle: no segment charged twice, every segment has its take,
every chapter is stitched, and each chapter's captions end with its speech.

A kill between a create leaving and its answer leaves a segment "outcome unknown" (it may
have been charged, so it is never sent again by itself); the test then does what a user
would: finds the task on the server (here: the ledger, by the segment's unique length) and
gives it to ``book render --task N.M TASK_ID``, which keeps its audio without a second charge.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import random
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from soundclone_desktop.cli.book.stitching import stitcher
from soundclone_desktop.core.book.model import BookSettings
from soundclone_desktop.core.book.takes import RenderStatus
from soundclone_desktop.store.book.store import BookStore
from tests.acceptance.conftest import DemoProcess, Folders, kill, wait_until
from tests.services.book_render_harness import make_book

pytestmark = pytest.mark.slow
KILLS = 5
CAPTION_SLACK_S = 0.5


def test_killed_book_render_cli_resumes_without_double_charges_and_stitches_every_chapter(
    demo_process: Callable[..., DemoProcess], folders: Callable[[str], Folders]
) -> None:
    server = demo_process(task_seconds=1.0, audio_format="wav")
    user = folders(server.token)
    book = user.work / "Book.scbook"
    made = make_book(4, 10)
    params = dataclasses.replace(made.settings.params, subtitles=True)  # captions to check
    BookStore.create(book, dataclasses.replace(made, settings=_with(made.settings, params))).close()
    with BookStore.open(book) as store:
        lengths = {
            (n, m): row.segment.billable_chars
            for n, c in enumerate(store.book.chapters, 1)
            for m, row in enumerate(store.rows(c.id), 1)
        }  # fmt: skip
    assert len(lengths) == 40 and len(set(lengths.values())) == 40
    render = ["--json", "book", "render", book, "--yes", "--base-url", server.base_url]
    rng = random.Random(1414)

    for _ in range(KILLS):
        process = _killed_at_random(user, server, render, rng.uniform(0.0, 2.5))
        assert process.returncode is not None

    started = time.monotonic()
    final = user.cli(*render, timeout=180)
    wall = time.monotonic() - started
    report = json.loads(final.stdout.strip().splitlines()[-1])
    assert final.returncode in (0, 6), final.stderr  # 6: some outcomes unknown, said

    # The user settles the outcome-unknown segments by task id, found on the server.
    unknown = [s["segment"] for s in report["failed"] if s["reason"] == "outcome-unknown"]
    assert len(unknown) == len(report["failed"]), report["failed"]  # no other failure
    charges = server.audio_charges()
    lookups: list[Any] = []
    for label in unknown:
        n, m = map(int, label.split("."))
        found = [e for e in charges if e["chars"] == lengths[(n, m)]]
        # Created: keep that task's audio. Never created (killed before it arrived): send it.
        lookups += ["--task", label, found[0]["taskId"]] if found else ["--send-again", label]
    last = user.cli(*render, *lookups, timeout=180)
    assert last.returncode == 0, last.stderr
    result = json.loads(last.stdout.strip().splitlines()[-1])

    per_text = Counter(e["chars"] for e in server.audio_charges())
    assert max(per_text.values()) == 1, per_text  # no segment charged twice
    assert sorted(per_text) == sorted(lengths.values())  # and every one charged once
    with BookStore.open(book) as store:
        for chapter in store.book.chapters:
            for row in store.rows(chapter.id):
                assert row.status.kind is RenderStatus.RENDERED, (row.segment.id, row.status)
        assert len(list(store.book.takes())) == 40  # one take each, none twice
    print(f"final run: {wall:.1f} s, sent {report['sent']}, resumed {report['resumed']}, "
          f"outcome unknown looked up: {len(unknown)}")  # fmt: skip

    module = stitcher()
    assert module is not None, "this version has a stitcher: every chapter must be stitched"
    assert sorted(s["chapter"] for s in result["stitched"]) == [1, 2, 3, 4]  # every chapter
    with BookStore.open(book) as store:
        for chapter in store.book.chapters:
            stitched = asyncio.run(module.stitch_chapter(store, chapter.id))
            assert stitched.captions, chapter.title
            last_speech = stitched.segment_offsets[-1][2]
            last_caption = stitched.captions[-1].end_ms / 1000
            assert abs(last_caption - last_speech) <= CAPTION_SLACK_S, (
                chapter.title,
                last_caption,
                last_speech,
            )


def _killed_at_random(
    user: Folders, server: DemoProcess, argv: list[Any], delay: float
) -> subprocess.Popen[str]:
    """Start ``argv``; once it talks to the server (start-up takes 1-3 s on a loaded
    machine), SIGKILL it ``delay`` seconds later: mid-create, -poll, -download or -adoption."""
    before = len(server.requests())
    process = user.start_cli(*argv)
    wait_until(lambda: len(server.requests()) > before or process.poll() is not None, 60,
               "the render to reach the server")  # fmt: skip
    time.sleep(delay)
    if process.poll() is None:
        kill(process)
    return process


def _with(settings: BookSettings, params: Any) -> BookSettings:
    return dataclasses.replace(settings, params=params)
