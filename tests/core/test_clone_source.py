"""core.clone_source: what the clone wizard refuses before anything is uploaded or paid."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from soundclone_desktop.core.clone_source import (
    CheckLevel,
    SourceCheck,
    blocking,
    check_duration,
    check_file,
    check_url,
    file_extension,
    format_seconds,
    is_private_host,
    is_wav_name,
    origin,
)
from soundclone_desktop.core.params import (
    CLONE_EXTENSIONS,
    MAX_CLONE_SECONDS,
    MIN_CLONE_SECONDS,
    UPLOAD_MAX_BYTES,
    PreviewParams,
)

DEMO = "http://127.0.0.1:8765"


def codes(checks: list[SourceCheck]) -> list[str]:
    return [c.code for c in checks]


# -- files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("ext", CLONE_EXTENSIONS)
def test_every_clone_extension_passes_in_any_case(ext: str) -> None:
    assert check_file(f"/home/me/sample.{ext}", 1000) == []
    assert check_file(f"C:\\Voice\\SAMPLE.{ext.upper()}", 1000) == []


@pytest.mark.parametrize("ext", ["flac", "webm", "m4v"])
def test_upload_only_formats_ask_for_conversion(ext: str) -> None:
    [check] = check_file(f"sample.{ext}", 1000)
    assert check.code == "file-convert" and check.blocking
    assert f".{ext}" in check.message and "convert" in check.message
    assert check.params["ext"] == ext


@pytest.mark.parametrize(("name", "shown"), [("notes.txt", ".txt"), ("README", "no extension")])
def test_other_files_are_refused_naming_the_allowed_types(name: str, shown: str) -> None:
    [check] = check_file(name, 10)
    assert check.code == "file-extension"
    assert shown in check.message and "mp3, ogg, wav" in check.message


def test_empty_and_oversized_files_are_refused() -> None:
    assert codes(check_file("a.wav", 0)) == ["file-empty"]
    assert check_file("a.wav", UPLOAD_MAX_BYTES) == []
    [big] = check_file("a.wav", UPLOAD_MAX_BYTES + 1)
    assert big.code == "file-too-large" and "100 MB" in big.message
    assert big.params == {"size": UPLOAD_MAX_BYTES + 1, "limit": UPLOAD_MAX_BYTES}


def test_a_missing_file_is_one_error() -> None:
    assert codes(check_file("gone.flac", None)) == ["file-missing"]


def test_extension_and_size_problems_are_reported_together() -> None:
    assert codes(check_file("x.flac", 0)) == ["file-convert", "file-empty"]


def test_file_extension_and_wav_detection() -> None:
    assert file_extension("/a.b/c.WAV") == "wav"
    assert file_extension(".wav") == ""  # a hidden file without an extension
    assert file_extension("dir\\take.Mp3") == "mp3"
    assert is_wav_name("x.wav") and not is_wav_name("x.mp3")


# -- duration ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (10.0, ["duration-short"]),
        (15.0, ["duration-short"]),  # "more than 15 s": exactly 15 is refused
        (15.01, ["duration-near"]),
        (19.99, ["duration-near"]),
        (20.0, []),
        (59.99, []),
        (60.0, ["duration-long"]),  # "less than 60 s"
        (70.0, ["duration-long"]),
        (None, ["duration-unknown"]),
    ],
)
def test_duration_bounds(seconds: float | None, expected: list[str]) -> None:
    assert codes(check_duration(seconds)) == expected


def test_duration_messages_name_the_length_and_the_range() -> None:
    [short] = check_duration(10.0)
    assert "10.0 s" in short.message and "more than 15 s and less than 60 s" in short.message
    [long] = check_duration(70.0)
    assert "70.0 s" in long.message and "under 60 s" in long.message
    [unknown] = check_duration(None)
    assert unknown.level is CheckLevel.WARNING and not unknown.blocking
    assert format_seconds(15.04) == "15.0"


@given(st.floats(min_value=0, max_value=10_000, allow_nan=False))
@example(float(MIN_CLONE_SECONDS))
@example(float(MAX_CLONE_SECONDS))
def test_duration_blocks_exactly_outside_the_open_interval(seconds: float) -> None:
    checks = check_duration(seconds)
    assert blocking(checks) == (not MIN_CLONE_SECONDS < seconds < MAX_CLONE_SECONDS)
    assert len(checks) <= 1


# -- web addresses -------------------------------------------------------------------------


def test_a_public_https_url_passes() -> None:
    assert check_url("https://cdn.example.com/voices/sample.MP3?sig=abc#t=1") == []
    assert check_url("  http://8.8.8.8/a/b.wav  ") == []


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("", "url-empty"),
        ("   ", "url-empty"),
        ("ftp://example.com/a.wav", "url-scheme"),
        ("file:///home/me/a.wav", "url-scheme"),
        ("C:\\voices\\a.wav", "url-scheme"),
        ("example.com/a.wav", "url-scheme"),
        ("http://localhost/a.wav", "url-private"),
        ("http://127.0.0.1:9000/a.wav", "url-private"),
        ("http://192.168.1.20/a.wav", "url-private"),
        ("http://10.0.0.5/a.wav", "url-private"),
        ("http://[::1]:80/a.wav", "url-private"),
        ("http://[fe80::1]/a.wav", "url-private"),
        ("http://nas/a.wav", "url-private"),
        ("http://printer.local/a.wav", "url-private"),
        ("https://example.com/my voice.wav", "url-spaces"),
        ("https://example.com/a.txt", "url-extension"),
        ("https://example.com/download", "url-extension"),
        ("https://example.com/a.flac", "url-extension"),
    ],
)
def test_url_rules(url: str, code: str) -> None:
    assert code in codes(check_url(url))
    assert blocking(check_url(url))


def test_chinese_characters_are_refused_and_named() -> None:
    [check] = check_url("https://example.com/声音/sample.wav")
    assert check.code == "url-chinese"
    assert check.params["char"] == "声"
    assert "Chinese" in check.message
    # Percent-encoded Chinese is plain ASCII to the API.
    assert check_url("https://example.com/%E5%A3%B0/sample.wav") == []


def test_the_demo_servers_own_address_is_trusted_only_when_given() -> None:
    url = f"{DEMO}/files/uploads/sample.wav"
    assert codes(check_url(url)) == ["url-private"]
    assert check_url(url, trusted=[DEMO]) == []
    assert check_url(url, trusted=[f"{DEMO}/"]) == []
    # Another port on the same host is not the demo server.
    assert codes(check_url("http://127.0.0.1:9/a.wav", trusted=[DEMO])) == ["url-private"]
    # Trust never lifts the other rules.
    assert codes(check_url(f"{DEMO}/声.wav", trusted=[DEMO])) == ["url-chinese"]


def test_origin_and_private_hosts() -> None:
    assert origin("HTTPS://Example.COM/x") == ("https", "example.com", 443)
    assert origin("http://a.b:8080/") == ("http", "a.b", 8080)
    assert origin("http://a.b:99999/") is None
    assert origin("mailto:x@y.z") is None
    assert is_private_host("LOCALHOST.") and is_private_host("100.64.0.1")
    assert not is_private_host("example.com") and not is_private_host("1.1.1.1")


_SAFE_PATH = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_/", max_size=30)


@given(_SAFE_PATH, st.sampled_from(CLONE_EXTENSIONS))
def test_urls_that_pass_here_also_pass_the_request_validation(path: str, ext: str) -> None:
    url = f"https://media.example.org/{path}/clip.{ext}"
    assert check_url(url) == []
    assert PreviewParams(file_url=url).validate() == []


@given(st.text(max_size=60))
@example("http://例子.com/a.wav")
@example("https://x.com/\u3000.wav")
def test_anything_the_request_validation_refuses_is_refused_here(url: str) -> None:
    """check_url is at least as strict as PreviewParams.validate on fileUrl."""
    if PreviewParams(file_url=url).validate():
        assert blocking(check_url(url))
