"""Step 2 of the clone wizard: what the preview says, in which model and language, at what cost.

The text is optional: left empty, the service speaks (and bills) its default line, which the
page says and shows. Over 269 characters nothing is cut: the counter turns red and the page
blocks with a sentence naming the field and the limit. Model v1 is offered only the languages
it speaks; switching to it from a v2-only language or "Automatic" picks a replacement and
says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.languages import (
    ALL_LANGUAGES,
    AUTO,
    V1_LANGUAGES,
    guess_language,
    is_supported,
    languages_for,
)
from soundclone_desktop.core.params import (
    DEFAULT_PREVIEW_TEXT,
    PREVIEW_TEXT_MAX,
    VERSIONS,
    PreviewParams,
)
from soundclone_desktop.core.pricing import Estimate, PriceTable, estimate_preview
from soundclone_desktop.core.script import Severity, analyze
from soundclone_desktop.i18n import join_sentences, translate
from soundclone_desktop.services.tasks import billable_chars
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.editor.problem_text import problem_sentence
from soundclone_desktop.ui.parameters.panel import language_label
from soundclone_desktop.ui.theme.tint import Tone, set_tone

CTX = "CloneWizard"


def cost_amount(estimate: Estimate, *, demo: bool = False) -> str:
    """``about 0.04 JimiCoin (44 characters).``, or why it is unknown.

    For a real account the service's rounding is unknown, so the block-rounded upper bound
    is added when it differs; the demo bills pro rata, in play money.
    """
    chars = QLocale().toString(estimate.chars)
    if estimate.total is None:
        return translate(
            CTX,
            "unknown ({chars} characters). Enter the preview price in Settings › Prices to see it.",
        ).format(chars=chars)
    text = translate(CTX, "about {money} ({chars} characters).").format(
        money=money_text(estimate.total, estimate.currency), chars=chars
    )
    if demo:
        return join_sentences(text, translate(CTX, "Demo: no real money."))
    if estimate.total_if_blocks is not None and estimate.total_if_blocks != estimate.total:
        text = join_sentences(
            text,
            translate(CTX, "At most {money} if the service charges whole blocks of 10,000.").format(
                money=money_text(estimate.total_if_blocks, estimate.currency)
            ),
        )
    return text


class PreviewPage(QWidget):
    """Preview text, model version, language; ``changed`` on every edit."""

    changed = Signal()

    def __init__(
        self,
        prices: Callable[[], PriceTable],
        *,
        demo: Callable[[], bool] = lambda: False,
        version: str = "v2",
        language: str = AUTO,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clonePreviewPage")
        self._prices = prices
        self._demo = demo
        self._build()
        start_version = version if version in VERSIONS else "v2"
        self.version_combo.setCurrentIndex(VERSIONS.index(start_version))
        self._fill_languages(start_version)
        self._select_language(language if is_supported(language, start_version) else None)
        self.version_combo.currentIndexChanged.connect(self._on_version)
        self.language_combo.currentIndexChanged.connect(self._on_language)
        # A line in the interface's language: left empty, the service speaks (and bills) its
        # own default line, which is Chinese, and an English user would hear Chinese.
        self.text_edit.setPlainText(sample_preview_text())
        self.text_edit.textChanged.connect(self._refresh)
        self._refresh()

    def _build(self) -> None:
        intro = QLabel(
            translate(
                CTX,
                "The service makes a short preview in the cloned voice, so you can hear it "
                "before saving. The preview is charged by its length in characters.",
            )
        )
        intro.setObjectName("clonePreviewIntro")
        intro.setWordWrap(True)

        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("clonePreviewText")
        self.text_edit.setPlaceholderText(DEFAULT_PREVIEW_TEXT)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(70)
        self.text_edit.setMaximumHeight(110)
        self.counter_label = QLabel()
        self.counter_label.setObjectName("clonePreviewCounter")
        self.text_problem = QLabel()
        self.text_problem.setObjectName("clonePreviewProblem")
        self.text_problem.setWordWrap(True)
        set_tone(self.text_problem, Tone.ERROR)
        self.default_note = QLabel()
        self.default_note.setObjectName("cloneDefaultNote")
        self.default_note.setWordWrap(True)
        self.cost_label = QLabel()
        self.cost_label.setObjectName("clonePreviewCost")
        self.cost_label.setWordWrap(True)

        self.version_combo = QComboBox()
        self.version_combo.setObjectName("cloneVersionCombo")
        counts = {"v1": len(V1_LANGUAGES), "v2": len(ALL_LANGUAGES)}
        for version in VERSIONS:
            label = translate(CTX, "{version} ({count} languages)")
            self.version_combo.addItem(
                label.format(version=version, count=counts[version]), version
            )
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("cloneLanguageCombo")
        self.language_note = QLabel()
        self.language_note.setObjectName("cloneLanguageNote")
        self.language_note.setWordWrap(True)
        self.language_note.hide()

        text_box = QVBoxLayout()
        text_box.setSpacing(4)
        text_box.addWidget(self.text_edit)
        text_box.addWidget(self.counter_label)
        text_box.addWidget(self.text_problem)
        text_box.addWidget(self.default_note)
        language_box = QVBoxLayout()
        language_box.setSpacing(2)
        language_box.addWidget(self.language_combo)
        language_box.addWidget(self.language_note)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(translate(CTX, "Preview text:"), text_box)
        form.addRow(translate(CTX, "Model:"), self.version_combo)
        form.addRow(translate(CTX, "Language:"), language_box)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.cost_label)
        layout.addStretch(1)

    # -- values --------------------------------------------------------------------------------

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def version(self) -> str:
        return str(self.version_combo.currentData())

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def params(self, file_url: str = "") -> PreviewParams:
        return PreviewParams(
            file_url=file_url, text=self.text(), version=self.version(), language=self.language()
        )

    def estimate(self) -> Estimate:
        return estimate_preview(billable_chars(self.params()), self._prices())

    def problems(self) -> list[str]:
        """Translated sentences for what blocks the text (empty text is fine)."""
        text = self.text()
        if not text.strip():
            return []
        report = analyze(text, max_chars=PREVIEW_TEXT_MAX)
        return [
            translate(CTX, "Preview text: {problem}").format(problem=problem_sentence(p))
            for p in report.problems
            if p.severity is Severity.ERROR
        ]

    def is_complete(self) -> bool:
        return not self.problems()

    # -- reacting ------------------------------------------------------------------------------

    def _refresh(self) -> None:
        text = self.text()
        length = len(text)  # code points, markers included: what the limit counts
        over = length > PREVIEW_TEXT_MAX
        self.counter_label.setText(
            translate(CTX, "{count} / {limit} characters").format(
                count=QLocale().toString(length), limit=QLocale().toString(PREVIEW_TEXT_MAX)
            )
        )
        set_tone(self.counter_label, Tone.ERROR if over else None)
        problems = self.problems()
        self.text_problem.setText(problems[0] if problems else "")
        self.text_problem.setVisible(bool(problems))
        if text.strip():
            self.default_note.setText(
                translate(CTX, "Leave it empty to use the service's default line instead.")
            )
        else:
            self.default_note.setText(
                translate(
                    CTX,
                    "Empty: the service speaks its default line (shown greyed above, {count} "
                    "characters, in Chinese), and that line is billed.",
                ).format(count=len(DEFAULT_PREVIEW_TEXT))
            )
        self.refresh_cost()
        self.changed.emit()

    def refresh_cost(self) -> None:
        """Recompute the cost line (the prices may have changed in Settings)."""
        self.cost_label.setText(
            translate(CTX, "Preview cost: {amount}").format(amount=self.cost_text())
        )

    def cost_text(self) -> str:
        """The cost without a label, for the summary's "Cost:" row."""
        return cost_amount(self.estimate(), demo=self._demo())

    def _fill_languages(self, version: str) -> None:
        with QSignalBlocker(self.language_combo):
            self.language_combo.clear()
            for language in languages_for(version):
                self.language_combo.addItem(language_label(language), language)

    def _select_language(self, language: str | None) -> None:
        index = self.language_combo.findData(language) if language is not None else -1
        with QSignalBlocker(self.language_combo):
            self.language_combo.setCurrentIndex(max(0, index))

    def _on_version(self, _index: int) -> None:
        previous = self.language()
        version = self.version()
        self._fill_languages(version)
        if is_supported(previous, version):
            self._select_language(previous)
            self.language_note.hide()
        else:
            guess = guess_language(self.text() or DEFAULT_PREVIEW_TEXT)
            self._select_language(guess)
            if previous == AUTO:
                note = translate(
                    CTX, "Model v1 cannot detect the language, so it is set to {language}."
                )
            else:
                note = translate(
                    CTX, "{previous} needs model v2, so the language is set to {language}."
                )
            self.language_note.setText(
                note.format(previous=language_label(previous), language=language_label(guess))
            )
            self.language_note.show()
        self.changed.emit()

    def _on_language(self, _index: int) -> None:
        self.language_note.hide()
        self.changed.emit()


def sample_preview_text() -> str:
    """The preview line the wizard starts with, in the interface's language."""
    return translate(CTX, "Hello! This is how my new voice sounds. I hope you like it.")
