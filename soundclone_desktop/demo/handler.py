"""The demo server's request handler: one HTTP request in, one answer (or a fault) out.

It routes the API paths, checks the bearer token, reads bodies (JSON, multipart, chunked)
within limits, wraps answers in the API's envelope and applies the faults a test asked for.
What the API does is :class:`~.state.DemoState`'s; the server's life is :mod:`.server`'s.

Envelope errors travel with HTTP 200 by default, as the reference's examples show; with
``http_status_errors=True`` the same envelopes come with 401 (20001), 400 (20002, 404 for an
unknown task id) and 500 (-1). Unknown paths are a real 404 and wrong methods a 405 in both
modes, as any gateway in front of the API would answer.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import re
import socket
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import unquote, urlsplit

from . import multipart
from .errors import CODE_AUTH, CODE_OK, CODE_SERVER, ApiError, bad_request
from .faults import AFTER, BEFORE
from .quirks import reshape_task, to_webvtt
from .validation import require_object

if TYPE_CHECKING:
    from .server import DemoHTTPServer, DemoServer

logger = logging.getLogger(__name__)

API_PREFIX = "/api/open-api/v1/"
MAX_JSON_BYTES = 4 * 1024 * 1024
_BEARER = re.compile(r"\s*bearer\s+(\S+)\s*$", re.IGNORECASE)


class _BodyTooLargeError(Exception):
    pass


@dataclass
class Reply:
    """A finished answer: status, body and headers, before any fault mangles it."""

    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    close: bool = False


def hang_up(conn: socket.socket) -> None:
    with contextlib.suppress(OSError):
        conn.shutdown(socket.SHUT_RDWR)


def _method_route(method: str, path: str) -> str | None:
    """The API operation for ``method path``; ``"405"`` for a known path with a wrong method."""
    routes = {
        "files/upload": ("POST", "upload"),
        "soundCloning/clones": ("POST", "clones"),
        "soundCloning/audios": ("POST", "audios"),
        "user/balance": ("GET", "user_balance"),
        "key/balance": ("GET", "key_balance"),
    }
    tail = path[len(API_PREFIX) :]
    if tail.startswith("audios/") and tail.count("/") == 1 and len(tail) > len("audios/"):
        return "task" if method == "GET" else "405"
    if tail in routes:
        wanted, name = routes[tail]
        return name if method == wanted else "405"
    return None


class DemoHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as an HTTP client pool expects
    server_version = "SoundCloneDemo/1.0"
    timeout = 120  # idle keep-alive connections do not live forever

    @property
    def demo(self) -> DemoServer:
        return cast("DemoHTTPServer", self.server).demo

    def setup(self) -> None:
        super().setup()
        # Headers and body leave in two writes; without this, Nagle's algorithm and delayed
        # ACKs add ~40 ms to every answer on a kept-alive connection.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.demo.track(self.connection, True)

    def finish(self) -> None:
        self.demo.track(self.connection, False)
        with contextlib.suppress(OSError):  # the peer may already be gone
            super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s " + format, self.address_string(), *args)

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    # -- one request ----------------------------------------------------------------------------

    def _handle(self, method: str) -> None:
        path = urlsplit(self.path).path
        if path.startswith("/_demo/"):
            self._send(self._demo_control(method, path))
            return
        is_api = path.startswith(API_PREFIX)
        if not is_api and not path.startswith("/files/"):
            self._discard_body()
            self._send(self._envelope_error(ApiError(20002, f"no such path: {path}", 404), True))
            return
        # An upload may carry 100 MB plus the multipart framing; everything else is small JSON.
        is_upload = path == API_PREFIX + "files/upload"
        limit = self.demo.config.max_upload_bytes + 64 * 1024 if is_upload else MAX_JSON_BYTES
        try:
            body = self._read_body(limit)
        except _BodyTooLargeError:
            if is_upload:
                limit_mb = self.demo.config.max_upload_bytes / 2**20
                error = bad_request(f"file exceeds the upload limit of {limit_mb:g} MB")
            else:
                error = bad_request(f"request body exceeds {MAX_JSON_BYTES // 2**20} MB")
            reply = self._envelope_error(error)
            reply.close = True
            self._send(reply)
            return
        record = self.demo.record(self._log_entry(method, path, body)) if is_api else None
        fault = self.demo.faults.pick(method, path)
        if record is not None and fault:
            self.demo.update_record(record, fault=fault)
        if fault == "slow" and self.demo.wait(self.demo.config.slow_delay):
            self._drop()
            return
        if fault in BEFORE:
            reply = self._fault_reply(fault)
        elif is_api:
            reply = self._api(method, path, body)
        else:
            reply = self._file(method, path)
        if record is not None:
            self.demo.update_record(record, status=reply.status, code=_reply_code(reply))
        if fault in AFTER:
            self._after_fault(fault, reply)
            return
        self._send(reply)

    def _api(self, method: str, path: str, body: bytes) -> Reply:
        route = _method_route(method, path)
        if route is None:
            return self._envelope_error(ApiError(20002, f"no such endpoint: {path}", 404), True)
        if route == "405":
            error = ApiError(20002, f"method {method} is not allowed on {path}", 405)
            return self._envelope_error(error, True)
        try:
            self._authenticate()
            data = self._dispatch(route, path, body)
        except ApiError as error:
            return self._envelope_error(error)
        return self._envelope(CODE_OK, "ok", data)

    def _dispatch(self, route: str, path: str, body: bytes) -> object:
        state = self.demo.state
        if route == "task":
            task = state.get_task(unquote(path.rsplit("/", 1)[1]))
            quirks = self.demo.config.quirks
            if not quirks or not isinstance(task, dict):
                return task
            return reshape_task(task, quirks, self.demo.config.token, self._subtitle_bytes)
        if route == "user_balance":
            return state.ledger.user_balance()
        if route == "key_balance":
            return state.ledger.key_balance()
        if route == "upload":
            return self._upload(body)
        payload = require_object(_json_body(body))
        if route == "clones":
            return state.create_preview(payload)
        return state.create_audio(payload)

    def _authenticate(self) -> None:
        header = self.headers.get("Authorization")
        if not header:
            raise ApiError(
                CODE_AUTH, "missing API key: send the header Authorization: Bearer <key>", 401
            )
        match = _BEARER.match(header)
        expected = self.demo.config.token.encode("utf-8")
        if match is None or not hmac.compare_digest(match.group(1).encode("utf-8"), expected):
            raise ApiError(CODE_AUTH, "invalid API key", 401)

    def _upload(self, body: bytes) -> object:
        boundary = multipart.boundary_of(self.headers.get("Content-Type", ""))
        if boundary is None:
            raise bad_request("upload must be multipart/form-data with a field named file")
        try:
            parts = multipart.parse(body, boundary)
        except multipart.MultipartError as exc:
            raise bad_request(f"upload body is not valid multipart/form-data: {exc}") from exc
        part = next((p for p in parts if p.name == "file"), None)
        if part is None or part.filename is None:
            raise bad_request("upload must have a file in the multipart field named file")
        limit = self.demo.config.max_upload_bytes
        if len(part.data) > limit:
            raise bad_request(f"file exceeds the upload limit of {limit / 2**20:g} MB")
        return self.demo.state.upload(
            part.filename.replace("\\", "/").rsplit("/", 1)[-1], part.data
        )

    def _subtitle_bytes(self, url: str) -> bytes | None:
        stored = self.demo.files.get(unquote(urlsplit(url).path))
        return None if stored is None else stored.read()

    def _file(self, method: str, path: str) -> Reply:
        if method != "GET":
            error = ApiError(20002, f"method {method} is not allowed on {path}", 405)
            return self._envelope_error(error, True)
        stored = self.demo.files.get(unquote(path))
        if stored is None:
            # A storage URL that does not exist is a plain 404 in every mode.
            return self._envelope_error(ApiError(20002, f"file not found: {path}", 404), True)
        if "vtt-subtitles" in self.demo.config.quirks and path.startswith("/files/subtitles/"):
            return Reply(200, to_webvtt(stored.read()), "text/vtt; charset=utf-8")
        return Reply(200, stored.read(), stored.content_type)

    # -- the demo control plane -------------------------------------------------------------------

    def _demo_control(self, method: str, path: str) -> Reply:
        demo = self.demo
        try:
            payload = require_object(_json_body(self._read_body(MAX_JSON_BYTES) or b"{}"))
            result: object
            if (method, path) == ("GET", "/_demo/ledger"):
                result = demo.ledger()
            elif (method, path) == ("GET", "/_demo/requests"):
                result = demo.requests_log()
            elif (method, path) == ("GET", "/_demo/content-faults"):
                result = demo.state.content_faults.applied()
            elif (method, path) == ("GET", "/_demo/info"):
                result = self._demo_info()
            elif (method, path) == ("POST", "/_demo/clock"):
                result = {"now": demo.advance_clock(float(cast(float, payload.get("advance", 0))))}
            elif (method, path) == ("POST", "/_demo/faults"):
                if payload.get("clear"):
                    demo.clear_faults()
                else:
                    demo.inject(
                        str(payload.get("kind")),
                        int(cast(int, payload.get("count", 1))),
                        cast("str | None", payload.get("path_contains")),
                    )
                result = {"ok": True}
            elif (method, path) == ("POST", "/_demo/fail-tasks"):
                demo.fail_next_tasks(
                    int(cast(int, payload.get("count", 1))),
                    cast("str | None", payload.get("error")),
                )
                result = {"ok": True}
            else:
                return Reply(404, _dumps({"error": f"no such demo endpoint: {method} {path}"}))
        except (ApiError, _BodyTooLargeError, ValueError, TypeError) as exc:
            return Reply(400, _dumps({"error": str(exc)}))
        return Reply(200, _dumps(result))

    def _demo_info(self) -> dict[str, object]:
        config = self.demo.config
        return {
            "now": self.demo.clock.now(),
            "prices": {
                "sound-cloning-clone": {"per_10k_char": config.price_clone_per_10k},
                "sound-cloning-audio": {"per_10k_char": config.price_audio_per_10k},
                "sound-cloning-voice": {"per_task": config.price_voice},
                "currency": "JimiCoin",
            },
            "task_seconds": config.task_seconds,
            "seconds_per_char": config.seconds_per_char,
            "audio_format": config.audio_format,
            "sample_rate": config.audio_rate,
        }

    # -- envelopes and faults ---------------------------------------------------------------------

    def _code(self, code: int) -> object:
        return str(code) if self.demo.config.string_codes else code

    def _envelope(self, code: int, msg: str, data: object, status: int = 200) -> Reply:
        return Reply(status, _dumps({"code": self._code(code), "msg": msg, "data": data}))

    def _envelope_error(self, error: ApiError, always_status: bool = False) -> Reply:
        use_status = always_status or self.demo.config.http_status_errors
        msg = error.msg
        if "echo-key" in self.demo.config.quirks:
            msg += f" (key {self.demo.config.token})"
        return self._envelope(error.code, msg, None, error.http_status if use_status else 200)

    def _fault_reply(self, fault: str) -> Reply:
        if fault == "http500":
            return self._envelope(CODE_SERVER, "internal server error, please retry", None, 500)
        if fault == "notfound":
            return self._envelope_error(ApiError(20002, "file not found", 404), True)
        if fault == "file-redirect":
            return Reply(302, b"", "text/plain", {"Location": "file:///etc/passwd"})
        if fault == "echo-page":
            body = f"{self.demo.config.token} may not download this file now; try again."
            return Reply(200, body.encode(), "text/plain; charset=utf-8")
        if fault == "http429":
            reply = self._envelope(CODE_SERVER, "too many requests, retry after 1 s", None, 429)
            reply.headers["Retry-After"] = "1"
            return reply
        return self._envelope(CODE_SERVER, "upstream service error, please retry", None)

    def _after_fault(self, fault: str, reply: Reply) -> None:
        if fault == "timeout":
            self.demo.wait(self.demo.config.fault_delay)
            self._drop()
        elif fault == "drop":
            self._drop()
        else:  # malformed: the answer breaks off in the middle of the JSON
            broken = reply.body[: max(1, len(reply.body) // 2)]
            if not broken.startswith(b"{"):
                broken = b'{"code": 20000, "msg": "ok", "data": {'
            self._send(Reply(200, broken, "application/json; charset=utf-8"))

    def _drop(self) -> None:
        self.close_connection = True
        hang_up(self.connection)

    # -- bytes on the wire ----------------------------------------------------------------------

    def _read_body(self, limit: int) -> bytes:
        """The request body; over ``limit`` it is read and thrown away, then refused.

        Draining costs a moment but lets the client read our answer: a server that stops
        reading makes the client fail with a broken pipe instead of a clear message.
        """
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked(limit)
        length = int(self.headers.get("Content-Length") or 0)
        if length > limit:
            while length > 0:
                got = len(self.rfile.read(min(length, 1 << 16)))
                if not got:
                    break
                length -= got
            raise _BodyTooLargeError
        return self.rfile.read(length) if length > 0 else b""

    def _read_chunked(self, limit: int) -> bytes:
        body = bytearray()
        too_large = False
        while True:
            size = int(self.rfile.readline(1024).split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                if too_large:
                    raise _BodyTooLargeError
                return bytes(body)
            chunk = self.rfile.read(size)
            self.rfile.readline(8)
            too_large = too_large or len(body) + len(chunk) > limit
            if not too_large:
                body += chunk

    def _discard_body(self) -> None:
        try:
            self._read_body(MAX_JSON_BYTES)
        except _BodyTooLargeError:
            self.close_connection = True

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(reply.body)

    def _log_entry(self, method: str, path: str, body: bytes) -> dict[str, object]:
        headers = {k: v for k, v in self.headers.items() if k.lower() != "authorization"}
        entry: dict[str, object] = {
            "time": self.demo.clock.now(),
            "wall_time": time.time(),
            "method": method,
            "path": path,
            "query": urlsplit(self.path).query,
            "headers": headers,
            "json": None,
            "fault": None,
        }
        boundary = multipart.boundary_of(self.headers.get("Content-Type", ""))
        if boundary is not None:
            try:
                entry["multipart"] = [
                    {"name": p.name, "filename": p.filename, "content_type": p.content_type,
                     "size": len(p.data)}
                    for p in multipart.parse(body, boundary)
                ]  # fmt: skip
            except multipart.MultipartError:
                entry["multipart"] = None
        elif body:
            try:
                entry["json"] = json.loads(body)
            except ValueError:
                entry["body"] = body[:10000].decode("utf-8", "replace")
        return entry


def _reply_code(reply: Reply) -> object:
    try:
        return json.loads(reply.body).get("code")
    except (ValueError, AttributeError):
        return None


def _json_body(body: bytes) -> object:
    if not body.strip():
        raise bad_request("the request body must be a JSON object")
    try:
        return json.loads(body)
    except ValueError as exc:
        raise bad_request(f"the request body is not valid JSON: {exc}") from exc


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")
