"""Start-up: process start until the main window is shown and the event loop is idle.

Each start is a fresh ``python -m tests.benchmarks.launch_*`` subprocess (offscreen Qt). The
clock runs from just before the parent spawns the child to the child's first idle after
``show()`` (see ``ready.py``), so interpreter start, imports, settings, the window and its
first paint all count, for the baseline exactly as for the app.

Variants, interleaved in every round (the order rotates from round to round):

- ``bare``: a bare PySide6 ``QMainWindow`` (the baseline);
- ``plain``: ``soundclone-desktop`` with no key, as a new user starts it: the window plus
  the welcome dialog;
- ``demo``: ``soundclone-desktop --demo``: also starts the embedded demo server and asks it
  for the balance;
- ``big``: ``plain`` with a data folder holding 10,000 tasks and 50 voices.

Every round starts each variant twice: *cold-ish* (the files that variant's start reads,
found by a discovery start, are first dropped from the page cache with
``posix_fadvise(DONTNEED)``; pages other processes keep mapped stay cached) and *warm*.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks import procs
from tests.benchmarks.names import LIST_FILES_ENV, OPEN_HISTORY_ENV, READY_FILE_ENV, SETTLE_ENV

BASELINE = "bare"
MODULES = {"bare": "tests.benchmarks.launch_bare"}
APP = "tests.benchmarks.launch_app"
ARGS = {"bare": [], "plain": [], "demo": ["--demo"], "big": []}
OPEN_HISTORY = {"plain", "big"}  # after settling, click the History tab (memory, load time)


@dataclass
class Launch:
    variant: str
    cold: bool
    seconds: float  # spawn to first idle after show
    settled: float  # spawn to the end of the last start-up work seen after that
    rss_ready: int | None
    rss_settled: int | None
    phases: dict[str, float]  # mark name -> seconds since spawn
    loading_stall: float | None = None  # longest wait of a key typed while the rest loads
    history_seconds: float | None = None  # History tab clicked until its rows are shown
    history_rows: int | None = None
    rss_history: int | None = None


@dataclass
class StartupResult:
    launches: list[Launch] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    evicted_mb: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def phase(self, variant: str, cold: bool, mark: str) -> list[float]:
        """Seconds from spawn to ``mark`` (``painted``, ``interactive``...) per launch."""
        return [
            x.phases[mark]
            for x in self.launches
            if x.variant == variant and x.cold == cold and mark in x.phases
        ]

    def series(self, variant: str, cold: bool, what: str = "seconds") -> list[float]:
        return [
            getattr(x, what)
            for x in self.launches
            if x.variant == variant and x.cold == cold and getattr(x, what) is not None
        ]


class _Variant:
    def __init__(self, name: str, root: Path, data_dir: Path | None) -> None:
        self.name = name
        self.module = MODULES.get(name, APP)
        self.args = ARGS[name]
        self.data_dir = data_dir or root / name / "data"
        self.config_dir = root / name / "config"
        self.files: list[str] = []

    def env(self, settle: float) -> dict[str, str]:
        return {
            "SOUNDCLONE_DATA_DIR": str(self.data_dir),
            "SOUNDCLONE_CONFIG_DIR": str(self.config_dir),
            SETTLE_ENV: str(settle),
        }

    def launch(self, settle: float, *, cold: bool, discover: bool = False) -> Launch:
        env = self.env(settle)
        if self.name in OPEN_HISTORY:
            env[OPEN_HISTORY_ENV] = "1"
        if discover:
            env[LIST_FILES_ENV] = "1"
        figures, started = procs.run_json(
            self.module, self.args, env=env, timeout=120, result_env=READY_FILE_ENV
        )
        if discover:
            files = [str(f) for f in figures.get("files", [])]  # type: ignore[union-attr]
            self.files = files + procs.files_under(self.data_dir)
        marks = figures.get("marks", {})
        assert isinstance(marks, dict)
        return Launch(
            variant=self.name,
            cold=cold,
            seconds=float(figures["ready"]) - started,  # type: ignore[arg-type]
            settled=float(figures["settled"]) - started,  # type: ignore[arg-type]
            rss_ready=figures.get("rss_ready"),  # type: ignore[arg-type]
            rss_settled=figures.get("rss_settled"),  # type: ignore[arg-type]
            phases={k: float(v) - started for k, v in marks.items()},
            loading_stall=figures.get("loading_stall"),  # type: ignore[arg-type]
            history_seconds=figures.get("history_seconds"),  # type: ignore[arg-type]
            history_rows=figures.get("history_rows"),  # type: ignore[arg-type]
            rss_history=figures.get("rss_history"),  # type: ignore[arg-type]
        )


def run(
    rounds: int, *, big_data_dir: Path | None, settle: float = 0.8, cold: bool = True
) -> StartupResult:
    result = StartupResult()
    names = ["bare", "plain", "demo"] + (["big"] if big_data_dir is not None else [])
    if big_data_dir is None:
        result.notes.append("big library: skipped (no seeded data folder)")
    result.variants = names
    root = Path(tempfile.mkdtemp(prefix="sc-bench-startup-"))
    try:
        variants = [_Variant(n, root, big_data_dir if n == "big" else None) for n in names]
        for variant in variants:  # discovery: warms up, lists the files a start reads
            variant.launch(settle, cold=False, discover=True)
        for number in range(rounds):
            shift = number % len(variants)
            order = variants[shift:] + variants[:shift]
            if cold:
                for variant in order:
                    evicted = procs.evict_from_page_cache(variant.files)
                    result.evicted_mb[variant.name] = evicted / 1e6
                    result.launches.append(variant.launch(settle, cold=True))
            for variant in order:
                result.launches.append(variant.launch(settle, cold=False))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return result
