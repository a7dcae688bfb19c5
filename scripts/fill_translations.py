"""List or fill untranslated strings of the Chinese catalogue (a maintainer's tool).

    python scripts/fill_translations.py --list > todo.json   # [{context, source, numerus}]
    python scripts/fill_translations.py todo.json             # with a "translation" per entry

Run ``scripts/update_translations.py`` first (it adds new strings as unfinished) and again
afterwards (it compiles the .qm). Chinese has one plural form, so a numerus entry takes one
text.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "soundclone_zh_CN.ts"


def _untranslated(root: ET.Element) -> list[tuple[str, ET.Element]]:
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "unfinished":
                found.append((name, message))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)
    tree = ET.parse(TS)
    todo = _untranslated(tree.getroot())
    if args.list:
        rows = [
            {
                "context": ctx,
                "source": m.findtext("source"),
                "numerus": m.get("numerus") == "yes",
                "translation": "",
            }
            for ctx, m in todo
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        return 0
    given = {
        (r["context"], r["source"]): r["translation"]
        for r in json.loads(Path(args.file).read_text("utf-8"))
    }
    filled = 0
    for ctx, message in todo:
        text = given.get((ctx, message.findtext("source")))
        if not text:
            continue
        translation = message.find("translation")
        assert translation is not None
        del translation.attrib["type"]
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = text
        filled += 1
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} of {len(todo)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
