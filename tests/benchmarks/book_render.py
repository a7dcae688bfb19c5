"""A 300-segment book rendered by the app's window against a demo server in its own process.

``python -m tests.benchmarks --only bookrender`` (issue 14's render targets).

Parent (:func:`run`): starts ``python -m soundclone_desktop.demo --task-seconds S`` (as
``many_tasks.py`` does), writes the book (``services/book_render_harness.make_book``: one
segment per paragraph, the demo voice), runs the child, then reads the server's request log
and ledger.

Child (``--child``): the app as a user with a key has it (``app.build_context`` +
``app.open_window`` with ``--base-url`` and ``SOUNDCLONE_API_KEY``), so the session runs the
**real** ``PollPolicy()`` (first poll at the estimate and never sooner than 5 s, then every
5–10 s per task, 0.5 s between any two polls, 3 polls in flight). The book is opened with
``window.book.open_path``, *Render book* is clicked in the navigator and the confirmation
dialog accepted, as a user does; the render runs through the window's render control (the
services queue on the app's qasync loop, stitching each finished chapter). Tasks in flight:
8 (the CLI's ``--concurrency`` maximum; the app's default of 3 would make this run about
9 minutes, since no task of a real policy is polled before 5 s).

Measured in the child, as in ``many_tasks.py``: the gaps of a 5 ms precise ``QTimer`` (idle
before the render = baseline; ``render`` = from the click until the first task can have
finished; ``waiting`` = the steady middle of the render; ``finish`` = until every chapter is
stitched), process CPU sampled every 200 ms (the probe's own share, measured on the idle
window, taken off), and resident memory sampled every 200 ms (peak). "CPU while waiting" is
the median of the render's one-second CPU shares: most seconds of a render are spent waiting
for the server; seconds with a download or a stitch are the minority above the median, and
the mean over the whole render is shown too.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import dataclasses
import itertools
import json
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks import procs
from tests.benchmarks.cpu_profile import CpuProfile
from tests.benchmarks.many_tasks import (
    DEMO_TOKEN,
    GUIDANCE_MIN_INTERVAL,
    _get_json,
    _Probe,
    demo_server,
)
from tests.benchmarks.rss import rss_bytes

SEGMENTS = 300
CHAPTERS = 10
TASK_SECONDS = 1.0
CONCURRENCY = 8
CLICK_PROFILE_ENV = "SC_BENCH_CLICK_PROFILE"
WAIT_PROFILE_ENV = "SC_BENCH_WAIT_PROFILE"


# -- parent -----------------------------------------------------------------------------------


def write_book(folder: Path, segments: int) -> Path:
    from soundclone_desktop.store.book import BookStore
    from tests.services.book_render_harness import make_book

    path = folder / "Render.scbook"
    BookStore.create(path, make_book(CHAPTERS, segments // CHAPTERS)).close()
    return path


def run(segments: int = SEGMENTS, task_seconds: float = TASK_SECONDS) -> dict[str, object]:
    with (
        tempfile.TemporaryDirectory(prefix="sc-bench-bookrender-") as tmp,
        demo_server(task_seconds) as url,
    ):
        book = write_book(Path(tmp), segments)
        env = {
            "SOUNDCLONE_DATA_DIR": str(Path(tmp) / "data"),
            "SOUNDCLONE_CONFIG_DIR": str(Path(tmp) / "config"),
            "SOUNDCLONE_API_KEY": DEMO_TOKEN,  # "a user with a key": the real policy
        }
        args = ["--child", "--base-url", url, "--book", str(book),
                "--task-seconds", str(task_seconds)]  # fmt: skip
        child, _ = procs.run_json("tests.benchmarks.book_render", args, env=env, timeout=1800)
        requests = _get_json(url + "/_demo/requests")
        ledger = _get_json(url + "/_demo/ledger")
    assert isinstance(requests, list) and isinstance(ledger, list)
    return {**child, **polls(requests, ledger), "segments": segments, "task_seconds": task_seconds}


def polls(requests: list[dict[str, object]], ledger: list[dict[str, object]]) -> dict[str, object]:
    """Per task: its polls (the server's log) against what the guidance allows since its
    create (one poll, then one per 5 s)."""
    created = {}
    for entry in ledger:
        if entry.get("kind") == "charge":
            created.setdefault(str(entry["taskId"]), float(entry["time"]))  # type: ignore[arg-type]
    times: dict[str, list[float]] = {}
    for request in requests:
        path = str(request.get("path", ""))
        if request.get("method") == "GET" and "/audios/" in path:
            times.setdefault(path.rsplit("/", 1)[-1], []).append(float(request["wall_time"]))  # type: ignore[arg-type]
    counts, allowed, gaps = [], [], []
    for task_id, start in created.items():
        seen = sorted(times.get(task_id, []))
        counts.append(len(seen))
        if seen:
            allowed.append(1 + math.floor((seen[-1] - start) / GUIDANCE_MIN_INTERVAL + 1e-9))
        gaps.extend(b - a for a, b in itertools.pairwise(seen))
    stamps = sorted(t for seen in times.values() for t in seen)
    busiest, low = 0, 0
    for high, stamp in enumerate(stamps):
        while stamp - stamps[low] >= 1.0:
            low += 1
        busiest = max(busiest, high - low + 1)
    over = sum(1 for c, a in zip(counts, allowed, strict=False) if c > a)
    return {
        "charged": len(created),
        "polls_per_task": counts,
        "polls_allowed": allowed,
        "tasks_over_guidance": over,
        "min_poll_gap": min(gaps) if gaps else None,
        "busiest_second": busiest,
    }


# -- child ------------------------------------------------------------------------------------


def child(args: argparse.Namespace) -> dict[str, object]:
    os.environ.setdefault("QT_API", "pyside6")
    import qasync  # type: ignore[import-untyped]

    from soundclone_desktop import app, i18n

    options = app.parse_args(["--base-url", args.base_url])
    qapp = app.create_application(options.qt_args)
    from tests.benchmarks.stall_stacks import start_if_asked

    stacks = start_if_asked()  # noqa: F841 (kept alive: it samples until exit)
    ctx = app.build_context(options, crash_log=False)
    i18n.install("en")

    async def session() -> dict[str, object]:
        from soundclone_desktop.services.schedule import PollPolicy
        from soundclone_desktop.ui.common import async_utils

        qapp.setQuitOnLastWindowClosed(False)
        window = await app.open_window(ctx, options)
        try:
            runner = ctx.session.runner
            if runner is None or runner.policy != PollPolicy():
                raise RuntimeError("expected a real connection with the default PollPolicy()")
            return await _render(window, Path(args.book), args.task_seconds)
        finally:
            window._confirmed_close = True
            window.close()
            await async_utils.cancel_all_and_wait()
            await ctx.session.aclose()

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(qapp)) as runner:
        return runner.run(session())


async def _until(condition: object, timeout: float, what: str, every: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        await asyncio.sleep(every)


async def _render(window: object, book: Path, task_seconds: float) -> dict[str, object]:
    from soundclone_desktop.core.book.takes import RenderStatus

    view = window.book  # type: ignore[attr-defined]
    if await view.open_path(book) is not True:
        raise RuntimeError("the book did not open")
    control = view.needs.render
    control.needs = dataclasses.replace(control.needs, concurrency=CONCURRENCY)
    await asyncio.sleep(2.0)  # the open's own work (estimate, balance) settles
    quiet = (time.time(), time.process_time())
    await asyncio.sleep(3.0)
    quiet_cpu = (time.process_time() - quiet[1]) / (time.time() - quiet[0])
    probe = _Probe()
    memory: list[int] = []
    sampler = asyncio.ensure_future(_sample_memory(memory))
    probe.start()
    phases = {"idle": time.time()}
    rss: dict[str, int | None] = {"open": rss_bytes()}
    await asyncio.sleep(3.0)
    phases["render"] = time.time()
    clicked = _click_profile()
    view.navigator.render_book_button.click()
    await _until(lambda: _dialog_shown(control), 30, "the confirmation dialog")
    phases["dialog"] = time.time()
    await asyncio.sleep(0.5)  # the user reads the estimate
    phases["accept"] = time.time()
    control.dialog.accept()
    await _until(lambda: control.queue is not None, 60, "the render to start")
    started = time.time()
    await asyncio.sleep(0.5)  # the first creates leave
    if clicked is not None:
        clicked.disable()
        clicked.dump_stats(os.environ[CLICK_PROFILE_ENV])
    profile = await _profile_waiting(started + task_seconds + GUIDANCE_MIN_INTERVAL)
    waited = cProfile.Profile() if os.environ.get(WAIT_PROFILE_ENV) else None
    if waited is not None:
        waited.enable()
    # Looked at twice a second: 20 wake-ups a second were 0.4 % of a core, counted as the app's.
    await _until(lambda: control.queue is None and not control.busy(), 1800, "the render", 0.5)
    rendered_at = time.time()
    if profile is not None:
        profile.stop()
    if waited is not None:  # the GUI thread's calls while the render waited (cProfile)
        waited.disable()
        waited.dump_stats(os.environ[WAIT_PROFILE_ENV])
    await _until(lambda: _stitched(view, control), 600, "every chapter stitched")
    phases["done"] = time.time()
    rss["done"] = rss_bytes()
    await asyncio.sleep(1.0)
    phases["end"] = time.time()
    probe.stop()
    sampler.cancel()
    store = view.store
    rendered = sum(
        1 for c in store.book.chapters for row in store.rows(c.id)
        if row.status.kind is RenderStatus.RENDERED
    )  # fmt: skip
    first_finish = started + task_seconds + GUIDANCE_MIN_INTERVAL
    middle_end = max(first_finish, rendered_at - GUIDANCE_MIN_INTERVAL)
    windows = {
        "idle": (phases["idle"], phases["render"]),
        "render": (phases["render"], first_finish),
        "click": (phases["render"], phases["dialog"] + 0.4),  # the dialog shown
        "start": (phases["accept"], started + 0.5),  # accepted: the render starts
        "waiting": (first_finish, middle_end),
        "finish": (middle_end, phases["done"]),
    }
    seconds = [
        probe.cpu_share(t, t + 1.0) or 0.0
        for t in _steps(first_finish, middle_end)
    ]  # fmt: skip
    probe_cpu = (probe.cpu_share(*windows["idle"]) or 0.0) - quiet_cpu
    waiting = statistics.median(seconds) if seconds else None
    return {
        "stalls": {name: probe.stalls(*span) for name, span in windows.items()},
        "cpu": {
            "quiet": quiet_cpu,
            "probe": probe_cpu,
            "waiting": waiting,
            "waiting_net": None if waiting is None else max(0.0, waiting - probe_cpu),
            "whole_render": probe.cpu_share(phases["render"], phases["done"]),
        },
        "rss": {**rss, "peak": max(memory, default=None)},
        "phases": phases,
        "render_seconds": rendered_at - started,
        "rendered": rendered,
        "chapters_stitched": len(control.stitched),
    }


def _dialog_shown(control: object) -> bool:
    dialog = control.dialog  # type: ignore[attr-defined]
    return dialog is not None and bool(dialog.isVisible())


def _click_profile() -> cProfile.Profile | None:
    """With ``SC_BENCH_CLICK_PROFILE=FILE``: cProfile of the GUI thread from the click on
    *Render book* until the render runs (the accept's 0.5 s pause included), to ``FILE``."""
    if not os.environ.get(CLICK_PROFILE_ENV):
        return None
    profile = cProfile.Profile()
    profile.enable()
    return profile


async def _profile_waiting(first_finish: float) -> CpuProfile | None:
    """With ``SC_BENCH_CPU_PROFILE``: the CPU profile of the render from its first finished
    task on (``cpu_profile.py``), stopped when the render is done."""
    from tests.benchmarks import cpu_profile

    if not os.environ.get(cpu_profile.ENV):
        return None
    await asyncio.sleep(max(0.0, first_finish - time.time()))
    return cpu_profile.start_if_asked()


def _steps(start: float, end: float) -> list[float]:
    return [start + n for n in range(int(end - start))]


def _stitched(view: object, control: object) -> bool:
    chapters = view.store.book.chapters  # type: ignore[attr-defined]
    return len(control.stitched) >= len(chapters)  # type: ignore[attr-defined]


async def _sample_memory(into: list[int]) -> None:
    while True:
        value = rss_bytes()
        if value is not None:
            into.append(value)
        await asyncio.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--base-url")
    parser.add_argument("--book")
    parser.add_argument("--segments", type=int, default=SEGMENTS)
    parser.add_argument("--task-seconds", type=float, default=TASK_SECONDS)
    args = parser.parse_args(argv)
    if args.child:
        figures = child(args)
        Path(os.environ[procs.RESULT_ENV]).write_text(json.dumps(figures), encoding="utf-8")
    else:
        print(json.dumps(run(args.segments, args.task_seconds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
