"""Typing: time per keystroke into a 9,999-character script, the studio against a bare editor.

Child process (offscreen Qt, the app's own qasync loop). The whole studio window is built as
the app builds it (``app.build_context`` + ``app.open_window``, demo connection so the cost
line is live too) and a bare ``QPlainTextEdit`` window sits next to it with the same text.
Keys go to each in turn, in interleaved blocks, with ``QTest`` (press and release, through
Qt's event delivery). A keystroke's time runs from just before the key is sent until the
GUI thread's dispatcher is next about to block: the edit, analysis, highlighting, problem
list, counter, submit gate and the repaint all happen inside it. Keys are paced (``pace``
ms apart, a fast typist) and work that wakes up between keys (timers, deferred repaints) is
summed separately as ``after``.

The keystrokes are edit units typed in the middle of the text and then deleted again with
Backspace: Chinese characters, an English word, and a pause marker typed character by
character (so it is malformed until it is closed). Typing at 9,999 characters also pushes
the script over the request limit and back, the worst case for the counter and problems.

``analyze()`` is also timed alone on 10k and 100k characters, against one pass of the
reference's marker regex over the same text.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

from tests.benchmarks.procs import RESULT_ENV

UNITS: tuple[tuple[str, ...], ...] = (
    tuple("春眠不觉晓"),
    tuple(" voice"),
    tuple("<#0.3#>"),
    tuple("处处闻啼鸟"),
)
BACKSPACE = "\b"
_REFERENCE_MARKER = re.compile(r"<#(\d{1,2}(\.\d{1,2})?)#>")


def actions(count: int) -> list[str]:
    """``count`` keystrokes: each unit typed, then deleted, in turn."""
    keys: list[str] = []
    unit = 0
    while len(keys) < count:
        chars = UNITS[unit % len(UNITS)]
        keys.extend(chars)
        keys.extend(BACKSPACE * len(chars))
        unit += 1
    return keys[:count]


# -- analyze() alone ------------------------------------------------------------------------


def time_analyze(text: str, repeats: int) -> dict[str, object]:
    from soundclone_desktop.core.script import analyze

    def once(fn: object) -> float:
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        return time.perf_counter() - start

    figures: dict[str, object] = {}
    for label, sample in (("10k", text), ("100k", (text * 11)[:100_000])):
        ours, base = [], []
        for _ in range(repeats):  # interleaved: analysis, then the baseline scan
            ours.append(once(lambda s=sample: analyze(s)))
            base.append(once(lambda s=sample: sum(1 for _ in _REFERENCE_MARKER.finditer(s))))
        figures[label] = {
            "chars": len(sample),
            "analyze": ours,
            "baseline": base,
        }
    return figures


# -- typing ---------------------------------------------------------------------------------


def run_typing(keys: int, block: int, pace_ms: int) -> dict[str, object]:
    os.environ.setdefault("QT_API", "pyside6")
    import asyncio

    import qasync  # type: ignore[import-untyped]

    from soundclone_desktop import app, i18n
    from soundclone_desktop.ui.common import async_utils
    from tests.benchmarks.script_text import build_script

    script = build_script()
    options = app.parse_args(["--demo"])
    qapp = app.create_application(options.qt_args)
    ctx = app.build_context(options, crash_log=False)
    i18n.install("en")

    async def session() -> dict[str, object]:
        qapp.setQuitOnLastWindowClosed(False)  # as app.run_gui: cleanup needs the loop
        window = await app.open_window(ctx, options)
        try:
            figures = await _type_into(window, script, keys, block, pace_ms)
            figures["waveform"] = await time_waveform()
            return figures
        finally:
            window._confirmed_close = True
            window.close()
            await async_utils.cancel_all_and_wait()
            await ctx.session.aclose()

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(qapp)) as runner:
        return runner.run(session())


async def _type_into(
    window: object, script: str, keys: int, block: int, pace_ms: int
) -> dict[str, object]:
    import asyncio

    from PySide6.QtCore import (
        QAbstractEventDispatcher,
        QCoreApplication,
        QEvent,
        QObject,
        Qt,
        QTimer,
    )
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

    studio_editor = window.editor  # type: ignore[attr-defined]
    started = time.perf_counter()
    window.editor_panel.set_text(script)  # type: ignore[attr-defined]
    set_text_seconds = time.perf_counter() - started

    bare_window = QMainWindow()
    bare_window.setWindowTitle("Bare editor")
    bare_window.resize(window.size())  # type: ignore[attr-defined]
    bare_editor = QPlainTextEdit()
    bare_window.setCentralWidget(bare_editor)
    bare_editor.setPlainText(script)
    bare_window.show()

    middle = script.index("\n", len(script) // 2)  # the end of a line mid-script
    for editor in (studio_editor, bare_editor):
        cursor = editor.textCursor()
        cursor.setPosition(middle)  # no astral characters: code points are UTF-16 units
        cursor.movePosition(QTextCursor.MoveOperation.PreviousCharacter)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()

    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    sequence = actions(keys)

    class Typist(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.samples: dict[str, list[float]] = {"app": [], "bare": []}
            self.after: dict[str, list[float]] = {"app": [], "bare": []}
            self.blocks: list[tuple[str, float]] = []  # (target, median of the block)
            self.targets = [("app", window, studio_editor), ("bare", bare_window, bare_editor)]
            self.turn = 0  # which target types next
            self.index = {"app": 0, "bare": 0}  # position in the key sequence per target
            self.in_block = 0
            self.switch_next = False
            self.t0 = 0.0
            self.waiting = False
            self.awake_at: float | None = None
            self.timer = QTimer(self)
            self.timer.setSingleShot(True)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(pace_ms)
            self.timer.timeout.connect(self.press)
            dispatcher = QAbstractEventDispatcher.instance()
            assert dispatcher is not None
            dispatcher.aboutToBlock.connect(self.idle)
            dispatcher.awake.connect(self.woke)
            self.switch()

        def switch(self) -> None:
            _name, win, editor = self.targets[self.turn]
            win.activateWindow()
            win.raise_()
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            self.in_block = 0
            self.timer.start(max(pace_ms, 100))  # let the activation repaint settle
            self.timer.setInterval(pace_ms)  # start(ms) changed it

        def press(self) -> None:
            name, _win, editor = self.targets[self.turn]
            key = sequence[self.index[name]]
            self.after[name].append(0.0)
            self.t0 = time.perf_counter()
            if key == BACKSPACE:
                QTest.keyClick(editor, Qt.Key.Key_Backspace)
            else:
                # Press and release carrying the character (QTest's ASCII helpers refuse CJK).
                code = Qt.Key(ord(key.upper())) if key.isascii() else Qt.Key.Key_unknown
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click, editor, code, key, Qt.KeyboardModifier.NoModifier
                )
            self.waiting = True

        def woke(self) -> None:
            self.awake_at = time.perf_counter()

        def idle(self) -> None:
            now = time.perf_counter()
            if not self.waiting:
                # Work between two keystrokes (timers, deferred repaints): the last key's.
                name = self.targets[self.turn][0]
                if self.awake_at is not None and self.after[name]:
                    self.after[name][-1] += now - self.awake_at
                self.awake_at = None
                return
            self.waiting = False
            self.awake_at = None
            name = self.targets[self.turn][0]
            self.samples[name].append(now - self.t0)
            self.index[name] += 1
            self.in_block += 1
            if self.index["app"] >= len(sequence) and self.index["bare"] >= len(sequence):
                self.finish()
                return
            if self.in_block >= block or self.index[name] >= len(sequence):
                recent = self.samples[name][-self.in_block :]
                self.blocks.append((name, statistics.median(recent)))
                self.turn = 1 - self.turn
                self.switch_next = True
            # A timer started inside aboutToBlock may not wake the blocking wait it was
            # started during; a posted event always does. The next step starts from there.
            QCoreApplication.postEvent(self, QEvent(QEvent.Type.User))

        def customEvent(self, event: QEvent) -> None:
            if self.switch_next:
                self.switch_next = False
                self.switch()
            else:
                self.timer.start()

        def finish(self) -> None:
            dispatcher = QAbstractEventDispatcher.instance()
            assert dispatcher is not None
            dispatcher.aboutToBlock.disconnect(self.idle)
            dispatcher.awake.disconnect(self.woke)
            if not done.done():
                done.set_result(None)

    typing_started = time.perf_counter()
    typist = Typist()
    await done
    typing_seconds = time.perf_counter() - typing_started
    report = studio_editor.report()
    figures: dict[str, object] = {
        "keys": keys,
        "block": block,
        "pace_ms": pace_ms,
        "set_text_seconds": set_text_seconds,
        "typing_seconds": typing_seconds,
        "samples": typist.samples,
        "after": typist.after,
        "blocks": typist.blocks,
        "final_chars": report.request_chars,
        "script_chars": len(script),
        "script_pauses": len(script) and script.count("<#"),
    }
    bare_window.close()
    bare_window.deleteLater()
    return figures


async def time_waveform(repeats: int = 15) -> dict[str, dict[str, list[float]]]:
    """Repaint time of the player's waveform (the playhead glides every 30 ms while playing)
    at a few widths, against a bare widget of the same size repainting its background."""
    import asyncio
    import random

    from PySide6.QtWidgets import QWidget

    from soundclone_desktop.audio.peaks import Peaks
    from soundclone_desktop.ui.player.waveform import WaveformView

    rng = random.Random(3)
    peaks = Peaks(tuple(rng.random() for _ in range(4000)), 90_000)  # a 90 s result
    figures: dict[str, dict[str, list[float]]] = {}
    for width in (520, 1000):
        view, bare = WaveformView(), QWidget()
        bare.setAutoFillBackground(True)
        for widget in (view, bare):
            widget.resize(width, 88)
            widget.show()
        view.set_peaks(peaks)
        view.set_duration(peaks.duration_ms)
        await asyncio.sleep(0.3)  # let the loop expose and first paint both (no nested loop)
        ours, base = [], []
        for number in range(repeats):  # interleaved, the playhead moving as in playback
            view.set_position(30_000 + 30 * number)
            started = time.perf_counter()
            view.repaint()
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            bare.repaint()
            base.append(time.perf_counter() - started)
        figures[str(width)] = {"waveform": ours, "baseline": base}
        for widget in (view, bare):
            widget.close()
            widget.deleteLater()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keys", type=int, default=600, help="keystrokes per editor")
    parser.add_argument("--block", type=int, default=30, help="keystrokes per interleaved block")
    parser.add_argument("--pace", type=int, default=25, help="ms between keystrokes")
    parser.add_argument("--analyze-repeats", type=int, default=15)
    args = parser.parse_args(argv)

    from tests.benchmarks.script_text import build_script

    figures: dict[str, object] = {
        "analyze": time_analyze(build_script(), args.analyze_repeats),
    }
    figures["typing"] = run_typing(args.keys, args.block, args.pace)
    target = os.environ.get(RESULT_ENV)
    output = json.dumps(figures)
    if target:
        Path(target).write_text(output, encoding="utf-8")
    else:
        print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
