"""HTTP status × envelope code → exception: the one classification table.

Pure classification, so a tiny `httpx.MockTransport` is enough for the wiring checks here;
behaviour against a real server is tested with the demo server elsewhere.
"""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from soundclone_desktop.api import (
    APIError,
    AuthenticationError,
    BadRequestError,
    MalformedResponseError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    SoundCloneClient,
    SoundCloneError,
    TaskStatus,
)
from soundclone_desktop.api._envelope import classify, normalise_code, parse_envelope


def envelope(code: object, msg: str = "message from server", data: object = None) -> bytes:
    return json.dumps({"code": code, "msg": msg, "data": data}).encode()


TABLE: list[tuple[int, bytes, type[SoundCloneError] | None]] = [
    # success, in both code forms
    (200, envelope(20000, data={}), None),
    (200, envelope("20000", data={}), None),
    (201, envelope(20000, data={}), None),
    # documented envelope codes with HTTP 200
    (200, envelope(20001), AuthenticationError),
    (200, envelope("20001"), AuthenticationError),
    (200, envelope(20002), BadRequestError),
    (200, envelope("20002"), BadRequestError),
    (200, envelope(-1), ServerError),
    (200, envelope("-1"), ServerError),
    # HTTP status with a matching or generic envelope
    (401, envelope(20001), AuthenticationError),
    (403, envelope(-1), AuthenticationError),
    (400, envelope(20002), BadRequestError),
    (404, envelope(20002), BadRequestError),
    (422, envelope(-1), BadRequestError),
    (429, envelope(-1), RateLimitError),
    (500, envelope(-1), ServerError),
    (503, envelope("-1"), ServerError),
    # the specific envelope code wins over a contradicting status
    (500, envelope(20001), AuthenticationError),
    (500, envelope(20002), BadRequestError),
    # a non-2xx status is an error even when the envelope claims success
    (500, envelope(20000), ServerError),
    (401, envelope(20000), AuthenticationError),
    # unknown codes keep code and msg
    (200, envelope(30001), APIError),
    (200, envelope("E_BALANCE"), APIError),
    (200, envelope(None), APIError),
    (409, envelope(30001), APIError),
    # not an envelope
    (200, b"<html>oops</html>", MalformedResponseError),
    (200, b'{"code": 20000, "msg": "ok", "data": {', MalformedResponseError),
    (200, b"[1, 2]", MalformedResponseError),
    (200, b'{"msg": "no code"}', MalformedResponseError),
    (200, b"", MalformedResponseError),
    (200, b"\xff\xfe\x00garbage", MalformedResponseError),
    # error statuses without an envelope: classified by status alone
    (502, b"<html>Bad Gateway</html>", ServerError),
    (401, b"Unauthorized", AuthenticationError),
    (429, b"slow down", RateLimitError),
    (404, b"", BadRequestError),
    (418, b"teapot", APIError),
]


@pytest.mark.parametrize(("status", "body", "expected"), TABLE)
def test_classification_table(
    status: int, body: bytes, expected: type[SoundCloneError] | None
) -> None:
    error = classify(status, parse_envelope(body))
    if expected is None:
        assert error is None
    else:
        assert type(error) is expected


def test_api_error_carries_code_status_and_message() -> None:
    error = classify(200, parse_envelope(envelope("30001", "balance too low")))
    assert isinstance(error, APIError)
    assert error.code == 30001  # numeric strings are normalised
    assert error.http_status == 200
    assert error.server_message == "balance too low"
    assert error.has_envelope
    assert "balance too low" in str(error) and "30001" in str(error)


def test_bare_5xx_has_no_envelope_flag() -> None:
    error = classify(502, parse_envelope(b"Bad Gateway"))
    assert isinstance(error, ServerError)
    assert not error.has_envelope and error.code is None


def test_retry_after_is_attached() -> None:
    error = classify(429, parse_envelope(envelope(-1)), retry_after=3.0)
    assert isinstance(error, RateLimitError) and error.retry_after == 3.0


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(20000, 20000), ("20000", 20000), (" 20000 ", 20000), (20000.0, 20000), ("-1", -1),
     ("E1", "E1"), (None, None), (True, "true"), (1.5, "1.5")],
)  # fmt: skip
def test_normalise_code(raw: object, expected: object) -> None:
    assert normalise_code(raw) == expected


def test_retryable_flags() -> None:
    assert ServerError("x").retryable and RateLimitError("x").retryable
    assert MalformedResponseError("x").retryable
    assert not AuthenticationError("x").retryable
    assert not BadRequestError("x").retryable
    assert not APIError("x").retryable


# -- the same table, wired through the client -------------------------------------------------


def _get_task_with(status: int, body: bytes) -> object:
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(status, content=body)

    async def main() -> object:
        async with SoundCloneClient(
            "https://api.example",
            "tok-abcdef",
            transport=httpx.MockTransport(handler),
            retry=RetryPolicy(max_attempts=1),
        ) as client:
            try:
                return await client.get_task("audio_1")
            except SoundCloneError as error:
                return error

    result = asyncio.run(main())
    assert len(requests) == 1
    return result


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [row for row in TABLE if row[2] is not None][::3],
)
def test_client_raises_the_classified_error(
    status: int, body: bytes, expected: type[SoundCloneError]
) -> None:
    assert type(_get_task_with(status, body)) is expected


def test_success_without_data_is_malformed() -> None:
    assert type(_get_task_with(200, envelope(20000))) is MalformedResponseError
    assert type(_get_task_with(200, envelope(20000, data=[1]))) is MalformedResponseError
    assert type(_get_task_with(200, envelope(20000, data={"status": "queued"}))) is (
        MalformedResponseError  # no task id
    )


def test_string_code_success_parses_the_task() -> None:
    task = _get_task_with(200, envelope("20000", data={"id": "audio_1", "status": "queued"}))
    assert not isinstance(task, SoundCloneError)
    assert getattr(task, "status", None) is TaskStatus.QUEUED
