"""Downloads: size cap, .part clean-up, sniffed type, atomic rename, safe names, and the
token never leaving the API's origin. A plain second HTTP server plays the CDN."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from soundclone_desktop.api import (
    AUDIO_KINDS,
    ConnectionLost,
    DownloadError,
    DownloadTooLarge,
    RetryPolicy,
    ServerError,
    SoundCloneClient,
    UnexpectedContentError,
)
from soundclone_desktop.demo.server import DemoServer
from tests.api.conftest import (
    RecordingServer,
    RetryLog,
    Route,
    RunClient,
    audio_params,
    wait_until_terminal,
)

StartServer = Callable[[], RecordingServer]
WAV = b"RIFF\x24\x08\x00\x00WAVEfmt " + bytes(5000)
NO_RETRY = RetryPolicy(max_attempts=1)


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b"ID3\x04" + bytes(100), "mp3"),
        (b"\xff\xfb\x90\x64" + bytes(100), "mp3"),
        (WAV, "wav"),
        (b"OggS\x00\x02" + bytes(100), "ogg"),
        (b"fLaC" + bytes(100), "flac"),
        (b"\x00\x00\x00\x20ftypM4A " + bytes(100), "m4a"),
        (b'[{"text": "Hi", "time_begin": 0, "time_end": 830}]', "json"),
        (b"1\n00:00:00,000 --> 00:00:00,830\nHi\n", "srt"),
        (b"<html>nope</html>", "bin"),
    ],
)
def test_extension_comes_from_the_bytes(
    recording_server: StartServer, run_client: RunClient, tmp_path: Path, body: bytes, kind: str
) -> None:
    cdn = recording_server()
    # The URL and Content-Type lie; only the bytes count.
    cdn.routes["/result.mp3"] = Route(body=body, headers={"Content-Type": "audio/mpeg"})

    async def run(client: SoundCloneClient) -> None:
        result = await client.download(cdn.url("/result.mp3"), tmp_path / "out", "take")
        assert result.kind == kind and result.size == len(body)
        assert result.path == tmp_path / "out" / f"take.{kind}"
        assert result.path.read_bytes() == body

    run_client("http://127.0.0.1:9", run, token="api-token-1234")
    assert _listing(tmp_path / "out") == [f"take.{kind}"]


def test_size_cap_from_content_length(
    recording_server: StartServer, run_client: RunClient, tmp_path: Path
) -> None:
    cdn = recording_server()
    cdn.routes["/big"] = Route(body=WAV)

    async def run(client: SoundCloneClient) -> None:
        await client.download(cdn.url("/big"), tmp_path / "out", "big", max_bytes=1000)

    with pytest.raises(DownloadTooLarge) as info:
        run_client("http://127.0.0.1:9", run, token="api-token-1234")
    assert info.value.limit == 1000
    assert _listing(tmp_path / "out") == []
    assert len(cdn.seen) == 1  # not retried


def test_size_cap_while_streaming(
    recording_server: StartServer, run_client: RunClient, tmp_path: Path
) -> None:
    cdn = recording_server()
    # No Content-Length: the cap must bite while counting, and the .part must go.
    cdn.routes["/big"] = Route(body=WAV * 50, send_length=False)

    async def run(client: SoundCloneClient) -> None:
        await client.download(cdn.url("/big"), tmp_path / "out", "big", max_bytes=100_000)

    with pytest.raises(DownloadTooLarge):
        run_client("http://127.0.0.1:9", run, token="api-token-1234")
    assert _listing(tmp_path / "out") == []


def test_part_file_removed_when_the_connection_breaks(
    recording_server: StartServer, run_client: RunClient, retry_log: RetryLog, tmp_path: Path
) -> None:
    cdn = recording_server()
    cdn.routes["/cut"] = Route(body=WAV * 20, truncate_to=3000)  # promises more than it sends

    async def run(client: SoundCloneClient) -> None:
        await client.download(cdn.url("/cut"), tmp_path / "out", "cut")

    with pytest.raises(ConnectionLost):
        run_client("http://127.0.0.1:9", run, token="api-token-1234")
    assert _listing(tmp_path / "out") == []
    assert len(cdn.seen) == 4  # a read: retried up to max_attempts


def test_part_file_removed_on_cancellation(recording_server: StartServer, tmp_path: Path) -> None:
    cdn = recording_server()
    cdn.routes["/slow"] = Route(body=WAV * 20, delay=30.0)
    out = tmp_path / "out"
    seen_part: list[bool] = []

    async def main() -> None:
        async with SoundCloneClient("http://127.0.0.1:9", "api-token-1234") as client:

            def progress(received: int, total: int | None) -> None:
                seen_part.append((out / "slow.part").exists())

            task = asyncio.create_task(
                client.download(cdn.url("/slow"), out, "slow", progress=progress)
            )
            while not any(seen_part):
                await asyncio.sleep(0.01)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):  # untouched, not wrapped
                await task

    asyncio.run(main())
    assert _listing(out) == []


def test_atomic_replace_after_fsync(
    recording_server: StartServer,
    run_client: RunClient,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cdn = recording_server()
    new = WAV + b"new" * 50_000  # several chunks, so progress fires mid-stream
    cdn.routes["/take.wav"] = Route(body=new)
    out = tmp_path / "out"
    out.mkdir()
    (out / "take.wav").write_bytes(b"RIFF old take")
    during: list[bytes] = []
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        events.append(f"replace {Path(src).name} -> {Path(dst).name}")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)

    def progress(received: int, total: int | None) -> None:
        if 0 < received < len(new):
            # Mid-download the old file is still whole; the new bytes go to the .part.
            during.append((out / "take.wav").read_bytes())
            assert (out / "take.part").exists()

    async def run(client: SoundCloneClient) -> None:
        await client.download(cdn.url("/take.wav"), out, "take", progress=progress)

    run_client("http://127.0.0.1:9", run, token="api-token-1234")
    assert during and set(during) == {b"RIFF old take"}
    assert (out / "take.wav").read_bytes() == new
    assert _listing(out) == ["take.wav"]
    assert events[:2] == ["fsync", "replace take.part -> take.wav"]


def test_hostile_stem_stays_inside_dest_dir(
    recording_server: StartServer, run_client: RunClient, tmp_path: Path
) -> None:
    cdn = recording_server()
    cdn.routes["/x"] = Route(body=WAV)
    out = tmp_path / "deep" / "out"

    async def run(client: SoundCloneClient) -> Path:
        return (await client.download(cdn.url("/x"), out, "../../etc/passwd")).path

    path = run_client("http://127.0.0.1:9", run, token="api-token-1234")
    assert path.parent == out and path.name == "_.._etc_passwd.wav"
    assert _listing(tmp_path / "deep") == ["out"]


def test_token_goes_to_the_api_origin_only(
    recording_server: StartServer, run_client: RunClient, tmp_path: Path
) -> None:
    api = recording_server()  # plays the API's own host, which may serve files too
    cdn = recording_server()  # another origin (another port)
    api.routes["/files/a.wav"] = Route(status=302, headers={"Location": cdn.url("/a.wav")})
    api.routes["/files/b.wav"] = Route(body=WAV)
    cdn.routes["/a.wav"] = Route(status=307, headers={"Location": "/final.wav"})
    cdn.routes["/final.wav"] = Route(body=WAV)
    cdn.routes["/direct.wav"] = Route(body=WAV)

    async def run(client: SoundCloneClient) -> None:
        await client.download(api.url("/files/a.wav"), tmp_path, "a")  # API → CDN → CDN
        await client.download(api.url("/files/b.wav"), tmp_path, "b")
        await client.download(cdn.url("/direct.wav"), tmp_path, "c")

    run_client(api.base_url, run, token="api-token-1234")
    assert api.requests_to("/files/a.wav")[0]["authorization"] == "Bearer api-token-1234"
    assert api.requests_to("/files/b.wav")[0]["authorization"] == "Bearer api-token-1234"
    assert [r["path"] for r in cdn.seen] == ["/a.wav", "/final.wav", "/direct.wav"]
    assert all("authorization" not in r for r in cdn.seen)


def test_expired_link_is_a_download_error(
    recording_server: StartServer, run_client: RunClient, tmp_path: Path
) -> None:
    cdn = recording_server()
    cdn.routes["/gone"] = Route(status=403, body=b"AccessDenied: Request has expired")

    async def run(client: SoundCloneClient) -> None:
        await client.download(cdn.url("/gone"), tmp_path / "out", "gone")

    with pytest.raises(DownloadError) as info:
        run_client("http://127.0.0.1:9", run, token="api-token-1234")
    assert info.value.http_status == 403 and type(info.value) is DownloadError
    assert len(cdn.seen) == 1 and _listing(tmp_path / "out") == []


def test_server_errors_on_files_are_retried(
    recording_server: StartServer, run_client: RunClient, retry_log: RetryLog, tmp_path: Path
) -> None:
    cdn = recording_server()
    cdn.routes["/busy"] = Route(status=503, headers={"Retry-After": "2"})

    async def run(client: SoundCloneClient) -> None:
        await client.download(cdn.url("/busy"), tmp_path, "busy")

    with pytest.raises(ServerError):
        run_client("http://127.0.0.1:9", run, token="api-token-1234")
    assert len(cdn.seen) == 4 and retry_log.sleeps == [2.0, 2.0, 2.0]


def test_expect_rejects_an_error_page_served_as_200(
    recording_server: StartServer, run_client: RunClient, tmp_path: Path
) -> None:
    cdn = recording_server()
    cdn.routes["/x.mp3"] = Route(body=b"<html>Service unavailable</html>")

    async def run(client: SoundCloneClient) -> None:
        await client.download(cdn.url("/x.mp3"), tmp_path / "out", "x", expect=AUDIO_KINDS)

    with pytest.raises(UnexpectedContentError) as info:
        run_client("http://127.0.0.1:9", run, token="api-token-1234", retry=NO_RETRY)
    assert info.value.kind == "bin"
    assert _listing(tmp_path / "out") == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://host/x.mp3", "/files/x.wav"])
def test_only_http_urls(run_client: RunClient, tmp_path: Path, url: str) -> None:
    async def run(client: SoundCloneClient) -> None:
        await client.download(url, tmp_path, "x")

    with pytest.raises(DownloadError):
        run_client("http://127.0.0.1:9", run, token="api-token-1234")


def test_demo_results_download_with_progress(
    demo_server: DemoServer, run_client: RunClient, tmp_path: Path
) -> None:
    progress: list[tuple[int, int | None]] = []

    async def run(client: SoundCloneClient) -> int:
        task = await client.create_audio(audio_params("A somewhat longer sentence to speak."))
        done = await wait_until_terminal(client, task.id)
        assert done.audio_url
        result = await client.download(
            done.audio_url, tmp_path / "out", "take", progress=lambda a, b: progress.append((a, b))
        )
        return result.size

    size = run_client(demo_server, run)
    assert progress[0] == (0, size) and progress[-1] == (size, size)
