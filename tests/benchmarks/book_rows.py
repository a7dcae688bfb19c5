"""Table rows of the book view and book render benchmarks (``book_view.py``,
``book_render.py``), kept apart from ``run.py`` so each section reads on its own."""

from __future__ import annotations

import statistics

from tests.benchmarks.run import Row, mb, ms, verdict
from tests.benchmarks.stats import percentile, ratios, summarize

STALL_TARGET = 0.050
KEY_P99_TARGET = 0.016


def bookview_rows(figures: dict[str, object]) -> list[Row]:
    opened, stall, idle = figures["open"], figures["stall"], figures["idle_stall"]
    typing = figures["typing"]
    assert isinstance(opened, list) and isinstance(stall, list) and isinstance(idle, list)
    assert isinstance(typing, dict)
    book = f"{figures['chars']:,} chars, 3 takes per segment"
    app, bare = typing["samples"]["app"], typing["samples"]["bare"]
    app_blocks = [m for n, m in typing["blocks"] if n == "app"]
    bare_blocks = [m for n, m in typing["blocks"] if n == "bare"]
    pairs = min(len(app_blocks), len(bare_blocks))
    block_ratio = ratios(app_blocks[:pairs], bare_blocks[:pairs])
    p99_app, p99_bare = percentile(app, 99), percentile(bare, 99)
    after = typing["after"]["app"]
    chapter = f"{figures['chapter_chars']:,}-char chapter"
    return [
        Row(
            "Book view",
            f"open a book of {book}",
            summarize(opened).text(unit=" s"),
            target="< 1 s",
            verdict=verdict(statistics.median(opened) < 1.0),
        ),
        Row(
            "Book view",
            "longest GUI stall while opening (and 0.5 s after)",
            summarize(stall).text(fmt="{:.3f}", unit=" s"),
            f"{statistics.median(idle):.3f} s (idle window)",
            ratios(stall, idle).text(fmt="{:.0f}", unit="×"),
            "≤ 50 ms",
            verdict(statistics.median(stall) <= STALL_TARGET),
        ),
        *_own_stall_row(figures),
        Row(
            "Book view",
            f"keystroke, median ({len(app)} keys, {chapter})",
            ms(statistics.median(app)),
            ms(statistics.median(bare)) + " (bare editor)",
            block_ratio.text(unit="×"),
        ),
        Row(
            "Book view",
            "keystroke, p99",
            ms(p99_app),
            ms(p99_bare) + " (bare editor)",
            f"{p99_app / p99_bare:.1f}×",
            "≤ 16 ms",
            verdict(p99_app <= KEY_P99_TARGET),
        ),
        Row("Book view", "keystroke, max", ms(max(app)), ms(max(bare)) + " (bare editor)"),
        Row("Book view", "work after idle between keys, max", ms(max(after) if after else None)),
    ]


def _own_stall_row(figures: dict[str, object]) -> list[Row]:
    own = figures.get("stall_own")  # runs before this figure existed have none
    if not isinstance(own, list) or not own:
        return []
    return [
        Row(
            "Book view",
            "… less the GUI thread's wait for a core (what the app did)",
            summarize(own).text(fmt="{:.3f}", unit=" s"),
            target="≤ 50 ms",
            verdict=verdict(statistics.median(own) <= STALL_TARGET),
        )
    ]


def bookrender_rows(figures: dict[str, object]) -> list[Row]:
    stalls, cpu, rss = figures["stalls"], figures["cpu"], figures["rss"]
    assert isinstance(stalls, dict) and isinstance(cpu, dict) and isinstance(rss, dict)
    section = "Book render"
    segments = f"{figures['segments']} segments of {figures['task_seconds']:g} s"
    idle = stalls["idle"]["max"]
    worst = max(
        (s["max"] for name, s in stalls.items() if name != "idle" and s["max"] is not None),
        default=None,
    )
    own = max(
        (s.get("max_without_cpu_wait") or 0.0 for n, s in stalls.items() if n != "idle"),
        default=None,
    )
    waiting = cpu.get("waiting_net")
    gaps = figures["min_poll_gap"]
    counts, allowed = figures["polls_per_task"], figures["polls_allowed"]
    assert isinstance(counts, list) and isinstance(allowed, list)
    return [
        Row(
            section,
            f"longest GUI stall ({segments}, the window's render)",
            ms(worst),
            ms(idle) + " (idle)",
            f"{worst / idle:.0f}×" if worst and idle else "",
            "≤ 50 ms",
            verdict(worst is not None and worst <= STALL_TARGET),
        ),
        Row(
            section,
            "… less the GUI thread's wait for a core (what the app did); stalls over 50 ms so",
            f"{ms(own)}; "
            + " / ".join(
                str(stalls[n].get("over_50ms_without_cpu_wait", "?"))
                for n in ("render", "waiting", "finish")
            ),
            target="≤ 50 ms",
            verdict=verdict(own is not None and own <= STALL_TARGET),
        ),
        Row(
            section,
            "*Render book* clicked: longest stall until the dialog shows; after Render (own)",
            " / ".join(
                f"{ms(stalls[n]['max'])} ({ms(stalls[n].get('max_without_cpu_wait'))})"
                for n in ("click", "start")
                if n in stalls
            ),
            target="≤ 50 ms",
        ),
        Row(
            section,
            "stalls over 50 ms (render / waiting / finish)",
            " / ".join(str(stalls[n]["over_50ms"]) for n in ("render", "waiting", "finish")),
        ),
        Row(
            section,
            "CPU while the tasks wait (probe's share removed)",
            "n/a" if waiting is None else f"{waiting * 100:.1f}% of a core",
            f"{cpu['quiet'] * 100:.1f}% (idle)",
            "" if cpu.get("waiting") is None else f"raw {cpu['waiting'] * 100:.1f}%",
            "< 5% of a core",
            verdict(waiting is not None and waiting < 0.05),
        ),
        Row(
            section,
            "resident memory, peak sampled (after the render)",
            mb(rss.get("peak")),
            mb(rss.get("open")) + " (book open)",
            mb(rss.get("done")),
            "< 500 MB",
            verdict(rss.get("peak") is not None and rss["peak"] < 500 * 1024 * 1024),
        ),
        Row(
            section,
            "polls per segment's task, median (max)",
            f"{statistics.median(counts):g} ({max(counts)})" if counts else "n/a",
            f"allowed {statistics.median(allowed):g} ({max(allowed)})" if allowed else "",
            f"{figures['tasks_over_guidance']} tasks over",
            "0 over guidance (≥ 5 s apart)",
            verdict(figures["tasks_over_guidance"] == 0 and (gaps is None or gaps >= 5.0)),
        ),
        Row(
            section,
            "closest two polls of one task; busiest second",
            "n/a" if gaps is None else f"{gaps:.2f} s",
            f"{figures['busiest_second']} polls in 1 s",
            target="≥ 5 s",
            verdict=verdict(gaps is None or gaps >= 5.0),
        ),
        Row(
            section,
            "render wall time; segments rendered",
            f"{figures['render_seconds']:.0f} s",
            f"{figures['rendered']} of {figures['segments']}",
            target="all rendered",
            verdict=verdict(figures["rendered"] == figures["segments"]),
        ),
    ]
