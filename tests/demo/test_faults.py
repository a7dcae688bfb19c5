"""Fault injection: every kind, its timing relative to processing, scopes and seeds."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from soundclone_desktop.demo import FAULT_KINDS, DemoServer

API = "/api/open-api/v1/"


def _body() -> dict[str, Any]:
    return {"modelId": "model_demo_narrator", "contentText": "Hello.", "soundVersion": "v2"}


def test_http500_answers_before_processing(api: Any) -> None:
    api.server.inject("http500")
    response = api.post("soundCloning/audios", _body())
    assert response.status_code == 500 and response.json()["code"] == -1
    assert api.server.ledger() == []  # nothing was created or charged
    assert api.server.requests_log()[-1]["fault"] == "http500"


def test_envelope_error_answers_before_processing(api: Any) -> None:
    api.server.inject("envelope")
    response = api.post("soundCloning/audios", _body())
    assert response.status_code == 200
    assert response.json() == {"code": -1, "msg": "upstream service error, please retry",
                               "data": None}  # fmt: skip
    assert api.server.ledger() == []


def test_http429_has_retry_after(api: Any) -> None:
    api.server.inject("http429")
    response = api.post("soundCloning/audios", _body())
    assert response.status_code == 429 and response.headers["retry-after"] == "1"
    assert response.json()["code"] == -1
    assert api.server.ledger() == []


def test_drop_after_processing_loses_the_answer_but_not_the_task(api: Any) -> None:
    api.server.inject("drop")
    with pytest.raises(httpx.RemoteProtocolError):
        api.post("soundCloning/audios", _body())
    assert len(api.server.ledger()) == 2  # the task exists and was charged
    assert api.server.requests_log()[-1]["code"] == 20000


def test_malformed_after_processing(api: Any) -> None:
    api.server.inject("malformed")
    response = api.post("soundCloning/audios", _body())
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    with pytest.raises(ValueError):
        response.json()
    assert len(api.server.ledger()) == 2


def test_timeout_after_processing(
    make_manual_server: Callable[..., DemoServer], make_api: Callable[..., Any]
) -> None:
    api = make_api(make_manual_server(fault_delay=0.4))
    api.server.inject("timeout")
    with pytest.raises(httpx.ReadTimeout):
        api.post("soundCloning/audios", _body(), timeout=0.2)
    assert len(api.server.ledger()) == 2  # processed before the wait began

    api.server.inject("timeout")
    started = time.monotonic()
    with pytest.raises(httpx.RemoteProtocolError):  # a patient client sees the hang-up
        api.get("user/balance", timeout=5)
    assert time.monotonic() - started >= 0.4


def test_slow_answers_normally_after_a_delay(
    make_manual_server: Callable[..., DemoServer], make_api: Callable[..., Any]
) -> None:
    api = make_api(make_manual_server(slow_delay=0.3))
    api.server.inject("slow")
    started = time.monotonic()
    api.ok(api.get("user/balance"))
    assert time.monotonic() - started >= 0.3


def test_faults_hit_file_downloads_but_never_the_control_plane(api: Any) -> None:
    done = api.finish(api.audio("Hi."))
    api.server.inject("http500", count=3)
    assert api.http.get(api.base + "/_demo/ledger").status_code == 200
    assert api.fetch(done["audioUrl"]).status_code == 500
    assert api.fetch(done["audioUrl"]).status_code == 500
    assert api.get("user/balance").status_code == 500
    assert api.fetch(done["audioUrl"]).status_code == 200


def test_injection_by_path(api: Any) -> None:
    api.server.inject("envelope", count=2, path_contains="/audios/")
    task_id = api.audio("Hi.")  # POST .../soundCloning/audios has no "/audios/" segment
    api.ok(api.get("user/balance"))
    assert api.get(f"audios/{task_id}").json()["code"] == -1
    assert api.get(f"audios/{task_id}").json()["code"] == -1
    api.task(task_id)


def _fault_sequence(server: DemoServer, http: httpx.Client, calls: int = 40) -> list[str]:
    outcome = []
    for _ in range(calls):
        try:
            response = http.get(
                server.base_url + API + "user/balance",
                headers={"Authorization": "Bearer demo-token"},
                timeout=2,
            )
            outcome.append(f"{response.status_code}:{response.text[:20]}")
        except httpx.HTTPError as exc:
            outcome.append(type(exc).__name__)
    return outcome


def test_seeded_faults_repeat(
    make_demo_server: Callable[..., DemoServer], http: httpx.Client
) -> None:
    options = {"fail_rate": 0.5, "faults": ("http500", "envelope", "drop", "malformed", "http429")}
    first = _fault_sequence(make_demo_server(seed=7, **options), http)
    again = _fault_sequence(make_demo_server(seed=7, **options), http)
    other = _fault_sequence(make_demo_server(seed=8, **options), http)
    assert first == again
    assert first != other
    assert 8 < sum(1 for o in first if not o.startswith('200:{"code": 20000')) < 32
    for kind in ("500:", "429:", "RemoteProtocolError"):
        assert any(o.startswith(kind) for o in first), kind


@pytest.mark.parametrize("kind", FAULT_KINDS)
def test_every_kind_is_reproducible_with_a_seed(
    make_demo_server: Callable[..., DemoServer], http: httpx.Client, kind: str
) -> None:
    options = {"fail_rate": 0.3, "faults": (kind,), "seed": 3, "fault_delay": 0.05,
               "slow_delay": 0.05}  # fmt: skip
    first = [o.split(":")[0] for o in _fault_sequence(make_demo_server(**options), http, 12)]
    again = [o.split(":")[0] for o in _fault_sequence(make_demo_server(**options), http, 12)]
    assert first == again


def test_fault_scope_reads_spares_creates(
    make_demo_server: Callable[..., DemoServer], make_api: Callable[..., Any]
) -> None:
    api = make_api(make_demo_server(fail_rate=1.0, faults=("envelope",), fault_scope="reads"))
    for _ in range(3):
        api.audio("Hi.")
    assert api.get("user/balance").json()["code"] == -1


def test_fault_scope_creates_spares_reads(
    make_demo_server: Callable[..., DemoServer], make_api: Callable[..., Any]
) -> None:
    api = make_api(make_demo_server(fail_rate=1.0, faults=("envelope",), fault_scope="creates"))
    api.ok(api.get("user/balance"))
    assert api.post("soundCloning/audios", _body()).json()["code"] == -1
    upload = api.http.post(api.base + API + "files/upload", headers=api.auth,
                           files={"file": ("a.wav", b"RIFF", "audio/wav")})  # fmt: skip
    assert upload.json()["code"] == -1


def test_inject_rejects_unknown_kinds(demo_server: DemoServer) -> None:
    with pytest.raises(ValueError):
        demo_server.inject("meteor")
    with pytest.raises(ValueError):
        demo_server.inject("drop", count=0)
