"""The demo server's life: bound on 127.0.0.1, served from a thread (or blocking), stopped
without waiting, plus the hooks tests use (clock, faults, the ledger and the request log).

What one request does is :mod:`.handler`'s.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from types import TracebackType
from typing import Any

from .clock import Clock
from .config import DemoConfig
from .faults import FaultPlan
from .files import FileStore
from .handler import DemoHandler, hang_up
from .state import DemoState

logger = logging.getLogger(__name__)

HOST = "127.0.0.1"


class DemoHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() must not wait for a handler sleeping in a timeout fault
    demo: DemoServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients hang up mid-answer all the time in fault tests; that is not worth a traceback.
        logger.debug("request from %s failed", client_address, exc_info=True)


class DemoServer:
    """The SoundClone API on 127.0.0.1, in a background thread (``start``) or blocking
    (``serve_forever``)."""

    def __init__(self, config: DemoConfig | None = None, *, clock: Clock | None = None) -> None:
        self.config = config or DemoConfig()
        self.clock = clock or Clock()
        self.files = FileStore()
        self.state = DemoState(self.config, self.clock, self.files)
        self.faults = FaultPlan(self.config)
        self._requests: list[dict[str, object]] = []
        self._requests_lock = threading.Lock()
        self._httpd: DemoHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()

    # -- life -----------------------------------------------------------------------------------

    def bind(self) -> None:
        """Open the listening socket (idempotent); ``base_url`` is known from here on."""
        if self._httpd is not None:
            return
        httpd = DemoHTTPServer((HOST, self.config.port), DemoHandler)
        httpd.demo = self
        self._httpd = httpd
        self._stopping.clear()
        self.state.base_url = self.base_url

    def start(self) -> DemoServer:
        self.bind()
        if self._thread is None:
            self._thread = threading.Thread(
                target=self.serve_forever, name=f"demo-server-{self.port}", daemon=True
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        self.bind()
        assert self._httpd is not None
        self._httpd.serve_forever(poll_interval=0.5)

    def stop(self) -> None:
        httpd = self._httpd
        if httpd is None:
            return
        self._stopping.set()  # wakes handlers sleeping in slow/timeout faults
        if self._thread is not None:
            _shutdown_now(httpd)
            self._thread.join(timeout=5)
            self._thread = None
        with self._connections_lock:
            for conn in list(self._connections):
                hang_up(conn)
        httpd.server_close()
        self._httpd = None

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the demo server is not started")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def token(self) -> str:
        return self.config.token

    # -- test hooks -----------------------------------------------------------------------------

    def ledger(self) -> list[dict[str, object]]:
        return self.state.ledger.entries()

    def requests_log(self) -> list[dict[str, object]]:
        with self._requests_lock:
            copy: list[dict[str, object]] = json.loads(json.dumps(self._requests))
        return copy  # a deep copy, safe to keep

    def advance_clock(self, seconds: float) -> float:
        return self.clock.advance(seconds)

    def inject(self, kind: str, count: int = 1, path_contains: str | None = None) -> None:
        self.faults.inject(kind, count, path_contains)

    def clear_faults(self) -> None:
        self.faults.clear()

    def fail_next_tasks(self, count: int = 1, error: str | None = None) -> None:
        self.state.fail_next_tasks(count, error)

    # -- used by the handler ----------------------------------------------------------------------

    def wait(self, seconds: float) -> bool:
        """Sleep that ``stop()`` interrupts; True when the server is stopping."""
        return self._stopping.wait(seconds)

    def track(self, conn: socket.socket, alive: bool) -> None:
        with self._connections_lock:
            if alive:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    def record(self, entry: dict[str, object]) -> dict[str, object]:
        with self._requests_lock:
            entry["seq"] = len(self._requests) + 1
            self._requests.append(entry)
        return entry

    def update_record(self, entry: dict[str, object], **values: object) -> None:
        with self._requests_lock:
            entry.update(values)


def _shutdown_now(httpd: DemoHTTPServer) -> None:
    """``httpd.shutdown()`` without waiting out the accept loop's poll interval.

    The loop only notices the shutdown flag when its ``select`` returns, so poke it with
    empty connections until it has stopped: test suites stop hundreds of servers.
    """
    stopper = threading.Thread(target=httpd.shutdown, daemon=True)
    stopper.start()
    address = (HOST, int(httpd.server_address[1]))
    while stopper.is_alive():
        with contextlib.suppress(OSError), socket.create_connection(address, timeout=0.2):
            pass
        stopper.join(0.005)


def serve(
    config: DemoConfig | None = None, *, announce: Callable[[DemoServer], None] | None = None
) -> None:
    """Run a demo server in the calling thread until Ctrl+C."""
    server = DemoServer(config)
    server.bind()
    if announce is not None:
        announce(server)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
