"""The production parameters as command-line options: ``synth``'s ``--emotion``, ``--speed``…

One block: the options (:func:`add_production_options`) and their conversion, with the
settings' defaults, into ``ProductionParams`` fields (:func:`production_options`).
"""

from __future__ import annotations

import argparse
from typing import Any

from soundclone_desktop.cli.context import Context
from soundclone_desktop.core.params import EMOTIONS, VERSIONS, SubtitleType


def add_production_options(p: argparse.ArgumentParser) -> None:
    """``synth``'s parameter options."""
    p.add_argument("--emotion", choices=EMOTIONS)
    p.add_argument("--speed", type=float, help="0.5 to 2 (default 1)")
    p.add_argument("--vol", type=float, help="above 0, up to 10 (default 1)")
    p.add_argument("--pitch", type=float, help="whole semitones, -12 to 12 (default 0)")
    p.add_argument("--version", dest="model_version", choices=VERSIONS, help="model version")
    p.add_argument("--language", help="language name, e.g. Chinese, English (default auto)")
    p.add_argument(
        "--subtitles",
        choices=("sentence", "word", "off"),
        help="also save subtitles, timed per sentence or per word",
    )


def production_options(ctx: Context, text: str) -> dict[str, Any]:
    """The ProductionParams fields (all but the voice) from the options and the defaults."""
    args, defaults = ctx.args, ctx.settings.defaults
    subtitles = args.subtitles or (defaults.subtitle_type if defaults.subtitles else "off")
    return {
        "text": text,
        "version": args.model_version or defaults.version,
        "language": args.language or defaults.language,
        "emotion": args.emotion or defaults.emotion,
        "speed": defaults.speed if args.speed is None else args.speed,
        "vol": defaults.vol if args.vol is None else args.vol,
        "pitch": defaults.pitch if args.pitch is None else _whole(args.pitch),
        "subtitles": subtitles != "off",
        "subtitle_type": SubtitleType.WORD if subtitles == "word" else SubtitleType.SENTENCE,
    }


def _whole(value: float) -> int | float:
    """A pitch argument: whole numbers as int, anything else kept so validation names it."""
    return int(value) if float(value).is_integer() else value
