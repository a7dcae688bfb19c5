"""The client spells the pause-marker pattern once (core.script.PAUSE_MARKER); only the demo
server, the independent oracle, keeps its own."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "soundclone_desktop"
ALLOWED = {PACKAGE / "core" / "script.py"}


def _compiles_a_marker_pattern(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return False
    if node.func.attr != "compile" or not node.args:
        return False
    strings = [
        part.value
        for part in ast.walk(node.args[0])
        if isinstance(part, ast.Constant) and isinstance(part.value, str)
    ]
    return any("<#" in text or "<\\#" in text for text in strings)


def test_only_core_script_compiles_the_pause_marker_pattern() -> None:
    copies = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path in ALLOWED or (PACKAGE / "demo") in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        copies += [
            f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            for node in ast.walk(tree)
            if _compiles_a_marker_pattern(node)
        ]
    assert not copies, f"use core.script.PAUSE_MARKER instead of: {copies}"
