"""Settings › General: default parameters, the results folder and the UI language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.parameters import Parameters
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.settings import Settings, UiLanguage
from soundclone_desktop.ui.parameters.panel import ParametersPanel

CTX = "SettingsDialog"


class GeneralPage(QWidget):
    def __init__(self, settings: Settings, default_results: str, parent: QWidget | None = None):
        super().__init__(parent)
        # The studio's own parameter form, minus the voice: one set of rules for both.
        self.defaults_panel = ParametersPanel(show_voice=False)
        self.defaults_panel.setObjectName("defaultParametersPanel")
        self.defaults_panel.set_values(settings.defaults.as_dict())
        defaults_box = QGroupBox(translate(CTX, "Parameters for new scripts"))
        box_layout = QVBoxLayout(defaults_box)
        box_layout.addWidget(self.defaults_panel)

        self.results_edit = QLineEdit(settings.results_dir or "")
        self.results_edit.setObjectName("resultsFolderEdit")
        self.results_edit.setPlaceholderText(default_results)
        self.results_button = QPushButton(translate(CTX, "Choose…"))
        self.results_button.setObjectName("resultsFolderButton")
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.results_edit, 1)
        folder_row.addWidget(self.results_button)

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("uiLanguageCombo")
        self.language_combo.addItem(translate(CTX, "Same as the system"), UiLanguage.SYSTEM.value)
        # Each language is named in itself, so a user can find theirs in any UI language.
        self.language_combo.addItem("English", UiLanguage.ENGLISH.value)
        self.language_combo.addItem("简体中文", UiLanguage.CHINESE_SIMPLIFIED.value)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(settings.ui_language.value))
        )
        restart_note = QLabel(translate(CTX, "A new language applies when the app restarts."))
        restart_note.setObjectName("languageRestartNote")
        restart_note.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate(CTX, "Results folder:"), folder_row)
        form.addRow(translate(CTX, "Language:"), self.language_combo)
        form.addRow("", restart_note)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(defaults_box, 1)

        self._folder_dialog: QFileDialog | None = None
        self.results_button.clicked.connect(self._choose_folder)

    def _choose_folder(self) -> None:
        # open(), not the static helper: no nested event loop while asyncio tasks run.
        dialog = QFileDialog(self, translate(CTX, "Choose the results folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(self.results_edit.text() or self.results_edit.placeholderText())
        dialog.fileSelected.connect(self.results_edit.setText)
        self._folder_dialog = dialog
        dialog.open()

    def defaults(self) -> Parameters:
        parameters, _unusable = Parameters.from_mapping(self.defaults_panel.values())
        return parameters

    def ui_language(self) -> UiLanguage:
        return UiLanguage(self.language_combo.currentData())

    def apply_to(self, settings: Settings) -> None:
        settings.defaults = self.defaults()
        settings.results_dir = self.results_edit.text().strip() or None
        settings.ui_language = self.ui_language()
