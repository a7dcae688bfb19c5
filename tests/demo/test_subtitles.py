"""Subtitle files: MiniMax JSON, sentence and word level, timed exactly like the audio."""

from __future__ import annotations

from typing import Any

import pytest

from soundclone_desktop.demo.markup import find_pauses
from soundclone_desktop.demo.subtitles import build_subtitles
from soundclone_desktop.demo.synth import plan
from tests.served_audio import decode

SENTENCE_KEYS = {
    "text", "pronounce_text", "time_begin", "time_end", "text_begin", "text_end",
    "pronounce_text_begin", "pronounce_text_end", "timestamped_words",
}  # fmt: skip


def _subtitles(text: str, word_level: bool = False, speed: float = 1.0) -> list[dict[str, Any]]:
    return build_subtitles(plan(text, find_pauses(text), 16000, speed), word_level=word_level)


def test_served_subtitles_match_the_served_audio(api: Any) -> None:
    text = "第一句。<#1.5#>Second sentence here!\n第三句，有逗号？"
    done = api.finish(api.audio(text, subtitleEnable=True))
    subtitles = api.fetch(done["subtitleFile"])
    assert subtitles.headers["content-type"].startswith("application/json")
    sentences = subtitles.json()
    assert [s["text"] for s in sentences] == [
        "第一句。",
        "Second sentence here!",
        "第三句，有逗号？",
    ]
    assert all(set(s) == SENTENCE_KEYS and s["timestamped_words"] is None for s in sentences)
    audio_ms = decode(api.fetch(done["audioUrl"]).content).ms  # MP3, the default
    assert sentences[-1]["time_end"] == pytest.approx(audio_ms)
    # The pause sits exactly between the first two sentences.
    assert sentences[1]["time_begin"] - sentences[0]["time_end"] == pytest.approx(1500)
    # Between sentences 2 and 3 lies only the newline's 0.3 s.
    assert sentences[2]["time_begin"] - sentences[1]["time_end"] == pytest.approx(300)


def test_sentence_times_and_offsets() -> None:
    text = "你好。<#1#>Hi, you."
    first, second = _subtitles(text)
    assert (first["time_begin"], first["time_end"]) == (0.0, 700.0)  # 2 × 200 + 300
    # 1000 ms pause, then 2 + 3 letters, a comma, a space and a full stop.
    assert (second["time_begin"], second["time_end"]) == (1700.0, 2490.0)
    assert (first["text_begin"], first["text_end"]) == (0, 3)
    assert (second["text_begin"], second["text_end"]) == (8, 16)
    assert text[8:16] == "Hi, you."
    assert (second["pronounce_text_begin"], second["pronounce_text_end"]) == (3, 11)


def test_pause_inside_a_sentence_stays_inside_its_span() -> None:
    [sentence] = _subtitles("Wait<#2#> for it.")
    assert sentence["text"] == "Wait for it."
    assert sentence["time_end"] - sentence["time_begin"] > 2000


def test_word_level_entries() -> None:
    text = "Claude speaks beautifully, 你好。"
    [sentence] = _subtitles(text, word_level=True)
    words = sentence["timestamped_words"]
    assert [w["word"] for w in words] == ["Claude", "speaks", "beau", "tifu", "lly", "你", "好"]
    for word in words:
        assert text[word["word_begin"] : word["word_end"]] == word["word"]
        assert set(word) == {"word", "word_begin", "word_end", "time_begin", "time_end"}
    assert words[2]["time_end"] == words[3]["time_begin"]  # pieces of one word are contiguous
    assert words[0]["time_end"] == pytest.approx(6 * 60)
    assert words[-1]["time_end"] - words[-1]["time_begin"] == pytest.approx(200)


def test_word_times_follow_speed() -> None:
    [slow] = _subtitles("你好", word_level=True, speed=0.5)
    assert [w["time_end"] for w in slow["timestamped_words"]] == [400.0, 800.0]


def test_sentence_splitting_rules() -> None:
    texts = [s["text"] for s in _subtitles("Wait... what?! Pi is 3.14 today.\n\n“好！”他说。")]
    assert texts == ["Wait...", "what?!", "Pi is 3.14 today.", "“好！”", "他说。"]


def test_word_level_over_http(api: Any) -> None:
    done = api.finish(api.audio("Hello world.", subtitleEnable=True, subtitleType="word"))
    [sentence] = api.fetch(done["subtitleFile"]).json()
    assert [w["word"] for w in sentence["timestamped_words"]] == ["Hello", "world"]


def test_no_subtitle_file_unless_enabled(api: Any) -> None:
    done = api.finish(api.audio("Hello."))
    assert "subtitleFile" not in done
    pending = api.task(api.audio("Hello.", subtitleEnable=True))
    assert pending["subtitleFile"] is None
