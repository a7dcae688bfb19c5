"""Help › About tells the truth about the bundled licences; the guide is the README's."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from soundclone_desktop import __version__
from soundclone_desktop.ui.help.about import AboutDialog
from soundclone_desktop.ui.help.guide import GuideDialog, guide_sections, readme_path
from soundclone_desktop.ui.help.licences import BUNDLED, declared_licence

ROOT = Path(__file__).resolve().parents[2]


def _runtime_closure() -> set[str]:
    """Every distribution the app needs at run time on this platform, by metadata."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = [Requirement(r) for r in project["dependencies"]]
    seen: set[str] = set()
    while todo:
        requirement = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = metadata.metadata(requirement.name)["Name"]
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        todo += [Requirement(r) for r in metadata.requires(name) or []]
    return seen


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_library_the_app_ships_is_listed() -> None:
    listed = {_key(d) for c in BUNDLED for d in c.distributions}
    missing = sorted(_key(d) for d in _runtime_closure() if _key(d) not in listed)
    assert missing == []


@pytest.mark.parametrize("component", [c for c in BUNDLED if c.distributions], ids=str)
def test_each_stated_licence_is_what_the_package_itself_declares(component) -> None:  # type: ignore[no-untyped-def]
    for distribution in component.distributions:
        declared = declared_licence(distribution)
        if declared is None:
            pytest.skip(f"{distribution} is not installed here")
        if declared == "BSD":  # a bare trove classifier: the variant is in the licence file
            assert component.licence.startswith("BSD"), distribution
        else:
            assert declared == component.licence, distribution


def test_mutagen_is_stated_as_gpl() -> None:
    # The brief asked to check: mutagen is GPL-2.0-or-later, not a permissive licence.
    assert declared_licence("mutagen") == "GPL-2.0-or-later"


def test_about_shows_the_version_and_the_licences(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert __version__ in dialog.version_label.text()
    shown = dialog.licences()
    assert shown["mutagen"] == "GPL-2.0-or-later"
    assert shown["Qt / PySide6"].startswith("LGPL-3.0-only")
    assert shown["httpx"] == "BSD-3-Clause" and shown["python-docx"] == "MIT"
    assert len(shown) == len(BUNDLED)


def test_the_guide_shows_the_readmes_user_sections(qtbot) -> None:  # type: ignore[no-untyped-def]
    path = readme_path()
    assert path == ROOT / "README.md"
    text = guide_sections(path.read_text(encoding="utf-8"))
    assert text.startswith("## What it is")
    assert "## Development" not in text and "## Using a real API key" in text
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    assert "Script editor" in dialog.browser.toPlainText()
