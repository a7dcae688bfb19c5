"""Regenerate the README screenshot of the captions pane following playback (word level).

Runs the real window against the embedded demo server (no account, no network), generates
one task with word-level subtitles, moves the player into the middle of a sentence so a
word is highlighted, then grabs the player and the captions pane offscreen:

    python scripts/screenshot_captions.py                    # docs/screenshots/captions-word-en.png
    python scripts/screenshot_captions.py --lang zh_CN --out /tmp/shots --review

``--review`` also grabs the whole window and the export dialog (for checking the look).

Each language runs in its own process, as in ``scripts/screenshots.py``. Chinese needs a
CJK font on Linux (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
LANGUAGES = ("en", "zh_CN")

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
MOMENT = {"en": (1, 4), "zh_CN": (2, 5)}


def run_all(languages: list[str], out: Path, review: bool) -> int:
    status = 0
    for language in languages:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "QT_LOGGING_RULES": "qt.multimedia.*=false;qt.qpa.*=false",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "PYTHONPATH": str(ROOT),
        }
        env.pop("SOUNDCLONE_API_KEY", None)
        command = [sys.executable, __file__, "--one", language, "--out", str(out)]
        if review:
            command.append("--review")
        result = subprocess.run(command, env=env, check=False)
        status = status or result.returncode
    return status


def capture(language: str, out: Path, review: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="soundclone-shots-") as home:
        os.environ["SOUNDCLONE_DATA_DIR"] = str(Path(home) / "data")
        os.environ["SOUNDCLONE_CONFIG_DIR"] = str(Path(home) / "config")
        return _capture(language, out, review)


def _capture(language: str, out: Path, review: bool) -> int:
    import math

    import qasync  # type: ignore[import-untyped]

    from soundclone_desktop import app, i18n
    from soundclone_desktop.demo.config import DemoConfig
    from soundclone_desktop.services.schedule import PollPolicy
    from soundclone_desktop.ui.captions import PaneState

    qapp = app.create_application()
    options = app.parse_args(["--demo", "--lang", language])
    policy = dataclasses.replace(
        PollPolicy.for_demo(), min_interval=0.2, interval=0.2, max_interval=0.5, min_gap=0.0
    )
    ctx = app.build_context(
        options,
        demo=app.demo_offer(DemoConfig(task_seconds=0.5)),
        demo_policy=policy,
        crash_log=False,
    )
    i18n.install(language)
    out.mkdir(parents=True, exist_ok=True)
    status = 1

    async def scene() -> None:
        nonlocal status
        window = await app.open_window(ctx, options)
        window.editor.set_text(SCRIPTS[language])
        window.params.set_values({"subtitles": True, "subtitle_type": "word"})
        window.submit_bar.button.click()
        pane = window.captions.pane
        for _ in range(400):  # generated, downloaded, loaded, subtitles read
            await asyncio.sleep(0.05)
            if pane.state() is PaneState.CAPTIONS and window.player.duration_ms() > 0:
                break
        else:
            print("the captions never appeared", file=sys.stderr)
            return
        await asyncio.sleep(1.0)  # waveform
        subtitles = pane.subtitles()
        assert subtitles is not None
        cue_number, word_number = MOMENT[language]
        cue = subtitles.cues[min(cue_number, len(subtitles.cues) - 1)]
        word = cue.words[min(word_number, len(cue.words) - 1)]
        window.player.seek(math.ceil((word.start_ms + word.end_ms) / 2))
        await asyncio.sleep(0.5)
        # The player and the captions beside it: the playhead and the highlighted word.
        area = window.player_dock.geometry().united(window.captions.dock.geometry())
        target = out / f"captions-word-{language}.png"
        window.grab(area).save(str(target))
        print(f"wrote {target}")
        if review:
            whole = out / f"captions-window-{language}.png"
            window.grab().save(str(whole))
            print(f"wrote {whole}")
            dialog = window.captions.open_export()
            assert dialog is not None
            await asyncio.sleep(0.8)  # the subtitle file is read, the preview laid out
            shot = out / f"export-{language}.png"
            dialog.grab().save(str(shot))
            print(f"wrote {shot}")
            dialog.reject()
        status = 0
        window._confirmed_close = True
        window.close()
        await ctx.session.aclose()

    qapp.setQuitOnLastWindowClosed(False)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(qapp)) as runner:
        runner.run(scene())
    return status


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
    return run_all(args.lang or ["en"], args.out, args.review)


if __name__ == "__main__":
    raise SystemExit(main())
