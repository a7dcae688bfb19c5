"""The studio's features attached to the window, one per step of its staged build.

``MainWindow.build_steps`` runs these after the window's shell (the editor) is on screen,
one event-loop turn each, so a key typed meanwhile is handled between two features. Each
step imports its own feature: the import costs most of a step's time, and this way it is
spread over the turns instead of blocking the first paint (start-up time, issue #17).

Each feature gets the roles it uses (``ui/studio.py``) and the features it needs. The only
order that matters is the one a feature's arguments make visible: history needs the voice
store and the captions' export report. Docks join the View menu in the order they are added.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from soundclone_desktop.ui.context import AppContext
    from soundclone_desktop.ui.main_window import MainWindow


def feature_steps(window: MainWindow, ctx: AppContext) -> Iterator[str]:
    """Attach every feature to ``window``; yields a step's name after each."""
    from soundclone_desktop.ui.voices.attach import VoicesNeeds, attach_voices

    window.voices = attach_voices(
        VoicesNeeds(
            parent=window,
            ctx=ctx,
            session=ctx.session,
            params=window.params,
            messages=window,
            menus=window,
            playback=window,
            job_updates=window.bridge,
            closed=window.closed,
        )
    )
    window.voice_store = window.voices.store
    yield "voices"

    from soundclone_desktop.ui.theme.menu import ThemeNeeds, attach_theme_menu

    window.theme_menu = attach_theme_menu(ThemeNeeds(window, ctx, window.view_menu))
    yield "theme menu"
    from soundclone_desktop.ui.captions import CaptionsNeeds, attach_captions

    window.captions = attach_captions(
        CaptionsNeeds(
            parent=window,
            player=window.player,
            editor=window.editor,
            docks=window,
            menus=window,
            messages=window,
            export_folder=window.export_folder,
        )
    )
    yield "captions"

    from soundclone_desktop.ui.projects import ProjectNeeds, attach_projects

    window.projects = attach_projects(
        ProjectNeeds(
            parent=window,
            ctx=ctx,
            editor=window.editor,
            params=window.params,
            messages=window,
            docks=window,
            menus=window,
            frame=window,
        )
    )
    yield "projects"

    yield from _book_steps(window, ctx)

    from soundclone_desktop.ui.history import HistoryNeeds, attach_history

    yield "history imported"
    window.history = attach_history(
        HistoryNeeds(
            parent=window,
            library=ctx.library,
            voice_store=window.voice_store,
            ctx=ctx,
            session=ctx.session,
            docks=window,
            messages=window,
            playback=window,
            script=window,
            params=window.params,
            submission=window.controller,
            job_updates=window.bridge,
            exports=window.captions,
            closed=window.closed,
        )
    )
    yield "history"

    from soundclone_desktop.ui.voices.clone_action import attach_clone_wizard

    window.clone_wizard_action = attach_clone_wizard(window)  # "Clone a voice…" in Voices
    window.voices.clone_action = window.clone_wizard_action  # the browser's first card
    window.toolbar.insertAction(window.settings_action, window.voices.browse_action)
    yield from _menu_steps(window, ctx)


def _book_steps(window: MainWindow, ctx: AppContext) -> Iterator[str]:
    from soundclone_desktop.ui.book import BookNeeds, attach_book

    window.book = attach_book(
        BookNeeds(
            parent=window,
            ctx=ctx,
            editor=window.editor,
            params=window.params,
            lender=window.projects,  # the book borrows the editor from the script
            messages=window,
            docks=window,
            menus=window,
            playback=window,
            closed=window.closed,
            session=ctx.session,  # renders go through the render queue
            player=window.player,  # listening by sentence follows it
        )
    )
    # With a book open, "Generate speech" renders the chapter through the book's queue.
    window.controller.book = window.book
    window.book.book_opened.connect(window.controller.refresh)
    window.book.book_closed.connect(window.controller.refresh)
    window.book.figures_changed.connect(window.controller.refresh)
    window.book.render_progress.connect(window.controller.progress.show_book)  # the button
    yield "book"

    from soundclone_desktop.ui.delivery import DeliveryNeeds, attach_delivery

    window.delivery = attach_delivery(DeliveryNeeds.of_book(window, window, window.book))
    yield "delivery"


def _menu_steps(window: MainWindow, ctx: AppContext) -> Iterator[str]:
    from soundclone_desktop.ui.book_import import BookImportNeeds, attach_book_import

    window.book_import = attach_book_import(
        BookImportNeeds(
            parent=window,
            menus=window,
            prices=ctx.prices,
            # The reviewed manuscript becomes a book the navigator opens.
            on_manuscript=window.book.from_manuscript,
        )
    )
    yield "book import"

    from soundclone_desktop.ui.edit import EditNeeds, attach_edit

    yield "edit imported"  # (its import and its menus: two turns)
    # Last: Help ends the menu bar and lists every action's keys.
    window.edit = attach_edit(
        EditNeeds(
            parent=window,
            editor=window.editor,
            menus=window,
            frame=window,
            submit_action=window.submit_action,  # in the Generate menu, Ctrl+Return shown
            stop_button=window.task_list.cancel_button,
        )
    )
    yield "edit"

    from soundclone_desktop.ui.help import HelpNeeds, attach_help
    from soundclone_desktop.ui.tour.studio_tour import start_tour

    tour = lambda: start_tour(window, ctx, first_run=False)  # noqa: E731
    window.help = attach_help(HelpNeeds(parent=window, menus=window, tour=tour))
    yield "help"
