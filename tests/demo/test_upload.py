"""POST files/upload: multipart parsing, limits, formats and the public URL it returns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from soundclone_desktop.demo import DemoServer

API = "/api/open-api/v1/"


def test_upload_returns_a_public_ascii_url(api: Any, wav: Callable[..., bytes]) -> None:
    data = wav(1)
    result = api.upload("我的 录音(1).wav", data)
    assert result["filename"] == "我的 录音(1).wav"
    assert (result["size"], result["mime_type"]) == (len(data), "audio/wav")
    url = result["url"]
    assert url.startswith(api.server.base_url + "/files/") and url.isascii()
    assert url.endswith(".wav") and " " not in url
    served = api.fetch(url)  # no Authorization needed
    assert served.status_code == 200 and served.content == data
    assert served.headers["content-type"] == "audio/wav"
    assert int(served.headers["content-length"]) == len(data)
    entry = api.server.requests_log()[-1]
    assert entry["multipart"] == [{"name": "file", "filename": "我的 录音(1).wav",
                                   "content_type": "audio/wav", "size": len(data)}]  # fmt: skip


def test_uploaded_url_is_a_valid_clone_source(api: Any, wav: Callable[..., bytes]) -> None:
    url = api.upload("源.wav", wav(20))["url"]
    assert api.finish(api.preview(fileUrl=url))["status"] == "completed"


@pytest.mark.parametrize(
    ("name", "mime"),
    [("a.MP3", "audio/mpeg"), ("b.flac", "audio/flac"), ("c.webm", "video/webm"),
     ("d.jpeg", "image/jpeg"), ("e.m4a", "audio/mp4"), ("f.svg", "image/svg+xml")],
)  # fmt: skip
def test_upload_formats(api: Any, name: str, mime: str) -> None:
    assert api.upload(name, b"0123456789")["mime_type"] == mime


@pytest.mark.parametrize("name", ["notes.txt", "voice", "archive.wav.zip"])
def test_upload_refuses_other_formats(api: Any, name: str) -> None:
    response = api.post(API + "files/upload", files={"file": (name, b"x", "text/plain")})
    assert "is not accepted" in api.error(response)


def test_upload_needs_the_file_field(api: Any) -> None:
    response = api.post(API + "files/upload", files={"upload": ("a.wav", b"x", "audio/wav")})
    assert "field named file" in api.error(response)
    assert "multipart/form-data" in api.error(api.post(API + "files/upload", content=b"x"))
    empty = api.post(API + "files/upload", files={"file": ("a.wav", b"", "audio/wav")})
    assert "empty" in api.error(empty)


def test_upload_size_limit(
    make_manual_server: Callable[..., DemoServer], make_api: Callable[..., Any]
) -> None:
    api = make_api(make_manual_server(max_upload_bytes=1000))
    assert api.upload("ok.wav", b"x" * 1000)["size"] == 1000
    too_big = api.post(API + "files/upload", files={"file": ("big.wav", b"x" * 1001, "audio/wav")})
    assert "exceeds the upload limit" in api.error(too_big)
    # Far over the limit: refused from Content-Length, before the body is read.
    huge = api.post(API + "files/upload", files={"file": ("huge.wav", b"x" * 200_000, "a/b")})
    assert "exceeds the upload limit" in api.error(huge)
    assert api.ok(api.get("user/balance"))  # the server is still fine


def test_default_limit_is_100_mib() -> None:
    from soundclone_desktop.demo import DemoConfig

    assert DemoConfig().max_upload_bytes == 100 * 1024 * 1024


def test_chunked_upload(api: Any, wav: Callable[..., bytes]) -> None:
    data = wav(2)
    boundary = "----demo-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f"filename*=UTF-8''%E5%A3%B0.wav\r\nContent-Type: audio/wav\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )

    def pieces() -> Any:
        for start in range(0, len(body), 7000):
            yield body[start : start + 7000]

    response = api.post(
        API + "files/upload",
        content=pieces(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    result = api.ok(response)
    assert (result["filename"], result["size"]) == ("声.wav", len(data))
    assert api.fetch(result["url"]).content == data


def test_files_need_no_auth_but_api_does(api: Any) -> None:
    url = api.upload("a.wav", b"RIFF....")["url"]
    assert httpx.get(url).status_code == 200
