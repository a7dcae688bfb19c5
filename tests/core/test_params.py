"""core.params: validation at every boundary, and the exact JSON bodies."""

from __future__ import annotations

import math
from dataclasses import replace
from decimal import Decimal

import pytest

from soundclone_desktop.core import params as params_module
from soundclone_desktop.core.languages import V1_LANGUAGES, V2_ONLY_LANGUAGES
from soundclone_desktop.core.params import (
    CLONE_EXTENSIONS,
    DEFAULT_PREVIEW_TEXT,
    EMOTIONS,
    MAX_CLONE_SECONDS,
    MIN_CLONE_SECONDS,
    PITCH_RANGE,
    PREVIEW_TEXT_MAX,
    SPEED_RANGE,
    UPLOAD_EXTENSIONS,
    UPLOAD_MAX_BYTES,
    VERSIONS,
    VOL_RANGE,
    FieldProblem,
    PreviewParams,
    ProductionParams,
    SubtitleType,
    url_extension,
)
from soundclone_desktop.core.script import analyze

GOOD = ProductionParams(model_id="model_123", text="Welcome to voice cloning.")
GOOD_PREVIEW = PreviewParams(file_url="https://cdn.example.com/voice/sample.mp3")


def fields(problems: list[FieldProblem]) -> list[str]:
    return [p.field for p in problems]


def problems_for(**changes: object) -> list[FieldProblem]:
    return replace(GOOD, **changes).validate()  # type: ignore[arg-type]


# --- constants --------------------------------------------------------------------------


def test_constants() -> None:
    assert EMOTIONS[0] == "neutral"
    assert len(EMOTIONS) == 7
    assert set(EMOTIONS) == {
        "happy",
        "sad",
        "angry",
        "fearful",
        "disgusted",
        "surprised",
        "neutral",
    }
    assert VERSIONS == ("v1", "v2")
    assert SPEED_RANGE == (0.5, 2.0)
    assert VOL_RANGE == (0.0, 10.0)
    assert PITCH_RANGE == (-12, 12)
    assert PREVIEW_TEXT_MAX == 269
    assert len(DEFAULT_PREVIEW_TEXT) == 44
    assert UPLOAD_MAX_BYTES == 100 * 1024 * 1024
    assert (MIN_CLONE_SECONDS, MAX_CLONE_SECONDS) == (15, 60)


def test_extensions() -> None:
    assert CLONE_EXTENSIONS == (
        "mp3",
        "ogg",
        "wav",
        "m4a",
        "aac",
        "mp4",
        "avi",
        "mov",
        "mkv",
        "flv",
    )
    assert set(CLONE_EXTENSIONS) < set(UPLOAD_EXTENSIONS)
    assert {"flac", "webm", "m4v"} <= set(UPLOAD_EXTENSIONS) - set(CLONE_EXTENSIONS)
    assert all(ext == ext.lower() and not ext.startswith(".") for ext in UPLOAD_EXTENSIONS)


# --- production: valid ------------------------------------------------------------------


def test_defaults_are_valid() -> None:
    assert GOOD.validate() == []
    assert GOOD.version == "v2"
    assert GOOD.language == "auto"


def test_everything_wrong_reports_everything() -> None:
    params = ProductionParams(
        model_id=" ",
        text="",
        version="v3",
        language="Klingon",
        emotion="calm",
        speed=3,
        vol=0,
        pitch=20,
        subtitles="yes",  # type: ignore[arg-type]
        subtitle_type="letter",  # type: ignore[arg-type]
    )
    assert fields(params.validate()) == [
        "modelId",
        "contentText",
        "soundVersion",
        "language",
        "emotion",
        "speed",
        "vol",
        "pitch",
        "subtitleEnable",
        "subtitleType",
    ]
    for problem in params.validate():
        assert problem.message.endswith(".")
        assert problem.allowed


# --- production: numeric boundaries -----------------------------------------------------


@pytest.mark.parametrize("speed", [0.5, 0.75, 1, 1.0, 1.5, 2, 2.0])
def test_speed_ok(speed: float) -> None:
    assert problems_for(speed=speed) == []


@pytest.mark.parametrize("speed", [0.49, 2.01, 0, -1, 10, math.nan, math.inf, -math.inf])
def test_speed_bad(speed: float) -> None:
    problems = problems_for(speed=speed)
    assert fields(problems) == ["speed"]
    assert problems[0].message.startswith("Speed must be between 0.5 and 2 (got ")


def test_speed_message_exact() -> None:
    assert problems_for(speed=2.5)[0].message == "Speed must be between 0.5 and 2 (got 2.5)."


@pytest.mark.parametrize("bad", ["1", None, True, [1]])
def test_numbers_must_be_numbers(bad: object) -> None:
    assert fields(problems_for(speed=bad)) == ["speed"]
    assert fields(problems_for(vol=bad)) == ["vol"]
    assert fields(problems_for(pitch=bad)) == ["pitch"]


def test_decimal_numbers_are_accepted() -> None:
    assert problems_for(speed=Decimal("1.5"), vol=Decimal("10"), pitch=Decimal("3")) == []


@pytest.mark.parametrize("vol", [0.01, 0.5, 1, 9.99, 10, 10.0])
def test_vol_ok(vol: float) -> None:
    assert problems_for(vol=vol) == []


@pytest.mark.parametrize("vol", [0, 0.0, -0.0, -1, 10.01, 11, math.nan, math.inf])
def test_vol_bad(vol: float) -> None:
    problems = problems_for(vol=vol)
    assert fields(problems) == ["vol"]
    assert "Volume must be greater than 0 and at most 10" in problems[0].message


@pytest.mark.parametrize("pitch", [-12, -1, 0, 1, 12, 12.0, -12.0])
def test_pitch_ok(pitch: int) -> None:
    assert problems_for(pitch=pitch) == []


@pytest.mark.parametrize("pitch", [-13, 13, 1.5, -0.5, 12.5, math.nan, math.inf])
def test_pitch_bad(pitch: float) -> None:
    problems = problems_for(pitch=pitch)
    assert fields(problems) == ["pitch"]
    assert "Pitch must be a whole number of semitones between -12 and 12" in problems[0].message


def test_pitch_message_exact() -> None:
    assert problems_for(pitch=1.5)[0].message == (
        "Pitch must be a whole number of semitones between -12 and 12 (got 1.5)."
    )


@pytest.mark.parametrize("emotion", EMOTIONS)
def test_emotions_ok(emotion: str) -> None:
    assert problems_for(emotion=emotion) == []


@pytest.mark.parametrize("emotion", ["calm", "Neutral", "", "fluent"])
def test_emotion_bad(emotion: str) -> None:
    problems = problems_for(emotion=emotion)
    assert fields(problems) == ["emotion"]
    assert "Emotion must be one of neutral, happy" in problems[0].message


# --- production: text -------------------------------------------------------------------


def test_text_limit() -> None:
    assert problems_for(text="a" * 9999) == []
    problems = problems_for(text="a" * 10_000)
    assert fields(problems) == ["contentText"]
    assert "9,999" in problems[0].message
    assert problems[0].allowed == "1 to 9,999 characters"


def test_text_limit_counts_markers() -> None:
    text = "a" * 9995 + " <#1#> b"  # 9,998 billable, 10,003 sent
    assert fields(problems_for(text=text)) == ["contentText"]


@pytest.mark.parametrize("text", ["", "   ", "\n", "<#1#>"])
def test_text_empty(text: str) -> None:
    assert fields(problems_for(text=text)) == ["contentText"]


def test_every_blocking_text_problem_is_reported() -> None:
    problems = problems_for(text="<#1#> Hello <#x#> world <#0#>")
    assert fields(problems) == ["contentText"] * 4
    assert all(p.message.startswith("Text: ") for p in problems)


def test_text_warnings_do_not_block() -> None:
    assert problems_for(text="Hello.<#1#>! World") == []


@pytest.mark.parametrize(
    "text", ["Welcome.", "<#1#> Hello <#x#> world <#0#>", "a" * 10_000, "", "😀 <#0,5#> 字"]
)
def test_a_report_of_the_text_is_used_instead_of_a_second_analysis(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    params = replace(GOOD, text=text)
    report = analyze(text)
    expected = params.validate()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("analysed again")

    monkeypatch.setattr(params_module, "analyze", refuse)
    assert params.validate(report=report) == expected


def test_a_report_of_another_text_is_not_used() -> None:
    params = replace(GOOD, text="Hello <#x#> world")
    stale = analyze("Hello world")  # the text before the last keystrokes
    assert fields(params.validate(report=stale)) == ["contentText"]
    assert params.validate(report=stale) == params.validate()


# --- production: version and language ---------------------------------------------------


@pytest.mark.parametrize("language", V1_LANGUAGES)
def test_v1_languages_with_both_versions(language: str) -> None:
    assert problems_for(version="v1", language=language) == []
    assert problems_for(version="v2", language=language) == []


@pytest.mark.parametrize("language", V2_ONLY_LANGUAGES)
def test_v2_only_languages(language: str) -> None:
    assert problems_for(version="v2", language=language) == []
    problems = problems_for(version="v1", language=language)
    assert fields(problems) == ["language"]
    assert language in problems[0].message
    assert "v2" in problems[0].message


def test_auto_with_v2_ok_and_with_v1_rejected() -> None:
    assert problems_for(version="v2", language="auto") == []
    problems = problems_for(version="v1", language="auto")
    assert fields(problems) == ["language"]
    assert "choose a language, or use model v2" in problems[0].message


@pytest.mark.parametrize("language", ["Klingon", "chinese", "Chinese, Yue", "", "Cantonese"])
def test_unknown_language(language: str) -> None:
    for version in VERSIONS:
        problems = problems_for(version=version, language=language)
        assert fields(problems) == ["language"]
        assert repr(language) in problems[0].message


def test_cantonese_value_contains_a_comma() -> None:
    assert problems_for(version="v1", language="Chinese,Yue") == []


@pytest.mark.parametrize("version", ["v3", "V2", "", "2"])
def test_version_bad(version: str) -> None:
    problems = problems_for(version=version)
    assert fields(problems) == ["soundVersion"]
    assert "v1 or v2" in problems[0].message


def test_bad_version_still_checks_language() -> None:
    assert fields(problems_for(version="v9", language="Klingon")) == ["soundVersion", "language"]
    assert fields(problems_for(version="v9", language="Swedish")) == ["soundVersion"]


# --- production: subtitles and model ----------------------------------------------------


@pytest.mark.parametrize("subtitles", [True, False])
@pytest.mark.parametrize("kind", [SubtitleType.SENTENCE, SubtitleType.WORD, "word", "sentence"])
def test_subtitle_combinations_are_valid(subtitles: bool, kind: SubtitleType) -> None:
    assert problems_for(subtitles=subtitles, subtitle_type=kind) == []


def test_subtitle_type_bad() -> None:
    assert fields(problems_for(subtitles=True, subtitle_type="char")) == ["subtitleType"]


@pytest.mark.parametrize("model_id", ["", "   ", None])
def test_model_id_required(model_id: object) -> None:
    assert fields(problems_for(model_id=model_id)) == ["modelId"]


# --- production: to_json ----------------------------------------------------------------


def test_to_json_minimal() -> None:
    assert GOOD.to_json() == {
        "modelId": "model_123",
        "contentText": "Welcome to voice cloning.",
        "soundVersion": "v2",
    }


def test_to_json_full() -> None:
    params = ProductionParams(
        model_id=" model_123\n",
        text="你好<#0.5#>世界",
        version="v1",
        language="Chinese",
        emotion="happy",
        speed=1.25,
        vol=2.0,
        pitch=-3,
        subtitles=True,
        subtitle_type=SubtitleType.WORD,
    )
    body = params.to_json()
    assert body == {
        "modelId": "model_123",
        "contentText": "你好<#0.5#>世界",
        "soundVersion": "v1",
        "language": "Chinese",
        "emotion": "happy",
        "speed": 1.25,
        "vol": 2.0,
        "pitch": -3,
        "subtitleEnable": True,
        "subtitleType": "word",
    }
    assert type(body["pitch"]) is int


def test_to_json_sentence_subtitles_omit_type() -> None:
    body = replace(GOOD, subtitles=True, subtitle_type=SubtitleType.SENTENCE).to_json()
    assert body == {**GOOD.to_json(), "subtitleEnable": True}


def test_to_json_word_type_without_subtitles_is_omitted() -> None:
    assert replace(GOOD, subtitle_type=SubtitleType.WORD).to_json() == GOOD.to_json()


def test_to_json_omits_api_defaults_but_keeps_version() -> None:
    params = replace(GOOD, version="v1", language="English", speed=1, vol=1.0, pitch=0)
    assert params.to_json() == {**GOOD.to_json(), "soundVersion": "v1", "language": "English"}


def test_to_json_pitch_whole_float_is_int() -> None:
    body = replace(GOOD, pitch=5.0).to_json()  # type: ignore[arg-type]
    assert body["pitch"] == 5
    assert type(body["pitch"]) is int


def test_to_json_never_alters_invalid_values() -> None:
    body = replace(GOOD, pitch=1.5, speed=3).to_json()  # type: ignore[arg-type]
    assert body["pitch"] == 1.5
    assert body["speed"] == 3


def test_to_json_keeps_text_verbatim() -> None:
    text = "  leading and trailing  \n"
    assert replace(GOOD, text=text).to_json()["contentText"] == text


# --- preview ----------------------------------------------------------------------------


def test_preview_defaults() -> None:
    assert GOOD_PREVIEW.validate() == []
    assert GOOD_PREVIEW.to_json() == {
        "fileUrl": "https://cdn.example.com/voice/sample.mp3",
        "soundVersion": "v2",
    }
    assert GOOD_PREVIEW.effective_text == DEFAULT_PREVIEW_TEXT


def test_preview_to_json_full() -> None:
    params = PreviewParams(
        file_url=" http://example.com/a.WAV?sig=abc ",
        text="Hello there.",
        version="v1",
        language="English",
    )
    assert params.validate() == []
    assert params.to_json() == {
        "fileUrl": "http://example.com/a.WAV?sig=abc",
        "soundVersion": "v1",
        "contentText": "Hello there.",
        "language": "English",
    }
    assert params.effective_text == "Hello there."


@pytest.mark.parametrize("text", ["", "  ", "\n"])
def test_preview_empty_text_uses_the_default_line(text: str) -> None:
    params = replace(GOOD_PREVIEW, text=text)
    assert params.validate() == []
    assert "contentText" not in params.to_json()
    assert params.effective_text == DEFAULT_PREVIEW_TEXT


def test_preview_text_limit() -> None:
    assert replace(GOOD_PREVIEW, text="a" * 269).validate() == []
    assert replace(GOOD_PREVIEW, text="中" * 269).validate() == []
    problems = replace(GOOD_PREVIEW, text="a" * 270).validate()
    assert fields(problems) == ["contentText"]
    assert "269" in problems[0].message
    assert problems[0].allowed == "0 to 269 characters"


def test_preview_text_markers_checked() -> None:
    assert fields(replace(GOOD_PREVIEW, text="Hi <#x#> there").validate()) == ["contentText"]
    assert replace(GOOD_PREVIEW, text="Hi <#1#> there").validate() == []


@pytest.mark.parametrize("ext", CLONE_EXTENSIONS)
def test_preview_every_clone_extension(ext: str) -> None:
    for url in (f"https://x.com/a.{ext}", f"https://x.com/a.{ext.upper()}?x=1#frag"):
        assert PreviewParams(url).validate() == []


@pytest.mark.parametrize(
    "url",
    [
        "https://x.com/a.flac",
        "https://x.com/a.webm",
        "https://x.com/a.m4v",
        "https://x.com/a.jpg",
        "https://x.com/a",
        "https://x.com/",
        "https://x.com/a.mp3.txt",
        "https://x.com/download?file=a.mp3",  # the query is not the file name
    ],
)
def test_preview_bad_extension(url: str) -> None:
    problems = PreviewParams(url).validate()
    assert fields(problems) == ["fileUrl"]
    assert "mp3, ogg, wav, m4a, aac, mp4, avi, mov, mkv, flv" in problems[0].message


@pytest.mark.parametrize(
    "url",
    [
        "ftp://x.com/a.mp3",
        "file:///home/me/a.mp3",
        "/home/me/a.mp3",
        "C:\\Users\\me\\a.mp3",
        "x.com/a.mp3",
        "https:///a.mp3",
    ],
)
def test_preview_url_must_be_http(url: str) -> None:
    problems = PreviewParams(url).validate()
    assert "fileUrl" in fields(problems)
    assert "http:// or https://" in problems[0].message


def test_preview_local_http_is_allowed() -> None:
    assert PreviewParams("http://127.0.0.1:8765/files/sample.wav").validate() == []


@pytest.mark.parametrize(
    "url",
    [
        "https://x.com/声音.mp3",
        "https://x.com/a.mp3?name=张三",
        "https://例子.com/a.mp3",
        "https://x.com/a（1）.mp3",  # fullwidth parentheses
        "https://x.com/a，b.mp3",  # fullwidth comma
        "https://x.com/こんにちは.mp3",
        "https://x.com/안녕.mp3",
    ],
)
def test_preview_url_without_cjk(url: str) -> None:
    problems = PreviewParams(url).validate()
    assert fields(problems) == ["fileUrl"]
    assert "CJK" in problems[0].message


def test_preview_percent_encoded_cjk_is_ascii() -> None:
    assert PreviewParams("https://x.com/%E5%A3%B0.mp3").validate() == []


def test_preview_url_problems_all_reported() -> None:
    problems = PreviewParams("C:\\声音\\a b.flac").validate()
    assert len(problems) == 4
    assert set(fields(problems)) == {"fileUrl"}


@pytest.mark.parametrize("url", ["", "   "])
def test_preview_url_required(url: str) -> None:
    assert fields(PreviewParams(url).validate()) == ["fileUrl"]


def test_preview_language_rules() -> None:
    assert fields(replace(GOOD_PREVIEW, version="v1").validate()) == ["language"]
    assert replace(GOOD_PREVIEW, version="v1", language="Hindi").validate() == []
    assert fields(replace(GOOD_PREVIEW, version="v1", language="Tamil").validate()) == ["language"]
    assert replace(GOOD_PREVIEW, version="v2", language="Tamil").validate() == []


@pytest.mark.parametrize(
    ("url", "ext"),
    [
        ("https://x.com/a.MP3?sig=1", "mp3"),
        ("https://x.com/dir.v2/a.tar.gz", "gz"),
        ("https://x.com/dir.v2/file", ""),
        ("https://x.com/.hidden", ""),
        ("https://x.com/a.wav#t=1", "wav"),
        ("", ""),
    ],
)
def test_url_extension(url: str, ext: str) -> None:
    assert url_extension(url) == ext
