"""Translated sentences for script problems, built from ``Problem.code`` + ``Problem.params``.

``core.script`` writes English messages; this module rebuilds them through Qt translation so
the Chinese UI does not show English. Every string is a literal first argument of
``QCoreApplication.translate`` so ``pyside6-lupdate`` finds it. Anything unexpected (a new
code, a missing parameter) falls back to the core's English ``message``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QLocale

from soundclone_desktop.core.script import Problem, format_seconds

_CTX = "ProblemText"

Params = Mapping[str, object]


def _quote(text: object) -> str:
    return QCoreApplication.translate(_CTX, "“{text}”").format(text=text)


def _number(value: object) -> str:
    return QLocale().toString(int(str(value)))


def _seconds(value: object) -> str:
    return format_seconds(float(str(value)))


def _malformed_lead(reason: str, quoted: str) -> str:
    t = QCoreApplication.translate
    leads = {
        "unclosed": t(_CTX, "The pause marker {marker} is not closed with #>."),
        "empty": t(_CTX, "The pause marker {marker} has no number of seconds in it."),
        "spaces": t(_CTX, "The pause marker {marker} contains spaces."),
        "comma": t(_CTX, "The pause marker {marker} uses a comma; use a dot for decimals."),
        "unit": t(_CTX, "The pause marker {marker} has a unit; write the number of seconds only."),
        "negative": t(_CTX, "The pause marker {marker} is negative."),
        "too-large": t(_CTX, "The pause marker {marker} is longer than the 99.99-second maximum."),
        "decimals": t(_CTX, "The pause marker {marker} has more than two decimal places."),
        "format": t(_CTX, "The pause marker {marker} is not written as the service expects."),
        "not-a-number": t(
            _CTX, "{marker} is not a valid pause marker: it needs a number of seconds."
        ),
    }
    return leads[reason].format(marker=quoted)


def _did_you_mean(params: Params) -> str:
    suggestion = params.get("suggestion")
    if suggestion:
        return QCoreApplication.translate(_CTX, "Did you mean {suggestion}?").format(
            suggestion=suggestion
        )
    return QCoreApplication.translate(
        _CTX, "Write a pause as <#seconds#> from 0.01 to 99.99, for example <#0.5#>."
    )


def _marker_malformed(params: Params) -> str:
    lead = _malformed_lead(str(params["reason"]), _quote(params["marker"]))
    return f"{lead} {_did_you_mean(params)}"


def _marker_range(params: Params) -> str:
    return QCoreApplication.translate(
        _CTX,
        "The pause marker {marker} lasts {seconds} seconds; a pause must last {min} to {max} "
        "seconds. Did you mean {suggestion}?",
    ).format(
        marker=_quote(params["marker"]),
        seconds=_seconds(params["seconds"]),
        min=_seconds(params["min"]),
        max=_seconds(params["max"]),
        suggestion=params.get("suggestion", "<#0.01#>"),
    )


def _marker_at_start(params: Params) -> str:
    return QCoreApplication.translate(
        _CTX,
        "The pause marker {marker} is at the start of the text; a pause must sit between two "
        "pieces of text. Remove it.",
    ).format(marker=_quote(params["marker"]))


def _marker_at_end(params: Params) -> str:
    return QCoreApplication.translate(
        _CTX,
        "The pause marker {marker} is at the end of the text; a pause must sit between two "
        "pieces of text. Remove it.",
    ).format(marker=_quote(params["marker"]))


def _markers_adjacent(params: Params) -> str:
    if params.get("capped"):
        text = QCoreApplication.translate(
            _CTX,
            "{count} pause markers follow each other; the service does not allow consecutive "
            "pauses. Merge them into one: {suggestion} (capped at 99.99).",
        )
    else:
        text = QCoreApplication.translate(
            _CTX,
            "{count} pause markers follow each other; the service does not allow consecutive "
            "pauses. Merge them into one: {suggestion}.",
        )
    return text.format(count=_number(params["count"]), suggestion=params["suggestion"])


def _marker_near_punctuation(params: Params) -> str:
    t = QCoreApplication.translate
    by_side = {
        "before": t(
            _CTX,
            "The pause marker {marker} has only punctuation or symbols before it; a pause "
            "works best between two spoken words.",
        ),
        "after": t(
            _CTX,
            "The pause marker {marker} has only punctuation or symbols after it; a pause "
            "works best between two spoken words.",
        ),
        "both": t(
            _CTX,
            "The pause marker {marker} has only punctuation or symbols on either side of it; "
            "a pause works best between two spoken words.",
        ),
    }
    return by_side[str(params["side"])].format(marker=_quote(params["marker"]))


def _too_long(params: Params) -> str:
    return QCoreApplication.translate(
        _CTX,
        "The text is {length} characters long; the limit is {limit} (pause markers "
        "included). Remove {excess} characters.",
    ).format(
        length=_number(params["length"]),
        limit=_number(params["limit"]),
        excess=_number(params["excess"]),
    )


def _empty(_params: Params) -> str:
    # core uses one code for "nothing at all" and "only markers"; one sentence fits both.
    return QCoreApplication.translate(
        _CTX, "There is nothing to say yet. Type what the voice should say."
    )


_BUILDERS: dict[str, Callable[[Params], str]] = {
    "marker-malformed": _marker_malformed,
    "marker-range": _marker_range,
    "marker-at-start": _marker_at_start,
    "marker-at-end": _marker_at_end,
    "markers-adjacent": _markers_adjacent,
    "marker-near-punctuation": _marker_near_punctuation,
    "too-long": _too_long,
    "empty": _empty,
}


def problem_sentence(problem: Problem) -> str:
    """The translated sentence for ``problem``; the core's English message if unknown."""
    builder = _BUILDERS.get(problem.code)
    if builder is None:
        return problem.message
    params = dict(problem.params)
    if problem.suggestion:
        params.setdefault("suggestion", problem.suggestion)
    try:
        return builder(params)
    except (KeyError, ValueError, TypeError):
        return problem.message


def fix_label(problem: Problem) -> str:
    """Menu text for applying ``problem.suggestion``."""
    if not problem.suggestion:
        return QCoreApplication.translate(_CTX, "Fix: remove {text}").format(
            text=_quote(_shorten(str(problem.params.get("marker", ""))))
        )
    return QCoreApplication.translate(_CTX, "Fix: replace with {suggestion}").format(
        suggestion=problem.suggestion
    )


def pause_sentence(seconds: float) -> str:
    """Tooltip text for a well-formed marker."""
    return QCoreApplication.translate(_CTX, "Pause of {seconds} s").format(
        seconds=format_seconds(seconds)
    )


def _shorten(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
