"""core.parameters: one field table for the production parameters, read back by every layer."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

from soundclone_desktop.core.parameters import (
    Parameters,
    SubtitleType,
    number_fields,
    param_fields,
    spec_of,
)
from soundclone_desktop.core.params import ProductionParams

PACKAGE = Path(__file__).resolve().parents[2] / "soundclone_desktop"
NAMES = [f.name for f in param_fields()]


def test_production_params_are_the_parameters_plus_voice_and_text() -> None:
    own = {f.name for f in dataclasses.fields(ProductionParams)} - set(NAMES)
    assert own == {"model_id", "text"}
    params = ProductionParams("voice", "Hello.", speed=1.5)  # voice and text stay positional
    assert params.parameters() == Parameters(speed=1.5)


def test_every_field_names_its_api_field() -> None:
    apis = [spec_of(name).api for name in NAMES]
    assert apis == [
        "soundVersion", "language", "emotion", "speed", "vol", "pitch", "subtitleEnable",
        "subtitleType",
    ]  # fmt: skip


def test_range_texts_are_derived_from_the_ranges() -> None:
    allowed = {name: r.allowed for name, _default, _spec, r in number_fields()}
    assert allowed == {
        "speed": "0.5 to 2",
        "vol": "more than 0, up to 10",
        "pitch": "whole numbers from -12 to 12",
    }


def test_as_dict_is_json_ready_and_from_mapping_reads_it_back() -> None:
    params = Parameters(version="v1", language="English", pitch=-3, subtitles=True,
                        subtitle_type=SubtitleType.WORD)  # fmt: skip
    data = params.as_dict()
    assert list(data) == NAMES
    assert type(data["subtitle_type"]) is str
    assert Parameters.from_mapping(data) == (params, ())


def test_from_mapping_names_what_it_could_not_use() -> None:
    raw = {"speed": 7, "vol": "loud", "pitch": 2.0, "subtitle_type": "letter", "model_id": "x"}
    params, ignored = Parameters.from_mapping(raw)
    assert params == Parameters(pitch=2)
    assert type(params.pitch) is int
    assert set(ignored) == {"speed", "vol", "subtitle_type"}


def test_from_mapping_keeps_hundredths() -> None:
    assert Parameters.from_mapping({"speed": 1.234, "vol": 3})[0] == Parameters(speed=1.23, vol=3.0)


def test_no_other_module_declares_the_parameters_again() -> None:
    """DefaultParameters, ProjectParams and the like: a class with the parameters' fields.
    The demo server, the independent oracle, keeps its own."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if parts == ("core", "parameters.py") or parts[0] == "demo":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names = {
                    item.target.id
                    for item in node.body
                    if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
                }
                if {"speed", "vol", "pitch"} <= names:
                    found.append(f"{path.relative_to(PACKAGE)}: {node.name}")
    assert found == []


def test_range_texts_are_written_only_by_core() -> None:
    """The client quotes ranges from the table; the demo server (the oracle) keeps its own."""
    written = re.compile(r"0\.5 to 2|0\.5–2|up to 10\b|[-−]12 to 12")
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        if "demo" not in path.relative_to(PACKAGE).parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if written.search(line)
    ]
    assert found == []
