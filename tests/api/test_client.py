"""Every client method's happy path, against the real demo server over loopback."""

from __future__ import annotations

import struct
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from soundclone_desktop.api import (
    USER_AGENT,
    BadRequestError,
    InvalidFileError,
    SoundCloneClient,
    TaskStatus,
)
from soundclone_desktop.core.params import PreviewParams, ProductionParams
from soundclone_desktop.demo.server import DemoServer
from tests.api.conftest import RunClient, api_requests, audio_params, wait_until_terminal


def speech_wav(seconds: float, rate: int = 8000) -> bytes:
    """A silent mono 16-bit WAV of the given length (the demo measures WAV durations)."""
    frames = int(seconds * rate)
    data = b"\x00\x00" * frames
    header = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVE"
    fmt = b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
    return header + fmt + b"data" + struct.pack("<I", len(data)) + data


def test_clone_then_speak_end_to_end(
    demo_server: DemoServer, run_client: RunClient, tmp_path: Path
) -> None:
    source = tmp_path / "voice.wav"
    source.write_bytes(speech_wav(20))
    progress: list[tuple[int, int | None]] = []

    async def body(client: SoundCloneClient) -> None:
        upload = await client.upload_file(source, progress=lambda a, b: progress.append((a, b)))
        assert upload.url.startswith(demo_server.base_url) and upload.url.endswith(".wav")
        assert upload.size == source.stat().st_size and upload.mime_type == "audio/wav"

        preview = await client.create_preview(PreviewParams(file_url=upload.url))
        assert preview.status is TaskStatus.QUEUED and preview.id.startswith("audio_")
        preview = await wait_until_terminal(client, preview.id)
        assert preview.status is TaskStatus.COMPLETED
        assert preview.model == "soundCloningClone"
        assert preview.model_id and preview.audio_url

        task = await client.create_audio(
            ProductionParams(model_id=preview.model_id, text="One, two, three.", subtitles=True)
        )
        done = await wait_until_terminal(client, task.id)
        assert done.status is TaskStatus.COMPLETED and done.audio_url and done.subtitle_url

        audio = await client.download(done.audio_url, tmp_path / "out", "take1")
        assert audio.kind == "mp3" and audio.path == tmp_path / "out" / "take1.mp3"
        assert audio.size == audio.path.stat().st_size > 44
        subtitles = await client.download(done.subtitle_url, tmp_path / "out", "take1")
        assert subtitles.kind == "json" and subtitles.path.name == "take1.json"

    run_client(demo_server, body)
    assert progress[0] == (0, source.stat().st_size)
    assert progress[-1] == (source.stat().st_size, source.stat().st_size)
    charged = {e["item"] for e in demo_server.ledger() if e["kind"] == "charge"}
    assert charged == {"sound-cloning-clone", "sound-cloning-audio", "sound-cloning-voice"}


def test_requests_carry_user_agent_and_bearer_token(
    demo_server: DemoServer, run_client: RunClient
) -> None:
    async def body(client: SoundCloneClient) -> None:
        await client.create_audio(audio_params())

    run_client(demo_server, body)
    (request,) = api_requests(demo_server, "soundCloning/audios")
    headers = {str(k).lower(): v for k, v in dict(request["headers"]).items()}  # type: ignore[call-overload]
    assert headers["user-agent"] == USER_AGENT
    assert headers["content-type"] == "application/json"
    assert request["json"] == audio_params().to_json()


def test_balance_and_key_quota(demo_server: DemoServer, run_client: RunClient) -> None:
    async def body(client: SoundCloneClient) -> tuple[object, object, object]:
        before = await client.get_balance()
        await client.create_audio(audio_params("x" * 100))
        return before, await client.get_balance(), await client.get_key_quota()

    before, after, quota = run_client(demo_server, body)
    assert before.balance == Decimal("100") and before.used == 0
    assert after.available < before.available
    assert after.available == after.balance - after.used
    assert quota.unlimited is True and quota.name == "demo key"


def test_get_task_unknown_id_is_a_bad_request(
    demo_server: DemoServer, run_client: RunClient
) -> None:
    async def body(client: SoundCloneClient) -> None:
        await client.get_task("audio_does-not-exist")

    with pytest.raises(BadRequestError) as info:
        run_client(demo_server, body)
    assert "not found" in (info.value.server_message or "")


def test_validation_error_names_the_field(
    demo_server: DemoServer, run_client: RunClient, retry_log: object
) -> None:
    async def body(client: SoundCloneClient) -> None:
        await client.create_audio(audio_params(speed=5))

    with pytest.raises(BadRequestError) as info:
        run_client(demo_server, body)
    assert info.value.code == 20002 and "speed" in (info.value.server_message or "")
    assert len(api_requests(demo_server)) == 1  # never resent
    assert demo_server.ledger() == []


def test_task_id_is_a_single_path_segment(demo_server: DemoServer, run_client: RunClient) -> None:
    async def body(client: SoundCloneClient) -> None:
        with pytest.raises(BadRequestError):
            await client.get_task("../user/balance")
        with pytest.raises(ValueError):
            await client.get_task("..")

    run_client(demo_server, body)
    (request,) = api_requests(demo_server)
    assert request["path"] == "/api/open-api/v1/audios/..%2Fuser%2Fbalance"


@pytest.mark.parametrize("suffix", ["", "/", "/api/open-api/v1", "/api/open-api/v1/"])
def test_base_url_forms(demo_server: DemoServer, run_client: RunClient, suffix: str) -> None:
    async def body(client: SoundCloneClient) -> object:
        assert client.base_url == demo_server.base_url + "/api/open-api/v1/"
        return await client.get_balance()

    assert run_client(demo_server.base_url + suffix, body, token=demo_server.token)


def test_token_callable_is_read_per_request(
    make_demo_server: Callable[..., DemoServer], run_client: RunClient
) -> None:
    server = make_demo_server(token="key-number-two")
    keys = iter(["wrong-key-one", "key-number-two"])

    async def body(client: SoundCloneClient) -> None:
        with pytest.raises(Exception, match="API key"):
            await client.get_balance()
        await client.get_balance()  # the second read of the provider gives the right key

    run_client(server, body, token=lambda: next(keys))


def test_upload_checks_before_sending(
    demo_server: DemoServer, run_client: RunClient, tmp_path: Path
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    huge = tmp_path / "huge.wav"
    with huge.open("wb") as handle:
        handle.truncate(100_000_001)  # sparse: instant, no disk use

    async def body(client: SoundCloneClient) -> None:
        with pytest.raises(InvalidFileError) as wrong_type:
            await client.upload_file(text)
        assert wrong_type.value.reason == "extension"
        with pytest.raises(InvalidFileError) as too_big:
            await client.upload_file(huge)
        assert too_big.value.reason == "too-large"
        with pytest.raises(FileNotFoundError):
            await client.upload_file(tmp_path / "missing.wav")

    run_client(demo_server, body)
    assert api_requests(demo_server) == []  # nothing reached the server


def test_upload_sends_an_ascii_file_name(
    demo_server: DemoServer, run_client: RunClient, tmp_path: Path
) -> None:
    source = tmp_path / "我的声音.mp3"
    source.write_bytes(b"ID3" + b"\x00" * 2000)

    async def body(client: SoundCloneClient) -> str:
        return (await client.upload_file(source)).url

    url = run_client(demo_server, body)
    assert url.isascii() and url.endswith(".mp3")
    (request,) = api_requests(demo_server, "files/upload")
    assert request["multipart"] == [
        {"name": "file", "filename": "upload.mp3", "content_type": "audio/mpeg", "size": 2003}
    ]
