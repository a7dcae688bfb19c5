"""``soundclone synth``'s parameter options: the help states what validation accepts."""

from __future__ import annotations

import argparse

import pytest

from soundclone_desktop import cli
from soundclone_desktop.core.params import ProductionParams


def synth_option_help() -> dict[str, str]:
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    synth = commands.choices["synth"]
    return {a.option_strings[-1]: a.help or "" for a in synth._actions if a.option_strings}


@pytest.mark.parametrize(("field", "bad"), [("speed", 99), ("vol", 0), ("pitch", 99)])
def test_number_help_quotes_the_range_validation_states(field: str, bad: int) -> None:
    (problem,) = ProductionParams("voice", "Hello.", **{field: bad}).validate()  # type: ignore[arg-type]
    assert synth_option_help()[f"--{field}"].startswith(f"{problem.allowed} (default ")


def test_the_options_keep_their_names() -> None:
    names = set(synth_option_help())
    assert {"--emotion", "--speed", "--vol", "--pitch", "--version", "--language",
            "--subtitles"} <= names  # fmt: skip
