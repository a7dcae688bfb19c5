"""Regenerate the README screenshots of the main window, in English and in Chinese.

Runs the real window against the embedded demo server (no account, no network), writes a
sample script, generates one task so the task list and player have content, starts a
second one so a task is shown in progress, then grabs the window offscreen:

    python scripts/screenshots.py                 # both languages into docs/screenshots/
    python scripts/screenshots.py --lang zh_CN    # one language

Each language runs in its own process, so nothing (translators, settings) leaks between
them. Chinese needs a CJK font on Linux (Debian: fonts-noto-cjk).
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
        "Available now at your favourite stores."
    ),
    "zh_CN": (
        "第一章 雨夜的来信\n\n"
        "那天晚上，雨一直没有停。<#0.8#>林晓把最后一盏灯关掉，屋里只剩下窗外路灯投进来的"
        "一点微光。\n她坐在书桌前，把那封信又读了一遍。<#1.2#>明天一早，她就要出发，"
        "去寻找写信的人。"
    ),
}


def run_all(languages: list[str], out: Path) -> int:
    status = 0
    for language in languages:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "QT_LOGGING_RULES": "qt.multimedia.*=false;qt.qpa.*=false",
            # Never touch (or show) a developer's real key or settings.
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "PYTHONPATH": str(ROOT),
        }
        env.pop("SOUNDCLONE_API_KEY", None)
        command = [sys.executable, __file__, "--one", language, "--out", str(out)]
        result = subprocess.run(command, env=env, check=False)
        status = status or result.returncode
    return status


def capture(language: str, out: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="soundclone-shots-") as home:
        os.environ["SOUNDCLONE_DATA_DIR"] = str(Path(home) / "data")
        os.environ["SOUNDCLONE_CONFIG_DIR"] = str(Path(home) / "config")
        return _capture(language, out)


def _capture(language: str, out: Path) -> int:
    import qasync  # type: ignore[import-untyped]

    from soundclone_desktop import app, i18n
    from soundclone_desktop.demo.config import DemoConfig
    from soundclone_desktop.services.schedule import PollPolicy

    qapp = app.create_application()
    options = app.parse_args(["--demo", "--lang", language])
    policy = dataclasses.replace(
        PollPolicy.for_demo(), min_interval=0.2, interval=0.2, max_interval=0.5, min_gap=0.0
    )
    ctx = app.build_context(
        options,
        demo=app.demo_offer(DemoConfig(task_seconds=1.5, seconds_per_char=0.02)),
        demo_policy=policy,
        crash_log=False,
    )
    i18n.install(language)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"main-window-{language}.png"

    async def scene() -> None:
        window = await app.open_window(ctx, options)
        window.editor.set_text(SCRIPTS[language])
        window.submit_bar.button.click()
        for _ in range(400):  # the first task: generated, downloaded, loaded in the player
            await asyncio.sleep(0.05)
            jobs = window.task_list.jobs()
            if jobs and jobs[0].is_done:
                break
        await asyncio.sleep(1.5)  # waveform
        # A second task in progress, so the list shows live status and timing.
        window.editor.set_text(SCRIPTS[language].split("\n")[-1])
        window.submit_bar.button.click()
        await asyncio.sleep(1.2)
        window.editor.set_text(SCRIPTS[language])
        window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
        await asyncio.sleep(0.3)
        window.grab().save(str(target))
        print(f"wrote {target.relative_to(ROOT)}")
        window._confirmed_close = True
        window.close()
        await ctx.session.aclose()

    qapp.setQuitOnLastWindowClosed(False)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(qapp)) as runner:
        runner.run(scene())
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--one", choices=LANGUAGES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return capture(args.one, args.out)
    return run_all(args.lang or list(LANGUAGES), args.out)


if __name__ == "__main__":
    raise SystemExit(main())
