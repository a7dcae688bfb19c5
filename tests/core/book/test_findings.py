"""Unspeakable characters are reported with their positions, and the text is left alone."""

from __future__ import annotations

from soundclone_desktop.core.book.findings import FindingKind, find_unspeakable


def test_each_kind_is_reported_at_its_offset() -> None:
    text = "a\u200b\u200bb\x0cc\ue000d\ufffde\ufeff\u00adf\x00\n\tg"
    found = [(f.offset, f.length, f.codepoint, f.kind) for f in find_unspeakable(text)]
    assert found == [
        (1, 2, "U+200B", FindingKind.FORMAT),
        (4, 1, "U+000C", FindingKind.CONTROL),
        (6, 1, "U+E000", FindingKind.PRIVATE_USE),
        (8, 1, "U+FFFD", FindingKind.REPLACEMENT),
        (10, 1, "U+FEFF", FindingKind.FORMAT),
        (11, 1, "U+00AD", FindingKind.FORMAT),
        (13, 1, "U+0000", FindingKind.CONTROL),
    ]
    assert find_unspeakable(text)[0].name == "ZERO WIDTH SPACE"


def test_ordinary_text_line_breaks_and_tabs_are_fine() -> None:
    assert find_unspeakable("Hello,\n\tworld. 你好，世界！😀 café") == ()


def test_lone_surrogate_and_unassigned() -> None:
    kinds = [f.kind for f in find_unspeakable("x\ud800y\U000e0080z")]
    assert kinds == [FindingKind.SURROGATE, FindingKind.UNASSIGNED]
