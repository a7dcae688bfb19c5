"""The demo's hostile modes (``quirks`` and the file faults): what they send is what the client
tests of issue 11 items 7 and 9 rely on, checked here with a plain HTTP client."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from soundclone_desktop.demo import DemoConfig, DemoServer
from soundclone_desktop.demo.quirks import QUIRKS
from tests.demo.conftest import Api

TOKEN = "fake-echo-key-0001"


@pytest.fixture
def hostile(
    make_manual_server: Callable[..., DemoServer], make_api: Callable[..., Api]
) -> Callable[..., Api]:
    def start(*quirks: str) -> Api:
        return make_api(make_manual_server(token=TOKEN, quirks=quirks), TOKEN)

    return start


def _finished(api: Api, **body: object) -> dict[str, object]:
    task_id = api.audio("Hello there. Goodbye.", **body)
    api.server.advance_clock(3600)
    return api.task(task_id)


def test_status_words_and_snake_case(hostile: Callable[..., Api]) -> None:
    api = hostile("status-words", "snake-case")
    data = _finished(api)
    assert data["status"] in ("success", "succeeded", "finished")
    assert "audio_url" in data and "audioUrl" not in data


def test_inline_subtitles(hostile: Callable[..., Api]) -> None:
    api = hostile("inline-subtitles")
    shapes = set()
    for _ in range(40):  # the shape is drawn from the random task id: all three, surely
        inline = _finished(api, subtitleEnable=True)["subtitleFile"]
        assert isinstance(inline, str | list)
        is_url = isinstance(inline, str) and inline.startswith("http://")
        shapes.add("url" if is_url else type(inline).__name__)
        if not is_url:
            cues = json.loads(inline) if isinstance(inline, str) else inline
            assert isinstance(cues, list) and cues[0]["text"].startswith("Hello")
    assert shapes == {"url", "list", "str"}


def test_vtt_subtitles(hostile: Callable[..., Api]) -> None:
    api = hostile("vtt-subtitles")
    data = _finished(api, subtitleEnable=True)
    body = api.fetch(str(data["subtitleFile"])).text
    assert body.startswith("WEBVTT\n\n00:00:00.000 --> ") and "Hello there." in body


def test_echo_key_in_task_errors_and_envelopes(hostile: Callable[..., Api]) -> None:
    api = hostile("echo-key")
    api.server.fail_next_tasks(1, "synthesis failed")
    data = _finished(api)
    assert TOKEN in str(data["error"]) and TOKEN in str(data["note"])
    assert TOKEN in api.error(api.get("audios/no-such-task"))


@pytest.mark.parametrize(
    ("kind", "status", "check"),
    [
        ("notfound", 404, lambda r: True),
        ("file-redirect", 302, lambda r: r.headers["Location"].startswith("file://")),
        ("echo-page", 200, lambda r: r.text.startswith(TOKEN)),
    ],
)
def test_file_faults(
    hostile: Callable[..., Api], kind: str, status: int, check: Callable[..., bool]
) -> None:
    api = hostile()
    data = _finished(api)
    api.server.inject(kind, path_contains="/files/")
    response = api.fetch(str(data["audioUrl"]))
    assert response.status_code == status and check(response)
    assert api.fetch(str(data["audioUrl"])).status_code == 200  # one request only


def test_unknown_quirks_are_refused() -> None:
    with pytest.raises(ValueError):
        DemoConfig(quirks=("friendly",))
    assert DemoConfig(quirks=",".join(QUIRKS)).quirks == QUIRKS  # type: ignore[arg-type]
