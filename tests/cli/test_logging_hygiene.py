"""A ``soundclone`` run inside a test leaves logging as it found it (issue 11, item 17).

``cli.main`` installs its ``soundclone: …`` stderr handler on the root logger; left there, it
printed every later test's warnings (the UI tests' Qt warnings) a second time. The check runs
two tests in a separate pytest process with the project's test set-up, in a fixed order: one
runs the command, the next looks at the root logger.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CONFTEST = "from tests.conftest import *  # the project's fixtures, autouse ones included\n"
TESTS = """
import logging
from soundclone_desktop import cli


def test_1_runs_the_command(tmp_path):
    script = tmp_path / "s.txt"
    script.write_text("Hello.", encoding="utf-8")
    assert cli.main(["estimate", str(script)]) == 0


def test_2_sees_no_handler_left_behind(capsys):
    root = logging.getLogger()
    assert not [h for h in root.handlers if not type(h).__module__.startswith("_pytest")]
    assert root.level == logging.WARNING and logging.getLogger("httpx").level == logging.NOTSET
    logging.getLogger("soundclone_desktop.ui").warning("a Qt warning")
    assert "soundclone:" not in capsys.readouterr().err
"""


def test_a_cli_run_leaves_no_log_handler_for_the_next_test(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (tmp_path / "test_order.py").write_text(TESTS, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
         "--rootdir", str(tmp_path), str(tmp_path / "test_order.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout
