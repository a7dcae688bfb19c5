"""Hostile and oversized project files (issue 11, item 19): a clear error, nothing lost.

- JSON nested thousands of levels deep is "not a project", not a RecursionError (the loader
  and the autosave reader both).
- A lone UTF-16 surrogate (``"\\ud800"`` in the JSON) is no character: it cannot be stored as
  UTF-8, sent or exported. Opening replaces it with U+FFFD and says where; the file on disk is
  untouched until the user saves. A save or autosave of text that still holds one fails
  before any file is touched, with an OSError naming line and column (every save path already
  reports OSErrors), so the last saved file stays whole.
- A script above MAX_SCRIPT_CHARS (2,000,000, docs/project-format.md) is refused by name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from soundclone_desktop.store.atomic import UnencodableTextError
from soundclone_desktop.store.autosave import AutosaveStore, Snapshot
from soundclone_desktop.store.projects import (
    FORMAT,
    MAX_SCRIPT_CHARS,
    VERSION,
    Project,
    ProjectError,
    ProjectFileError,
    dumps,
    load_project,
    save_project,
)

LONE = "\ud800"


def project_file(path: Path, script_json: str) -> Path:
    """A project whose ``script`` is the raw JSON value given (escapes kept as written)."""
    text = f'{{"format": "{FORMAT}", "version": {VERSION}, "script": {script_json}}}\n'
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("depth", [5_000, 100_000])
def test_deep_nesting_is_not_a_project(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.scproj"
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert caught.value.code is ProjectError.NOT_A_PROJECT
    assert caught.value.detail == "nested too deeply"
    nested = project_file(tmp_path / "deep-field.scproj", "[" * depth + "]" * depth)
    with pytest.raises(ProjectFileError) as caught:
        load_project(nested)
    assert caught.value.code is ProjectError.NOT_A_PROJECT


def test_a_deeply_nested_autosave_is_set_aside(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path / "autosave")
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{" + '"a":{' * 50_000 + "}" * 50_001, encoding="utf-8")
    assert store.read() is None  # unusable, like any other broken snapshot


def test_a_lone_surrogate_is_replaced_on_open_and_named(tmp_path: Path) -> None:
    path = project_file(tmp_path / "broken.scproj", json.dumps("Line one.\nAb\ud800cd."))
    before = path.read_bytes()
    loaded = load_project(path)
    assert loaded.project.text == "Line one.\nAb\ufffdcd."
    assert loaded.replaced == 1 and loaded.first_replaced == (2, 3)
    assert path.read_bytes() == before  # nothing changes on disk by opening
    save_project(path, loaded.project)  # and what was opened can be saved
    assert load_project(path).project.text == "Line one.\nAb\ufffdcd."


def test_saving_a_lone_surrogate_fails_clearly_and_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "projects" / "work.scproj"
    save_project(path, Project(text="Saved before."))
    before = path.read_bytes()
    with pytest.raises(OSError) as caught:  # what every save path already reports
        save_project(path, Project(text=f"First line.\nBroken {LONE} here."))
    assert isinstance(caught.value, UnencodableTextError)
    assert "line 2, column 8" in str(caught.value.strerror)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["work.scproj"]  # no temporary left


def test_an_autosave_of_a_lone_surrogate_fails_as_an_oserror_and_keeps_the_last(
    tmp_path: Path,
) -> None:
    store = AutosaveStore(tmp_path / "autosave")
    store.write(Snapshot(Project(text="Autosaved before.")))
    with pytest.raises(OSError):
        store.write(Snapshot(Project(text=f"Broken {LONE}.")))
    snapshot = store.read()
    assert snapshot is not None and snapshot.project.text == "Autosaved before."


def test_a_script_above_the_limit_is_refused_by_name(tmp_path: Path) -> None:
    limit = project_file(tmp_path / "limit.scproj", json.dumps("a" * MAX_SCRIPT_CHARS))
    assert len(load_project(limit).project.text) == MAX_SCRIPT_CHARS
    big = project_file(tmp_path / "big.scproj", json.dumps("a" * 3_000_000))
    with pytest.raises(ProjectFileError) as caught:
        load_project(big)
    assert caught.value.code is ProjectError.TOO_LONG and caught.value.detail == "3,000,000"


def test_the_limit_is_documented() -> None:
    doc = Path(__file__).resolve().parents[2] / "docs" / "project-format.md"
    assert f"{MAX_SCRIPT_CHARS:,}" in doc.read_text(encoding="utf-8")
    assert dumps(Project(text="x"))  # the writer itself is unchanged
