"""Step 1 of the clone wizard: the recording to clone, checked before anything is spent.

A local file (dropped, chosen, or its path pasted) is checked for type and size, then its
length is measured (``clone_probe``) and it can be played here. A web address is checked
for scheme, a public host, Chinese characters and the file type. Results appear as a list
of lines under the inputs; the page is complete once nothing blocks and the length is known
(or could not be measured, which only warns).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.clone_source import (
    SourceCheck,
    blocking,
    check_duration,
    check_file,
    check_url,
)
from soundclone_desktop.core.params import (
    CLONE_EXTENSIONS,
    MAX_CLONE_SECONDS,
    MIN_CLONE_SECONDS,
    UPLOAD_MAX_BYTES,
)
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.player import PlayerWidget
from soundclone_desktop.ui.voices.clone_probe import DurationProbe
from soundclone_desktop.ui.voices.clone_text import check_sentence, megabytes_text, seconds_text
from soundclone_desktop.ui.voices.clone_widgets import (
    ChecksView,
    DropZone,
    Mark,
    hide_player_buttons,
)

CTX = "CloneWizard"

TYPING_DELAY_MS = 300  # re-check a typed path once typing pauses


class SourceKind(StrEnum):
    FILE = "file"
    URL = "url"


def file_size(path: Path) -> int | None:
    """Bytes of a regular file, or ``None`` when there is none (blocking: use a thread)."""
    try:
        return path.stat().st_size if path.is_file() else None
    except OSError:
        return None


def path_from_text(text: str) -> Path | None:
    """A pasted path: quotes (Windows "Copy as path") and ``file://`` URLs are accepted."""
    text = text.strip().strip('"').strip("'").strip()
    if not text:
        return None
    if text.lower().startswith("file:"):
        local = QUrl(text).toLocalFile()
        return Path(local) if local else None
    return Path(os.path.expanduser(text))


class SourcePage(QWidget):
    """The source step; ``changed`` whenever what it would submit or its completeness changes."""

    changed = Signal()

    def __init__(
        self,
        trusted: Callable[[], list[str]],
        parent: QWidget | None = None,
        *,
        volume: float = 1.0,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cloneSourcePage")
        self._trusted = trusted
        self._probe = DurationProbe(self)
        self._probe.measured.connect(self._on_measured)
        self._generation = 0
        self._path: Path | None = None
        self._size: int | None = None
        self._file_checks: list[SourceCheck] | None = None  # None: not checked yet
        self._duration: float | None = None
        self._duration_done = False
        self._dialog: QFileDialog | None = None
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_DELAY_MS)
        self._typing.timeout.connect(self._check_file)
        self._build(volume)
        self._connect()
        self._show_kind()

    # -- building ------------------------------------------------------------------------------

    def _build(self, volume: float) -> None:
        intro = QLabel(
            translate(
                CTX,
                "Choose a recording of one person speaking: more than {min} s and less than "
                "{max} s of clear speech, without music or other voices.",
            ).format(min=MIN_CLONE_SECONDS, max=MAX_CLONE_SECONDS)
        )
        intro.setObjectName("cloneSourceIntro")
        intro.setWordWrap(True)

        self.file_radio = QRadioButton(translate(CTX, "Local file"))
        self.file_radio.setObjectName("cloneFileRadio")
        self.file_radio.setChecked(True)
        self.url_radio = QRadioButton(translate(CTX, "Web address (URL)"))
        self.url_radio.setObjectName("cloneUrlRadio")
        self._kinds = QButtonGroup(self)
        self._kinds.addButton(self.file_radio)
        self._kinds.addButton(self.url_radio)
        kinds = QHBoxLayout()
        kinds.addWidget(self.file_radio)
        kinds.addWidget(self.url_radio)
        kinds.addStretch(1)

        self.drop_zone = DropZone()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("cloneFileEdit")
        self.file_edit.setPlaceholderText(translate(CTX, "…or paste the path of the file"))
        self.file_edit.setClearButtonEnabled(True)
        types = QLabel(
            translate(CTX, "Accepted: {types}; up to {limit} MB.").format(
                types=", ".join(CLONE_EXTENSIONS), limit=UPLOAD_MAX_BYTES // (1024 * 1024)
            )
        )
        types.setObjectName("cloneTypesLabel")
        types.setWordWrap(True)
        self.file_box = QWidget()
        file_layout = QVBoxLayout(self.file_box)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.drop_zone)
        file_layout.addWidget(self.file_edit)
        file_layout.addWidget(types)

        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("cloneUrlEdit")
        self.url_edit.setPlaceholderText("https://example.com/voice-sample.mp3")
        self.url_edit.setClearButtonEnabled(True)
        url_hint = QLabel(
            translate(
                CTX,
                "A public address of one file ({types}), without Chinese characters. Its "
                "length cannot be checked here.",
            ).format(types=", ".join(CLONE_EXTENSIONS))
        )
        url_hint.setObjectName("cloneUrlHint")
        url_hint.setWordWrap(True)
        self.url_box = QWidget()
        url_layout = QVBoxLayout(self.url_box)
        url_layout.setContentsMargins(0, 0, 0, 0)
        url_layout.addWidget(self.url_edit)
        url_layout.addWidget(url_hint)

        self.checks = ChecksView()
        self.checks.setObjectName("cloneSourceChecks")
        self.player = PlayerWidget(self, volume=volume)
        self.player.setObjectName("cloneSourcePlayer")
        hide_player_buttons(self.player, "playerSaveButton", "playerExportButton")
        self.player.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(kinds)
        layout.addWidget(self.file_box)
        layout.addWidget(self.url_box)
        layout.addWidget(self.checks)
        layout.addWidget(self.player)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.file_radio.toggled.connect(self._show_kind)
        self.drop_zone.file_dropped.connect(self.set_file)
        self.drop_zone.browse_button.clicked.connect(self.browse)
        self.file_edit.textEdited.connect(lambda _text: self._typing.start())
        self.file_edit.editingFinished.connect(self._check_now_if_typed)
        self.url_edit.textChanged.connect(lambda _text: self._refresh())

    # -- what the page holds -------------------------------------------------------------------

    def kind(self) -> SourceKind:
        return SourceKind.FILE if self.file_radio.isChecked() else SourceKind.URL

    def path(self) -> Path | None:
        """The checked local file (file mode), else ``None``."""
        return self._path if self.kind() is SourceKind.FILE else None

    def url(self) -> str:
        return self.url_edit.text().strip() if self.kind() is SourceKind.URL else ""

    def duration(self) -> float | None:
        return self._duration if self.kind() is SourceKind.FILE else None

    def source_checks(self) -> list[SourceCheck]:
        """Every failed rule for the current source (errors and warnings)."""
        if self.kind() is SourceKind.URL:
            url = self.url_edit.text()
            return check_url(url, trusted=self._trusted()) if url.strip() else []
        checks = list(self._file_checks or [])
        if self._duration_done and not blocking(checks):
            checks += check_duration(self._duration)
        return checks

    def is_complete(self) -> bool:
        if self.kind() is SourceKind.URL:
            return bool(self.url_edit.text().strip()) and not blocking(self.source_checks())
        if self._path is None or self._file_checks is None or self._typing.isActive():
            return False
        return self._duration_done and not blocking(self.source_checks())

    # -- choosing a file ---------------------------------------------------------------------

    def browse(self) -> None:
        patterns = " ".join(f"*.{ext}" for ext in CLONE_EXTENSIONS)
        dialog = QFileDialog(self, translate(CTX, "Choose a recording to clone"))
        dialog.setNameFilters(
            [translate(CTX, "Audio or video ({patterns})").format(patterns=patterns)]
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.set_file(Path(name)))
        self._dialog = dialog
        dialog.open()  # no nested event loop

    def set_file(self, path: Path) -> None:
        """Use ``path`` (a drop, the file dialog, a test) and check it at once."""
        self.file_radio.setChecked(True)
        self.file_edit.setText(str(path))
        self._check_file(force=True)

    def _check_now_if_typed(self) -> None:
        if self._typing.isActive():
            self._typing.stop()
            self._check_file()

    def _check_file(self, *, force: bool = False) -> None:
        self._typing.stop()
        path = path_from_text(self.file_edit.text())
        if path == self._path and self._file_checks is not None and not force:
            return  # the same file typed again: keep its results
        self._generation += 1
        self._probe.cancel()
        self._path, self._size, self._file_checks = path, None, None
        self._duration, self._duration_done = None, False
        self.player.release()
        self.player.hide()
        if path is not None:
            spawn(self._inspect(path, self._generation), owner=self)
        self._refresh()

    async def _inspect(self, path: Path, generation: int) -> None:
        size = await asyncio.to_thread(file_size, path)
        if generation != self._generation:
            return
        self._size = size
        self._file_checks = check_file(path.name, size)
        if not blocking(self._file_checks):
            self._probe.measure(path)
            self.player.load(path, title=path.name)
            self.player.show()
        self._refresh()

    def _on_measured(self, path: str, seconds: object) -> None:
        if self._path is None or str(self._path) != path:
            return
        self._duration = float(seconds) if isinstance(seconds, int | float) else None
        self._duration_done = True
        self._refresh()

    def recheck(self) -> None:
        """Check again with the same inputs (the connection, so the trusted server, changed)."""
        self._refresh()

    def release(self) -> None:
        """Let go of the file (the wizard closes)."""
        self._probe.cancel()
        self.player.release()

    # -- showing -------------------------------------------------------------------------------

    def _show_kind(self) -> None:
        is_file = self.kind() is SourceKind.FILE
        self.file_box.setVisible(is_file)
        self.url_box.setVisible(not is_file)
        self.player.setVisible(is_file and self._file_checks is not None and self._ok_file())
        self._refresh()

    def _ok_file(self) -> bool:
        return self._file_checks is not None and not blocking(self._file_checks)

    def _refresh(self) -> None:
        self.checks.set_items(self._items())
        self.changed.emit()

    def _items(self) -> list[tuple[Mark, str]]:
        if self.kind() is SourceKind.URL:
            return self._url_items()
        if self._path is None:
            return []
        if self._file_checks is None:
            return [(Mark.PENDING, translate(CTX, "Checking the file…"))]
        checks = self.source_checks()
        items = [(Mark.of(c.level), check_sentence(c)) for c in checks]
        if blocking(self._file_checks):
            return items
        if not self._duration_done:
            items.append((Mark.PENDING, translate(CTX, "Measuring the length…")))
        elif not blocking(checks):
            items.insert(0, (Mark.OK, self._facts()))
        return items

    def _facts(self) -> str:
        size = megabytes_text(self._size or 0)
        if self._duration is None:
            return translate(CTX, "{size} MB: within the upload limit.").format(size=size)
        return translate(CTX, "{seconds} s long, {size} MB: within the limits for cloning.").format(
            seconds=seconds_text(self._duration), size=size
        )

    def _url_items(self) -> list[tuple[Mark, str]]:
        if not self.url_edit.text().strip():
            return []
        checks = self.source_checks()
        items = [(Mark.of(c.level), check_sentence(c)) for c in checks]
        if not blocking(checks):
            ok = translate(CTX, "The address looks usable: public, http(s), an accepted type.")
            items.insert(0, (Mark.OK, ok))
            unknown = check_duration(None)[0]
            items.append((Mark.of(unknown.level), check_sentence(unknown)))
        return items
