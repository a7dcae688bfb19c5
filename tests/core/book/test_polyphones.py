"""多音字: readings of a character and common homophones to substitute (pypinyin's data)."""

from __future__ import annotations

import pytest

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


def test_the_index_is_pypinyins_own_dictionaries() -> None:
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    from soundclone_desktop.core.book import polyphones

    assert polyphones._pinyin_dict() == pinyin_dict
    counts: dict[str, int] = {}
    for phrase in phrases_dict:
        for char in set(phrase):
            counts[char] = counts.get(char, 0) + 1
    assert polyphones._phrase_counts() == counts


# Building the index in a fresh process: pypinyin's modules parse each 2.5 MB dictionary in
# one json.loads call, which holds the GIL 250-330 ms (a GUI stall while a book opens, as
# the warm-up runs in a worker). Neither they nor any whole-file parse may run.
_FRESH = """
import json, sys
sizes = []
loads = json.loads
json.loads = lambda s, *a, **k: sizes.append(len(s)) or loads(s, *a, **k)
from soundclone_desktop.core.book import polyphones
assert polyphones.homophones("háng")
print(json.dumps({"pypinyin": "pypinyin" in sys.modules, "largest": max(sizes, default=0)}))
"""


def test_building_the_index_never_parses_a_whole_dictionary_at_once() -> None:
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[3])  # this checkout's package, not another
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", _FRESH],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=env,
    )
    found = json.loads(done.stdout)
    assert found == {"pypinyin": False, "largest": found["largest"]}
    assert found["largest"] < 1000  # an escaped entry at most


def test_data_laid_out_otherwise_falls_back_to_pypinyins_own_loading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pypinyin.pinyin_dict import pinyin_dict

    from soundclone_desktop.core.book import polyphones

    monkeypatch.setattr(polyphones, "_entries", lambda name, pattern: iter(()))
    polyphones._pinyin_dict.cache_clear()
    polyphones._phrase_counts.cache_clear()
    try:
        assert polyphones._pinyin_dict() == pinyin_dict
        assert polyphones._phrase_counts()["长"] >= polyphones.MIN_PHRASES
    finally:
        polyphones._pinyin_dict.cache_clear()
        polyphones._phrase_counts.cache_clear()
