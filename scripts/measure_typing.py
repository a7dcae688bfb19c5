"""Measure keystroke latency in the script editor on a full-size script.

Builds a 9,999-character mixed Chinese/English script with about 100 pause markers (from the
shared samples, plus a few emoji), shows the editor panel and the counter wired as the main
window wires them, then types characters at the start, middle and end of the text (each
followed by Backspace so the length stays at the limit). Each keystroke is timed twice:

* handler: the key event alone (insert, analyse, re-highlight, problems list, counter);
* frame:   the key event plus the queued events that follow it, including the repaint.

It prints the median and 99th percentile, the same for a bare QPlainTextEdit (Qt's own cost),
and a breakdown of the per-change work. Not a test: timings depend on the machine, so nothing
here asserts.

    QT_QPA_PLATFORM=offscreen python scripts/measure_typing.py [--keys 600]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QVBoxLayout, QWidget  # noqa: E402

from soundclone_desktop.core.script import MAX_REQUEST_CHARS, Utf16Map, analyze  # noqa: E402
from soundclone_desktop.ui.editor import ScriptEditorPanel  # noqa: E402
from soundclone_desktop.ui.editor.spans import block_starts, spans_by_block  # noqa: E402
from soundclone_desktop.ui.submit.counter import CounterWidget  # noqa: E402

SAMPLES = Path("/work/shared/samples")
FALLBACK = (
    "欢迎收听本期《Tech Weekly》。<#0.5#>今天我们聊聊 AI voice cloning 在有声书制作中的应用。\n"
    "第一个话题：how to keep a consistent voice across 20 chapters?<#1#> 😀\n"
)


def build_script() -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    unit = "\n".join(parts) if parts else FALLBACK
    unit = unit.replace("。", "。😀", 1)  # astral characters before markers: the UTF-16 case
    text = ""
    while len(text) < MAX_REQUEST_CHARS:
        text += unit + "\n"
    text = text[:MAX_REQUEST_CHARS]
    cut = text.rfind("<#")
    if cut > text.rfind("#>"):  # never end on half a marker
        text = text[:cut] + "x" * (MAX_REQUEST_CHARS - cut)
    return text


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(action: Callable[[], object], repeat: int = 50) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def type_and_time(
    app: QApplication, editor: QPlainTextEdit, text: str, keys: int
) -> tuple[list[float], list[float]]:
    """Type "a" then Backspace at the start, middle and end; time each key in ms."""
    handler: list[float] = []
    frame: list[float] = []
    anchors = [10, len(text) // 2, len(text) - 5]
    umap = Utf16Map(text)
    editor.setFocus()
    for i in range(keys):
        cursor = editor.textCursor()
        cursor.setPosition(umap.to_utf16(anchors[i % 3]))
        editor.setTextCursor(cursor)
        app.processEvents()
        for key in (Qt.Key.Key_A, Qt.Key.Key_Backspace):
            start = time.perf_counter()
            QTest.keyClick(editor, key, Qt.KeyboardModifier.NoModifier)
            mid = time.perf_counter()
            app.processEvents()  # queued work and the repaint of the viewport
            end = time.perf_counter()
            handler.append((mid - start) * 1000)
            frame.append((end - start) * 1000)
    return handler, frame


def report_times(name: str, handler: list[float], frame: list[float]) -> None:
    print(f"{name}:")
    for label, values in (("handler", handler), ("frame  ", frame)):
        print(
            f"  {label}: median {statistics.median(values):.2f} ms, "
            f"p99 {percentile(values, 0.99):.2f} ms, max {max(values):.2f} ms"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=600, help="keystrokes to time")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)

    window = QWidget()
    layout = QVBoxLayout(window)
    panel = ScriptEditorPanel()
    counter = CounterWidget()
    layout.addWidget(panel, 1)
    layout.addWidget(counter)
    panel.report_changed.connect(counter.set_report)
    window.resize(1000, 800)
    window.show()
    text = build_script()
    panel.set_text(text)
    app.processEvents()
    editor = panel.editor
    report = panel.report()
    print(
        f"script: {len(text):,} chars, {len(report.pauses)} markers, "
        f"{editor.blockCount()} lines, {len(report.problems)} problems"
    )

    handler, frame = type_and_time(app, editor, text, args.keys)
    assert panel.text() == text, "typing and Backspace should leave the text unchanged"
    print(f"keystrokes timed: {len(handler)}")
    report_times("studio editor", handler, frame)

    # Baseline: a bare QPlainTextEdit of the same size and font, same keystrokes. The
    # difference is what analysis, highlighting, chips, problems and counter cost.
    bare = QPlainTextEdit()
    bare.setFont(editor.font())
    bare.resize(editor.size())
    bare.setPlainText(text)
    bare.show()
    app.processEvents()
    report_times("bare QPlainTextEdit", *type_and_time(app, bare, text, args.keys))
    bare.close()

    document = editor.document()
    highlighter = editor._highlighter
    umap = Utf16Map(text)
    starts = block_starts(document)
    by_block = spans_by_block(report, umap, starts, len(text))
    print("breakdown (median of 50):")
    print(f"  toPlainText()            {timed(editor.toPlainText):.2f} ms")
    print(f"  analyze(text)            {timed(lambda: analyze(text)):.2f} ms")
    print(f"  Utf16Map(text)           {timed(lambda: Utf16Map(text)):.2f} ms")
    print(f"  block starts             {timed(lambda: block_starts(document)):.2f} ms")
    spans_ms = timed(lambda: spans_by_block(report, umap, starts, len(text)))
    print(f"  spans by block           {spans_ms:.2f} ms")
    print(f"  compare all blocks       {timed(lambda: highlighter.set_spans(by_block)):.2f} ms")
    print(f"  counter.set_report       {timed(lambda: counter.set_report(report)):.2f} ms")
    full = timed(highlighter.rehighlight, repeat=10)
    print(f"  (full rehighlight(), avoided: {full:.2f} ms)")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
