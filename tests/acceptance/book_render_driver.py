"""Runs the render queue on a book against a demo server, as the CLI's ``book render`` will:
``python -m tests.acceptance.book_render_driver BASE_URL TOKEN BOOK DATA [CHAPTER SEGMENT
TASK_ID|--send-again]``. With the last three it looks up an outcome-unknown segment's task
instead, or sends that segment again (the user found it was never created).
Prints one JSON line with the result (the kill test SIGKILLs it at random moments)."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

from soundclone_desktop.services.book.plan import Selection
from tests.services.book_render_harness import rig

SEND_AGAIN = "--send-again"


async def main(argv: list[str]) -> dict[str, object]:
    base_url, token, book, data = argv[:4]
    started = time.monotonic()
    async with rig(base_url, token, Path(book), Path(data)) as r:
        if len(argv) == 7 and argv[6] == SEND_AGAIN:
            again = r.queue.plan_failed(Selection.of_segments([(argv[4], argv[5])]),
                                        outcome_unknown=True)  # fmt: skip
            result = await r.queue.run(again)
            return {"sent_again": result.sent, "rendered": len(result.rendered)}
        if len(argv) == 7:
            status = await r.queue.look_up((argv[4], argv[5]), argv[6])
            return {"looked_up": status.value}
        result = await r.queue.run(r.queue.plan())
        polls = [job.polls for job in r.runner.jobs]
        return {
            "stop": result.stop.value,
            "sent": result.sent,
            "rendered": len(result.rendered),
            "failed": [[*f.key, f.reason] for f in result.failed],
            "resumed": {k: len(v) for k, v in vars_of(result.resumed).items()},
            "wall_seconds": round(time.monotonic() - started, 3),
            "polls": polls,
        }


def vars_of(summary: object) -> dict[str, tuple[object, ...]]:
    names = ("adopted", "tracked", "requeued", "unknown", "failed", "busy")
    return {name: getattr(summary, name) for name in names}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1:]))), flush=True)
