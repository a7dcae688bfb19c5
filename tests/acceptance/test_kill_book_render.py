"""Kill test of the book render: a 40-segment render SIGKILLed at random moments five times,
each time started again (resume + run), then run to the end. The demo server runs as its own
process; its ledger is the oracle: no segment charged twice, every segment has its take.

A kill between a create leaving and its answer leaves a segment "outcome unknown" (it may
have been charged, so it is never sent again by itself); the test then does what the user
would: finds the task on the server (here: the ledger, by the segment's unique length) and
looks it up, which adopts its audio without a second charge; when the kill came before the
create reached the server there is none to find, and the user sends the segment again.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable

import pytest

from soundclone_desktop.core.book.takes import RenderStatus
from soundclone_desktop.store.book.store import BookStore
from tests.acceptance.conftest import DemoProcess, Folders, kill
from tests.services.book_render_harness import make_book

pytestmark = pytest.mark.slow
DRIVER = "tests.acceptance.book_render_driver"
KILLS = 5


def test_killed_book_render_resumes_without_double_charges_or_lost_segments(
    demo_process: Callable[..., DemoProcess], folders: Callable[[str], Folders]
) -> None:
    server = demo_process(task_seconds=1.0, audio_format="wav")
    user = folders(server.token)
    book = user.work / "Book.scbook"
    BookStore.create(book, make_book(4, 10)).close()
    with BookStore.open(book) as store:
        lengths = {
            (c.id, row.segment.id): row.segment.billable_chars
            for c in store.book.chapters for row in store.rows(c.id)
        }  # fmt: skip
    assert len(lengths) == 40 and len(set(lengths.values())) == 40
    args = [server.base_url, server.token, book, user.data]
    rng = random.Random(1414)

    def driver(*extra: object) -> list[str]:
        return ["-m", DRIVER, *map(str, args), *map(str, extra)]

    for _ in range(KILLS):
        process = _start(user, driver())
        time.sleep(rng.uniform(0.8, 3.0))  # start-up is about 0.5 s
        kill(process)

    started = time.monotonic()
    final = _run(user, driver())
    wall = time.monotonic() - started
    report = json.loads(final)

    # The user settles the outcome-unknown segments by task id, found on the server.
    charges = server.audio_charges()
    with BookStore.open(book) as store:
        unknown = [
            (c.id, row.segment.id)
            for c in store.book.chapters for row in store.rows(c.id)
            if row.status.kind is RenderStatus.FAILED and row.status.reason == "outcome-unknown"
        ]  # fmt: skip
    for key in unknown:
        found = [e for e in charges if e["chars"] == lengths[key]]
        if found:  # created and charged: adopt it
            (charge,) = found
            json.loads(_run(user, driver(*key, charge["taskId"])))
        else:  # killed before the create reached the server: nothing to find, send again
            sent = json.loads(_run(user, driver(*key, "--send-again")))
            assert sent == {"sent_again": 1, "rendered": 1}, sent

    charges = server.audio_charges()
    per_text = Counter(e["chars"] for e in charges)
    assert max(per_text.values()) == 1, per_text  # no segment charged twice
    assert sorted(per_text) == sorted(lengths.values())  # and every one charged once
    with BookStore.open(book) as store:
        for chapter in store.book.chapters:
            for row in store.rows(chapter.id):
                assert row.status.kind is RenderStatus.RENDERED, (row.segment.id, row.status)
                take = row.state.chosen
                assert take is not None and store.resolve(take.audio_path).is_file()
        assert len(list(store.book.takes())) == 40  # one take each, none twice
    print(f"final run: {wall:.1f} s, {report}, outcome unknown looked up: {len(unknown)}")


def _start(user: Folders, argv: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *argv], cwd=user.work, env=user.env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _run(user: Folders, argv: list[str], timeout: float = 180) -> str:
    process = _start(user, argv)
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err
    return out.strip().splitlines()[-1]
