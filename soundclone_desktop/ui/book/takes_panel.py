"""The takes of one sentence: compare them (A/B, loudness-matched) and choose one.

Take 1 is the sentence as its segment was rendered; later takes come from redos. ▶ plays
exactly a take's span (``audio`` from ``start_s`` to ``end_s``) as a temporary WAV whose gain
brings it to the loudness of the quietest take: a louder take sounds better to the ear, so
takes are only comparable at equal loudness, and matching down to the quietest never clips.
Loudness is measured once per take in a worker (decoding and the K-weighted meter are not
GUI-thread work). "Choose" keeps the choice in the book and stitches the chapter again.
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.audio.decode import decode
from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.loudness import integrated_loudness
from soundclone_desktop.audio.model import Audio
from soundclone_desktop.audio.transform import apply_gain
from soundclone_desktop.core.book.sentence_takes import SentenceError
from soundclone_desktop.i18n import translate
from soundclone_desktop.services.book.redo import TakeInfo, choose_take, sentence_takes_of
from soundclone_desktop.services.book.stitch import stitch_chapter
from soundclone_desktop.store.book import BookError, BookStore
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.common.message_bar import Level

if TYPE_CHECKING:
    from soundclone_desktop.ui.book.controller import BookController

log = logging.getLogger(__name__)

CTX = "BookTakes"
COLUMNS: Final = 7
PLAY_COLUMN: Final = 5
CHOOSE_COLUMN: Final = 6
CENTRED: Final = Qt.AlignmentFlag.AlignCenter
LEFT: Final = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def take_clip(take: TakeInfo) -> Audio:
    """Exactly the take's span of its audio file (blocking)."""
    sound = decode(take.audio)
    first = max(0, round(take.start_s * sound.rate))
    last = min(sound.frames, max(first, round(take.end_s * sound.rate)))
    return Audio(sound.samples[:, first:last].copy(), sound.rate)


def matching_gains(loudness: list[float | None]) -> list[float]:
    """dB per take bringing each to the quietest measured one (0 for a silent take)."""
    known = [v for v in loudness if v is not None]
    if not known:
        return [0.0] * len(loudness)
    target = min(known)
    return [0.0 if v is None else target - v for v in loudness]


def measure_takes(takes: list[TakeInfo]) -> list[float | None]:
    """Each take's integrated loudness (LUFS) over its span (blocking)."""
    return [integrated_loudness(take_clip(t)) for t in takes]


def write_matched(take: TakeInfo, gain_db: float, path: Path) -> Path:
    """The take's span with ``gain_db`` applied, as a WAV at ``path`` (blocking)."""
    clip = take_clip(take)
    encode(Audio(apply_gain(clip.samples, gain_db), clip.rate), path, EncodeOptions(Encoding.WAV))
    return path


class TakesDialog(QDialog):
    """The takes of sentence ``number`` of chapter ``chapter_id``."""

    def __init__(
        self, controller: BookController, store: BookStore, chapter_id: str, number: int
    ) -> None:
        parent: QWidget = controller.needs.parent
        super().__init__(parent)
        self.setObjectName("takesDialog")
        self.controller = controller
        self.store = store
        self.chapter_id = chapter_id
        self.number = number
        self.takes: list[TakeInfo] = []
        self.gains: list[float] = []
        self.loading: asyncio.Task[None] | None = None
        self.working: asyncio.Task[object] | None = None
        self._temp = Path(tempfile.mkdtemp(prefix="soundclone-takes-"))
        self.setWindowTitle(translate(CTX, "Takes of Sentence %1").replace("%1", str(number)))
        self.note = QLabel(
            translate(
                CTX,
                "▶ plays each take loudness-matched (at the loudness of the quietest), so "
                "you compare the voice, not the volume.",
            )
        )
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("takesTable")
        self.table.setAccessibleName(translate(CTX, "Takes"))
        self.table.setHorizontalHeaderLabels(
            [
                translate(CTX, "Take"),
                translate(CTX, "Made"),
                translate(CTX, "Duration"),
                translate(CTX, "Chosen"),
                translate(CTX, "Checks"),
                translate(CTX, "Listen"),
                translate(CTX, "Choose"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        self.resize(720, 260)
        self.refresh()

    # -- loading ------------------------------------------------------------------------------

    def refresh(self) -> asyncio.Task[None]:
        self.loading = spawn(self._load(), owner=self)
        return self.loading

    async def _load(self) -> None:
        try:
            takes = await asyncio.to_thread(
                sentence_takes_of, self.store, self.chapter_id, self.number
            )
            loudness = await asyncio.to_thread(measure_takes, takes)
        except (SentenceError, BookError, KeyError, OSError) as exc:
            self.note.setText(str(exc))
            return
        self.takes, self.gains = takes, matching_gains(loudness)
        self._fill()

    def _fill(self) -> None:
        table = self.table
        table.setRowCount(len(self.takes))
        for row, take in enumerate(self.takes):
            made = datetime.datetime.fromtimestamp(take.created_at).strftime("%Y-%m-%d %H:%M")
            findings = "; ".join(str(f.get("kind", "")) for f in take.findings)
            cells = [
                str(take.number),
                made,
                translate(CTX, "%1 s").replace("%1", f"{take.duration:.2f}"),
                "✓" if take.chosen else "",
                translate(CTX, "⚠ %1").replace("%1", findings) if findings else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(CENTRED if column != 4 else LEFT)
                if column == 4 and findings:
                    item.setToolTip(
                        translate(CTX, "The automatic checks flagged this take: %1").replace(
                            "%1", findings
                        )
                    )
                table.setItem(row, column, item)
            play = QPushButton(translate(CTX, "▶ Play"))
            play.setObjectName(f"playTake{take.number}")
            play.setAccessibleName(
                translate(CTX, "Play take %1, loudness-matched").replace("%1", str(take.number))
            )
            play.clicked.connect(lambda _c=False, n=take.number: self.play(n))
            table.setCellWidget(row, PLAY_COLUMN, play)
            choose = QPushButton(translate(CTX, "Choose"))
            choose.setObjectName(f"chooseTake{take.number}")
            choose.setAccessibleName(
                translate(CTX, "Choose take %1").replace("%1", str(take.number))
            )
            choose.setEnabled(not take.chosen)
            choose.clicked.connect(lambda _c=False, n=take.number: self.choose(n))
            table.setCellWidget(row, CHOOSE_COLUMN, choose)

    # -- listening ----------------------------------------------------------------------------

    def play(self, number: int) -> asyncio.Task[object]:
        self.working = spawn(self._play(number), owner=self)
        return self.working

    async def _play(self, number: int) -> Path:
        index = number - 1
        take, gain = self.takes[index], self.gains[index]
        self._temp.mkdir(parents=True, exist_ok=True)  # closed and shown again
        path = self._temp / f"take-{number}.wav"
        self.controller.needs.playback.release_files(path)
        await asyncio.to_thread(write_matched, take, gain, path)
        self.controller.needs.playback.play_file(
            path,
            autoplay=True,
            title=translate(CTX, "Sentence %1, take %2 (loudness-matched)")
            .replace("%1", str(self.number))
            .replace("%2", str(number)),
        )
        return path

    # -- choosing -----------------------------------------------------------------------------

    def choose(self, number: int) -> asyncio.Task[object]:
        self.working = spawn(self._choose(number), owner=self)
        return self.working

    async def _choose(self, number: int) -> None:
        from soundclone_desktop.ui.book.redo_action import reload_chapter

        store, messages = self.store, self.controller.needs.messages
        try:
            await asyncio.to_thread(choose_take, store, self.chapter_id, self.number, number)
            await stitch_chapter(store, self.chapter_id)
        except (SentenceError, BookError, KeyError) as exc:
            messages.show_message(str(exc), Level.WARNING)
            return
        except Exception as exc:  # the stitcher's errors are sentences
            messages.show_message(
                translate(CTX, "The chapter could not be stitched again: %1").replace(
                    "%1", str(exc)
                ),
                Level.WARNING,
            )
            return
        messages.show_status(
            translate(CTX, "Take %1 of sentence %2 chosen")
            .replace("%1", str(number))
            .replace("%2", str(self.number)),
            4000,
        )
        await self._load()
        await reload_chapter(self.controller, store, self.chapter_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._clean_up()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._clean_up()
        super().done(result)

    def _clean_up(self) -> None:
        files = list(self._temp.glob("*.wav")) if self._temp.is_dir() else []
        self.controller.needs.playback.release_files(*files)
        shutil.rmtree(self._temp, ignore_errors=True)
