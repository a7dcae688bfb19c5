"""core.languages: the exact lists of API reference §9, version rules and the guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from soundclone_desktop.core.languages import (
    ALL_LANGUAGES,
    AUTO,
    V1_LANGUAGES,
    V2_ONLY_LANGUAGES,
    contains_cjk,
    first_cjk,
    guess_language,
    is_supported,
    languages_for,
)

DATA = Path(__file__).resolve().parents[1] / "data"


def test_exact_lists() -> None:
    assert V1_LANGUAGES == (
        "Chinese", "Chinese,Yue", "English", "Arabic", "Russian", "Spanish", "French",
        "Portuguese", "German", "Turkish", "Dutch", "Ukrainian", "Vietnamese", "Indonesian",
        "Japanese", "Italian", "Korean", "Thai", "Polish", "Romanian", "Greek", "Czech",
        "Finnish", "Hindi",
    )  # fmt: skip
    assert V2_ONLY_LANGUAGES == (
        "Bulgarian", "Danish", "Hebrew", "Malay", "Persian", "Slovak", "Swedish", "Croatian",
        "Filipino", "Hungarian", "Norwegian", "Slovenian", "Catalan", "Nynorsk", "Tamil",
        "Afrikaans",
    )  # fmt: skip
    assert len(V1_LANGUAGES) == 24
    assert len(V2_ONLY_LANGUAGES) == 16
    assert len(set(ALL_LANGUAGES)) == 40
    assert AUTO == "auto"


def test_languages_for() -> None:
    assert languages_for("v1") == V1_LANGUAGES
    assert languages_for("v2") == (AUTO, *V1_LANGUAGES, *V2_ONLY_LANGUAGES)
    assert AUTO not in languages_for("v1")
    assert languages_for("v3") == ()


@pytest.mark.parametrize("language", V1_LANGUAGES)
def test_v1_language_supported_everywhere(language: str) -> None:
    assert is_supported(language, "v1")
    assert is_supported(language, "v2")


@pytest.mark.parametrize("language", V2_ONLY_LANGUAGES)
def test_v2_only_language(language: str) -> None:
    assert not is_supported(language, "v1")
    assert is_supported(language, "v2")


def test_auto_only_with_v2() -> None:
    assert is_supported("auto", "v2")
    assert not is_supported("auto", "v1")


@pytest.mark.parametrize("language", ["english", "Cantonese", "Chinese, Yue", "", "Klingon"])
def test_unknown_languages(language: str) -> None:
    assert not is_supported(language, "v1")
    assert not is_supported(language, "v2")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "English"),
        ("Hello world", "English"),
        ("你好，世界", "Chinese"),
        ("我们今天聊聊 AI voice cloning", "Chinese"),
        ("The word for cat is 猫", "English"),
        ("12345 !!!", "English"),
        ("𠀀𠀁𠀂", "Chinese"),  # CJK extension B, above U+FFFF
    ],
)
def test_guess_language(text: str, expected: str) -> None:
    assert guess_language(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("ad-en.txt", "English"), ("audiobook-zh.txt", "Chinese"), ("mixed-zh-en.txt", "Chinese")],
)
def test_guess_language_on_samples(name: str, expected: str) -> None:
    assert guess_language((DATA / name).read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize(
    "text",
    ["中", "。", "，", "（", "！", "：", "「", "あ", "カ", "한", "ㄅ", "㐀", "𠀀", "\u3000", "ｱ"],
)
def test_contains_cjk(text: str) -> None:
    assert contains_cjk(f"abc{text}def")
    assert first_cjk(f"abc{text}def") == 3


@pytest.mark.parametrize(
    "text", ["", "https://x.com/a.mp3", "café", "Ünïcödé", "Привет", "😀", "—"]
)
def test_not_cjk(text: str) -> None:
    assert not contains_cjk(text)
    assert first_cjk(text) is None
