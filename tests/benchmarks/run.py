"""Run every benchmark and print one table: ``python -m tests.benchmarks [--quick]``.

Every figure is put next to a baseline measured in the same invocation, interleaved with
it where the two can alternate (start-up rounds, typing blocks), so a machine that gets
busier halfway through slows both. Medians are shown with the lowest and highest value
across rounds. See README.md here for the method and the latest figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks import many_tasks, procs, startup
from tests.benchmarks.stats import percentile, ratios, summarize

README = Path(__file__).with_name("README.md")
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"
SECTIONS = (
    "startup", "typing", "tasks", "steady", "segment", "bookstore", "bookview", "bookrender",
)  # fmt: skip


@dataclass(frozen=True)
class Settings:
    startup_rounds: int
    keys: int
    burst_tasks: int
    burst_seconds: float
    steady_tasks: int
    steady_seconds: float
    steady_every: float


FULL = Settings(
    startup_rounds=5, keys=600, burst_tasks=200, burst_seconds=20.0,
    steady_tasks=20, steady_seconds=10.0, steady_every=2.5,
)  # fmt: skip
QUICK = Settings(
    startup_rounds=2, keys=150, burst_tasks=40, burst_seconds=10.0,
    steady_tasks=6, steady_seconds=8.0, steady_every=2.5,
)  # fmt: skip


@dataclass
class Row:
    section: str
    figure: str
    value: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    verdict: str = ""  # "ok", "MISSED" or "" (no target)


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "MISSED")


def ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:.1f} ms"


def mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value / 1024 / 1024:.0f} MB"


# -- start-up ---------------------------------------------------------------------------------


def startup_rows(result: startup.StartupResult) -> list[Row]:
    rows: list[Row] = []
    names = {
        "plain": "plain start (no key: window + welcome)",
        "demo": "--demo (embedded server, balance)",
        "big": "plain, 10,000 tasks + 50 voices",
    }
    moments = (
        ("painted", "first paint", 1.3),
        ("interactive", "interactive (a key typed at the first paint handled)", 2.0),
    )
    for cold in (False, True):
        kind = "cold-ish" if cold else "warm"
        for mark, what, target in moments:
            bare = result.phase("bare", cold, mark)
            if not bare:
                continue
            rows.append(
                Row(
                    "Start-up", f"bare QMainWindow, {what}, {kind}", summarize(bare).text(unit=" s")
                )
            )
            for name in result.variants:
                values = result.phase(name, cold, mark)
                if name == "bare" or not values:
                    continue
                ratio = ratios(values, bare)
                rows.append(
                    Row(
                        "Start-up",
                        f"{names[name]}, {what}, {kind}",
                        summarize(values).text(unit=" s"),
                        f"{summarize(bare).median:.2f} s",
                        ratio.text(unit="×"),
                        f"≤ {target}× bare",
                        verdict(ratio.median <= target),
                    )
                )
        for name in result.variants:
            stalls = result.series(name, cold, "loading_stall")
            if name != "bare" and stalls:
                rows.append(
                    Row(
                        "Start-up",
                        f"{names[name]}, longest wait of a key typed while the rest loads, {kind}",
                        summarize(stalls).text(fmt="{:.3f}", unit=" s"),
                    )
                )
        bare = result.series("bare", cold)
        if not bare:
            continue
        rows.append(
            Row(
                "Start-up",
                f"bare QMainWindow, shown and idle, {kind}",
                summarize(bare).text(unit=" s"),
            )
        )
        for name in result.variants:
            if name == "bare":
                continue
            values = result.series(name, cold)
            rows.append(
                Row(
                    "Start-up",
                    f"{names[name]}, every panel built and idle, {kind}",
                    summarize(values).text(unit=" s"),
                    f"{summarize(bare).median:.2f} s",
                    ratios(values, bare).text(unit="×"),
                )
            )
    libraries = {"plain": "empty library", "big": "10,000-task library"}
    for name, library in libraries.items():
        shown = [x for x in result.launches if x.variant == name and x.history_seconds is not None]
        if shown:
            rows_shown = max(x.history_rows or 0 for x in shown)
            rows.append(
                Row(
                    "Start-up",
                    f"History tab clicked → rows shown ({library}: {rows_shown} rows listed)",
                    summarize([x.history_seconds for x in shown]).text(fmt="{:.3f}", unit=" s"),
                )
            )
    if "big" in result.variants:
        for cold in (False, True):
            kind = "cold-ish" if cold else "warm"
            big, plain = result.series("big", cold), result.series("plain", cold)
            ratio = ratios(big, plain)
            rows.append(
                Row(
                    "Start-up",
                    f"big library vs empty, {kind}",
                    summarize(big).text(unit=" s"),
                    f"{summarize(plain).median:.2f} s",
                    ratio.text(unit="×"),
                    "≤ 1.10× empty",
                    verdict(ratio.median <= 1.10),
                )
            )
        big, plain = (
            result.series("big", False, "settled"),
            result.series("plain", False, "settled"),
        )
        ratio = ratios(big, plain)
        rows.append(
            Row(
                "Start-up",
                "big library vs empty, warm, until settled",
                summarize(big).text(unit=" s"),
                f"{summarize(plain).median:.2f} s",
                ratio.text(unit="×"),
                "≤ 1.10× empty",
                verdict(ratio.median <= 1.10),
            )
        )
    return rows


def phase_table(result: startup.StartupResult) -> list[str]:
    """Median seconds from spawn to each mark, warm starts (where the time goes)."""
    lines = []
    for name in result.variants:
        launches = [x for x in result.launches if x.variant == name and not x.cold]
        if not launches:
            continue
        keys = [
            k
            for k in ("script", "imported", "painted", "interactive", "context", "loop", "window")
            if k in launches[0].phases
        ]
        parts = [f"{k} {statistics.median(x.phases[k] for x in launches):.2f}" for k in keys]
        ready = statistics.median(x.seconds for x in launches)
        lines.append(f"{name}: " + ", ".join(parts) + f", idle {ready:.2f} s")
    return lines


# -- typing -----------------------------------------------------------------------------------


def typing_rows(figures: dict[str, object]) -> list[Row]:
    typing = figures["typing"]
    assert isinstance(typing, dict)
    app, bare = typing["samples"]["app"], typing["samples"]["bare"]
    blocks = typing["blocks"]
    app_blocks = [m for n, m in blocks if n == "app"]
    bare_blocks = [m for n, m in blocks if n == "bare"]
    pairs = min(len(app_blocks), len(bare_blocks))
    block_ratio = ratios(app_blocks[:pairs], bare_blocks[:pairs])
    p99_app, p99_bare = percentile(app, 99), percentile(bare, 99)
    after = max(typing["after"]["app"]) if typing["after"]["app"] else None
    rows = [
        Row(
            "Typing",
            f"keystroke, median ({len(app)} keys, 9,999-char script)",
            ms(statistics.median(app)),
            ms(statistics.median(bare)),
            block_ratio.text(unit="×"),
            "≤ 1.5× bare",
            verdict(block_ratio.median <= 1.5),
        ),
        Row(
            "Typing",
            "keystroke, p99",
            ms(p99_app),
            ms(p99_bare),
            f"{p99_app / p99_bare:.1f}×",
            "≤ 16 ms",
            verdict(p99_app <= 0.016),
        ),
        Row("Typing", "keystroke, max", ms(max(app)), ms(max(bare))),
        Row("Typing", "work after idle between keys, max", ms(after)),
        Row("Typing", "set_text of the 9,999-char script", ms(typing["set_text_seconds"])),
    ]
    analyse = figures["analyze"]
    assert isinstance(analyse, dict)
    medians = {}
    for label, data in analyse.items():
        ours, base = data["analyze"], data["baseline"]
        medians[label] = statistics.median(ours)
        rows.append(
            Row(
                "Typing",
                f"analyze() alone, {data['chars']:,} chars",
                ms(statistics.median(ours)),
                ms(statistics.median(base)) + " (marker regex)",
                ratios(ours, base).text(fmt="{:.1f}", unit="×"),
            )
        )
    if "10k" in medians and "100k" in medians:
        growth = medians["100k"] / medians["10k"]
        rows.append(
            Row(
                "Typing",
                "analyze() 100k / 10k (linear ≈ 10)",
                f"{growth:.1f}×",
                target="< 20× (linear)",
                verdict=verdict(growth < 20),
            )
        )
    waveform = typing.get("waveform") or {}
    for width, data in waveform.items():
        ours, base = data["waveform"], data["baseline"]
        rows.append(
            Row(
                "Player",
                f"waveform repaint, {width} px wide (playhead moves every 30 ms)",
                ms(statistics.median(ours)),
                ms(statistics.median(base)) + " (bare widget)",
                ratios(ours, base).text(fmt="{:.0f}", unit="×"),
                "≤ 16 ms",
                verdict(statistics.median(ours) <= 0.016),
            )
        )
    return rows


# -- tasks ------------------------------------------------------------------------------------


def tasks_rows(figures: dict[str, object], label: str, *, cpu_target: bool) -> list[Row]:
    stalls, cpu = figures["stalls"], figures["cpu"]
    assert isinstance(stalls, dict) and isinstance(cpu, dict)
    section = f"Tasks: {label}"
    worst = stalls["all"]["max"]
    rows = [
        Row(
            section,
            f"longest UI stall ({figures['tasks']} tasks of {figures['task_seconds']:g} s)",
            ms(worst),
            ms(stalls["idle"]["max"]) + " (idle)",
            f"{worst / stalls['idle']['max']:.0f}×" if worst and stalls["idle"]["max"] else "",
            "≤ 50 ms",
            verdict(worst is not None and worst <= 0.050),
        ),
    ]
    if cpu_target:  # a burst has clean phases; in the steady case they overlap
        phases = " / ".join(str(stalls[p]["over_50ms"]) for p in ("submit", "waiting", "finish"))
        rows.append(Row(section, "stalls over 50 ms (submit / waiting / finish)", phases))
    else:
        rows.append(Row(section, "stalls over 50 ms", str(stalls["all"]["over_50ms"])))
    own = stalls["all"].get("max_without_cpu_wait")
    if own is not None:  # older raw files lack the split
        rows.append(
            Row(
                section,
                "longest stall less the GUI thread's wait for a CPU (what the app did); "
                "stalls over 50 ms so",
                f"{ms(own)}; {stalls['all']['over_50ms_without_cpu_wait']}",
                "",
                "",
                "≤ 50 ms",
                verdict(own <= 0.050),
            )
        )
    if cpu_target:
        waiting, idle, quiet = cpu.get("waiting"), cpu.get("idle"), cpu.get("quiet")
        probe = max(0.0, (idle or 0) - (quiet or 0))
        net = None if waiting is None else max(0.0, waiting - probe)
        rows.append(
            Row(
                section,
                "CPU while all tasks wait (probe's share removed)",
                "n/a" if net is None else f"{net * 100:.1f}% of a core",
                "n/a" if idle is None else f"{(quiet or 0) * 100:.1f}% (idle)",
                "" if net is None else f"raw {waiting * 100:.1f}%",
                "< 5% of a core",
                verdict(None if net is None else net < 0.05),
            )
        )
    counts, allowed = figures["polls_per_task"], figures["polls_allowed"]
    assert isinstance(counts, list) and isinstance(allowed, list)
    rows.append(
        Row(
            section,
            "polls per task, median (max)",
            f"{statistics.median(counts):g} ({max(counts)})" if counts else "n/a",
            f"allowed {statistics.median(allowed):g} ({max(allowed)})" if allowed else "",
            f"{figures['tasks_over_guidance']} tasks over",
            "0 over guidance (≥ 5 s apart)",
            verdict(figures["tasks_over_guidance"] == 0),
        )
    )
    gap = figures["min_poll_gap"]
    rows.append(
        Row(
            section,
            "closest two polls of one task; busiest second",
            "n/a (≤ 1 poll each)" if gap is None else f"{gap:.2f} s",
            f"{figures['busiest_second']} polls in 1 s",
            target="≥ 5 s",
            verdict=verdict(None if gap is None else gap >= 4.99),
        )
    )
    delays = figures["delays"]
    assert isinstance(delays, list)
    if delays:
        median = statistics.median(delays)
        rows.append(
            Row(
                section,
                "server done → audio on disk, median (p90, max)",
                f"{median:.2f} s ({percentile(delays, 90):.1f}, {max(delays):.1f})",
                "poll interval 5 s",
                f"{median / 5:.2f}×",
                "< 2.5 s (½ interval)",
                verdict(median < 2.5),
            )
        )
    states = figures["states"]
    rows.append(Row(section, "final states", ", ".join(f"{k} {v}" for k, v in states.items())))
    return rows


def memory_rows(start: startup.StartupResult | None, burst: dict[str, object] | None) -> list[Row]:
    rows: list[Row] = []
    bare = None
    if start is not None:
        bare_rss = [x.rss_settled for x in start.launches if x.variant == "bare" and x.rss_settled]
        bare = statistics.median(bare_rss) if bare_rss else None
        labels = {
            "plain": "after start-up (plain)",
            "demo": "after start-up (--demo)",
            "big": "after start-up, 10,000-task library",
        }
        for name, label in labels.items():
            values = [x.rss_settled for x in start.launches if x.variant == name and x.rss_settled]
            if name == "big":  # "with the 10,000-row history open"
                opened = [x.rss_history for x in start.launches if x.variant == name]
                if any(opened):
                    values = [v for v in opened if v]
                    label = "10,000-task library, History tab open"
            if values:
                value = statistics.median(values)
                rows.append(
                    Row(
                        "Memory",
                        f"resident, {label}",
                        mb(value),
                        mb(bare) + " (bare window)",
                        f"{value / bare:.1f}×" if bare else "",
                        "< 300 MB",
                        verdict(value < 300 * 1024 * 1024),
                    )
                )
    if burst is not None:
        rss = burst["rss"]
        assert isinstance(rss, dict)
        done = rss.get("done_after_gc") or rss.get("done")
        rows.append(
            Row(
                "Memory",
                f"resident, after {burst['tasks']} finished tasks",
                mb(done),
                mb(rss.get("open")) + " (window open)",
                f"{done / rss['open']:.2f}×" if done and rss.get("open") else "",
                "< 300 MB",
                verdict(done is not None and done < 300 * 1024 * 1024),
            )
        )
    return rows


# -- book segmentation ------------------------------------------------------------------------


def segment_rows(figures: dict[str, object]) -> list[Row]:
    ours, base, sentences = figures["segment"], figures["baseline"], figures["sentences"]
    changed = figures["edit_changed"]
    assert isinstance(ours, list) and isinstance(base, list) and isinstance(sentences, list)
    largest = figures["max_request_chars"]
    assert isinstance(changed, list) and isinstance(largest, int)
    chars = f"{figures['chars']:,} chars"
    return [
        Row(
            "Book",
            f"segment a chapter of {chars} ({figures['segments']} segments)",
            summarize(ours).text(fmt="{:.3f}", unit=" s"),
            f"{statistics.median(base):.3f} s (read once: splitlines + punctuation regex)",
            ratios(ours, base).text(fmt="{:.1f}", unit="×"),
            "< 1 s (issue: import + segment < 5 s)",
            verdict(statistics.median(ours) < 1.0),
        ),
        Row(
            "Book",
            f"number the sentences of {chars} ({figures['sentence_count']:,} sentences)",
            summarize(sentences).text(fmt="{:.3f}", unit=" s"),
        ),
        Row(
            "Book",
            "segment size, mean billable chars (largest request)",
            f"{figures['mean_chars']:.0f} ({largest:,})",
            target="≤ 9,999 request chars",
            verdict=verdict(largest <= 9999),
        ),
        Row(
            "Book",
            f"segments changed by one paragraph edit, mean (max) of {len(changed)}",
            f"{statistics.mean(changed):.2f} ({max(changed)})",
        ),
    ]


# -- book store -------------------------------------------------------------------------------


def bookstore_rows(figures: dict[str, object]) -> list[Row]:
    base = figures["baseline"]
    assert isinstance(base, list)
    size = f"{figures['chars']:,} chars, {figures['takes']:,} takes"
    reference = f"{statistics.median(base):.3f} s (sqlite3 reads every row)"
    rows = []
    for key, label, target in (
        ("open", f"open a book of {size}", 1.0),
        ("open_segments", "open + segments and status of every chapter", 1.0),
    ):
        values = figures[key]
        assert isinstance(values, list)
        rows.append(
            Row(
                "Book",
                label,
                summarize(values).text(fmt="{:.3f}", unit=" s"),
                reference,
                ratios(values, base).text(fmt="{:.1f}", unit="×"),
                f"< {target:g} s",
                verdict(statistics.median(values) < target),
            )
        )
    for key, label in (("edit", "save one chapter's edit"), ("take", "add one take (fsynced)")):
        values = figures[key]
        assert isinstance(values, list)
        rows.append(Row("Book", label, summarize(values).text(fmt="{:.3f}", unit=" s")))
    return rows


# -- output -----------------------------------------------------------------------------------


def markdown(rows: list[Row]) -> str:
    lines = [
        "| Section | Figure | Value (median, min–max) | Baseline | Ratio | Target | |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = [
            row.section,
            row.figure,
            row.value,
            row.baseline,
            row.ratio,
            row.target,
            row.verdict,
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        total = int(Path("/proc/meminfo").read_text().split()[1]) * 1024
        memory = f", {total / 1024**3:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    try:
        import PySide6

        qt = f"PySide6 {PySide6.__version__}"
    except ImportError:
        qt = "PySide6 ?"
    return (
        f"{platform.node()}: {cpu}, {os.cpu_count()} cores{memory}; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; {qt}; offscreen QPA"
    )


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def update_readme(block: str) -> None:
    text = README.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(text):
        raise SystemExit(f"{README} has no {BEGIN} … {END} block")
    README.write_text(pattern.sub(lambda _m: f"{BEGIN}\n{block}\n{END}", text), encoding="utf-8")


def rows_from_raw(raw: dict[str, object]) -> tuple[list[Row], startup.StartupResult | None]:
    """The table rows from the raw figures of a ``--json`` file (re-render without re-running)."""
    rows: list[Row] = []
    start: startup.StartupResult | None = None
    launches = raw.get("startup")
    if isinstance(launches, list):
        start = startup.StartupResult(launches=[startup.Launch(**x) for x in launches])
        start.variants = list(dict.fromkeys(x.variant for x in start.launches))
        rows.extend(startup_rows(start))
    if isinstance(raw.get("typing"), dict):
        rows.extend(typing_rows(raw["typing"]))  # type: ignore[arg-type]
    burst = raw.get("burst")
    if isinstance(burst, dict):
        rows.extend(tasks_rows(burst, "burst", cpu_target=True))
    steady = raw.get("steady")
    if isinstance(steady, dict):
        label = f"one every {steady['every']:g} s" if steady.get("every") else "steady"
        rows.extend(tasks_rows(steady, label, cpu_target=False))
    rows.extend(memory_rows(start, burst if isinstance(burst, dict) else None))
    if isinstance(raw.get("segment"), dict):
        rows.extend(segment_rows(raw["segment"]))  # type: ignore[arg-type]
    if isinstance(raw.get("bookstore"), dict):
        rows.extend(bookstore_rows(raw["bookstore"]))  # type: ignore[arg-type]
    rows.extend(book_sections_from_raw(raw))
    return rows, start


def book_sections_from_raw(raw: dict[str, object]) -> list[Row]:
    from tests.benchmarks.book_rows import bookrender_rows, bookview_rows

    rows: list[Row] = []
    if isinstance(raw.get("bookview"), dict):
        rows.extend(bookview_rows(raw["bookview"]))  # type: ignore[arg-type]
    if isinstance(raw.get("bookrender"), dict):
        rows.extend(bookrender_rows(raw["bookrender"]))  # type: ignore[arg-type]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few rounds, few tasks (minutes)")
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"comma-separated: {','.join(SECTIONS)}"
    )
    parser.add_argument("--rounds", type=int, help="start-up rounds (default 5, quick 2)")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-ish starts")
    parser.add_argument("--json", type=Path, help="also write every raw figure here")
    parser.add_argument(
        "--update-readme", action="store_true", help="put the table into README.md here"
    )
    parser.add_argument(
        "--from-json", type=Path, help="re-print the table of an earlier --json file, run nothing"
    )
    args = parser.parse_args(argv)
    if args.from_json:
        saved = json.loads(args.from_json.read_text(encoding="utf-8"))
        rows, _ = rows_from_raw(saved["raw"])
        notes = [str(n) for n in saved.get("notes", [])]
        block = "\n".join([saved["header"], "", markdown(rows), "", *(f"- {n}" for n in notes)])
        print(block)
        if args.update_readme:
            update_readme(block)
        return 0
    settings = QUICK if args.quick else FULL
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {sorted(unknown)}; choose from {', '.join(SECTIONS)}")

    began = time.time()
    load_before = load()
    rows: list[Row] = []
    notes: list[str] = []
    raw: dict[str, object] = {}
    start_result: startup.StartupResult | None = None
    burst: dict[str, object] | None = None

    def step(name: str, work: Callable[[], None]) -> None:
        print(f"[{time.time() - began:5.0f} s] {name}…", file=sys.stderr, flush=True)
        try:
            work()
        except procs.ChildFailedError as exc:
            notes.append(f"{name} failed: {str(exc).splitlines()[0]}")
            print(exc, file=sys.stderr)

    if "startup" in only:

        def run_startup() -> None:
            nonlocal start_result
            from tests.benchmarks import seed

            seed_root = Path(tempfile.mkdtemp(prefix="sc-bench-big-"))
            big: Path | None = seed_root / "data"
            try:
                seconds = seed.seeded_data_dir(big)
                notes.append(
                    f"big library: 10,000 tasks + 50 voices, written in {seconds:.0f} s through "
                    "the libraries' APIs (cached for later runs)"
                )
            except seed.SeedUnavailableError as exc:
                notes.append(f"big library skipped: {exc}")
                big = None
            try:
                rounds = args.rounds or settings.startup_rounds
                start_result = startup.run(rounds, big_data_dir=big, cold=not args.no_cold)
            finally:
                shutil.rmtree(seed_root, ignore_errors=True)
            notes.extend(start_result.notes)
            rows.extend(startup_rows(start_result))
            raw["startup"] = [vars(x) for x in start_result.launches]
            notes.extend("start-up phases (s since spawn, warm): " + line
                         for line in phase_table(start_result))  # fmt: skip

        step("start-up", run_startup)

    if "typing" in only:

        def run_typing() -> None:
            with tempfile.TemporaryDirectory(prefix="sc-bench-typing-") as tmp:
                figures, _ = procs.run_json(
                    "tests.benchmarks.keystrokes",
                    ["--keys", str(settings.keys)],
                    env={
                        "SOUNDCLONE_DATA_DIR": str(Path(tmp) / "data"),
                        "SOUNDCLONE_CONFIG_DIR": str(Path(tmp) / "config"),
                    },
                    timeout=600,
                )
            raw["typing"] = figures
            rows.extend(typing_rows(figures))

        step("typing", run_typing)

    if "tasks" in only:

        def run_burst() -> None:
            nonlocal burst
            burst = many_tasks.run("burst", settings.burst_tasks, settings.burst_seconds)
            raw["burst"] = burst
            rows.extend(tasks_rows(burst, "burst", cpu_target=True))

        step(f"{settings.burst_tasks} tasks at once", run_burst)

    if "steady" in only:

        def run_steady() -> None:
            steady = many_tasks.run(
                "steady", settings.steady_tasks, settings.steady_seconds, settings.steady_every
            )
            raw["steady"] = steady
            rows.extend(
                tasks_rows(steady, f"one every {settings.steady_every:g} s", cpu_target=False)
            )

        step("steady tasks", run_steady)

    rows.extend(memory_rows(start_result, burst))

    if "segment" in only:

        def run_segment() -> None:
            rounds = str(args.rounds or (3 if args.quick else 7))
            figures, _ = procs.run_json("tests.benchmarks.segmenting", ["--rounds", rounds])
            raw["segment"] = figures
            rows.extend(segment_rows(figures))

        step("book segmentation", run_segment)

    if "bookstore" in only:

        def run_bookstore() -> None:
            rounds = str(args.rounds or (3 if args.quick else 7))
            figures, _ = procs.run_json("tests.benchmarks.book_store", ["--rounds", rounds])
            raw["bookstore"] = figures
            rows.extend(bookstore_rows(figures))

        step("book store", run_bookstore)

    if "bookview" in only:

        def run_bookview() -> None:
            from tests.benchmarks.book_rows import bookview_rows

            keys = str(settings.keys)
            rounds = str(args.rounds or (3 if args.quick else 5))
            with tempfile.TemporaryDirectory(prefix="sc-bench-bookview-") as tmp:
                figures, _ = procs.run_json(
                    "tests.benchmarks.book_view", ["--rounds", rounds, "--keys", keys],
                    env={"SOUNDCLONE_DATA_DIR": str(Path(tmp) / "data"),
                         "SOUNDCLONE_CONFIG_DIR": str(Path(tmp) / "config")},
                    timeout=900,
                )  # fmt: skip
            raw["bookview"] = figures
            rows.extend(bookview_rows(figures))

        step("book view (open, typing)", run_bookview)

    if "bookrender" in only:

        def run_bookrender() -> None:
            from tests.benchmarks import book_render
            from tests.benchmarks.book_rows import bookrender_rows

            segments = 100 if args.quick else book_render.SEGMENTS
            figures = book_render.run(segments, book_render.TASK_SECONDS)
            raw["bookrender"] = figures
            rows.extend(bookrender_rows(figures))

        step("book render (300 segments)", run_bookrender)

    took = time.time() - began
    header = (
        f"{time.strftime('%Y-%m-%d %H:%M')} · {machine()} · "
        f"{'--quick' if args.quick else 'full run'} · took {took / 60:.1f} min · "
        f"load average before {load_before}, after {load()}"
    )
    table = markdown(rows)
    block = "\n".join([header, "", table, "", *(f"- {note}" for note in notes)])
    print(block)
    if args.json:
        everything = {"header": header, "rows": [vars(r) for r in rows], "notes": notes, "raw": raw}
        args.json.write_text(json.dumps(everything, default=str), encoding="utf-8")
    if args.update_readme:
        update_readme(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
