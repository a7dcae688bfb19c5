"""Columns that must be read in full at the default sizes (found in the README screenshots)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetrics

from soundclone_desktop.core.jobs import JobKind, JobState
from soundclone_desktop.store.library import TaskRecord
from soundclone_desktop.store.voices import Voice, VoiceLibrary
from soundclone_desktop.ui.history.model import COL_STATUS, HistoryModel, status_text
from soundclone_desktop.ui.history.panel import HistoryPanel
from soundclone_desktop.ui.voices.library_dialog import MODEL_ID, VoiceLibraryDialog
from soundclone_desktop.ui.voices.voice_store import VoiceStore

pytestmark = pytest.mark.gui
DAY = 86400.0


def test_the_history_status_column_fits_the_bold_outcome_unknown_status(qtbot) -> None:  # type: ignore[no-untyped-def]
    now = time.time()
    unknown = TaskRecord(
        local_id="a", kind=JobKind.AUDIO, state=JobState.OUTCOME_UNKNOWN, task_id=None,
        base_url="http://x", demo=False, text="Hello.", params=None, voice_id=None, chars=6,
        estimate=None, currency=None, created_at=now, updated_at=now, duration=None,
        error=None, reason=None, audio_path=None, subtitle_path=None,
    )  # fmt: skip
    model = HistoryModel()
    model.set_records([unknown])
    panel = HistoryPanel(model)
    qtbot.addWidget(panel)
    bold = QFont(panel.view.font())
    bold.setBold(True)
    needed = QFontMetrics(bold).horizontalAdvance(status_text(unknown))
    assert panel.view.horizontalHeader().sectionSize(COL_STATUS) >= needed + 8


def test_the_voice_library_shows_whole_voice_ids_at_its_default_size(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    now = time.time()
    library = VoiceLibrary(Path(":memory:"), tmp_path / "voices", clock=lambda: now)
    voices = [
        Voice("model_4d9a0e6b1c7f4a25", "Podcast host – Mia", now - 2.8 * DAY,
              source="mia-intro.m4a", tags=("podcast", "friendly")),
        Voice("model_b21e0c4d9a6f4e73", "Ad read – energetic", now - 1.2 * DAY,
              source="promo-take-2.mp3", tags=("ads", "upbeat")),
        Voice("model_7f3c1a9e52d04b18", "Narrator – warm", now - 9 * DAY,
              source="anna-chapter-1.wav", tags=("audiobook", "calm"), activated_at=now - DAY),
        Voice("model_brand_voice_2025", "Brand voice", tags=("brand",), imported=True),
    ]  # fmt: skip
    for voice in voices:
        library.add(voice)
    dialog = VoiceLibraryDialog(VoiceStore(library))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.horizontalHeader().sectionSize(MODEL_ID) >= table.sizeHintForColumn(MODEL_ID)
    dialog.close()
    library.close()
