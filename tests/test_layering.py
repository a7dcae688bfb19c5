"""The layers point one way, the Qt-free layers stay Qt-free, and the demo server stays
independent of the client.

The direction test reads every import of the package with ``ast`` (module level, inside
functions and under ``TYPE_CHECKING`` alike: a typing-only import is knowledge all the same).
"""

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
# Its own module, the features' composition its staged build loads after the first paint
# (it assigns each feature onto the window), and the app's start.
MAY_IMPORT_MAIN_WINDOW = (
    "ui/main_window.py",
    "app.py",
)


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


# Each top-level part of the package and its layer. Lowest first: core <- api, store, audio,
# manuscripts <- services <- ui, cli <- the composition root (app, __main__, self_check).
LAYER_OF = {
    "": "base",  # soundclone_desktop/__init__.py: the version, nothing else
    "core": "core",
    "api": "api",
    "store": "store",
    "audio": "audio",
    "manuscripts": "manuscripts",
    "services": "services",
    "stderr_handler": "support",  # process-wide logging set-up, used by the app and the CLI
    "logging_setup": "support",
    "i18n": "ui",  # the Qt translation loader
    "ui": "ui",
    "cli": "cli",
    "demo": "demo",
    "app": "root",
    "__main__": "root",
    "self_check": "root",
}
_BELOW_SERVICES = frozenset({"base", "core", "api", "store", "audio", "manuscripts"})
# The layers each layer may import besides itself. Anything not listed is a wrong-way arrow.
ALLOWED: dict[str, frozenset[str]] = {
    "base": frozenset(),
    "core": frozenset({"base"}),
    "api": frozenset({"base", "core"}),
    "store": frozenset({"base", "core"}),
    # Exports replace their target with the store's atomic write; the store never imports audio.
    "audio": frozenset({"base", "core", "store"}),
    "manuscripts": frozenset({"base", "core"}),
    "services": _BELOW_SERVICES,
    "support": frozenset({"base"}),
    "ui": _BELOW_SERVICES | {"services", "support"},
    "cli": _BELOW_SERVICES | {"services", "support", "demo"},  # `soundclone demo-server`
    "demo": frozenset(),  # the independent oracle
    "root": frozenset(LAYER_OF.values()),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imported_modules(name: str, path: Path) -> list[tuple[int, str]]:
    """``(line, module)`` for every import of ours in a module, resolved to modules."""
    found: set[tuple[int, str]] = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".")
                if not is_package:
                    package = package[:-1]
                anchor = ".".join(package[: len(package) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:  # `from pkg import module` names a module, not pkg
                sub = f"{base}.{alias.name}"
                found.add((node.lineno, sub if sub in MODULES else base))
    return sorted(item for item in found if item[1].split(".")[0] == PACKAGE.name)


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return LAYER_OF.get(parts[1] if len(parts) > 1 else "")


def test_every_part_of_the_package_has_a_layer() -> None:
    unplaced = sorted({name for name in MODULES if _layer(name) is None})
    assert not unplaced, f"place these in LAYER_OF: {unplaced}"


def test_imports_point_down_the_layers() -> None:
    wrong: list[str] = []
    for name, path in MODULES.items():
        source = _layer(name)
        if source is None:
            continue
        for line, module in _imported_modules(name, path):
            target = _layer(module)
            if target is not None and target != source and target not in ALLOWED[source]:
                where = path.relative_to(PACKAGE.parent)
                wrong.append(f"{where}:{line}: {source} -> {target} ({module})")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)
