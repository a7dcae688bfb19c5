"""Every field's boundaries: 20002 with a message naming the field and the allowed range."""

from __future__ import annotations

from typing import Any

import pytest

from soundclone_desktop.demo import DEMO_VOICE_ID
from soundclone_desktop.demo.validation import V1_LANGUAGES, V2_ONLY_LANGUAGES

GOOD_URL = "https://cdn.example.com/voice/sample.wav"


def _audio(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "modelId": DEMO_VOICE_ID,
        "contentText": "Hello world.",
        "soundVersion": "v2",
    }
    body.update(changes)
    return {k: v for k, v in body.items() if v is not ...}


def _preview(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"fileUrl": GOOD_URL, "soundVersion": "v2"}
    body.update(changes)
    return {k: v for k, v in body.items() if v is not ...}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"speed": 0.5}, None),
        ({"speed": 2}, None),
        ({"speed": 0.49}, "speed must be from 0.5 to 2 inclusive (got 0.49)"),
        ({"speed": 2.01}, "speed must be from 0.5 to 2 inclusive (got 2.01)"),
        ({"speed": "1"}, "speed must be a number"),
        ({"speed": True}, "speed must be a number"),
        ({"vol": 10}, None),
        ({"vol": 0.01}, None),
        ({"vol": 0}, "vol must be greater than 0 and at most 10 (got 0)"),
        ({"vol": -1}, "vol must be greater than 0 and at most 10"),
        ({"vol": 10.5}, "vol must be greater than 0 and at most 10 (got 10.5)"),
        ({"pitch": -12}, None),
        ({"pitch": 12}, None),
        ({"pitch": 13}, "pitch must be an integer from -12 to 12 (got 13)"),
        ({"pitch": -13}, "pitch must be an integer from -12 to 12 (got -13)"),
        ({"pitch": 1.5}, "pitch must be an integer from -12 to 12 (got 1.5)"),
        ({"pitch": 1.0}, "pitch must be an integer"),
        ({"pitch": "1"}, "pitch must be an integer from -12 to 12 (got '1')"),
        ({"emotion": "surprised"}, None),
        ({"emotion": "calm"}, "emotion must be one of happy, sad, angry, fearful, disgusted"),
        ({"soundVersion": "v1", "language": "English"}, None),
        ({"soundVersion": "v3"}, "soundVersion must be one of v1, v2 (got 'v3')"),
        ({"language": "Chinese,Yue"}, None),
        ({"language": "Klingon"}, "language must be auto or one of the 24 v1 languages"),
        ({"soundVersion": "v1", "language": "Danish"}, "language Danish needs soundVersion v2"),
        ({"soundVersion": "v2", "language": "Danish"}, None),
        ({"soundVersion": "v1", "language": "auto"}, "language auto needs soundVersion v2"),
        ({"soundVersion": "v1"}, "language auto (the default when omitted) needs soundVersion v2"),
        ({"soundVersion": ..., "language": "English"}, None),
        ({"subtitleEnable": True}, None),
        ({"subtitleEnable": True, "subtitleType": "word"}, None),
        ({"subtitleEnable": "yes"}, "subtitleEnable must be true or false"),
        ({"subtitleEnable": True, "subtitleType": "sentence"}, 'subtitleType must be "word"'),
        ({"modelId": ...}, "modelId is required"),
        ({"modelId": ""}, "modelId is required"),
        ({"modelId": "model_nope"}, "modelId 'model_nope' does not exist"),
        ({"contentText": ...}, "contentText is required and must not be empty"),
        ({"contentText": "   "}, "contentText is required and must not be empty"),
        ({"contentText": 5}, "contentText must be a string"),
        ({"contentText": "字" * 9999}, None),
        ({"contentText": "字" * 10000}, "contentText must be at most 9999 characters"),
        ({"speed": None, "vol": None, "pitch": None, "emotion": None}, None),
    ],
)
def test_production_fields(api: Any, changes: dict[str, Any], expected: str | None) -> None:
    response = api.post("soundCloning/audios", _audio(**changes))
    if expected is None:
        assert api.ok(response)["status"] == "queued"
    else:
        assert expected in api.error(response)
    if expected is not None:
        assert api.server.ledger() == []  # a refused request is never charged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello<#0.01#>world", None),
        ("Hello<#99.99#>world", None),
        ("Hello<#1.5#>world<#2#>again", None),
        ("Hello <#1#> world", None),
        ("<#1#>Hello", "pause <#1#> is at the start of the text"),
        ("  <#1#>Hello", "at the start"),
        ("Hello<#1#>", "pause <#1#> is at the end of the text"),
        ("Hello<#1#>\n", "at the end"),
        ("Hello<#1#><#2#>world", "follows another pause; merge consecutive pauses"),
        ("Hello<#1#> <#2#>world", "follows another pause"),
        ("Hello<#0#>world", "pause <#0#> at character 5 is out of range"),
        ("Hello<#0.001#>world", "out of range"),
        ("Hello<#100#>world", "out of range"),
        ("Hello<#1.234#>world", "out of range"),
        ("Hello<#abc#>world", "malformed pause marker <#abc#> at character 5"),
        ("Hello<#1.5world", "malformed pause marker near character 5"),
        ("Hello 1.5#> world", "malformed pause marker near character 9"),
        ("Hello<##>world", "malformed pause marker"),
        ("Hello<#-1#>world", "malformed pause marker"),
    ],
)
def test_pause_markers(api: Any, text: str, expected: str | None) -> None:
    response = api.post("soundCloning/audios", _audio(contentText=text))
    if expected is None:
        api.ok(response)
    else:
        message = api.error(response)
        assert message.startswith("contentText: ") and expected in message
        if "out of range" in expected:  # a pause of the wrong length names the allowed range
            assert "0.01 to 99.99" in message


def test_marker_text_counts_towards_the_length_limit(api: Any) -> None:
    text = "字" * 9993 + "<#1#>" + "字"  # 9,994 billable, 9,999 in all
    api.ok(api.post("soundCloning/audios", _audio(contentText=text)))
    too_long = "字" * 9994 + "<#1#>" + "字"
    assert "at most 9999" in api.error(
        api.post("soundCloning/audios", _audio(contentText=too_long))
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, None),
        ({"fileUrl": "http://cdn.example.com/a.MP3"}, None),
        ({"fileUrl": "https://cdn.example.com/clip.mkv?sig=abc"}, None),
        ({"fileUrl": ...}, "fileUrl is required"),
        ({"fileUrl": ""}, "fileUrl is required"),
        ({"fileUrl": "/home/me/voice.wav"}, "fileUrl must be a public http:// or https:// URL"),
        ({"fileUrl": "file:///home/me/voice.wav"}, "http:// or https://"),
        ({"fileUrl": "ftp://example.com/voice.wav"}, "http:// or https://"),
        ({"fileUrl": "https://cdn.example.com/录音.wav"}, "must not contain Chinese characters"),
        ({"fileUrl": "https://cdn.example.com/a.flac"}, "(got .flac)"),
        ({"fileUrl": "https://cdn.example.com/a.webm"}, "mp3, ogg, wav, m4a, aac, mp4, avi, mov"),
        ({"fileUrl": "https://cdn.example.com/audio"}, "(got no extension)"),
        ({"contentText": "字" * 269}, None),
        ({"contentText": "字" * 270}, "contentText must be at most 269 characters for a preview"),
        ({"contentText": "Hi<#1#>there"}, None),
        ({"contentText": "Hi<#1#>"}, "at the end"),
        ({"soundVersion": "v1", "language": "English"}, None),
        ({"soundVersion": ..., "language": "Chinese"}, None),
        ({"soundVersion": ...}, "language auto (the default when omitted) needs soundVersion v2"),
        ({"language": "Tamil"}, None),
        ({"soundVersion": "v1", "language": "Tamil"}, "language Tamil needs soundVersion v2"),
        ({"soundVersion": "2"}, "soundVersion must be one of v1, v2"),
    ],
)
def test_preview_fields(api: Any, changes: dict[str, Any], expected: str | None) -> None:
    response = api.post("soundCloning/clones", _preview(**changes))
    if expected is None:
        assert api.ok(response)["model"] == "soundCloningClone"
    else:
        assert expected in api.error(response)


def test_language_lists() -> None:
    assert len(V1_LANGUAGES) == 24 and len(V2_ONLY_LANGUAGES) == 16
    assert not set(V1_LANGUAGES) & set(V2_ONLY_LANGUAGES)


@pytest.mark.parametrize("language", V1_LANGUAGES)
def test_every_v1_language_is_accepted_with_v1(api: Any, language: str) -> None:
    api.ok(api.post("soundCloning/audios", _audio(soundVersion="v1", language=language)))


@pytest.mark.parametrize("language", V2_ONLY_LANGUAGES)
def test_every_v2_language_is_accepted_with_v2_only(api: Any, language: str) -> None:
    api.ok(api.post("soundCloning/audios", _audio(soundVersion="v2", language=language)))
    api.error(api.post("soundCloning/audios", _audio(soundVersion="v1", language=language)))


def test_first_problem_wins_in_a_fixed_order(api: Any) -> None:
    body = _audio(contentText="", speed=9, pitch=99)
    assert "contentText" in api.error(api.post("soundCloning/audios", body))
    body = _audio(speed=9, pitch=99)
    assert api.error(api.post("soundCloning/audios", body)).startswith("speed")


def test_subtitle_type_without_subtitles_is_ignored(api: Any) -> None:
    task_id = api.ok(api.post("soundCloning/audios", _audio(subtitleType="word")))["id"]
    assert "subtitleFile" not in api.finish(task_id)
