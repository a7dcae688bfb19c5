"""Composition root: environment, arguments, QApplication, logging, translations, the loop.

Only this module knows every layer. It reads the settings, builds the session (real
server or embedded demo), shows the window, reads the key, and runs asyncio on the Qt loop
through qasync until the window closes, then closes connections while the loop still runs.

Start-up time matters (issues #7 and #17): the window is painted first and the rest loads
after. ``main`` shows the window's shell (the real editor, the docks at their final size)
with nothing but Qt, the settings, the translations and the theme imported; then the rest
is imported one module group per event-loop turn (a key typed meanwhile goes into the
editor at the next turn), the context is built, and the window's panels and features are
attached on the asyncio loop, again one per turn (``start_studio``). Heavy modules are
therefore imported inside the functions below, not at the top. The keyring, whose backend
lookup loads every installed backend, is read in a worker thread once the window is on
screen; the demo server and the self-check are imported on first use.
"""

from __future__ import annotations

import os

# Before anything imports qasync: it picks the first Qt binding it finds (PyQt6 first).
os.environ.setdefault("QT_API", "pyside6")
# FFmpeg's optional hardware-decoding libraries (VA-API, PipeWire) are missing on most
# machines; Qt warns about each one at start. They say nothing useful in a support log.
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")

import argparse
import contextlib
import functools
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from soundclone_desktop import __version__, i18n
from soundclone_desktop.i18n import translate
from soundclone_desktop.store import paths
from soundclone_desktop.store.settings import Settings, SettingsStore, UiTheme
from soundclone_desktop.ui.app_icon import app_icon
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.staged_start import DEFERRED_IMPORTS, import_in_turns, show_first_window

if TYPE_CHECKING:
    import asyncio

    from soundclone_desktop.demo.config import DemoConfig
    from soundclone_desktop.demo.server import DemoServer
    from soundclone_desktop.services.recorder import ResumeReport
    from soundclone_desktop.services.schedule import PollPolicy
    from soundclone_desktop.services.tasks import TaskRunner
    from soundclone_desktop.store.library import TaskLibrary
    from soundclone_desktop.store.voices import Voice
    from soundclone_desktop.ui.context import AppContext
    from soundclone_desktop.ui.session import DemoOffer, Session

log = logging.getLogger(__name__)

ORGANIZATION = "SoundClone"
APPLICATION = "SoundClone Desktop"
BASE_URL_ENV = "SOUNDCLONE_BASE_URL"
CTX = "App"
_STYLE_SET = "soundcloneStyleSet"  # the application was made with our style's arguments


@dataclass(frozen=True)
class Options:
    demo: bool
    base_url: str | None
    data_dir: str | None
    self_check: bool
    lang: str | None
    theme: str | None
    tour: bool
    qt_args: tuple[str, ...]


def parse_args(argv: Sequence[str]) -> Options:
    parser = argparse.ArgumentParser(
        prog="soundclone-desktop",
        description="Desktop studio for cloned-voice text-to-speech over the SoundClone API.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the built-in demo server and use it (no account or internet needed)",
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        default=os.environ.get(BASE_URL_ENV) or None,
        help=f"API server address; overrides Settings (env {BASE_URL_ENV})",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None,
        help=f"folder for results and logs (env {paths.DATA_DIR_ENV})",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check Qt multimedia, keyring and translations, print the result and exit",
    )
    parser.add_argument(
        "--lang",
        choices=i18n.CHOICES,
        default=None,
        help="user interface language for this run (default: the Settings choice)",
    )
    parser.add_argument(
        "--theme",
        choices=[theme.value for theme in UiTheme],
        default=None,
        help="light or dark for this run, or follow the system (default: the View menu's choice)",
    )
    parser.add_argument(
        "--no-tour",
        action="store_true",
        help="with --demo: do not show the first-run tour (or its sample script)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # Unknown options (Qt's own, such as -platform or -style) go to QApplication.
    args, rest = parser.parse_known_args(list(argv))
    return Options(
        demo=args.demo,
        base_url=args.base_url.rstrip("/") if args.base_url else None,
        data_dir=args.data_dir,
        self_check=args.self_check,
        lang=args.lang,
        theme=args.theme,
        tour=not args.no_tour,
        qt_args=tuple(rest),
    )


def create_application(qt_args: Sequence[str] = ()) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        from soundclone_desktop.ui.theme.apply import STYLE_ARGUMENTS

        # Our style made by Qt from the arguments, unless the user chose one (``-style``).
        style = () if _style_chosen(qt_args) else STYLE_ARGUMENTS
        app = QApplication([sys.argv[0], *style, *qt_args])
        app.setProperty(_STYLE_SET, bool(style))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("soundclone-desktop")
    app.setWindowIcon(app_icon())
    return app


def _style_chosen(qt_args: Sequence[str]) -> bool:
    return any(arg.lstrip("-") == "style" for arg in qt_args)


def start_theme(ctx: AppContext, options: Options) -> None:
    """``--theme`` for this run, else the View menu's last choice; a ``-style`` given to Qt
    stays (with our palette on it)."""
    apply_start_theme(ctx.settings, options)


def apply_start_theme(settings: Settings, options: Options) -> None:
    """``start_theme`` before the context exists (the staged start)."""
    from soundclone_desktop.ui.theme.apply import theme_switch

    app = QApplication.instance()
    theme_switch().apply(
        UiTheme(options.theme) if options.theme else settings.theme,
        keep_style=_style_chosen(options.qt_args),
        style_set=app is not None and bool(app.property(_STYLE_SET)),
    )


def demo_offer(config: DemoConfig | None = None) -> DemoOffer:
    """The embedded demo: its server factory, its ready voice and its own price list.

    Imports the demo package (the session calls this only when the demo is first needed)."""
    from soundclone_desktop.core.pricing import PriceTable
    from soundclone_desktop.demo.config import DEMO_VOICE_ID, DemoConfig
    from soundclone_desktop.ui.session import DemoOffer

    config = config or DemoConfig()

    def factory() -> DemoServer:
        from soundclone_desktop.demo.server import DemoServer

        return DemoServer(config)

    return DemoOffer(
        factory=factory,
        voice_id=DEMO_VOICE_ID,
        prices=PriceTable(
            preview_per_10k=Decimal(str(config.price_clone_per_10k)),
            production_per_10k=Decimal(str(config.price_audio_per_10k)),
            voice_fee=Decimal(str(config.price_voice)),
        ),
        priors={
            "audio": (config.task_seconds, config.seconds_per_char),
            "preview": (config.task_seconds, config.seconds_per_char),
        },
    )


def build_context(
    options: Options,
    *,
    demo: DemoOffer | None = None,
    demo_policy: PollPolicy | None = None,
    real_policy: PollPolicy | None = None,
    crash_log: bool = True,
    settings: tuple[SettingsStore, Settings] | None = None,
) -> AppContext:
    """Settings, logging and the (not yet connected) session; the key is not read yet.

    ``settings``: the store and what it read, when already read (the staged start). ``demo``,
    the policies and ``crash_log`` exist for tests and tools (a test server, faster polling
    against loopback, pytest owning faulthandler).
    """
    from soundclone_desktop import logging_setup
    from soundclone_desktop.api.redact import RedactAuthorization
    from soundclone_desktop.services.recorder import price_estimate
    from soundclone_desktop.services.workspace import Workspace
    from soundclone_desktop.store.secrets import TokenStore
    from soundclone_desktop.ui.context import AppContext
    from soundclone_desktop.ui.session import Session

    data_dir = paths.data_dir(options.data_dir)
    config_dir = paths.config_dir()
    tokens = TokenStore()
    built: list[Session] = []  # the session made below (the log filter comes first)

    def demo_token() -> str | None:
        server = built[0].demo_server if built else None
        return server.token if server is not None else None

    # The filter asks for the key at every record: only ever the one already read
    # (``known``), so logging never waits on the keyring, on whatever thread it runs.
    log_path = logging_setup.configure(
        data_dir / "logs", RedactAuthorization(tokens.known, demo_token), crash_log=crash_log
    )
    log.info("SoundClone Desktop %s starting; data in %s", __version__, data_dir)
    store, loaded = settings or read_settings()
    # Read at each job's first update: the session reconnects (demo, another server); the
    # library keeps what a job's first call said, made while its runner was the current one.
    workspace = Workspace.open(
        data_dir,
        base_url=lambda: session.base_url,
        demo=lambda: session.demo,
        estimate=price_estimate(lambda: ctx.prices()),
        background_writes=True,  # no fsync on the GUI thread: runners await the intent
    )
    session = Session(
        tokens,
        loaded.results_path(data_dir),
        demo_offer=demo or demo_offer,  # built (the demo imported) on first use
        demo_policy=demo_policy,
        real_policy=real_policy,
        listeners=workspace.listeners,  # the task library first, then voice usage
        before_create=workspace.durable,
    )
    built.append(session)
    ctx = AppContext(
        settings=loaded,
        settings_store=store,
        tokens=tokens,
        session=session,
        data_dir=data_dir,
        config_dir=config_dir,
        base_url_override=options.base_url,
        log_path=log_path,
        voice_library=workspace.voice_library,
        library=workspace.tasks,
    )
    return ctx


def read_settings() -> tuple[SettingsStore, Settings]:
    """The settings store and what it holds (defaults when there is nothing yet)."""
    store = SettingsStore(paths.config_dir())
    return store, store.load()


async def open_window(
    ctx: AppContext, options: Options, window: MainWindow | None = None
) -> MainWindow:
    """Build and show the window and connect (demo, or the real server once the key is read);
    greet a user who has no key. Returns once connected or greeted.

    ``window``: the shell already on screen (the staged start); its panels and features are
    attached here, one event-loop turn each, so keys typed meanwhile are handled."""
    import asyncio

    from soundclone_desktop.ui.common import async_utils
    from soundclone_desktop.ui.common.heap import freeze_long_lived
    from soundclone_desktop.ui.tour.studio_tour import start_tour

    # The keyring is slow to ask (its backend lookup loads every backend, then D-Bus) and
    # may even wait for the user to unlock it: a worker thread, started now so it runs while
    # the window is built. The welcome waits for the answer, so a user with a key never sees
    # it flash.
    loop = asyncio.get_running_loop()
    async_utils.ensure_thread_pool(loop)
    key_read = None if options.demo else loop.run_in_executor(None, ctx.tokens.get)
    if window is None:
        if options.demo:
            await ctx.session.connect_demo()
        window = MainWindow(ctx)
        async_utils.set_error_reporter(window.report_error)
        window.show()
    else:
        async_utils.set_error_reporter(window.report_error)
        for _step in window.build_steps(ctx):
            await asyncio.sleep(0)  # a turn of the event loop: input, paint, timers
        if options.demo:
            await ctx.session.connect_demo()
    freeze_long_lived()  # the built studio lives until the end: see ui/common/heap.py
    if key_read is None:
        # The demo needs no key: read it behind the shown window, so Settings opens at once.
        async_utils.spawn(asyncio.to_thread(ctx.tokens.get), owner=window)
    else:
        key = await key_read
        if not window.isVisible():
            return window  # closed meanwhile: run_gui ends the run
        base_url = ctx.base_url()
        if key and base_url and not ctx.session.connected:  # (Settings may have been quicker)
            ctx.session.connect_real(base_url)
        if not ctx.session.connected:
            window.show_welcome()
    if options.demo and options.tour:  # a newcomer's first look
        start_tour(window, ctx, first_run=True, sample_loaded=window.projects.treat_as_blank)
    start_resume(window, ctx)
    # A server chosen later in Settings may have unfinished tasks of its own.
    ctx.session.connection_changed.connect(functools.partial(start_resume, window, ctx))
    return window


def start_resume(window: MainWindow, ctx: AppContext) -> asyncio.Task[ResumeReport] | None:
    """Follow what an earlier run left unfinished on the connected server, in the background,
    and tell the user in the message bar what was recovered."""
    from soundclone_desktop.ui.common import async_utils

    runner = ctx.session.runner
    if ctx.library is None:
        return None
    if runner is None:  # no server yet: finished clones still belong in the voice library
        async_utils.spawn(adopt_clones(ctx, ctx.library), owner=window)
        return None
    return async_utils.spawn(_resume_and_adopt(window, ctx, runner, ctx.library), owner=window)


async def _resume_and_adopt(
    window: MainWindow, ctx: AppContext, runner: TaskRunner, library: TaskLibrary
) -> ResumeReport:
    try:
        return await _resume(window, ctx, runner, library)
    finally:  # what the resume finished, and what an earlier run finished but never added
        await adopt_clones(ctx, library)


async def adopt_clones(ctx: AppContext, library: TaskLibrary) -> list[Voice]:
    """Add every finished clone the voice library lacks (a clone killed after paying and
    then resumed); the voice picker refreshes through the library's observers."""
    import asyncio

    from soundclone_desktop.services.clone_adopt import adopt_finished_clones

    if ctx.voice_library is None:
        return []
    return await asyncio.to_thread(adopt_finished_clones, library, ctx.voice_library)


async def _resume(
    window: MainWindow, ctx: AppContext, runner: TaskRunner, library: TaskLibrary
) -> ResumeReport:
    from soundclone_desktop.core.jobs import JobState
    from soundclone_desktop.services.recorder import job_from_record, resume_unfinished
    from soundclone_desktop.services.tasks import RunnerStoppedError
    from soundclone_desktop.ui.common.message_bar import Level

    session = ctx.session
    async with _resuming():  # a reconnect right after start must not resume a task twice
        following = {job.local_id for other in session.runners() for job in other.jobs}
        report = await resume_unfinished(
            runner,
            library,
            base_url=session.base_url,
            demo=session.demo,
            on_update=window.bridge.on_update,
            skip=following,
        )
    for record in report.outcome_unknown:  # listed, so the user sees them and decides
        window.bridge.on_update(job_from_record(record))
    if not (report.resumed or report.outcome_unknown):
        return report
    unknown = len(report.outcome_unknown)
    if report.resumed:
        window.messages.show_message(
            translate(
                CTX,
                "Resuming unfinished tasks from the last session: %n…",
                None,
                len(report.resumed),
            ),
            Level.INFO,
        )
    else:
        window.messages.show_message(_unknown_text(unknown), Level.WARNING)
        return report
    halted = False
    for job in report.resumed:
        try:
            await runner.wait(job)
        except RunnerStoppedError:
            halted = True  # the runner's own message says why; the jobs keep their state
            break
    saved = sum(1 for job in report.resumed if job.state is JobState.DOWNLOADED)
    text = translate(
        CTX, "Unfinished tasks recovered from the last session: %n.", None, len(report.resumed)
    )
    text += " " + translate(CTX, "Saved: %n.", None, saved)
    trouble = halted or saved < len(report.resumed) or unknown
    if saved < len(report.resumed) and not halted:
        text += " " + translate(CTX, "The others failed; see the task list.")
    if unknown:
        text += " " + _unknown_text(unknown)
    if not halted:
        window.messages.show_message(text, Level.WARNING if trouble else Level.INFO)
    return report


@functools.cache
def _resuming() -> asyncio.Lock:
    """One resume at a time (see _resume); made on first use, on the running loop."""
    import asyncio

    return asyncio.Lock()


def _unknown_text(count: int) -> str:
    return translate(
        CTX,
        "Tasks that were being sent when the app stopped: %n. They may or may not have been "
        "created (and charged), so they were not sent again; they are marked in the task list. "
        "Check the website before submitting them again.",
        None,
        count,
    )


def install_error_hooks(window: MainWindow) -> None:
    """Last resort for errors nobody caught: the traceback to the log, a sentence on screen.

    PySide6 hands exceptions from ordinary (sync) slots to ``sys.excepthook``; asyncio
    reports errors of tasks nobody awaited to the loop's exception handler.
    """

    def excepthook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        log.critical("Unhandled error", exc_info=(kind, value, tb))
        with contextlib.suppress(RuntimeError):  # the window is already gone (shutdown)
            window.report_error(value)

    import asyncio

    def loop_handler(loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
        exc = context.get("exception")
        log.error(
            "Asyncio: %s",
            context.get("message"),
            exc_info=exc if isinstance(exc, BaseException) else None,
        )

    sys.excepthook = excepthook
    asyncio.get_running_loop().set_exception_handler(loop_handler)


async def run_gui(
    app: QApplication, ctx: AppContext, options: Options, window: MainWindow | None = None
) -> int:
    """Open the window (or finish the shell ``window``), run until it closes, clean up."""
    import asyncio

    from soundclone_desktop.ui.common import async_utils

    closed = asyncio.Event()
    # The window's own close (not Qt's last-window quit) ends the run, so cleanup below
    # still has a running loop; aboutToQuit covers a quit from outside (logout, Cmd+Q).
    app.setQuitOnLastWindowClosed(False)
    app.aboutToQuit.connect(closed.set)
    window = await open_window(ctx, options, window)
    install_error_hooks(window)
    window.closed.connect(closed.set)
    if not window.isVisible():  # closed while the key was being read
        closed.set()
    try:
        await closed.wait()
    finally:
        await async_utils.cancel_all_and_wait()
        await ctx.session.aclose()
        if ctx.voice_library is not None:
            ctx.voice_library.close()
        if ctx.library is not None:
            ctx.library.close()
        log.info("SoundClone Desktop closed")
    return 0


def close_on_termination_signals(app: QApplication) -> QTimer:
    """Ctrl+C in a terminal, or SIGTERM from the system: close the window and exit cleanly.

    Python only runs signal handlers between bytecodes; while Qt waits in C++ that could
    be never, so a timer wakes the interpreter a few times a second. Returns the timer
    (keep it referenced).
    """

    import signal

    def close_windows(*_args: object) -> None:
        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow):
                QTimer.singleShot(0, widget.close_now)

    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), close_windows)
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(250)
    return timer


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(sys.argv[1:] if argv is None else argv)
    app = create_application(options.qt_args)
    if options.self_check:
        from soundclone_desktop import self_check

        return self_check.run()
    # Worker threads (downloads, peaks, history reads) hold the GIL for up to the switch
    # interval at a time; 1 ms instead of 5 ms keeps the GUI thread's waits below a frame
    # (benchmarked: finish-phase stalls over 50 ms went from 14 to 1 with 200 tasks).
    sys.setswitchinterval(0.001)
    # The window first (issue #17): only what its shell needs is loaded by now.
    store, settings = read_settings()
    language = i18n.install(options.lang or settings.ui_language.value)
    apply_start_theme(settings, options)
    window = show_first_window(app, lambda: MainWindow(config_dir=paths.config_dir()))
    # The editor's analysis one turn after the paint, then the rest; a key typed meanwhile
    # is handled between two turns.
    import_in_turns((window.attach_editor_analysis, *DEFERRED_IMPORTS))
    ctx = build_context(options, settings=(store, settings))
    log.info("UI language: %s", language)
    return run_studio(app, ctx, options, window)


def run_studio(app: QApplication, ctx: AppContext, options: Options, window: MainWindow) -> int:
    """Run asyncio on the Qt loop (qasync) until the studio closes."""
    import asyncio

    import qasync  # type: ignore[import-untyped]

    wakeup = close_on_termination_signals(app)  # noqa: F841 - kept alive while the app runs
    # Python 3.11 has no asyncio.run(loop_factory=...); Runner does the same job.
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        try:
            return runner.run(run_gui(app, ctx, options, window))
        except RuntimeError as exc:
            # Qt's loop ended before the coroutine (the app was quit from outside).
            log.warning("Event loop ended early: %s", exc)
            return 0
