"""多音字: readings of a character and common homophones to substitute (pypinyin's data)."""

from __future__ import annotations

from soundclone_desktop.core.book.polyphones import homophones, readings


def test_readings_of_xing_include_hang_and_xing() -> None:
    assert {"háng", "xíng"} <= set(readings("行"))
    assert readings("行")[0] == "xíng"  # the usual reading first
    assert readings("x") == [] and readings("行长") == []


def test_homophones_of_hang_include_hang_the_boat_and_leave_the_character_out() -> None:
    found = homophones("háng", exclude="行")
    assert "航" in found and "行" not in found
    assert found[0] == "航"  # its usual reading, and common


def test_homophones_are_common_characters_with_exactly_that_tone() -> None:
    found = homophones("zhǎng")
    assert "长" in found and "掌" in found
    assert all("zhǎng" in readings(c) for c in found)
    assert "胀" not in found  # zhàng: another tone
    assert homophones("no-such-reading") == []
