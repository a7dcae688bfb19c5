"""HTTP behaviour: start/stop, auth, envelope forms, status modes, files, control plane."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from soundclone_desktop.demo import DEMO_TOKEN, DEMO_VOICE_ID, DemoConfig, DemoServer

API = "/api/open-api/v1/"


def test_constants_and_defaults() -> None:
    assert DEMO_TOKEN == "demo-token"
    assert DEMO_VOICE_ID.startswith("model_")
    config = DemoConfig()
    assert (config.token, config.port, config.fail_rate, config.faults) == (DEMO_TOKEN, 0, 0.0, ())
    with pytest.raises(ValueError, match="unknown fault"):
        DemoConfig(faults=("explode",))
    assert DemoConfig(faults=["drop", "slow"]).faults == ("drop", "slow")  # type: ignore[arg-type]


def test_binds_loopback_on_a_random_port_and_stops() -> None:
    with DemoServer(DemoConfig()) as server:
        assert server.base_url.startswith("http://127.0.0.1:")
        assert server.port > 0
        response = httpx.get(server.base_url + API + "user/balance")
        assert response.status_code == 200
        url = server.base_url
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + API + "user/balance", timeout=2)


def test_base_url_needs_a_started_server() -> None:
    with pytest.raises(RuntimeError):
        _ = DemoServer().base_url


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "missing API key"),
        ({"Authorization": "Bearer wrong"}, "invalid API key"),
        ({"Authorization": DEMO_TOKEN}, "invalid API key"),
        ({"Authorization": f"Basic {DEMO_TOKEN}"}, "invalid API key"),
    ],
)
def test_auth_is_required_on_every_api_endpoint(
    demo_server: DemoServer, headers: dict[str, str], message: str
) -> None:
    calls = [
        ("GET", "user/balance", None),
        ("GET", "key/balance", None),
        ("GET", "audios/audio_x", None),
        ("POST", "soundCloning/clones", {"fileUrl": "https://a.example/x.wav"}),
        ("POST", "soundCloning/audios", {"modelId": DEMO_VOICE_ID, "contentText": "hi"}),
    ]
    with httpx.Client(base_url=demo_server.base_url + API, headers=headers) as client:
        for method, path, body in calls:
            response = client.request(method, path, json=body)
            assert response.status_code == 200
            payload = response.json()
            assert payload["code"] == 20001 and message in payload["msg"], (path, payload)
            assert DEMO_TOKEN not in payload["msg"]
        upload = client.post("files/upload", files={"file": ("a.wav", b"RIFF", "audio/wav")})
        assert upload.json()["code"] == 20001
    assert demo_server.ledger() == []


def test_bearer_scheme_is_case_insensitive(demo_server: DemoServer) -> None:
    response = httpx.get(
        demo_server.base_url + API + "user/balance", headers={"Authorization": "bearer demo-token"}
    )
    assert response.json()["code"] == 20000


def test_custom_token(make_demo_server: Callable[..., DemoServer]) -> None:
    server = make_demo_server(token="s3cret")
    url = server.base_url + API + "user/balance"
    assert httpx.get(url, headers={"Authorization": "Bearer s3cret"}).json()["code"] == 20000
    assert httpx.get(url, headers={"Authorization": "Bearer demo-token"}).json()["code"] == 20001


def test_balance_endpoints(api: Any) -> None:
    user = api.ok(api.get("user/balance"))
    assert user == {"balance": 100.0, "used_coin": 0.0, "available": 100.0}
    key = api.ok(api.get("key/balance"))
    assert key["unlimited"] is True and key["total_quota"] == 0.0
    assert set(key) == {"name", "total_quota", "used_quota", "available_quota", "unlimited"}


def test_unknown_paths_and_methods(api: Any) -> None:
    response = api.get("nothing/here")
    assert response.status_code == 404
    assert response.json()["code"] == 20002 and "no such endpoint" in response.json()["msg"]
    assert api.get("/elsewhere").status_code == 404
    wrong = api.get(API + "soundCloning/audios")
    assert wrong.status_code == 405 and wrong.json()["code"] == 20002
    assert api.delete(API + "audios/audio_1").status_code == 405
    assert api.get(api.server.base_url + "/files/none.wav").status_code == 404


def test_unknown_task_id(api: Any) -> None:
    response = api.get("audios/audio_00000000-0000-0000-0000-000000000000")
    assert response.status_code == 200
    assert "not found" in api.error(response)


def test_body_must_be_a_json_object(api: Any) -> None:
    bad = api.post(API + "soundCloning/audios", content=b"{not json")
    assert "not valid JSON" in api.error(bad)
    assert "JSON object" in api.error(api.post("soundCloning/audios", [1, 2]))
    assert "JSON object" in api.error(api.post(API + "soundCloning/audios"))


def test_string_codes(make_demo_server: Callable[..., DemoServer], make_api: Any) -> None:
    api = make_api(make_demo_server(string_codes=True))
    payload = api.get("user/balance").json()
    assert payload["code"] == "20000"
    assert api.post("soundCloning/audios", {}).json()["code"] == "20002"
    assert httpx.get(api.server.base_url + API + "key/balance").json()["code"] == "20001"


def test_http_status_errors(make_demo_server: Callable[..., DemoServer], make_api: Any) -> None:
    api = make_api(make_demo_server(http_status_errors=True))
    assert api.get("user/balance").status_code == 200
    invalid = api.post("soundCloning/audios", {"modelId": DEMO_VOICE_ID, "contentText": ""})
    assert invalid.status_code == 400 and invalid.json()["code"] == 20002
    assert api.get("audios/audio_missing").status_code == 404
    unauthorized = httpx.get(api.server.base_url + API + "user/balance")
    assert unauthorized.status_code == 401 and unauthorized.json()["code"] == 20001
    api.server.inject("envelope")
    assert api.get("user/balance").json()["code"] == -1  # an envelope fault stays HTTP 200


def test_default_mode_sends_errors_with_http_200(api: Any) -> None:
    response = api.post("soundCloning/audios", {"modelId": DEMO_VOICE_ID})
    assert response.status_code == 200 and response.json()["code"] == 20002


def test_requests_log_keeps_bodies_without_authorization(api: Any) -> None:
    body = {"modelId": DEMO_VOICE_ID, "contentText": "Hi there.", "soundVersion": "v2"}
    api.post("soundCloning/audios", body, headers={"X-Trace": "t1"})
    api.get("user/balance")
    log = api.server.requests_log()
    assert [(e["method"], e["path"]) for e in log] == [
        ("POST", API + "soundCloning/audios"),
        ("GET", API + "user/balance"),
    ]
    assert log[0]["json"] == body and log[0]["code"] == 20000 and log[0]["status"] == 200
    assert log[0]["headers"]["X-Trace"] == "t1"
    for entry in log:
        assert all(name.lower() != "authorization" for name in entry["headers"])
        assert DEMO_TOKEN not in str(entry)
    over_http = httpx.get(api.server.base_url + "/_demo/requests").json()
    assert over_http == api.server.requests_log()


def test_demo_control_plane(api: Any) -> None:
    base = api.server.base_url
    before = api.server.clock.now()
    moved = api.http.post(base + "/_demo/clock", json={"advance": 120}).json()
    assert moved["now"] == pytest.approx(before + 120)
    assert api.http.get(base + "/_demo/ledger").json() == []
    info = api.http.get(base + "/_demo/info").json()
    assert info["prices"]["sound-cloning-voice"] == {"per_task": 0.5}
    assert api.http.post(base + "/_demo/faults", json={"kind": "envelope"}).json() == {"ok": True}
    assert api.get("user/balance").json()["code"] == -1
    assert api.http.post(base + "/_demo/faults", json={"kind": "nope"}).status_code == 400
    assert api.http.post(base + "/_demo/clock", json={"advance": -1}).status_code == 400
    assert api.http.get(base + "/_demo/unknown").status_code == 404
    api.http.post(base + "/_demo/fail-tasks", json={"count": 1, "error": "boom"})
    assert api.finish(api.audio())["error"] == "boom"


def test_concurrent_requests(api: Any, make_api: Any) -> None:
    errors: list[BaseException] = []
    ids: list[str] = []
    lock = threading.Lock()

    def work() -> None:
        client = make_api(api.server)
        try:
            for _ in range(5):
                task_id = client.audio("并发测试。")
                with lock:
                    ids.append(task_id)
                client.ok(client.get("user/balance"))
        except BaseException as exc:  # collected for the main thread
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(set(ids)) == 40
    ledger = api.server.ledger()
    assert len(ledger) == 80  # audio + voice fee per task, none lost or doubled
    assert {e["taskId"] for e in ledger} == set(ids)


def test_stop_is_prompt_with_a_handler_asleep_in_a_timeout_fault() -> None:
    server = DemoServer(DemoConfig(fault_delay=60)).start()
    server.inject("timeout")
    caught: list[BaseException] = []

    def call() -> None:
        try:
            httpx.get(server.base_url + API + "user/balance", timeout=30)
        except httpx.HTTPError as exc:
            caught.append(exc)

    thread = threading.Thread(target=call)
    thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 2
    thread.join(5)
    assert not thread.is_alive() and caught


def test_stop_closes_idle_keep_alive_connections(demo_server: DemoServer) -> None:
    with httpx.Client(base_url=demo_server.base_url) as client:
        assert client.get(API + "user/balance").status_code == 200
        started = time.monotonic()
        demo_server.stop()
        assert time.monotonic() - started < 2
        with pytest.raises(httpx.TransportError):
            client.get(API + "user/balance", timeout=2)


def test_restart_on_the_same_port_keeps_the_state(make_api: Any) -> None:
    server = DemoServer(DemoConfig(task_seconds=0))
    try:
        server.start()
        port = server.port
        api = make_api(server)
        task_id = api.audio("Before the restart.")
        server.stop()
        server.start()  # the same object: same port is not promised, state is
        assert server.port != 0
        api = make_api(server)
        assert api.task(task_id)["status"] == "completed"
        server.stop()
        again = DemoServer(DemoConfig(port=port)).start()  # an explicit port can be reused
        assert again.port == port
        again.stop()
    finally:
        server.stop()


def test_files_refuse_other_methods(api: Any) -> None:
    url = api.upload("a.wav", b"RIFF....")["url"]
    assert api.http.delete(url).status_code == 405
