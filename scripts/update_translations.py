"""Extract every translatable string into resources/translations/*.ts, then compile the .qm.

Why not ``pyside6-lupdate`` alone: its Python parser only understands a *literal* context
(``translate("MainWindow", "…")``). Our modules name the context once in a constant
(``translate(CTX, "…")``, ``QCoreApplication.translate(_CTX, "…")``), and lupdate silently
skips all of those. This script reads the code with ``ast`` instead: it finds calls to
``translate`` / ``QCoreApplication.translate`` (and local aliases such as
``t = QCoreApplication.translate``), resolves the context constant of the module, and
writes a standard Qt Linguist ``.ts`` file, keeping every existing translation. Then it runs
``pyside6-lrelease`` to build the ``.qm`` that ships inside the package.

    python scripts/update_translations.py            # update .ts, compile .qm
    python scripts/update_translations.py --check    # exit 1 if anything is untranslated

Translations are edited in the .ts file (by hand or with ``pyside6-linguist``).
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "soundclone_desktop"
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = PACKAGE / "resources" / "translations"
LANGUAGES = ("zh_CN",)
CATALOG = "soundclone"


@dataclass
class Message:
    context: str
    source: str
    comment: str | None
    numerus: bool
    locations: list[tuple[str, int]] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment or "")


def _module_constants(tree: ast.Module) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = list(node.targets), node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            for target in targets:
                if isinstance(target, ast.Name):
                    found[target.id] = value.value
    return found


def _is_translate_attr(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "translate"


def _aliases(tree: ast.Module) -> set[str]:
    """Names bound to Qt's translate in the module: ``from soundclone_desktop.i18n import
    translate`` or an alias such as ``t = QCoreApplication.translate``. (Other functions
    called ``translate``, like the API client's error translation, are not ours.)"""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _is_translate_attr(node.value):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.ImportFrom) and node.module == "soundclone_desktop.i18n":
            names.update(a.asname or a.name for a in node.names if a.name == "translate")
    return names


def _text(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def extract(files: list[Path]) -> tuple[list[Message], list[str]]:
    messages: dict[tuple[str, str, str], Message] = {}
    problems: list[str] = []
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
        constants = _module_constants(tree)
        aliases = _aliases(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if not (
                (isinstance(func, ast.Name) and func.id in aliases) or _is_translate_attr(func)
            ):
                continue
            if len(node.args) < 2:
                continue
            ctx_node, src_node = node.args[0], node.args[1]
            context = _text(ctx_node)
            if context is None and isinstance(ctx_node, ast.Name):
                context = constants.get(ctx_node.id)
            source = _text(src_node)
            if context is None or source is None:
                # A translator for something other than our strings (e.g. QTranslator.translate).
                if isinstance(func, ast.Name) or (
                    isinstance(func, ast.Attribute)
                    and isinstance(func.value, ast.Name)
                    and func.value.id == "QCoreApplication"
                ):
                    problems.append(f"{rel}:{node.lineno}: context or text is not a constant")
                continue
            comment = _text(node.args[2]) if len(node.args) > 2 else None
            numerus = len(node.args) > 3 or any(k.arg == "n" for k in node.keywords)
            message = messages.setdefault(
                (context, source, comment or ""), Message(context, source, comment, numerus)
            )
            message.numerus = message.numerus or numerus
            message.locations.append((rel, node.lineno))
    return list(messages.values()), problems


def _existing(ts_path: Path) -> dict[tuple[str, str, str], list[str]]:
    if not ts_path.exists():
        return {}
    found: dict[tuple[str, str, str], list[str]] = {}
    root = ET.parse(ts_path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = forms if forms else [translation.text or ""]
            if translation.get("type") == "unfinished" and not any(texts):
                continue
            found[(name, source, comment)] = texts
    return found


def write_ts(ts_path: Path, language: str, messages: list[Message]) -> list[Message]:
    """Write the .ts; returns the messages that still have no translation."""
    known = _existing(ts_path)
    root = ET.Element("TS", version="2.1", language=language)
    missing: list[Message] = []
    by_context: dict[str, list[Message]] = {}
    for message in messages:
        by_context.setdefault(message.context, []).append(message)
    for context_name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for message in by_context[context_name]:
            element = ET.SubElement(context, "message")
            if message.numerus:
                element.set("numerus", "yes")
            for filename, line in message.locations:
                ET.SubElement(element, "location", filename=f"../../{filename}", line=str(line))
            ET.SubElement(element, "source").text = message.source
            if message.comment:
                ET.SubElement(element, "comment").text = message.comment
            texts = known.get(message.key, [])
            translation = ET.SubElement(element, "translation")
            if not any(texts):
                translation.set("type", "unfinished")
                missing.append(message)
            if message.numerus:
                ET.SubElement(translation, "numerusform").text = texts[0] if texts else ""
            elif texts:
                translation.text = texts[0]
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_path.parent.mkdir(parents=True, exist_ok=True)
    ts_path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return missing


def lrelease(ts_path: Path, qm_path: Path) -> None:
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    qm_path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool, "-silent", str(ts_path), "-qm", str(qm_path)], check=True)


def source_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a string is untranslated")
    parser.add_argument("--no-compile", action="store_true", help="update the .ts only")
    args = parser.parse_args(argv)
    messages, problems = extract(source_files())
    for problem in problems:
        print("warning:", problem)
    status = 0
    for language in LANGUAGES:
        ts_path = TS_DIR / f"{CATALOG}_{language}.ts"
        missing = write_ts(ts_path, language, messages)
        print(f"{ts_path.relative_to(ROOT)}: {len(messages)} strings, {len(missing)} untranslated")
        for message in missing:
            where = ", ".join(f"{f}:{n}" for f, n in message.locations[:2])
            print(f"  untranslated [{message.context}] {message.source!r} ({where})")
        if missing and args.check:
            status = 1
        if not args.no_compile:
            lrelease(ts_path, QM_DIR / f"{CATALOG}_{language}.qm")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
