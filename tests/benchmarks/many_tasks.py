"""Many tasks at once: the studio following hundreds of tasks on a demo server in its own process.

Parent side (:func:`run`): starts ``python -m soundclone_desktop.demo`` with ``task_seconds``
set, runs the child, then reads the server's request log and ledger and joins them with
what the child saw.

Child side (``--child``): the app as a user has it with an API key: ``app.build_context`` +
``app.open_window`` on the app's own qasync loop, connected with ``--base-url`` to that
server, so the session runs the **real** ``PollPolicy()`` (5–10 s per task, 0.5 s between
any two polls, 3 in flight) and the real finish-time estimator (its default priors: it
learns the server's timing from the first tasks). Tasks are submitted as a user does: a
script in the editor, then the window's submit controller (the Generate button's slot),
one after the other (``burst``) or one every ``every`` seconds (``steady``).

Measured in the child: the gaps of a 5 ms precise ``QTimer`` (the UI loop's stalls), per
phase (``idle`` before anything is sent = the baseline, ``submit``, ``waiting``, ``finish``),
each split (Linux ``schedstat``) into the GUI thread's own CPU time and its wait for a CPU,
so a stall the app causes is told apart from one a loaded machine causes;
process CPU time sampled every 200 ms; resident memory; and each job's history.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.benchmarks import procs, stall_stacks
from tests.benchmarks.rss import rss_bytes
from tests.benchmarks.sched import schedstat

PROBE_MS = 5
CPU_SAMPLE_MS = 200
STALL_LIMIT = 0.050
GUIDANCE_MIN_INTERVAL = 5.0  # reference §3/§6: poll no faster than every 5 s
DEMO_TOKEN = "demo-token"  # the demo server's fixed, public token (not a secret)
DEMO_VOICE = "model_demo_narrator"


# -- parent -----------------------------------------------------------------------------------


@contextmanager
def demo_server(task_seconds: float) -> Iterator[str]:
    """``python -m soundclone_desktop.demo`` in its own process; yields its base URL."""
    command = [
        procs.PYTHON,
        "-m",
        "soundclone_desktop.demo",
        "--task-seconds",
        str(task_seconds),
        "--balance",
        "100000000",
    ]
    server = subprocess.Popen(
        command,
        cwd=procs.REPO,
        env=procs.child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = ""
        deadline = time.monotonic() + 30
        while not url and time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            if line.startswith("SoundClone demo server:"):
                url = line.split(":", 1)[1].strip()
        if not url:
            raise procs.ChildFailedError("the demo server did not start")
        yield url
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)  # its Ctrl+C: a clean stop
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _get_json(url: str) -> object:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return json.loads(answer.read().decode("utf-8"))


def run(
    scenario: str,
    tasks: int,
    task_seconds: float,
    every: float = 0.0,
    idle: float = 3.0,
    timeout: float = 900.0,
) -> dict[str, object]:
    with (
        tempfile.TemporaryDirectory(prefix="sc-bench-tasks-") as tmp,
        demo_server(task_seconds) as url,
    ):
        env = {
            "SOUNDCLONE_DATA_DIR": str(Path(tmp) / "data"),
            "SOUNDCLONE_CONFIG_DIR": str(Path(tmp) / "config"),
            "SOUNDCLONE_API_KEY": DEMO_TOKEN,  # "a user with a key": the real policy
        }
        args = [
            "--child",
            "--base-url",
            url,
            "--tasks",
            str(tasks),
            "--task-seconds",
            str(task_seconds),
            "--every",
            str(every),
            "--idle",
            str(idle),
            "--timeout",
            str(timeout),
        ]
        child, _started = procs.run_json(
            "tests.benchmarks.many_tasks", args, env=env, timeout=timeout + 120
        )
        requests = _get_json(url + "/_demo/requests")
        ledger = _get_json(url + "/_demo/ledger")
    assert isinstance(requests, list) and isinstance(ledger, list)
    figures = analyse(scenario, child, requests, ledger, task_seconds)
    figures["every"] = every
    return figures


def analyse(
    scenario: str,
    child: dict[str, object],
    requests: list[dict[str, object]],
    ledger: list[dict[str, object]],
    task_seconds: float,
) -> dict[str, object]:
    """Join the child's jobs with the server's records into the figures of the table."""
    created = {}  # task id -> server time the task was accepted (charged)
    for entry in ledger:
        if entry.get("kind") == "charge":
            task_id = str(entry["taskId"])
            created.setdefault(task_id, float(entry["time"]))  # type: ignore[arg-type]
    polls: dict[str, list[float]] = {}
    other_requests = 0
    for request in requests:
        path = str(request.get("path", ""))
        if request.get("method") == "GET" and "/audios/" in path:
            polls.setdefault(path.rsplit("/", 1)[-1], []).append(float(request["wall_time"]))  # type: ignore[arg-type]
        elif request.get("method") == "GET":
            other_requests += 1
    jobs = child["jobs"]
    assert isinstance(jobs, list)
    delays, counts, allowed, min_gaps, estimates, states = [], [], [], [], [], {}
    for job in jobs:
        states[job["state"]] = states.get(job["state"], 0) + 1
        task_id = job["task_id"]
        if task_id is None:
            continue
        if job.get("estimate") is not None:
            estimates.append(job["estimate"])
        times = sorted(polls.get(task_id, []))
        counts.append(len(times))
        start = created.get(task_id)
        if start is not None and times:
            allowed.append(1 + math.floor((times[-1] - start) / GUIDANCE_MIN_INTERVAL + 1e-9))
        if len(times) > 1:
            min_gaps.append(min(b - a for a, b in itertools.pairwise(times)))
        downloaded = job.get("downloaded_at")
        if start is not None and downloaded is not None:
            delays.append(float(downloaded) - (start + task_seconds))
    all_polls = sorted(t for times in polls.values() for t in times)
    busiest = 0
    low = 0
    for high, stamp in enumerate(all_polls):  # most polls inside any one-second window
        while stamp - all_polls[low] >= 1.0:
            low += 1
        busiest = max(busiest, high - low + 1)
    over = sum(1 for c, a in zip(counts, allowed, strict=False) if c > a)
    return {
        "scenario": scenario,
        "tasks": len(jobs),
        "task_seconds": task_seconds,
        "states": states,
        "stalls": child["stalls"],
        "cpu": child["cpu"],
        "rss": child["rss"],
        "phases": child["phases"],
        "delays": delays,
        "polls_per_task": counts,
        "polls_allowed": allowed,
        "tasks_over_guidance": over,
        "min_poll_gap": min(min_gaps) if min_gaps else None,
        "busiest_second": busiest,
        "other_gets": other_requests,
        "estimates": estimates,
        "wall_seconds": child["wall_seconds"],
    }


# -- child ------------------------------------------------------------------------------------


def _texts() -> list[str]:
    """Scripts of a few hundred characters, cut from the benchmark text at line ends."""
    from tests.benchmarks.script_text import build_script

    lines = [line for line in build_script().split("\n") if line.strip()]
    texts, current = [], ""
    for line in lines:
        current = f"{current}\n{line}" if current else line
        if len(current) >= 250:
            texts.append(current.strip())
            current = ""
    return texts


def child(args: argparse.Namespace) -> dict[str, object]:
    os.environ.setdefault("QT_API", "pyside6")
    import qasync  # type: ignore[import-untyped]

    from soundclone_desktop import app, i18n

    options = app.parse_args(["--base-url", args.base_url])
    qapp = app.create_application(options.qt_args)
    ctx = app.build_context(options, crash_log=False)
    ctx.settings.last_voice = DEMO_VOICE  # the voice picker offers the last voice used
    i18n.install("en")
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(qapp)) as runner:
        return runner.run(_session(qapp, ctx, options, args))


async def _session(qapp: object, ctx: object, options: object, args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    from soundclone_desktop import app
    from soundclone_desktop.services.schedule import PollPolicy
    from soundclone_desktop.ui.common import async_utils

    qapp.setQuitOnLastWindowClosed(False)  # type: ignore[attr-defined]
    window = await app.open_window(ctx, options)  # type: ignore[arg-type]
    try:
        session = ctx.session  # type: ignore[attr-defined]
        if session.runner is None or session.runner.policy != PollPolicy():
            raise RuntimeError("expected a real connection with the default PollPolicy()")
        return await _drive(window, session.runner, args)
    finally:
        window._confirmed_close = True
        window.close()
        await async_utils.cancel_all_and_wait()
        await ctx.session.aclose()  # type: ignore[attr-defined]


class _Probe:
    """A precise 5 ms timer: every gap beyond its interval is time the loop could not run."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.stamps: list[float] = []
        self.sched: list[tuple[int, int]] = []  # the GUI thread's run / run-queue ns per tick
        self.cpu: list[tuple[float, float]] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)
        self.sampler = QTimer()
        self.sampler.setInterval(CPU_SAMPLE_MS)
        self.sampler.timeout.connect(self._sample)
        self.watcher: stall_stacks.StallStacks | None = None

    def start(self) -> None:
        self.watcher = stall_stacks.start_if_asked()
        self._sample()
        self.timer.start()
        self.sampler.start()

    def stop(self) -> None:
        self.timer.stop()
        self.sampler.stop()
        self._sample()
        if self.watcher is not None:
            self.watcher.write()

    def _tick(self) -> None:
        self.stamps.append(time.time())
        self.sched.append(schedstat())

    def _sample(self) -> None:
        self.cpu.append((time.time(), time.process_time()))

    def stalls(self, start: float, end: float) -> dict[str, object]:
        ticks = [i for i, s in enumerate(self.stamps) if start <= s <= end]
        gaps = []  # (stall, start, GUI thread's CPU in it, its wait for a CPU in it)
        for i, j in itertools.pairwise(ticks):
            (run_a, wait_a), (run_b, wait_b) = self.sched[i], self.sched[j]
            stall = self.stamps[j] - self.stamps[i] - PROBE_MS / 1000
            gaps.append((stall, self.stamps[i], (run_b - run_a) / 1e9, (wait_b - wait_a) / 1e9))
        if not gaps:
            return {"max": None, "over_50ms": 0, "count": 0, "worst": []}
        worst = sorted(gaps, reverse=True)[:5]
        # The longest stall less the time the GUI thread waited for a CPU: what the app did.
        own = max(max(0.0, g - w) for g, _, _, w in gaps)
        return {
            "max": worst[0][0],
            "over_50ms": sum(1 for g, *_ in gaps if g > STALL_LIMIT),
            "count": len(gaps),
            "p99": sorted(g for g, *_ in gaps)[int(0.99 * (len(gaps) - 1))],
            "worst": [list(gap) for gap in worst],
            "max_without_cpu_wait": own,
            "over_50ms_without_cpu_wait": sum(1 for g, _, _, w in gaps if g - w > STALL_LIMIT),
        }

    def cpu_share(self, start: float, end: float) -> float | None:
        """Process CPU seconds per wall second between two moments (interpolated samples)."""
        if end - start < 0.5:
            return None
        return (_interpolate(self.cpu, end) - _interpolate(self.cpu, start)) / (end - start)


def _interpolate(samples: list[tuple[float, float]], at: float) -> float:
    previous = samples[0]
    for sample in samples:
        if sample[0] >= at:
            span = sample[0] - previous[0]
            if span <= 0:
                return sample[1]
            return previous[1] + (sample[1] - previous[1]) * (at - previous[0]) / span
        previous = sample
    return samples[-1][1]


async def _drive(window: object, runner: object, args: argparse.Namespace) -> dict[str, object]:
    texts = _texts()
    probe = _Probe()
    began = time.time()
    await asyncio.sleep(args.idle)  # let the start's own work (balance, history…) finish
    # The window idle without the probe, then with it: the difference is the probe's own
    # CPU, taken off the waiting figure (a 200 Hz Python timer is not free).
    quiet = (time.time(), time.process_time())
    await asyncio.sleep(args.idle)
    quiet_cpu = (time.process_time() - quiet[1]) / (time.time() - quiet[0])
    probe.start()
    phases: dict[str, float] = {"idle": time.time()}
    rss: dict[str, int | None] = {"open": rss_bytes()}
    await asyncio.sleep(args.idle)
    phases["submit"] = time.time()
    jobs, estimates = [], []
    for number in range(args.tasks):
        if args.every:
            await asyncio.sleep(max(0.0, phases["submit"] + number * args.every - time.time()))
        # Numbered: a script repeating a recent task now asks the user first (and is refused).
        script = f"{texts[number % len(texts)]}\nTake {number + 1}."
        window.editor_panel.set_text(script)  # type: ignore[attr-defined]
        sending = window.controller.submit()  # type: ignore[attr-defined]
        if sending is None:
            reasons = window.controller.blocked_reasons()  # type: ignore[attr-defined]
            raise RuntimeError(f"submit refused: {reasons}")
        job = await sending
        jobs.append(job)
        estimates.append(
            None
            if job.expected_finish is None or job.submitted_at is None
            else job.expected_finish - job.submitted_at
        )
    phases["submitted"] = time.time()
    await asyncio.wait_for(
        asyncio.gather(*(runner.wait(job) for job in jobs)),  # type: ignore[attr-defined]
        timeout=args.timeout,
    )
    phases["done"] = time.time()
    rss["done"] = rss_bytes()
    await asyncio.sleep(1.0)
    gc.collect()
    rss["done_after_gc"] = rss_bytes()
    phases["end"] = time.time()
    probe.stop()

    records = []
    for job, estimate in zip(jobs, estimates, strict=True):
        downloaded = [t for state, t in job.history if state == "downloaded"]
        records.append(
            {
                "task_id": job.task_id,
                "state": str(job.state),
                "chars": job.chars,
                "created_at": job.created_at,
                "downloaded_at": downloaded[-1] if downloaded else None,
                "polls": job.polls,
                "estimate": estimate,
            }
        )
    # "Waiting": everything is sent and nothing can have finished on the server yet.
    first_finish = min(r["created_at"] for r in records) + args.task_seconds if records else 0
    windows = {
        "idle": (phases["idle"], phases["submit"]),
        "submit": (phases["submit"], phases["submitted"]),
        "waiting": (phases["submitted"], max(phases["submitted"], first_finish)),
        "finish": (max(phases["submitted"], first_finish), phases["done"]),
        "all": (phases["submit"], phases["end"]),
    }
    return {
        "jobs": records,
        "phases": phases,
        "stalls": {name: probe.stalls(*span) for name, span in windows.items()},
        "cpu": {
            "quiet": quiet_cpu,
            **{name: probe.cpu_share(*span) for name, span in windows.items()},
        },
        "windows": windows,
        "rss": rss,
        "wall_seconds": phases["end"] - began,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--task-seconds", type=float, default=20.0)
    parser.add_argument("--every", type=float, default=0.0)
    parser.add_argument("--idle", type=float, default=3.0)
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args(argv)
    figures = child(args)
    Path(os.environ[procs.RESULT_ENV]).write_text(json.dumps(figures), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
