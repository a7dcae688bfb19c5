"""Help › About: the version, and the bundled libraries with their licences."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop import __version__
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.help.licences import BUNDLED, installed_version

CTX = "AboutDialog"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(translate(CTX, "About SoundClone Desktop"))
        title = QLabel(f"<h2>SoundClone Desktop {__version__}</h2>", self)
        title.setObjectName("aboutTitle")
        self.version_label = QLabel(
            translate(CTX, "Version {0}, on Qt {1} (PySide6 {2})")
            .replace("{0}", __version__)
            .replace("{1}", qVersion())
            .replace("{2}", pyside_version),
            self,
        )
        self.version_label.setObjectName("aboutVersion")
        intro = QLabel(
            translate(
                CTX,
                "Cloned-voice text-to-speech over the SoundClone API. "
                "This app bundles the libraries below, under their own licences.",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setObjectName("licencesTable")
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAccessibleName(translate(CTX, "Bundled libraries and their licences"))
        self.table.setHeaderLabels(
            [translate(CTX, "Library"), translate(CTX, "Version"), translate(CTX, "Licence")]
        )
        for component in BUNDLED:
            version = installed_version(component)
            item = QTreeWidgetItem(self.table, [component.name, version, component.licence])
            for column, text in enumerate((component.name, version, component.licence)):
                item.setToolTip(column, text)
        header = self.table.header()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, self.version_label, intro, self.table, buttons):
            layout.addWidget(widget)
        self.resize(760, 660)  # every library without scrolling, on a 768-pixel screen

    def licences(self) -> dict[str, str]:
        """Library name → licence, as shown: for tests."""
        rows = self.table.findItems("", Qt.MatchFlag.MatchContains)
        return {item.text(0): item.text(2) for item in rows}
