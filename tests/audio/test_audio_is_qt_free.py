"""soundclone_desktop.audio runs on worker threads and in plain pytest: it must not import Qt."""

from __future__ import annotations

import ast
from pathlib import Path

AUDIO = Path(__file__).resolve().parents[2] / "soundclone_desktop" / "audio"


def test_audio_package_imports_no_qt() -> None:
    files = sorted(AUDIO.glob("*.py"))
    assert files
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            bad = [n for n in names if n.split(".")[0] in {"PySide6", "shiboken6", "qasync"}]
            assert not bad, f"{path.name} imports {bad}"
