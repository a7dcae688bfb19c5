"""The production parameters as ``soundclone synth`` options, generated from core's table.

Each numeric parameter becomes ``--<name>`` with its range and default as the help, so the
help never disagrees with validation. Values are checked once, by
:meth:`~soundclone_desktop.core.params.ProductionParams.validate`, before anything is sent.
"""

from __future__ import annotations

import argparse
import dataclasses

from soundclone_desktop.core.parameters import (
    Parameters,
    SubtitleType,
    format_number,
    number_fields,
    spec_of,
)

SUBTITLE_CHOICES = ("sentence", "word", "off")


def add_parameter_options(p: argparse.ArgumentParser) -> None:
    """``--emotion``, the numbers, ``--version``, ``--language`` and ``--subtitles``."""
    p.add_argument("--emotion", choices=spec_of("emotion").choices)
    for name, default, _spec, allowed in number_fields():
        help_text = f"{allowed.allowed} (default {format_number(default)})"
        p.add_argument(f"--{name}", type=float, help=help_text)
    # --version alone would be the program's version: the value goes to model_version.
    p.add_argument(
        "--version", dest="model_version", choices=spec_of("version").choices, help="model version"
    )
    p.add_argument("--language", help="language name, e.g. Chinese, English (default auto)")
    p.add_argument(
        "--subtitles",
        choices=SUBTITLE_CHOICES,
        help="also save subtitles, timed per sentence or per word",
    )


def parameters_from(args: argparse.Namespace, defaults: Parameters) -> Parameters:
    """The options given, the settings' defaults for the rest (not validated here)."""
    given: dict[str, object] = {}
    for name, _default, _spec, allowed in number_fields():
        value = getattr(args, name)
        if value is not None:
            given[name] = _whole(value) if allowed.whole else value
    for name, value in (
        ("version", args.model_version), ("language", args.language), ("emotion", args.emotion)
    ):  # fmt: skip
        if value:
            given[name] = value
    subtitles = args.subtitles or (defaults.subtitle_type if defaults.subtitles else "off")
    given["subtitles"] = subtitles != "off"
    given["subtitle_type"] = SubtitleType.WORD if subtitles == "word" else SubtitleType.SENTENCE
    return dataclasses.replace(defaults, **given)  # type: ignore[arg-type]


def _whole(value: float) -> int | float:
    """A whole-number argument as int; anything else is kept so validation names it."""
    return int(value) if float(value).is_integer() else value
