"""The Qt-free layers stay Qt-free, and the demo server stays independent of the client."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "soundclone_desktop"
QT_MODULES = ("PySide6", "qasync", "shiboken6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import: resolve against the package path
                parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[: -node.level]
                base = ".".join(parts)
                names.add(f"{base}.{node.module}" if node.module else base)
            elif node.module:
                names.add(node.module)
    return names


def _files(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize(
    "layer", ["core", "api", "services", "store", "demo", "audio", "manuscripts"]
)
def test_layer_imports_no_qt(layer: str) -> None:
    for path in _files(layer):
        bad = {n for n in _imports(path) if n.split(".")[0] in QT_MODULES}
        assert not bad, f"{path.relative_to(PACKAGE)} imports Qt: {sorted(bad)}"


def test_core_imports_nothing_else_of_ours() -> None:
    for path in _files("core"):
        ours = {
            n
            for n in _imports(path)
            if n.startswith("soundclone_desktop.") and not n.startswith("soundclone_desktop.core")
        }
        assert not ours, f"{path.relative_to(PACKAGE)} imports {sorted(ours)}"


def test_demo_server_is_independent_of_client_rules() -> None:
    for path in _files("demo"):
        ours = {
            n
            for n in _imports(path)
            if n.startswith("soundclone_desktop.") and not n.startswith("soundclone_desktop.demo")
        }
        assert not ours, f"{path.relative_to(PACKAGE)} reuses client code: {sorted(ours)}"


MAIN_WINDOW = "soundclone_desktop.ui.main_window"
MAY_IMPORT_MAIN_WINDOW = ("ui/main_window.py", "app.py")  # its own module and the app's start


def _imported_names(path: Path) -> set[str]:
    """Every module or name a file imports, spelled in full (``from a import b`` gives both
    ``a`` and ``a.b``, so a module imported from its package counts too)."""
    names = _imports(path)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[: -node.level]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def test_features_do_not_import_the_main_window() -> None:
    """Features get narrow roles (ui/studio.py), never the window: not even for typing."""
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).as_posix() not in MAY_IMPORT_MAIN_WINDOW
        and any(n == MAIN_WINDOW or n.startswith(MAIN_WINDOW + ".") for n in _imported_names(path))
    ]
    assert not offenders, f"only {MAY_IMPORT_MAIN_WINDOW} may import {MAIN_WINDOW}: {offenders}"


def test_manuscripts_import_only_core_of_ours() -> None:
    for path in _files("manuscripts"):
        ours = {
            n
            for n in _imports(path)
            if n.startswith("soundclone_desktop.")
            and not n.startswith(("soundclone_desktop.core", "soundclone_desktop.manuscripts"))
        }
        assert not ours, f"{path.relative_to(PACKAGE)} imports {sorted(ours)}"


def test_no_agpl_ebooklib_in_the_app() -> None:
    # EbookLib is AGPL: a proprietary app must not link it (tests may use it to write EPUBs).
    for path in sorted(PACKAGE.rglob("*.py")):
        bad = {n for n in _imports(path) if n.split(".")[0] == "ebooklib"}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"
