"""Regenerate the README screenshot of the captions pane following playback (word level).

Runs the real window against the embedded demo server (no account, no network), generates
one task with word-level subtitles, moves the player into the middle of a sentence so a
word is highlighted, then grabs the player and the captions pane offscreen:

    python scripts/screenshot_captions.py                 # both languages, docs/screenshots/
    python scripts/screenshot_captions.py --lang zh_CN --out /tmp/shots --review

``--review`` also grabs the whole window and the export dialog (for checking the look).
``scripts/screenshots.py`` runs this too. Each language runs in its own process, with a
temporary data folder. Chinese needs a CJK font on Linux (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import asyncio
import math
from pathlib import Path
from typing import TYPE_CHECKING

from screenshots import LANGUAGES, OUT, dock_named, run_languages, run_studio, save, wait_for

if TYPE_CHECKING:
    from soundclone_desktop.ui.main_window import MainWindow

SCRIPTS = {
    "en": (
        "Tired of waiting in line for your morning coffee? <#0.6#> Meet BrewBox, the smart "
        "mug that knows your order before you do.\n"
        "Just tap, sip, and go. <#0.4#> BrewBox. Coffee, on your schedule.\n"
        "Available now at your favourite stores. Terms apply."
    ),
    "zh_CN": (
        "第一章 雨夜的来信\n\n"
        "那天晚上，雨一直没有停。<#0.8#>林晓把最后一盏灯关掉，屋里只剩下窗外路灯投进来的"
        "一点微光。\n她坐在书桌前，把那封信又读了一遍。<#1.2#>明天一早，她就要出发，"
        "去寻找写信的人。"
    ),
}
# Where to stop the playhead: (cue, word) — a word in the middle of a sentence.
MOMENT = {"en": (1, 4), "zh_CN": (2, 7)}


def capture(language: str, out: Path, review: bool) -> int:
    from PySide6.QtCore import Qt

    from soundclone_desktop.demo.config import DemoConfig
    from soundclone_desktop.ui.captions import PaneState

    out.mkdir(parents=True, exist_ok=True)

    async def scene(window: MainWindow) -> None:
        # The player and the captions share the bottom, each with room for its texts.
        window.tasks_dock.hide()
        dock_named(window, "historyDock").hide()
        window.resize(1000, window.height())
        await asyncio.sleep(0.1)
        docks = [window.player_dock, window.captions.dock]
        window.resizeDocks(docks, [520, 480], Qt.Orientation.Horizontal)
        window.resizeDocks(docks, [250, 250], Qt.Orientation.Vertical)
        window.editor.set_text(SCRIPTS[language])
        window.params.set_values({"subtitles": True, "subtitle_type": "word"})
        window.submit_bar.button.click()
        pane = window.captions.pane
        # Generated, downloaded, loaded and its subtitles read.
        await wait_for(
            lambda: pane.state() is PaneState.CAPTIONS and window.player.duration_ms() > 0
        )
        await asyncio.sleep(1.0)  # the waveform
        subtitles = pane.subtitles()
        assert subtitles is not None
        cue_number, word_number = MOMENT[language]
        cue = subtitles.cues[min(cue_number, len(subtitles.cues) - 1)]
        word = cue.words[min(word_number, len(cue.words) - 1)]
        window.player.seek(math.ceil((word.start_ms + word.end_ms) / 2))
        await asyncio.sleep(0.5)
        area = window.player_dock.geometry().united(window.captions.dock.geometry())
        save(window.grab(area), out, f"captions-word-{language}.png")
        if review:
            save(window.grab(), out, f"captions-window-{language}.png")
            dialog = window.captions.open_export()
            assert dialog is not None
            await asyncio.sleep(0.8)  # the subtitle file is read, the preview laid out
            save(dialog.grab(), out, f"export-{language}.png")
            dialog.reject()

    return run_studio(language, DemoConfig(task_seconds=0.5), scene)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--review", action="store_true", help="also grab the window and the export dialog"
    )
    parser.add_argument("--one", choices=LANGUAGES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return capture(args.one, args.out, args.review)
    extra = ["--out", str(args.out)] + (["--review"] if args.review else [])
    return run_languages(__file__, args.lang or list(LANGUAGES), extra)


if __name__ == "__main__":
    raise SystemExit(main())
