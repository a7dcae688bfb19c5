"""At 1366×768, in English and Chinese, no label, button, tab, placeholder or column header
of the studio or the voice browser is cut off without its whole text in a tooltip.

Each language runs in its own process (``_fit_probe.py``): translators and fonts are
process-wide, and a window built in one language must not leak into the next test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("_fit_probe.py")
ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("language", "theme"), [("en", "light"), ("zh_CN", "dark")])
def test_nothing_is_cut_off_at_1366_by_768(language: str, theme: str, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, str(PROBE), language, theme],
        capture_output=True, text=True, env=env, timeout=180, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(found) == {"main window", "voice browser", "book view"}
    assert found == {"main window": [], "voice browser": [], "book view": []}
