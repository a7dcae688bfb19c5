"""The ledger follows reference §4/§5/§10: charges at acceptance, markers free, refunds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from soundclone_desktop.demo import DEMO_VOICE_ID, DemoServer


def _charges(api: Any, task_id: str) -> list[dict[str, Any]]:
    return [e for e in api.server.ledger() if e["taskId"] == task_id and e["kind"] == "charge"]


def test_production_charges_text_and_one_voice_fee(api: Any) -> None:
    text = "你好，世界。<#1.5#>Hello world!<#0.25#>再见"
    task_id = api.audio(text)
    charges = _charges(api, task_id)
    chars = len(text) - len("<#1.5#>") - len("<#0.25#>")
    assert [(c["item"], c["chars"]) for c in charges] == [
        ("sound-cloning-audio", chars),
        ("sound-cloning-voice", 0),
    ]
    assert charges[0]["amount"] == pytest.approx(chars * 20 / 10000)
    assert charges[1]["amount"] == 0.5
    for entry in charges:
        assert entry["time"] == api.server.clock.now() and entry["refunded"] is False
    api.finish(task_id)
    assert len(_charges(api, task_id)) == 2  # polling and completion add nothing


def test_preview_charges_its_text_without_markers(api: Any) -> None:
    task_id = api.preview(fileUrl="https://cdn.example.com/a.wav", contentText="ab<#2#>cd")
    [charge] = _charges(api, task_id)
    assert (charge["item"], charge["chars"]) == ("sound-cloning-clone", 4)
    assert charge["amount"] == pytest.approx(4 * 10 / 10000)


@pytest.mark.parametrize("text", [None, ""])
def test_preview_without_text_bills_the_44_character_default_line(api: Any, text: Any) -> None:
    body = {"fileUrl": "https://cdn.example.com/a.wav"}
    if text is not None:
        body["contentText"] = text
    task_id = api.preview(**body)
    [charge] = _charges(api, task_id)
    assert charge["chars"] == 44


def test_failed_preview_is_refunded(api: Any, wav: Callable[..., bytes]) -> None:
    url = api.upload("short.wav", wav(10))["url"]
    task_id = api.preview(fileUrl=url)
    assert api.ok(api.get("user/balance"))["used_coin"] == pytest.approx(0.044)
    assert api.finish(task_id)["status"] == "failed"
    entries = [e for e in api.server.ledger() if e["taskId"] == task_id]
    assert [(e["kind"], e["amount"]) for e in entries] == [("charge", 0.044), ("refund", -0.044)]
    assert entries[0]["refunded"] is True
    assert api.ok(api.get("user/balance")) == {"balance": 100.0, "used_coin": 0.0,
                                               "available": 100.0}  # fmt: skip


def test_failed_production_is_refunded_by_default(api: Any) -> None:
    api.server.fail_next_tasks(1)
    task_id = api.audio("abc")
    api.finish(task_id)
    entries = [e for e in api.server.ledger() if e["taskId"] == task_id]
    assert [e["kind"] for e in entries] == ["charge", "charge", "refund", "refund"]
    assert sum(e["amount"] for e in entries) == pytest.approx(0)


def test_production_refund_can_be_switched_off(
    make_manual_server: Callable[..., DemoServer], make_api: Callable[..., Any]
) -> None:
    api = make_api(make_manual_server(refund_failed_production=False))
    api.server.fail_next_tasks(1)
    task_id = api.audio("abc")
    api.finish(task_id)
    assert [e["kind"] for e in api.server.ledger() if e["taskId"] == task_id] == ["charge"] * 2


def test_balance_decreases_and_ledger_is_served_over_http(api: Any) -> None:
    api.audio("a" * 100)
    api.audio("b" * 50)
    balance = api.ok(api.get("user/balance"))
    expected = 150 * 20 / 10000 + 2 * 0.5
    assert balance["used_coin"] == pytest.approx(expected)
    assert balance["available"] == pytest.approx(100 - expected)
    key = api.ok(api.get("key/balance"))
    assert key["used_quota"] == pytest.approx(expected)
    assert api.http.get(api.base + "/_demo/ledger").json() == api.server.ledger()


def test_insufficient_balance_refuses_the_task_without_charging(
    make_manual_server: Callable[..., DemoServer], make_api: Callable[..., Any]
) -> None:
    api = make_api(make_manual_server(balance=1.0))
    api.audio("a" * 100)  # 0.2 + 0.5
    response = api.post(
        "soundCloning/audios",
        {"modelId": DEMO_VOICE_ID, "contentText": "b" * 100, "soundVersion": "v2"},
    )
    message = api.error(response)
    assert message.startswith("insufficient balance") and "0.7" in message
    assert len(api.server.ledger()) == 2
    assert len([e for e in api.server.requests_log() if e["method"] == "POST"]) == 2


def test_key_quota_is_enforced(
    make_manual_server: Callable[..., DemoServer], make_api: Callable[..., Any]
) -> None:
    api = make_api(make_manual_server(key_quota=0.6))
    key = api.ok(api.get("key/balance"))
    assert (key["unlimited"], key["available_quota"]) == (False, 0.6)
    api.audio("a")
    assert "quota" in api.error(
        api.post(
            "soundCloning/audios",
            {"modelId": DEMO_VOICE_ID, "contentText": "b", "soundVersion": "v2"},
        )
    )


def test_refused_requests_are_never_charged(api: Any) -> None:
    api.post("soundCloning/audios", {"modelId": DEMO_VOICE_ID, "contentText": "x", "speed": 9})
    api.post("soundCloning/audios", {"modelId": "model_unknown", "contentText": "x"})
    api.post("soundCloning/clones", {"fileUrl": "https://x.example/a.txt"})
    assert api.server.ledger() == []


def test_a_refused_create_does_not_use_up_a_forced_failure(
    make_manual_server: Callable[..., DemoServer], make_api: Callable[..., Any]
) -> None:
    api = make_api(make_manual_server(balance=0.6))
    api.server.fail_next_tasks(1)
    body = {"modelId": DEMO_VOICE_ID, "contentText": "b" * 1000, "soundVersion": "v2"}
    assert "insufficient balance" in api.error(api.post("soundCloning/audios", body))
    assert api.finish(api.audio("a"))["status"] == "failed"  # 0.502: accepted, then fails
