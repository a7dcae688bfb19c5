"""The studio's features attached to the window, one per step of its staged build.

``MainWindow.build_steps`` runs these after the window's shell (the editor) is on screen,
one event-loop turn each, so a key typed meanwhile is handled between two features. Each
step imports its own feature: the import costs most of a step's time, and this way it is
spread over the turns instead of blocking the first paint (start-up time, issue #17).

Each feature gets the roles it uses (``ui/studio.py``) and the features it needs. The only
order that matters is the one a feature's arguments make visible: history needs the voice
store and the captions' export report. Docks join the View menu in the order they are added.

The features go into a record the window keeps (``StudioFeatures``), each as soon as it is
attached; this module knows the window only as the roles and parts it uses (``Host``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QToolBar, QWidget

    from soundclone_desktop.ui.book import LazyBook
    from soundclone_desktop.ui.book_import import BookImport
    from soundclone_desktop.ui.captions import CaptionsController
    from soundclone_desktop.ui.context import AppContext
    from soundclone_desktop.ui.delivery.attach import DeliveryFeature
    from soundclone_desktop.ui.edit import EditFeature
    from soundclone_desktop.ui.edit.attach import MenuBar
    from soundclone_desktop.ui.editor.editor import ScriptEditor
    from soundclone_desktop.ui.help import HelpMenu
    from soundclone_desktop.ui.history import HistoryController
    from soundclone_desktop.ui.parameters.panel import ParametersPanel
    from soundclone_desktop.ui.player import PlayerWidget
    from soundclone_desktop.ui.projects import ProjectController
    from soundclone_desktop.ui.studio import (
        Docks,
        Frame,
        Menus,
        Messages,
        Playback,
        ScriptAccess,
    )
    from soundclone_desktop.ui.submit.controller import SubmitController
    from soundclone_desktop.ui.tasks.runner_bridge import RunnerBridge
    from soundclone_desktop.ui.tasks.task_list import TaskList
    from soundclone_desktop.ui.theme.menu import ThemeMenu
    from soundclone_desktop.ui.tour.studio_tour import TourTargets
    from soundclone_desktop.ui.voices.attach import VoicesFeature
    from soundclone_desktop.ui.voices.clone_wizard import Studio
    from soundclone_desktop.ui.voices.voice_store import VoiceStore

    class Host(
        Messages,
        Docks,
        Menus,
        MenuBar,
        Playback,
        ScriptAccess,
        Frame,
        TourTargets,
        Studio,
        Protocol,
    ):
        """What the features use of the studio window: its roles (``ui/studio.py``), the
        panels made before them, and the window as their widgets' parent (``window()``)."""

        params: ParametersPanel
        voices_menu: QMenu

        @property
        def editor(self) -> ScriptEditor: ...
        @property
        def player(self) -> PlayerWidget: ...
        @property
        def bridge(self) -> RunnerBridge: ...
        @property
        def controller(self) -> SubmitController: ...
        @property
        def task_list(self) -> TaskList: ...
        @property
        def toolbar(self) -> QToolBar: ...
        @property
        def settings_action(self) -> QAction: ...
        @property
        def submit_action(self) -> QAction: ...
        @property
        def closed(self) -> SignalInstance: ...
        def export_folder(self) -> Path: ...
        def window(self) -> QWidget: ...


class StudioFeatures:
    """The studio's features, each set once it is attached (``feature_steps``)."""

    voices: VoicesFeature
    theme_menu: ThemeMenu
    captions: CaptionsController
    projects: ProjectController
    book: LazyBook
    delivery: DeliveryFeature
    history: HistoryController
    clone_wizard_action: QAction
    book_import: BookImport
    edit: EditFeature
    help: HelpMenu

    @property
    def voice_store(self) -> VoiceStore:
        return self.voices.store


class FeaturesHeld:
    """The window's side: it keeps the record and reads each feature as its own attribute
    (``window.voices``, ``window.book``…), as before there was a record."""

    features: StudioFeatures

    @property
    def voices(self) -> VoicesFeature:
        return self.features.voices

    @property
    def voice_store(self) -> VoiceStore:
        return self.features.voice_store

    @property
    def theme_menu(self) -> ThemeMenu:
        return self.features.theme_menu

    @property
    def captions(self) -> CaptionsController:
        return self.features.captions

    @property
    def projects(self) -> ProjectController:
        return self.features.projects

    @property
    def book(self) -> LazyBook:
        return self.features.book

    @property
    def delivery(self) -> DeliveryFeature:
        return self.features.delivery

    @property
    def history(self) -> HistoryController:
        return self.features.history

    @property
    def clone_wizard_action(self) -> QAction:
        return self.features.clone_wizard_action

    @property
    def book_import(self) -> BookImport:
        return self.features.book_import

    @property
    def edit(self) -> EditFeature:
        return self.features.edit

    @property
    def help(self) -> HelpMenu:
        return self.features.help


def feature_steps(host: Host, ctx: AppContext, features: StudioFeatures) -> Iterator[str]:
    """Attach every feature to the window ``host``, each into ``features`` as soon as it is
    there; yields a step's name after each."""
    from soundclone_desktop.ui.voices.attach import VoicesNeeds, attach_voices

    window = host.window()  # (itself: the parent of the features' widgets)
    features.voices = attach_voices(
        VoicesNeeds(
            parent=window,
            ctx=ctx,
            session=ctx.session,
            params=host.params,
            messages=host,
            menus=host,
            playback=host,
            job_updates=host.bridge,
            closed=host.closed,
        )
    )
    yield "voices"

    from soundclone_desktop.ui.theme.menu import ThemeNeeds, attach_theme_menu

    features.theme_menu = attach_theme_menu(ThemeNeeds(window, ctx, host.view_menu))
    yield "theme menu"
    from soundclone_desktop.ui.captions import CaptionsNeeds, attach_captions

    features.captions = attach_captions(
        CaptionsNeeds(
            parent=window,
            player=host.player,
            editor=host.editor,
            docks=host,
            menus=host,
            messages=host,
            export_folder=host.export_folder,
        )
    )
    yield "captions"

    from soundclone_desktop.ui.projects import ProjectNeeds, attach_projects

    features.projects = attach_projects(
        ProjectNeeds(
            parent=window,
            ctx=ctx,
            editor=host.editor,
            params=host.params,
            messages=host,
            docks=host,
            menus=host,
            frame=host,
        )
    )
    yield "projects"

    yield from _book_steps(host, ctx, features)

    from soundclone_desktop.ui.history import HistoryNeeds, attach_history

    yield "history imported"
    features.history = attach_history(
        HistoryNeeds(
            parent=window,
            library=ctx.library,
            voice_store=features.voice_store,
            ctx=ctx,
            session=ctx.session,
            docks=host,
            messages=host,
            playback=host,
            script=host,
            params=host.params,
            submission=host.controller,
            job_updates=host.bridge,
            exports=features.captions,
            closed=host.closed,
        )
    )
    yield "history"

    from soundclone_desktop.ui.voices.clone_action import attach_clone_wizard

    features.clone_wizard_action = attach_clone_wizard(host)  # "Clone a voice…" in Voices
    features.voices.clone_action = features.clone_wizard_action  # the browser's first card
    host.toolbar.insertAction(host.settings_action, features.voices.browse_action)
    yield from _menu_steps(host, ctx, features)


def _book_steps(host: Host, ctx: AppContext, features: StudioFeatures) -> Iterator[str]:
    from soundclone_desktop.ui.book import BookNeeds, attach_book

    window = host.window()
    book = features.book = attach_book(
        BookNeeds(
            parent=window,
            ctx=ctx,
            editor=host.editor,
            params=host.params,
            lender=features.projects,  # the book borrows the editor from the script
            messages=host,
            docks=host,
            menus=host,
            playback=host,
            closed=host.closed,
            session=ctx.session,  # renders go through the render queue
            player=host.player,  # listening by sentence follows it
        )
    )
    # With a book open, "Generate speech" renders the chapter through the book's queue.
    controller = host.controller
    controller.book = book
    book.book_opened.connect(controller.refresh)
    book.book_closed.connect(controller.refresh)
    book.figures_changed.connect(controller.refresh)
    book.render_progress.connect(controller.progress.show_book)  # the button
    yield "book"

    from soundclone_desktop.ui.delivery import DeliveryNeeds, attach_delivery

    features.delivery = attach_delivery(DeliveryNeeds.of_book(window, host, book))
    yield "delivery"


def _menu_steps(host: Host, ctx: AppContext, features: StudioFeatures) -> Iterator[str]:
    from soundclone_desktop.ui.book_import import BookImportNeeds, attach_book_import

    window = host.window()
    features.book_import = attach_book_import(
        BookImportNeeds(
            parent=window,
            menus=host,
            prices=ctx.prices,
            # The reviewed manuscript becomes a book the navigator opens.
            on_manuscript=features.book.from_manuscript,
        )
    )
    yield "book import"

    from soundclone_desktop.ui.edit import EditNeeds, attach_edit

    yield "edit imported"  # (its import and its menus: two turns)
    # Last: Help ends the menu bar and lists every action's keys.
    features.edit = attach_edit(
        EditNeeds(
            parent=window,
            editor=host.editor,
            menus=host,
            frame=host,
            submit_action=host.submit_action,  # in the Generate menu, Ctrl+Return shown
            stop_button=host.task_list.cancel_button,
        )
    )
    yield "edit"

    from soundclone_desktop.ui.help import HelpNeeds, attach_help
    from soundclone_desktop.ui.tour.studio_tour import start_tour

    tour = lambda: start_tour(host, ctx, first_run=False)  # noqa: E731
    features.help = attach_help(HelpNeeds(parent=window, menus=host, tour=tour))
    yield "help"
