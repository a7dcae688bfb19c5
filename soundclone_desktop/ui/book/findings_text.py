"""A finding of the automatic checks in words, for the text's tooltip and the findings list:
"Words missing: “the boats” (12.4 s)".

The checks describe each finding in an English ``detail`` (the CLI prints it); the words or
figure in it are taken out here and put into a translated sentence.
"""

from __future__ import annotations

import re
from typing import Final

from soundclone_desktop.core.book.checks import CheckKind, Finding
from soundclone_desktop.i18n import translate

CTX = "BookFindings"

_NOT_HEARD: Final = re.compile(r"^not heard: (.*?)(?: \(heard instead: .*\))?$", re.DOTALL)
_EXTRA: Final = re.compile(r"^heard but not in the text: (.*)$", re.DOTALL)
_NUMBER: Final = re.compile(r"\d+(?:\.\d+)?")


def kind_text(kind: CheckKind) -> str:
    """The kind of finding as the list's column says it."""
    names = {
        CheckKind.MISSING_WORDS: translate(CTX, "Words missing"),
        CheckKind.EXTRA_WORDS: translate(CTX, "Words added"),
        CheckKind.LONG_SILENCE: translate(CTX, "Long silence"),
        CheckKind.RATE: translate(CTX, "Speaking rate"),
        CheckKind.CLIPPING: translate(CTX, "Clipping"),
        CheckKind.DURATION: translate(CTX, "Length"),
    }
    return names[kind]


def detail_text(finding: Finding) -> str:
    """The finding in a sentence, without its time."""
    detail = finding.detail
    kind = finding.kind
    if kind is CheckKind.MISSING_WORDS and (m := _NOT_HEARD.match(detail)):
        return translate(CTX, "Words missing: “%1”").replace("%1", m.group(1))
    if kind is CheckKind.EXTRA_WORDS and (m := _EXTRA.match(detail)):
        return translate(CTX, "Words added: “%1”").replace("%1", m.group(1))
    number = _NUMBER.search(detail)
    figure = number.group(0) if number else "?"
    if kind is CheckKind.LONG_SILENCE:
        return translate(CTX, "Long silence: %1 s that no pause marker asks for").replace(
            "%1", figure
        )
    if kind is CheckKind.RATE:
        return translate(CTX, "Speaking rate: %1× the book's usual rate").replace("%1", figure)
    if kind is CheckKind.CLIPPING:
        return translate(CTX, "Clipping: %1 ms at full scale").replace("%1", figure)
    if kind is CheckKind.DURATION:
        return translate(CTX, "Length: %1× what the text predicts").replace("%1", figure)
    return kind_text(kind)


def seconds_text(seconds: float) -> str:
    return translate(CTX, "%1 s").replace("%1", f"{seconds:.1f}")


def finding_text(finding: Finding, seconds: float) -> str:
    """ "Words missing: “…” (12.4 s)", ``seconds`` into the chapter."""
    return (
        translate(CTX, "%1 (%2)")
        .replace("%1", detail_text(finding))
        .replace("%2", seconds_text(seconds))
    )
