"""“Deliver Audiobook”: choose a profile and what to make, run it in the background with
progress per step and a Cancel that stops it, then read the check report.

The work runs on a worker thread (:func:`run_in_background`) through the Qt-free delivery
(:mod:`.run`); its progress comes back through :func:`run_on_gui_thread`. Cancel sets an
event the worker checks between blocks; the dialog stays open until the worker has stopped
and cleaned up, so nothing half-written is left when it says “Cancelled”.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.book.model import Book
from soundclone_desktop.i18n import translate
from soundclone_desktop.services.delivery.book import DeliveryError, DeliveryStep
from soundclone_desktop.ui.delivery.credits import AddCredits
from soundclone_desktop.ui.delivery.errors import delivery_error_text
from soundclone_desktop.ui.delivery.form import DeliveryForm
from soundclone_desktop.ui.delivery.report_view import ReportView, UrlOpener
from soundclone_desktop.ui.delivery.request import DeliveryRequest
from soundclone_desktop.ui.delivery.run import DeliveryCancelledError, DeliveryResult, run_delivery
from soundclone_desktop.ui.player.background import run_in_background, run_on_gui_thread

log = logging.getLogger(__name__)

CTX = "Delivery"  # spelled out: the translation extractor reads constants only


def step_text(step: DeliveryStep) -> str:
    words = {
        DeliveryStep.STITCH: translate(CTX, "Joining each chapter's takes…"),
        DeliveryStep.MASTER: translate(CTX, "Mastering the chapters…"),
        DeliveryStep.CHECK: translate(CTX, "Checking every file…"),
        DeliveryStep.CAPTIONS: translate(CTX, "Writing the captions…"),
        DeliveryStep.M4B: translate(CTX, "Writing the M4B…"),
        DeliveryStep.EPUB: translate(CTX, "Writing the read-along EPUB…"),
    }
    return words.get(step, str(step))


def fitted_size(free: QSize) -> QSize:
    """The dialog's size on a screen with ``free`` room (1180×688 on a 1366×768 laptop)."""
    return QSize(min(1180, free.width() - 40), min(690, free.height() - 40))


def credits_note(kind: str) -> str:
    """What to do about credits the profile wants as files of their own."""
    if kind == "opening":
        return translate(
            CTX, "No opening credits: add a chapter titled “Opening credits” first and render it."
        )
    return translate(
        CTX, "No closing credits: add a chapter titled “Closing credits” last and render it."
    )


class DeliveryDialog(QDialog):
    delivered = Signal(object)  # DeliveryResult

    def __init__(
        self,
        parent: QWidget | None,
        *,
        book: Book,
        book_folder: Path,
        out: Path | None = None,
        open_url: UrlOpener | None = None,
        add_credits: AddCredits | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deliveryDialog")
        self.setWindowTitle(translate(CTX, "Deliver “%1”").replace("%1", book.title))
        self.setModal(True)
        self._cancel = threading.Event()
        self._running = False
        self.result_value: DeliveryResult | None = None

        self.form = DeliveryForm(
            book, book_folder, out or book_folder.parent / "delivery", add_credits=add_credits
        )
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.report_view = ReportView(open_url=open_url)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("deliveryTabs")
        self.tabs.addTab(scroll, translate(CTX, "What to Make"))
        self.tabs.addTab(self.report_view, translate(CTX, "Check Report"))
        self.tabs.setTabEnabled(1, False)

        self.step_label = QLabel()
        self.step_label.setObjectName("deliveryStep")
        self.step_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("deliveryProgress")
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.buttons = QDialogButtonBox()
        self.deliver_button = QPushButton(translate(CTX, "Deliver"))
        self.deliver_button.setObjectName("deliveryRun")
        self.deliver_button.setDefault(True)
        self.buttons.addButton(self.deliver_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button.setObjectName("deliveryCancel")
        self.deliver_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.step_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self._fit_screen()

    def _fit_screen(self) -> None:
        """1180×690, or less on a small screen (a 1366×768 laptop has about 1366×728 free:
        the title bar must stay on it). The choices scroll when there is not room."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        self.resize(fitted_size(screen.availableGeometry().size()))

    # -- running ----------------------------------------------------------------------

    def start(self) -> None:
        if self._running:
            return
        request = self.form.request()
        problem = _problem(request)
        if problem:
            self.step_label.setText(problem)
            return
        self._running = True
        self._cancel.clear()
        self._set_busy(True)
        cancel = self._cancel

        def progress(step: DeliveryStep, fraction: float) -> None:
            run_on_gui_thread(self, lambda: self._on_progress(step, fraction))

        run_in_background(
            lambda: run_delivery(request, cancelled=cancel.is_set, progress=progress),
            self,
            self._on_done,
            self._on_failed,
        )

    def is_running(self) -> bool:
        return self._running

    def _on_progress(self, step: DeliveryStep, fraction: float) -> None:
        """``fraction``: of the whole run (two workers may report slightly out of order)."""
        if not self._running or self._cancel.is_set():
            return
        self.step_label.setText(step_text(step))
        self.progress.setValue(max(self.progress.value(), round(1000 * fraction)))

    def _on_done(self, result: DeliveryResult) -> None:
        self._running = False
        self._set_busy(False)
        self.result_value = result
        self.progress.setValue(1000)
        if result.masters is None:  # an M4B or EPUB only: there is no chapter master to count
            done = translate(CTX, "Delivered into %1.").replace("%1", str(result.folder))
        elif result.redone:
            done = translate(CTX, "Delivered: %n file(s) mastered this time.", None, result.redone)
        else:
            done = translate(CTX, "Delivered: every master was already up to date.")
        self.step_label.setText(done)
        if result.report is not None:
            notes = [credits_note(kind) for kind in result.missing_credits]
            self.report_view.show_report(result.report, result.html_report, notes)
            self.tabs.setTabEnabled(1, True)
            self.tabs.setCurrentIndex(1)
        self.delivered.emit(result)

    def _on_failed(self, exc: Exception) -> None:
        self._running = False
        self._set_busy(False)
        if isinstance(exc, DeliveryCancelledError):
            self.progress.hide()
        if isinstance(exc, DeliveryError):
            self.step_label.setText(delivery_error_text(exc))
            return
        log.error("delivery failed", exc_info=exc)
        self.step_label.setText(
            translate(CTX, "The delivery stopped: %1").replace("%1", str(exc) or type(exc).__name__)
        )

    def _set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.deliver_button.setEnabled(not busy)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(translate(CTX, "Cancel") if busy else translate(CTX, "Close"))
        if busy:
            self.progress.setValue(0)
            self.progress.show()
            self.step_label.setText(translate(CTX, "Starting…"))

    # -- closing ----------------------------------------------------------------------

    def reject(self) -> None:
        if self._running:  # stop first; the dialog stays until the worker has cleaned up
            self._cancel.set()
            self.step_label.setText(translate(CTX, "Cancelling…"))
            self.cancel_button.setEnabled(False)
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


def _problem(request: DeliveryRequest) -> str:
    """What must change before the delivery can start (empty: nothing)."""
    if not str(request.out) or str(request.out) == ".":
        return translate(CTX, "Choose a folder to deliver into.")
    if request.out.resolve() == request.book_folder.resolve():
        return translate(CTX, "Choose a folder outside the book's own folder.")
    if not (request.chapter_files or request.m4b or request.epub or request.captions):
        return translate(CTX, "Tick at least one thing to make.")
    cover = request.details.cover
    if request.m4b and cover is not None and not cover.is_file():
        return translate(CTX, "The cover image %1 was not found.").replace("%1", str(cover))
    return ""
