"""Lenient parsing of task, upload, balance and quota answers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from soundclone_desktop.api import (
    Balance,
    KeyQuota,
    MalformedResponseError,
    TaskInfo,
    TaskStatus,
    UploadResult,
)


def test_full_task() -> None:
    task = TaskInfo.from_data(
        {
            "id": "audio_1",
            "object": "audio",
            "created": 1781777280,
            "model": "soundCloningAudio",
            "status": "completed",
            "audioUrl": "https://cdn/x.mp3",
            "subtitleFile": "https://cdn/x.json",
            "error": None,
            "extra": {"new": "field"},
        }
    )
    assert task.status is TaskStatus.COMPLETED and task.is_terminal
    assert task.audio_url == "https://cdn/x.mp3"
    assert task.subtitle_url == "https://cdn/x.json"
    assert task.created == 1781777280
    assert task.raw["extra"] == {"new": "field"}


def test_minimal_task() -> None:
    task = TaskInfo.from_data({"id": "audio_1"})
    assert task.status is TaskStatus.UNKNOWN and task.status_raw is None
    assert task.model_id is None and task.audio_url is None and task.created is None


@pytest.mark.parametrize(
    ("raw", "expected", "terminal"),
    [
        ("queued", TaskStatus.QUEUED, False),
        ("processing", TaskStatus.PROCESSING, False),
        ("completed", TaskStatus.COMPLETED, True),
        ("failed", TaskStatus.FAILED, True),
        ("canceled", TaskStatus.CANCELLED, True),
        ("cancelled", TaskStatus.CANCELLED, True),
        (" COMPLETED ", TaskStatus.COMPLETED, True),
        ("paused", TaskStatus.UNKNOWN, False),
        (3, TaskStatus.UNKNOWN, False),
        (None, TaskStatus.UNKNOWN, False),
    ],
)
def test_statuses(raw: object, expected: TaskStatus, terminal: bool) -> None:
    task = TaskInfo.from_data({"id": "a", "status": raw})
    assert task.status is expected
    assert task.is_terminal is terminal
    if isinstance(raw, str):
        assert task.status_raw == raw  # kept, so an unknown status can be shown and logged


@pytest.mark.parametrize(
    ("created", "expected"),
    [
        (1781777280, 1781777280),
        ("1781777280", 1781777280),
        (1781777280.9, 1781777280),
        ("2026-06-18T10:08:00Z", 1781777280),
        ("yesterday", None),
        (True, None),
        ({"s": 1}, None),
    ],
)
def test_created_forms(created: object, expected: int | None) -> None:
    assert TaskInfo.from_data({"id": "a", "created": created}).created == expected


def test_lenient_field_types() -> None:
    task = TaskInfo.from_data(
        {"id": 12345, "modelId": "", "audioUrl": ["x"], "error": {"message": "too short"}}
    )
    assert task.id == "12345"
    assert task.model_id is None and task.audio_url is None
    assert task.error == "too short"


@pytest.mark.parametrize("data", [None, [], "audio_1", {"status": "queued"}, {"id": None}])
def test_task_without_object_or_id_is_malformed(data: object) -> None:
    with pytest.raises(MalformedResponseError):
        TaskInfo.from_data(data)


def test_upload_result() -> None:
    result = UploadResult.from_data(
        {"url": "https://x/a.mp3", "filename": "a.mp3", "size": "1024", "mime_type": "audio/mpeg"}
    )
    assert (result.url, result.size, result.mime_type) == ("https://x/a.mp3", 1024, "audio/mpeg")
    with pytest.raises(MalformedResponseError):
        UploadResult.from_data({"filename": "a.mp3"})


def test_balance_numbers_in_any_form() -> None:
    balance = Balance.from_data({"balance": "100.5", "used_coin": 0.1})
    assert balance.balance == Decimal("100.5")
    assert balance.used == Decimal("0.1")  # not 0.1000000000000000055…
    assert balance.available == Decimal("100.4")  # derived: balance − used_coin
    empty = Balance.from_data({})
    assert (empty.balance, empty.used, empty.available) == (None, None, None)
    assert Balance.from_data({"balance": "NaN", "available": True}).balance is None


def test_key_quota() -> None:
    quota = KeyQuota.from_data(
        {"name": "k", "total_quota": 0, "used_quota": 3, "available_quota": 0}
    )
    assert quota.unlimited is True  # total 0 means unlimited
    capped = KeyQuota.from_data({"total_quota": 10, "unlimited": "false"})
    assert capped.unlimited is False and capped.total == 10
