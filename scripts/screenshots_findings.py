"""Screenshots of the automatic checks' findings (issue 15), a scene of ``screenshots.py``:

- ``book-findings-<lang>.png``: a rendered chapter whose tasks lost a sentence or gained a
  long silence (the demo server's content faults), each flagged sentence underlined in the
  text and marked on the waveform, with the segment a new rule changed tinted;
- ``book-findings-list-<lang>.png``: Review › Findings…, a row per finding with ▶ Listen
  and Redo.

The scene needs a demo server that injects content faults, so ``screenshots.py`` runs it in
a process of its own with :func:`demo_config`.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import TYPE_CHECKING

from screenshots_review import DRAFT, _open_rendered_book, _wait_for

if TYPE_CHECKING:
    from soundclone_desktop.demo.config import DemoConfig
    from soundclone_desktop.ui.main_window import MainWindow


def demo_config() -> DemoConfig:
    from soundclone_desktop.demo.config import DemoConfig

    return DemoConfig(
        task_seconds=1.5, seconds_per_char=0.02, content_faults=("drop-sentence", "long-silence"),
        content_fault_rate=1.0, seed=15,
    )  # fmt: skip


def _save(widget: object, out: Path, name: str) -> None:
    if os.environ.get("SOUNDCLONE_SHOT_THEME") == "dark":
        name = name.replace(".png", "-dark.png")
    target = out / name
    if not widget.grab().save(str(target)):  # type: ignore[attr-defined]
        raise OSError(f"could not write {target}")
    print(f"wrote {target}")


async def book_findings(window: MainWindow, language: str, out: Path) -> None:
    from PySide6.QtCore import Qt

    await _open_rendered_book(window, language)
    book = window.book
    findings = book.findings
    await _wait_for(lambda: bool(findings.visible()), 60)
    window.player.pause()
    window.player.seek(0)  # the playhead out of the way of the markers
    find, replace = DRAFT[language]  # a new rule: its segment changed since its render
    book.rules.add_rule(find, replace)
    await _wait_for(lambda: bool(book.stale.visible()), 20)
    window.resizeDocks([book.dock], [430], Qt.Orientation.Horizontal)
    await asyncio.sleep(1.5)  # the waveform's peaks
    _save(window, out, f"book-findings-{language}.png")
    dialog = findings.open_list()
    assert dialog is not None
    await _wait_for(lambda: dialog.table.rowCount() == len(findings.visible()), 20)
    await asyncio.sleep(0.5)
    _save(dialog, out, f"book-findings-list-{language}.png")
    dialog.close()


FINDINGS_SCENES = {"book-findings": book_findings}
