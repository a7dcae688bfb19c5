"""Regenerate the README screenshots, in English and in Chinese.

Every shot is the real window against the embedded demo server (no account, no network),
grabbed offscreen, with made-up but realistic content:

- ``main-window-<lang>.png``: a script, a finished task in the player with its captions
  following playback, and a second task in progress;
- ``history-<lang>.png``: the history panel over a few dozen earlier tasks;
- ``voice-library-<lang>.png``: the voice library with a voice in each status;
- ``voice-browser-<lang>.png``: Voices › Browse voices, cards to hear and use;
- ``clone-wizard-<lang>.png``: the clone wizard with a 20-second recording accepted;
- ``find-bar-<lang>.png``: Find and Replace over a chapter, with a regular expression;
- ``shortcuts-<lang>.png``, ``about-<lang>.png``: Help › Keyboard shortcuts and About;
- ``book-review-<lang>.png``, ``book-rules-<lang>.png``, ``book-redo-question-<lang>.png``,
  ``book-takes-<lang>.png``: review (``scripts/screenshots_review.py``);
- ``book-chapters-<lang>.png``, ``book-rendering-<lang>.png``, ``book-playing-<lang>.png``:
  the book view (``scripts/screenshot_book.py``): the chapter list, a render in progress,
  a stitched chapter playing with its captions;
- ``captions-word-<lang>.png``: made by ``scripts/screenshot_captions.py``, run at the end;
- ``delivery-dialog-<lang>.png``, ``delivery-report-<lang>.png``: made by
  ``scripts/screenshot_delivery.py``, run at the end.

    python scripts/screenshots.py                              # all, into docs/screenshots/
    python scripts/screenshots.py --lang zh_CN --out /tmp/shots
    python scripts/screenshots.py --theme dark --scene main-window   # …-dark.png

Each language runs in its own process, so nothing (translators, settings) leaks between
them, with its data and settings in a temporary folder: a developer's own voices, tasks and
API key are never read or touched. Chinese needs a CJK font on Linux (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import io
import os
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Awaitable, Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QDockWidget

    from soundclone_desktop.demo.config import DemoConfig
    from soundclone_desktop.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling scene modules
from screenshots_findings import FINDINGS_SCENES
from screenshots_findings import demo_config as findings_demo
from screenshots_review import REVIEW_SCENES

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
LANGUAGES = ("en", "zh_CN")
DAY = 24 * 3600.0

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

# The voice library: (name, tags, notes, source, status, model id). Status "temporary" is
# 1 d 20 h left, "expiring" 5 h left (flagged), "permanent" used in production, "expired"
# never used, "imported" entered by ID.
VOICES = {
    "en": [
        ("Narrator – warm", "audiobook, calm", "Anna, chapter 1 read-through, quiet room.",
         "anna-chapter-1.wav", "permanent", "model_7f3c1a9e52d04b18"),
        ("Ad read – energetic", "ads, upbeat", "Second take from the spring campaign.",
         "promo-take-2.mp3", "temporary", "model_b21e0c4d9a6f4e73"),
        ("Podcast host – Mia", "podcast, friendly", "", "mia-intro.m4a",
         "expiring", "model_4d9a0e6b1c7f4a25"),
        ("Trailer voice (old)", "trailer", "", "trailer-2024.wav",
         "expired", "model_e5a8b3f0d1c24969"),
        ("Brand voice", "brand", "Made on the website by the agency.", "",
         "imported", "model_brand_voice_2025"),
    ],
    "zh_CN": [
        ("旁白·温暖", "有声书, 沉稳", "安娜朗读第一章，安静房间录制。", "安娜-第一章.wav",
         "permanent", "model_7f3c1a9e52d04b18"),
        ("广告·活力", "广告, 明快", "春季活动的第二条录音。", "促销-第二条.mp3",
         "temporary", "model_b21e0c4d9a6f4e73"),
        ("播客主持·小雅", "播客, 亲切", "", "小雅-开场.m4a",
         "expiring", "model_4d9a0e6b1c7f4a25"),
        ("预告片（旧）", "预告片", "", "预告片-2024.wav",
         "expired", "model_e5a8b3f0d1c24969"),
        ("品牌声音", "品牌", "由代理公司在网站上制作。", "",
         "imported", "model_brand_voice_2025"),
    ],
}  # fmt: skip
SELECTED_VOICE = 1  # the voice shown in the details form

# Earlier tasks for the history: scripts cycled over the voices, an hour or more apart.
HISTORY_SCRIPTS = {
    "en": [
        "Chapter 3. The harbour was quiet when the ferry finally came in.",
        "Welcome back to Morning Notes, the podcast about small habits.",
        "BrewBox. Coffee, on your schedule. Available now.",
        "Press 1 for opening hours, press 2 to speak to our team.",
        "Chapter 4. Nobody in the village remembered the lighthouse keeper's name.",
        "This week: three ways to make your mornings calmer.",
        "Limited offer: two mugs for the price of one, this weekend only.",
        "Thank you for calling. Your call is important to us.",
        "Chapter 5. The letter had no stamp, only a name written in pencil.",
        "In today's episode we talk to a baker who starts work at 3 a.m.",
        "New flavours are here. Hazelnut, vanilla and a little bit of cinnamon.",
        "Please hold while we connect you.",
    ],
    "zh_CN": [
        "第三章 渡船终于靠岸的时候，港口一片寂静。",
        "欢迎回到《清晨笔记》，一档关于小习惯的播客。",
        "随心杯，咖啡随你安排。现已上市。",
        "查询营业时间请按1，人工服务请按2。",
        "第四章 村里没有人记得灯塔看守人的名字。",
        "本周话题：让早晨更从容的三个方法。",
        "限时优惠：本周末买一送一。",
        "感谢您的来电，我们将尽快为您服务。",
        "第五章 那封信没有贴邮票，只有一个用铅笔写的名字。",
        "本期节目，我们采访了一位凌晨三点开工的面包师。",
        "新口味上市：榛子、香草，再加一点肉桂。",
        "请稍候，正在为您转接。",
    ],
}
HISTORY_ROWS = 36

# The recording in the clone wizard, read by the demo's speech-like synthesiser.
RECORDING = {
    "en": (
        "narrator-sample.wav",
        "Hello, my name is Anna. I read audiobooks and short stories, mostly in the evening, "
        "when the house is quiet. This is a sample of my normal reading voice.",
    ),
    "zh_CN": (
        "旁白试音.wav",
        "大家好，我叫安娜。我平时录制有声书和短篇故事，大多在晚上安静的时候录。"
        "这是我平常朗读时的声音样本。",
    ),
}


# -- running: one process per language, private folders ----------------------------------------


def run_languages(script: str, languages: Sequence[str], args: Sequence[str]) -> int:
    """Run ``script --one <language> *args`` in a fresh process per language."""
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
        command = [sys.executable, script, "--one", language, *args]
        result = subprocess.run(command, env=env, check=False)
        status = status or result.returncode
    return status


Scene = Callable[["MainWindow"], Awaitable[None]]


def run_studio(language: str, demo: DemoConfig, scene: Scene) -> int:
    """Open the studio on the demo server with a temporary data folder, run ``scene``."""
    with tempfile.TemporaryDirectory(prefix="soundclone-shots-") as home:
        os.environ["SOUNDCLONE_DATA_DIR"] = str(Path(home) / "data")
        os.environ["SOUNDCLONE_CONFIG_DIR"] = str(Path(home) / "config")
        return _run_studio(language, demo, scene)


def _run_studio(language: str, demo: DemoConfig, scene: Scene) -> int:
    import qasync  # type: ignore[import-untyped]

    from soundclone_desktop import app, i18n
    from soundclone_desktop.services.schedule import PollPolicy

    qapp = app.create_application()
    theme = os.environ.get(THEME_ENV, "light")
    options = app.parse_args(["--demo", "--no-tour", "--lang", language, "--theme", theme])
    policy = dataclasses.replace(
        PollPolicy.for_demo(), min_interval=0.2, interval=0.2, max_interval=0.5, min_gap=0.0
    )
    ctx = app.build_context(options, demo=app.demo_offer(demo), demo_policy=policy, crash_log=False)
    i18n.install(language)
    app.start_theme(ctx, options)
    status = 1

    async def run() -> None:
        nonlocal status
        window = await app.open_window(ctx, options)
        try:
            await scene(window)
            status = 0
        finally:
            window.close_now()
            await ctx.session.aclose()

    qapp.setQuitOnLastWindowClosed(False)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(qapp)) as runner:
        runner.run(run())
    return status


async def wait_for(condition: Callable[[], object], seconds: float = 20.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError("the screen never got ready")


THEME_ENV = "SOUNDCLONE_SHOT_THEME"  # light or dark, set by --theme for each language's run


def save(shot: QPixmap, out: Path, name: str) -> None:
    """``name``, with ``-dark`` before its suffix for the dark theme's shots."""
    if os.environ.get(THEME_ENV) == "dark":
        name = name.replace(".png", "-dark.png")
    target = out / name
    if not shot.save(str(target)):
        raise OSError(f"could not write {target}")
    print(f"wrote {target}")


def dock_named(window: MainWindow, name: str) -> QDockWidget:
    from PySide6.QtWidgets import QDockWidget

    dock = window.findChild(QDockWidget, name)
    assert dock is not None, name
    return dock


def scratch() -> Path:
    """The temporary folder around the data folder: for recordings and clips."""
    return Path(os.environ["SOUNDCLONE_DATA_DIR"]).parent


# -- the scenes --------------------------------------------------------------------------------


async def main_window(window: MainWindow, language: str, out: Path) -> None:
    """A finished task playing (captions and the spoken sentence highlighted), one running
    (its progress on the Generate button). The default layout, at 1366×768."""
    window.resize(1366, 768)
    script = SCRIPTS[language]
    window.editor.set_text(script)
    window.params.set_values({"subtitles": True, "subtitle_type": "sentence"})
    window.submit_bar.button.click()
    await wait_for(lambda: window.task_list.jobs() and window.task_list.jobs()[0].is_done)
    pane = window.captions.pane
    await wait_for(lambda: pane.subtitles() is not None and window.player.duration_ms() > 0)
    await asyncio.sleep(1.0)  # the waveform
    subtitles = pane.subtitles()
    assert subtitles is not None
    cue = subtitles.cues[min(2, len(subtitles.cues) - 1)]
    # A second task in progress, so the list shows live status and timing.
    window.editor.set_text(script.split("\n")[-1])
    window.submit_bar.button.click()
    await asyncio.sleep(1.2)
    window.editor.set_text(script)  # the played script again: its sentence is highlighted
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    for position in (0, round((cue.start_ms + cue.end_ms) / 2)):  # a new cue: highlighted
        window.player.seek(position)
        await asyncio.sleep(0.3)
    window.captions.dock.raise_()  # in front of the tasks the second send brought forward
    await asyncio.sleep(0.2)
    save(window.grab(), out, f"main-window-{language}.png")


async def voice_browser(window: MainWindow, language: str, out: Path) -> None:
    """Voices › Browse voices: the demo narrator, a voice in each status, Clone first."""
    import dataclasses as dc

    if not window.voice_store.voices():
        seed_voices(window, language)
    store = window.voice_store
    for voice in store.voices():  # the library shot's voices, as voices of this demo server
        store.library.add(dc.replace(voice, demo=True))
    store.reload()
    browser = window.voices.open_browser()
    browser.resize(980, 600)
    await asyncio.sleep(0.4)
    save(browser.grab(), out, f"voice-browser-{language}.png")
    browser.close()


async def history(window: MainWindow, language: str, out: Path) -> None:
    """The history dock, given the full width and more height, over a few dozen tasks."""
    from PySide6.QtCore import Qt

    from soundclone_desktop.core.jobs import JobState

    if not window.voice_store.voices():
        seed_voices(window, language)  # their names in the Voice column
    seed_history(window, language)
    controller, dock = window.history, dock_named(window, "historyDock")
    window.player_dock.hide()
    window.captions.dock.hide()
    dock.raise_()
    window.resizeDocks([dock], [470], Qt.Orientation.Vertical)
    await wait_for(lambda: controller.loaded and controller.model.rowCount() >= HISTORY_ROWS)
    unknown = next(r for r in controller.model.records() if r.state is JobState.OUTCOME_UNKNOWN)
    controller.panel.select_local_id(unknown.local_id)
    await asyncio.sleep(0.4)
    save(dock.grab(), out, f"history-{language}.png")


async def voice_library(window: MainWindow, language: str, out: Path) -> None:
    """A voice in each status; a temporary one selected, so "Make permanent…" is live."""
    if not window.voice_store.voices():
        seed_voices(window, language)
    from PySide6.QtGui import QAction

    from soundclone_desktop.ui.voices.library_dialog import VoiceLibraryDialog

    action = window.findChild(QAction, "voiceLibraryAction")
    assert action is not None
    action.trigger()  # as from the Voices menu
    dialog = window.findChild(VoiceLibraryDialog, "voiceLibraryDialog")
    assert dialog is not None
    dialog.select(VOICES[language][SELECTED_VOICE][5])
    await asyncio.sleep(0.4)
    save(dialog.grab(), out, f"voice-library-{language}.png")
    dialog.close()


async def clone_wizard(window: MainWindow, language: str, out: Path) -> None:
    """Step 1 with a 20-second recording chosen: its checks passed and its waveform."""
    from soundclone_desktop.ui.voices.clone_widgets import Mark
    from soundclone_desktop.ui.voices.clone_wizard import current_wizard

    name, text = RECORDING[language]
    recording = scratch() / "Recordings" / name
    write_recording(recording, text, seconds=21.4)
    window.clone_wizard_action.trigger()
    wizard = current_wizard(window)
    assert wizard is not None
    page = wizard.source_page
    page.set_file(recording)
    await wait_for(
        lambda: page.checks.items() and all(m is not Mark.PENDING for m, _ in page.checks.items())
    )
    await asyncio.sleep(1.0)  # the waveform
    save(wizard.grab(), out, f"clone-wizard-{language}.png")
    wizard.reject()


# A chapter for the find bar: a name that occurs often, and a regex to replace it with.
CHAPTER = {
    "en": (
        "Chapter 3. The harbour\n\n"
        + "Anna walked down to the harbour, where Annabel waited by the ferry. <#0.5#> "
        '"Anna!" she called, and Anna turned. The ferry was late again, and nobody in the '
        "village seemed to mind. Anna sat on the wall and read the letter once more.\n" * 12,
        r"\bAnna\b",
        "Mia",
    ),
    "zh_CN": (
        "第三章 港口\n\n"
        + "林晓走到港口，林晓梅正在渡船旁等她。<#0.5#>“林晓！”她喊道，林晓回过头来。"
        "渡船又晚点了，村里似乎没有人在意。林晓坐在墙上，把那封信又读了一遍。\n" * 12,
        "林晓(?!梅)",
        "林夏",
    ),
}


async def find_bar(window: MainWindow, language: str, out: Path) -> None:
    """Find and Replace over a chapter: a regex, the count, every match on screen lit."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.resize(1366, 768)
    text, pattern, replacement = CHAPTER[language]
    window.editor.set_text(text)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    window.edit.replace_action.trigger()
    bar = window.edit.bar
    bar.regex_check.setChecked(True)
    bar.find_edit.setText(pattern)
    bar.replace_edit.setText(replacement)
    QTest.keyClick(bar.find_edit, Qt.Key.Key_Return)  # the second match is the current one
    await asyncio.sleep(0.4)
    save(window.grab(), out, f"find-bar-{language}.png")
    window.edit.find.close()


async def help_dialogs(window: MainWindow, language: str, out: Path) -> None:
    """Help › Keyboard shortcuts and Help › About."""
    window.resize(1366, 768)
    for action, name in (
        (window.help.shortcuts_action, "shortcuts"),
        (window.help.about_action, "about"),
    ):
        action.trigger()
        dialog = window.help.dialog
        assert dialog is not None
        await asyncio.sleep(0.4)
        save(dialog.grab(), out, f"{name}-{language}.png")
        dialog.reject()


async def book(window: MainWindow, language: str, out: Path) -> None:
    from screenshot_book import book_view

    await book_view(window, language, out)


SCENES = {
    "main-window": main_window,
    "history": history,
    "voice-library": voice_library,
    "voice-browser": voice_browser,
    "clone-wizard": clone_wizard,
    "find-bar": find_bar,
    "help": help_dialogs,
    "book": book,
}
SCENES.update(REVIEW_SCENES)  # a book under review (scripts/screenshots_review.py)
SCENES.update(FINDINGS_SCENES)  # its findings (scripts/screenshots_findings.py)
OWN_SERVER = {"book-findings": findings_demo}  # scenes run alone, on a demo server of their own


# -- made-up content -----------------------------------------------------------------------------


def seed_voices(window: MainWindow, language: str) -> None:
    """The voices of ``VOICES`` in the window's (temporary) voice library."""
    from soundclone_desktop.store.voices import Voice

    store = window.voice_store
    now = store.now()
    clip = scratch() / "preview.wav"
    write_recording(clip, RECORDING[language][1], seconds=4.0)
    created = {"permanent": 9.5, "temporary": 1 + 4 / 24, "expiring": 2 + 19 / 24, "expired": 12}
    for name, tags, notes, source, status, model_id in VOICES[language]:
        age = created.get(status)
        voice = Voice(
            model_id=model_id,
            name=name,
            created_at=None if age is None else now - age * DAY,
            source=source,
            version="v2",
            notes=notes,
            tags=tuple(tag.strip() for tag in tags.split(",")),
            activated_at=now - 8 * DAY if status == "permanent" else None,
            imported=status == "imported",
        )
        if status in ("permanent", "temporary", "expiring"):
            voice = dataclasses.replace(voice, preview_path=store.store_preview(model_id, clip))
        store.library.add(voice)  # not store.add: that would mark them as demo voices


def seed_history(window: MainWindow, language: str) -> None:
    """``HISTORY_ROWS`` earlier tasks over two weeks: most done, some failed or cancelled,
    one voice preview and one whose outcome is unknown."""
    from soundclone_desktop.core.jobs import FailureReason, Job, JobKind, JobState
    from soundclone_desktop.core.params import PreviewParams, ProductionParams
    from soundclone_desktop.services import messages

    library = window.ctx.library
    assert library is not None
    scripts = HISTORY_SCRIPTS[language]
    voices = [v[5] for v in VOICES[language] if v[4] != "expired"]
    seconds_per_char = 0.2 if language == "zh_CN" else 0.065
    now = time.time()
    for n in range(HISTORY_ROWS):
        text = scripts[n % len(scripts)]
        job = Job(
            kind=JobKind.AUDIO,
            params=ProductionParams(model_id=voices[n % len(voices)], text=text),
            state=JobState.DOWNLOADED,
            task_id=str(880412 + 37 * n),
            created_at=now - 3600 * (1.5 + n * 9.3),
            chars=len(text),
        )
        if n == 2:
            job.state, job.reason = JobState.OUTCOME_UNKNOWN, FailureReason.OUTCOME_UNKNOWN
            job.error, job.task_id = messages.OUTCOME_INTERRUPTED, None
        elif n in (6, 19):
            job.state, job.reason = JobState.FAILED, FailureReason.UNREACHABLE
            job.error, job.task_id = messages.UNREACHABLE, None
        elif n in (11, 27):
            job.state = JobState.CANCELLED
        elif n == 14:
            job.kind, job.model_id = JobKind.PREVIEW, voices[1]
            job.params = PreviewParams(file_url="https://example.com/promo-take-2.mp3", text=text)
        job.history = [(job.state, job.created_at)]
        estimate = (Decimal(len(text)) * Decimal("0.0045")).quantize(Decimal("0.01"))
        base_url = window.session.base_url
        library.record(job, base_url=base_url, demo=True, estimate=estimate, currency="JimiCoin")
        if job.state is JobState.DOWNLOADED:
            library.set_duration(job.local_id, len(text) * seconds_per_char)


def write_recording(path: Path, text: str, *, seconds: float) -> None:
    """A speech-like WAV of ``seconds``: the demo's synthesiser reading ``text`` in a loop."""
    from soundclone_desktop.demo import synth

    rate = 16_000
    timeline = synth.plan(text, (), rate, 1.0)
    while timeline.seconds < seconds:
        timeline = synth.plan(f"{timeline.text} {text}", (), rate, 1.0)
    data = synth.render_wav(timeline, base_hz=190.0, vol=6.0, pitch=0)
    with wave.open(io.BytesIO(data)) as whole:
        frames = whole.readframes(round(seconds * rate))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as clip:
        clip.setnchannels(1)
        clip.setsampwidth(2)
        clip.setframerate(rate)
        clip.writeframes(frames)


# -- command line --------------------------------------------------------------------------------


def capture(language: str, out: Path, scenes: Sequence[str]) -> int:
    from soundclone_desktop.demo.config import DemoConfig

    out.mkdir(parents=True, exist_ok=True)

    async def scene(window: MainWindow) -> None:
        for name in scenes:
            await SCENES[name](window, language, out)

    if len(scenes) == 1 and scenes[0] in OWN_SERVER:
        return run_studio(language, OWN_SERVER[scenes[0]](), scene)
    return run_studio(language, DemoConfig(task_seconds=1.5, seconds_per_char=0.02), scene)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--scene", choices=SCENES, action="append", help="default: all")
    parser.add_argument("--one", choices=LANGUAGES, help=argparse.SUPPRESS)
    parser.add_argument("--theme", choices=("light", "dark"), default="light",
                        help="dark: the shots get a -dark suffix")  # fmt: skip
    args = parser.parse_args()
    if not args.one:
        os.environ[THEME_ENV] = args.theme  # inherited by each language's process
    scenes = args.scene or list(SCENES)
    if args.one:
        return capture(args.one, args.out, scenes)
    languages = args.lang or list(LANGUAGES)
    shared = [name for name in scenes if name not in OWN_SERVER]
    runs = ([shared] if shared else []) + [[name] for name in scenes if name in OWN_SERVER]
    status = 0
    for run in runs:
        extra = ["--out", str(args.out)] + [f"--scene={name}" for name in run]
        status = status or run_languages(__file__, languages, extra)
    if args.scene is None:  # everything: the captions pane too
        captions = str(Path(__file__).with_name("screenshot_captions.py"))
        command = [sys.executable, captions, "--out", str(args.out)]
        command += [f"--lang={language}" for language in languages]
        status = status or subprocess.run(command, check=False).returncode
        delivery = [sys.executable, str(Path(__file__).with_name("screenshot_delivery.py"))]
        delivery += ["--out", str(args.out)] + [f"--lang={language}" for language in languages]
        status = status or subprocess.run(delivery, check=False).returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main())
