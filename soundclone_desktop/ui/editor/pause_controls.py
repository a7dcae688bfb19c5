"""The pause row above the editor: Insert pause, the seconds box and quick presets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QToolButton, QWidget

from soundclone_desktop.core.script import MAX_PAUSE, MIN_PAUSE, format_seconds

_CTX = "ScriptEditor"
PRESETS: tuple[float, ...] = (0.3, 0.5, 1.0, 2.0)
DEFAULT_PAUSE = 0.5


class PauseControls(QWidget):
    """``preset_chosen(seconds)`` fires when a preset button is clicked."""

    preset_chosen = Signal(float)

    def __init__(self, insert_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pauseControls")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        insert = QToolButton(self)
        insert.setObjectName("insertPauseButton")
        insert.setDefaultAction(insert_action)
        insert.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout.addWidget(insert)

        self.seconds_spin = QDoubleSpinBox(self)
        self.seconds_spin.setObjectName("pauseSecondsSpin")
        self.seconds_spin.setRange(MIN_PAUSE, MAX_PAUSE)
        self.seconds_spin.setDecimals(2)
        self.seconds_spin.setSingleStep(0.1)
        self.seconds_spin.setValue(DEFAULT_PAUSE)
        self.seconds_spin.setSuffix(QCoreApplication.translate(_CTX, " s", "seconds suffix"))
        self.seconds_spin.setAccelerated(True)
        self.seconds_spin.setToolTip(
            QCoreApplication.translate(_CTX, "Length of the pause to insert: 0.01 to 99.99 seconds")
        )
        self.seconds_spin.setAccessibleName(
            QCoreApplication.translate(_CTX, "Pause length in seconds")
        )
        layout.addWidget(self.seconds_spin)

        presets_label = QLabel(QCoreApplication.translate(_CTX, "Quick:"), self)
        presets_label.setEnabled(False)  # a quiet caption, not an instruction
        layout.addSpacing(6)
        layout.addWidget(presets_label)
        for seconds in PRESETS:
            layout.addWidget(self._preset_button(seconds))
        layout.addStretch(1)

    def _preset_button(self, seconds: float) -> QToolButton:
        text = format_seconds(seconds)
        button = QToolButton(self)
        button.setObjectName("pausePreset_" + text.replace(".", "_"))
        button.setText(QCoreApplication.translate(_CTX, "{seconds} s").format(seconds=text))
        button.setToolTip(
            QCoreApplication.translate(_CTX, "Insert a {seconds}-second pause").format(seconds=text)
        )
        button.clicked.connect(lambda: self._choose(seconds))
        return button

    def _choose(self, seconds: float) -> None:
        self.seconds_spin.setValue(seconds)  # Ctrl+Shift+P then repeats the same length
        self.preset_chosen.emit(seconds)
