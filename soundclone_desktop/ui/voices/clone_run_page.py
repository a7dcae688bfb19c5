"""Step 3 of the clone wizard: a summary of what will be sent and paid, then its progress.

The page only shows; the wizard's Clone button starts a :class:`CloneRun`, whose signals
drive the upload bar (with its Cancel button) and the preview's state line.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.parameters.panel import language_label
from soundclone_desktop.ui.tasks.job_text import job_sentence
from soundclone_desktop.ui.tasks.task_list import state_text
from soundclone_desktop.ui.voices.clone_run import CloneRequest, Phase

CTX = "CloneWizard"

EXCERPT_CHARS = 60


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


class RunPage(QWidget):
    """Summary, upload progress and preview state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cloneRunPage")
        self._job: Job | None = None
        self._build()
        # "Expected in ~N s" counts down between the runner's updates.
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_job)

    def _build(self) -> None:
        intro = QLabel(
            translate(
                CTX,
                "Check the summary, then press Clone voice. A local file is uploaded first "
                "(free); the preview is then charged. A preview that fails is refunded.",
            )
        )
        intro.setObjectName("cloneRunIntro")
        intro.setWordWrap(True)

        self.source_value = _value_label("cloneSummarySource")
        self.text_value = _value_label("cloneSummaryText")
        self.model_value = _value_label("cloneSummaryModel")
        self.cost_value = _value_label("cloneSummaryCost")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(translate(CTX, "Source:"), self.source_value)
        form.addRow(translate(CTX, "Preview text:"), self.text_value)
        form.addRow(translate(CTX, "Model and language:"), self.model_value)
        form.addRow(translate(CTX, "Cost:"), self.cost_value)

        self.upload_label = QLabel(translate(CTX, "Uploading the recording…"))
        self.upload_label.setObjectName("cloneUploadLabel")
        self.upload_bar = QProgressBar()
        self.upload_bar.setObjectName("cloneUploadProgress")
        self.upload_bar.setRange(0, 100)
        self.cancel_upload_button = QPushButton(translate(CTX, "Cancel upload"))
        self.cancel_upload_button.setObjectName("cloneCancelUploadButton")
        upload_row = QHBoxLayout()
        upload_row.addWidget(self.upload_bar, 1)
        upload_row.addWidget(self.cancel_upload_button)
        self.upload_box = QWidget()
        upload_layout = QVBoxLayout(self.upload_box)
        upload_layout.setContentsMargins(0, 0, 0, 0)
        upload_layout.addWidget(self.upload_label)
        upload_layout.addLayout(upload_row)
        self.upload_box.hide()

        self.state_label = QLabel()
        self.state_label.setObjectName("cloneStateLabel")
        self.state_label.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("clonePreviewProgress")
        self.busy_bar.setRange(0, 0)  # no percentage is known: an activity indicator
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.upload_box)
        layout.addWidget(self.state_label)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)

    # -- what will be sent ---------------------------------------------------------------------

    def set_summary(self, request: CloneRequest, cost: str) -> None:
        self.source_value.setText(request.source_label)
        self.source_value.setToolTip(str(request.path) if request.path else request.url)
        self.text_value.setText(
            excerpt(request.text)
            if request.text.strip()
            else translate(CTX, "The service's default line")
        )
        self.model_value.setText(
            translate(CTX, "{version}, {language}").format(
                version=request.version, language=language_label(request.language)
            )
        )
        self.cost_value.setText(cost)

    # -- progress ------------------------------------------------------------------------------

    def show_phase(self, phase: Phase) -> None:
        self.upload_box.setVisible(phase is Phase.UPLOADING)
        self.cancel_upload_button.setEnabled(phase is Phase.UPLOADING)
        self.busy_bar.setVisible(phase is Phase.PREVIEW)
        if phase is Phase.UPLOADING:
            self.upload_bar.setValue(0)
            self.state_label.setText("")
        elif phase is Phase.PREVIEW:
            self.state_label.setText(translate(CTX, "Sending the preview request…"))
            self._tick.start()
        else:
            self._tick.stop()
            if phase is Phase.IDLE:
                self.state_label.setText("")
                self._job = None

    def show_upload(self, sent: int, total: int) -> None:
        self.upload_bar.setValue(100 if total <= 0 else round(100 * sent / total))
        self.upload_label.setText(
            translate(CTX, "Uploading the recording… {sent} of {total} KB").format(
                sent=QLocale().toString(sent // 1024), total=QLocale().toString(total // 1024)
            )
        )

    def show_job(self, job: Job) -> None:
        self._job = job
        self._show_job()

    def _show_job(self) -> None:
        job = self._job
        if job is None:
            return
        parts = [translate(CTX, "Preview: {state}").format(state=state_text(job.state))]
        remaining = job.expected_in()
        if remaining is not None and job.state in (
            JobState.SUBMITTED,
            JobState.QUEUED,
            JobState.PROCESSING,
        ):
            parts.append(
                translate(CTX, "expected in about {seconds} s").format(
                    seconds=QLocale().toString(max(1, round(remaining)))
                )
            )
        note = job_sentence(job.message)
        if note:
            parts.append(note)
        self.state_label.setText(" · ".join(parts))


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
