"""The staged start (issue #17): the window is painted first and the rest loads after.

Each start runs ``soundclone-desktop --demo`` in a fresh process (``_staged_probe.py``),
since this test process has imported everything already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("_staged_probe.py")

pytestmark = pytest.mark.gui


def _start(folder: Path, *args: str, **extra_env: str) -> dict[str, Any]:
    """One start, reported by the probe."""
    out = folder / "report.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "SOUNDCLONE_DATA_DIR": str(folder / "data"),
        "SOUNDCLONE_CONFIG_DIR": str(folder / "config"),
        **extra_env,
    }
    subprocess.run(
        [sys.executable, str(PROBE), str(out), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
        check=True,
    )
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


@pytest.fixture(scope="module")
def start(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A start with the embedded demo (its server on 127.0.0.1), typing as it appears."""
    return _start(tmp_path_factory.mktemp("staged"), "--demo", "--no-tour")


def test_the_window_is_painted_before_qtmultimedia_and_httpx_are_imported(
    start: dict[str, Any],
) -> None:
    assert start["built_at_paint"] is False
    assert start["painted"] == {
        "PySide6.QtMultimedia": False,
        "httpx": False,
        "qasync": False,
        "soundclone_desktop.ui.player": False,
    }
    # Loaded by the end of the start: the probe sees them when they are there.
    assert start["built"] is True
    assert start["after"]["PySide6.QtMultimedia"] and start["after"]["soundclone_desktop.ui.player"]


def test_keys_typed_as_the_window_appears_end_up_in_the_editor(start: dict[str, Any]) -> None:
    # Handled while the rest was still being built, and kept once it was.
    assert start["keys_seen_built"] and not any(start["keys_seen_built"])
    assert start["text"] == "typed"


MARKED = "Hi<#0.5#>there"


def test_the_first_paint_waits_for_no_highlighter_and_what_is_typed_meanwhile_is_highlighted(
    tmp_path: Path,
) -> None:
    # The editor is painted plain: its highlighter and chips, the script's patterns and
    # Python's QStyle (whose enums alone cost about 30 ms) come after the first paint.
    start = _start(tmp_path, "--demo", "--no-tour", STAGED_PROBE_TEXT=MARKED)
    assert start["painted_editor"] == {
        "soundclone_desktop.ui.editor.highlighter": False,
        "soundclone_desktop.ui.editor.chips": False,
    }
    assert start["patterns_compiled_at_paint"] is False
    assert start["qstyle_at_paint"] is False
    # Typed before the analysis was attached, kept, and marked once it was: the pause
    # marker has its chip format.
    assert start["keys_seen_attached"] and not any(start["keys_seen_attached"])
    assert start["text"] == MARKED
    marker = [MARKED.index("<#"), len("<#0.5#>")]
    assert marker in start["highlighted"]


def test_the_editor_does_not_move_when_the_rest_arrives(tmp_path: Path) -> None:
    # A new user's first start (no key, nothing typed): the shell's docks, toolbar and
    # submit row are where the built window has them.
    start = _start(tmp_path, STAGED_PROBE_NO_KEYS="1")
    assert start["built"] is True
    assert start["editor_after"] == start["editor_at_paint"]


_FAILING_IMPORT = """
from PySide6.QtWidgets import QApplication
from soundclone_desktop.ui import staged_start
qapp = QApplication([])
try:
    staged_start.import_in_turns([("json",), ("soundclone_desktop.no_such_module",), ("csv",)])
except ModuleNotFoundError as exc:
    print("raised", exc.name)
"""


def test_a_deferred_import_that_fails_is_raised_instead_of_hanging_the_start() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _FAILING_IMPORT],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip().splitlines()[-1] == "raised soundclone_desktop.no_such_module"
