"""The studio window's coroutine slots (``MainWindow`` calls them by the same names).

Kept out of ``main_window`` so that the window's shell imports no asyncio before its first
paint (start-up time, issue #17). Each is an ``async_slot`` whose owner is the window: the
exclusive ones refuse a second call per window while the first still runs.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from soundclone_desktop.api.errors import SoundCloneError
from soundclone_desktop.ui.common import errors
from soundclone_desktop.ui.common.async_utils import async_slot, spawn
from soundclone_desktop.ui.common.message_bar import Level
from soundclone_desktop.ui.editor.script_file import ScriptFileError, read_script

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from soundclone_desktop.ui.common.message_bar import MessageBar
    from soundclone_desktop.ui.context import AppContext
    from soundclone_desktop.ui.session import Session
    from soundclone_desktop.ui.status_bar import ConnectionStatus


class SlotWindow(Protocol):
    """What the slots use of the studio window (the window is their task's owner)."""

    @property
    def session(self) -> Session: ...
    @property
    def ctx(self) -> AppContext: ...
    @property
    def status(self) -> ConnectionStatus: ...
    @property
    def messages(self) -> MessageBar: ...
    @property
    def editor(self) -> QWidget: ...
    def report_error(self, exc: BaseException) -> None: ...
    def show_demo_note(self) -> None: ...
    def replace_script(self, text: str) -> None: ...


@async_slot(exclusive=True)
async def refresh_balance(window: SlotWindow) -> None:
    try:
        await window.session.refresh_balance()
    except SoundCloneError as exc:
        # The balance is a convenience: say so in the status bar, not as an alarm,
        # unless the key itself was rejected (then the user must act).
        user = errors.log_and_describe(exc, "Balance request failed")
        window.status.set_unreachable()
        if user.opens_settings:
            window.report_error(exc)


@async_slot(exclusive=True)
async def start_demo(window: SlotWindow) -> None:
    await window.session.connect_demo()
    window.show_demo_note()


@async_slot
async def load_script(window: SlotWindow, path: str) -> None:
    """Read the file in a worker thread, then replace the text as one undo step."""
    try:
        text = await asyncio.to_thread(read_script, Path(path))
    except ScriptFileError as exc:
        window.messages.show_message(str(exc), Level.ERROR)
        return
    window.replace_script(text)
    window.messages.clear()
    window.editor.setFocus()


def save_settings(window: SlotWindow) -> None:
    """Write the settings in a worker thread (a remembered voice or volume)."""
    ctx = window.ctx
    spawn(asyncio.to_thread(ctx.settings_store.save, ctx.settings), owner=window)
