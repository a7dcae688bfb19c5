"""The studio's first-run tour: a sample script, then the editor, pauses, the voice, the cost
and Generate. Shown once with ``--demo`` (a newcomer's first look), skippable, never again
once finished or skipped; Help › Take the tour shows it on request.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QAbstractButton, QWidget

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.context import AppContext
from soundclone_desktop.ui.editor.panel import ScriptEditorPanel
from soundclone_desktop.ui.parameters.panel import ParametersPanel
from soundclone_desktop.ui.submit.bar import SubmitBar
from soundclone_desktop.ui.tour.tour import Stop, Tour

CTX = "Tour"


class TourTargets(Protocol):
    """The parts of the window the tour points at."""

    @property
    def editor_panel(self) -> ScriptEditorPanel: ...

    @property
    def params(self) -> ParametersPanel: ...

    @property
    def submit_bar(self) -> SubmitBar: ...


def sample_script() -> str:
    return translate(
        CTX,
        "Welcome to the studio. <#0.5#> This is a sample script: change it, choose a voice, "
        "and press Generate to hear it.",
    )


def studio_stops(window: TourTargets) -> list[Stop]:
    panel = window.editor_panel
    pause = panel.findChild(QAbstractButton, "insertPauseButton") or panel.pause_controls
    return [
        Stop(
            panel.editor,
            translate(CTX, "Your script"),
            translate(
                CTX,
                "Write or paste what should be spoken. A sample is here to try: change it "
                "as you like.",
            ),
        ),
        Stop(
            pause,
            translate(CTX, "Pauses"),
            translate(
                CTX,
                "Put the cursor where a pause belongs and insert one: <#0.5#> is half a "
                "second. Pauses are not billed.",
            ),
        ),
        Stop(
            window.params.voice_combo,
            translate(CTX, "The voice"),
            translate(
                CTX,
                "Choose who speaks. Voices › Browse voices lets you listen first, or clone "
                "your own voice.",
            ),
        ),
        Stop(
            window.submit_bar.charge_label,
            translate(CTX, "The cost, before you pay"),
            translate(
                CTX,
                "Every change of the text or the settings updates the exact price here. "
                "The demo uses play money.",
            ),
        ),
        Stop(
            window.submit_bar.button,
            translate(CTX, "Generate"),
            translate(
                CTX,
                "Press it, or Ctrl+Return. The result plays below, with its captions.",
            ),
        ),
    ]


def start_tour(
    window: TourTargets,
    ctx: AppContext,
    *,
    first_run: bool,
    sample_loaded: Callable[[], None] = lambda: None,
) -> Tour | None:
    """Show the tour over ``window``. With ``first_run``, only if it was never seen, and with
    the sample script in an empty editor (then ``sample_loaded``: it is not the user's work);
    finishing or skipping it is remembered."""
    if first_run and ctx.settings.tour_seen:
        return None
    editor = window.editor_panel.editor
    if first_run and not editor.toPlainText().strip():
        editor.set_text(sample_script())
        sample_loaded()
    assert isinstance(window, QWidget)
    tour = Tour(window, studio_stops(window))

    def remember(_completed: bool) -> None:
        tour.deleteLater()
        if not ctx.settings.tour_seen:
            ctx.settings.tour_seen = True
            spawn(asyncio.to_thread(ctx.settings_store.save, ctx.settings), owner=window)

    tour.finished.connect(remember)
    tour.start()
    return tour
