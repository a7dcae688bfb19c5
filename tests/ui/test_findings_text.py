"""Each kind of finding said in words (the text's tooltip and the findings list)."""

from __future__ import annotations

import pytest

from soundclone_desktop.core.book.checks import CheckKind, Finding
from soundclone_desktop.ui.book.findings_text import detail_text, finding_text


@pytest.mark.parametrize(
    ("kind", "detail", "expected"),
    [
        (CheckKind.MISSING_WORDS, "not heard: the boats", "Words missing: “the boats”"),
        (CheckKind.MISSING_WORDS, "not heard: boats (heard instead: goats)",
         "Words missing: “boats”"),
        (CheckKind.EXTRA_WORDS, "heard but not in the text: um well", "Words added: “um well”"),
        (CheckKind.LONG_SILENCE, "2.7 s of silence no pause marker asks for",
         "Long silence: 2.7 s that no pause marker asks for"),
        (CheckKind.RATE, "spoken 1.52× the book's usual rate",
         "Speaking rate: 1.52× the book's usual rate"),
        (CheckKind.CLIPPING, "12 ms at full scale", "Clipping: 12 ms at full scale"),
        (CheckKind.DURATION, "lasts 0.61× what the text predicts at the book's usual rate",
         "Length: 0.61× what the text predicts"),
    ],
)  # fmt: skip
def test_each_kind_in_words(qapp, kind: CheckKind, detail: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    finding = Finding(kind, 1, 3, 0.4, detail)
    assert detail_text(finding) == expected
    assert finding_text(finding, 12.44) == f"{expected} (12.4 s)"
