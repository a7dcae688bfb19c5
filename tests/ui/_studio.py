"""Building the real studio window against a real demo server, for the UI acceptance tests."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent

from soundclone_desktop import app, logging_setup
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.schedule import PollPolicy
from soundclone_desktop.ui.common import async_utils
from soundclone_desktop.ui.context import AppContext
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.session import DemoOffer

# The demo server finishes tasks in 0.3 s here: poll fast so a test takes about a second.
FAST_POLICY = dataclasses.replace(
    PollPolicy.for_demo(),
    min_interval=0.1,
    interval=0.1,
    max_interval=0.2,
    min_gap=0.0,
    backoff_initial=0.1,
    backoff_max=0.5,
    long_interval=1.0,
)


def offer_for(server: DemoServer) -> DemoOffer:
    """The app's own demo offer, but for this (already started) test server."""
    return dataclasses.replace(app.demo_offer(server.config), factory=lambda: server)


DEMO_ARGV = ["--demo", "--no-tour"]  # the first-run tour has its own tests


def build_ctx(server: DemoServer, argv: list[str] | None = None) -> AppContext:
    options = app.parse_args(argv if argv is not None else DEMO_ARGV)
    return app.build_context(
        options,
        demo=offer_for(server),
        demo_policy=FAST_POLICY,
        real_policy=FAST_POLICY,  # only ever against the loopback test server
        crash_log=False,
    )


def open_studio(
    qtbot: object, server: DemoServer, argv: list[str] | None = None
) -> tuple[MainWindow, AppContext]:
    """``app.open_window`` run on the session loop; returns once the window is shown."""
    argv = argv if argv is not None else DEMO_ARGV
    ctx = build_ctx(server, argv)
    options = app.parse_args(argv)
    task = async_utils.spawn(app.open_window(ctx, options))
    qtbot.waitUntil(task.done, timeout=10000)  # type: ignore[attr-defined]
    window = task.result()
    # Not qtbot.addWidget: pytest-qt would delete the window before fixture teardown, under
    # tasks that still report to it. close_studio() shuts down first, then deletes.
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    return window, ctx


def close_studio(qtbot: object, window: MainWindow, ctx: AppContext) -> None:
    window._confirmed_close = True
    window.close()

    async def shut_down() -> None:  # what app.run_gui does once the window closed
        await async_utils.cancel_all_and_wait()
        await ctx.session.aclose()
        if ctx.library is not None:
            ctx.library.close()

    task = asyncio.ensure_future(shut_down())
    qtbot.waitUntil(task.done, timeout=10000)  # type: ignore[attr-defined]
    async_utils.set_error_reporter(None)
    logging_setup.shutdown()
    window.deleteLater()
    # Delete it now, inside this test: a window (its media player, its audio workers) torn
    # down later would be torn down during another test's event loop.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


Cleanup = Callable[[], None]
