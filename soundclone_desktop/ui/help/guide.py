"""Help › User guide: the README's user sections, shown in the app (works offline).

The README is the one guide: this dialog shows its sections for users (not the developer
ones), with its screenshots. A copy without the README (an installed wheel) says where to
read it instead.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from soundclone_desktop.i18n import translate

CTX = "GuideDialog"

# The README's sections a user reads, in its own order.
GUIDE_SECTIONS = ("What it is", "Using a real API key", "Where data is kept")


def readme_path() -> Path | None:
    """README.md of a source checkout, or the one bundled into a frozen app."""
    here = Path(__file__).resolve()
    candidates = [here.parents[3] / "README.md"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "README.md")
    return next((path for path in candidates if path.is_file()), None)


def guide_sections(markdown: str, titles: tuple[str, ...] = GUIDE_SECTIONS) -> str:
    """The level-2 sections named ``titles`` (each up to the next level-2 heading)."""
    parts = re.split(r"(?m)^(?=## )", markdown)
    wanted = [p for p in parts if p.startswith("## ") and p[3:].splitlines()[0].strip() in titles]
    return "\n".join(wanted)


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(translate(CTX, "User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(translate(CTX, "User guide"))
        path = readme_path()
        if path is None:
            self.browser.setPlainText(
                translate(
                    CTX,
                    "The guide is the README file of SoundClone Desktop, which this copy "
                    "does not include. Ask for it where you got the app.",
                )
            )
        else:
            self.browser.setSearchPaths([str(path.parent)])  # its screenshots
            self.browser.setMarkdown(guide_sections(path.read_text(encoding="utf-8")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(900, 640)
