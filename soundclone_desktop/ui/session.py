"""The connection the window works through: one API client and one task runner.

A session is either *real* (a base URL plus the user's key from the keyring) or *demo*
(the embedded demo server, started on demand, with its fixed token and ready voice). When
the server or key changes, a new client and runner replace the old ones; the old runner
keeps following the jobs it already has until the app closes, so a paid result is never
dropped because the user edited Settings.

The demo offer may be given as a function that builds it: the demo package is then only
imported when something asks about the demo (the welcome dialog's choice, ``--demo``).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from soundclone_desktop.api.errors import SoundCloneError
from soundclone_desktop.api.models import Balance
from soundclone_desktop.core.jobs import Job
from soundclone_desktop.core.pricing import PriceTable
from soundclone_desktop.services.estimator import FinishEstimator
from soundclone_desktop.services.schedule import PollPolicy
from soundclone_desktop.services.tasks import TaskRunner
from soundclone_desktop.services.workspace import JobListeners, build_runner
from soundclone_desktop.store.secrets import TokenStore

if TYPE_CHECKING:
    from soundclone_desktop.api.client import SoundCloneClient  # (httpx: made on connecting)

log = logging.getLogger(__name__)


class DemoHandle(Protocol):
    """What the session needs from the embedded demo server."""

    @property
    def base_url(self) -> str: ...

    @property
    def token(self) -> str: ...

    def start(self) -> object: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class DemoOffer:
    """How to start the demo and what it offers (from the composition root)."""

    factory: Callable[[], DemoHandle]
    voice_id: str
    prices: PriceTable
    # (base seconds, seconds per character) per task kind: the demo's own clock, so its
    # "expected in ~N s" is right from the first task and the first poll lands on time.
    priors: dict[str, tuple[float, float]] | None = None


class Session(QObject):
    """Owns the client and runner; emits when the connection or the balance changes."""

    connection_changed = Signal()
    reconnecting = Signal(bool)
    balance_changed = Signal(object)  # Balance | None

    def __init__(
        self,
        tokens: TokenStore,
        results_dir: Path,
        *,
        demo_offer: DemoOffer | Callable[[], DemoOffer] | None = None,
        real_policy: PollPolicy | None = None,
        demo_policy: PollPolicy | None = None,
        listeners: JobListeners | None = None,
        before_create: Callable[[Job], Awaitable[None]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``listeners``: where every runner reports its jobs (a workspace's, which records
        them); without it only listeners added later hear them. ``before_create``: awaited
        by every runner before each create (the workspace's :meth:`durable`)."""
        self._before_create = before_create
        super().__init__(parent)
        self.tokens = tokens
        self.results_dir = results_dir
        self._demo_offer = demo_offer
        self._offer_lock = threading.Lock()  # resolved on the GUI thread or a worker
        self._real_policy = real_policy or PollPolicy()
        self._demo_policy = demo_policy or PollPolicy.for_demo()
        self.client: SoundCloneClient | None = None
        self.runner: TaskRunner | None = None
        self.base_url = ""
        self.demo = False
        self.demo_server: DemoHandle | None = None
        self._demo_starting = asyncio.Lock()
        self.balance: Balance | None = None
        # One estimator per kind of server, kept across reconnects: it learns task times.
        self._real_estimator = FinishEstimator()
        self._demo_estimator: FinishEstimator | None = None  # made with the offer's priors
        self._retired: list[tuple[TaskRunner, SoundCloneClient]] = []
        self._job_listeners = listeners if listeners is not None else JobListeners()

    # -- state --------------------------------------------------------------------------

    @property
    def demo_offer(self) -> DemoOffer | None:
        """What the embedded demo offers; built on first use when given as a function."""
        offer = self._demo_offer
        if offer is None or isinstance(offer, DemoOffer):
            return offer
        with self._offer_lock:
            if not isinstance(self._demo_offer, DemoOffer):
                self._demo_offer = offer()
            return self._demo_offer

    @property
    def connected(self) -> bool:
        return self.runner is not None

    def runners(self) -> list[TaskRunner]:
        """Every runner still following jobs: the current one first, then replaced ones."""
        current = [self.runner] if self.runner is not None else []
        return current + [runner for runner, _client in self._retired]

    def voices(self) -> list[str]:
        """Voices known to work on this connection (the demo's ready voice)."""
        if self.demo and self.demo_offer is not None:
            return [self.demo_offer.voice_id]
        return []

    def demo_prices(self) -> PriceTable | None:
        return self.demo_offer.prices if self.demo and self.demo_offer else None

    def add_job_listener(self, listener: Callable[[Job], None]) -> None:
        """Call ``listener(job)`` on every change of every job of every runner (synchronously,
        after the job's own callback; the first call, in state ``sending``, comes before the
        create request leaves). Used by the task library and the voice library."""
        self._job_listeners.add(listener)

    # -- switching ----------------------------------------------------------------------

    def connect_real(self, base_url: str) -> bool:
        """Use the user's account at ``base_url``; False (and disconnected) without a key."""
        if not base_url or not self.tokens.get():
            self._replace(None, None, base_url="", demo=False)
            return False
        from soundclone_desktop.api.client import SoundCloneClient

        client = SoundCloneClient(base_url, self._token, on_retry=self._on_retry)
        runner = build_runner(
            client,
            self.results_dir,
            policy=self._real_policy,
            estimator=self._real_estimator,
            on_update=self._job_listeners,
            before_create=self._before_create,
        )
        self._replace(client, runner, base_url=base_url, demo=False)
        return True

    def apply_account(self, base_url: str, *, key_changed: bool) -> None:
        """Follow a Settings change of server or key.

        A new key on the same server needs no new connection (the key is read for every
        request): polling that a rejected key halted resumes. A new server, or a key while
        on the demo or disconnected, connects anew; other changes leave the demo alone.
        """
        if self.demo and not key_changed:
            return
        same_server = self.connected and not self.demo and base_url == self.base_url
        if same_server and self.tokens.get():
            if key_changed:
                for runner in self.runners():
                    runner.resume()
                self.connection_changed.emit()  # refresh the balance with the new key
            return
        self.connect_real(base_url)

    async def connect_demo(self) -> None:
        """Start the embedded demo server (once) and connect to it."""
        # The first call imports the demo package: in a worker thread, like the server's
        # start (binding and starting its thread is quick, but it is socket work).
        offer = self._demo_offer
        if offer is not None and not isinstance(offer, DemoOffer):
            offer = await asyncio.to_thread(lambda: self.demo_offer)
        if offer is None:
            raise RuntimeError("This session was built without a demo server.")
        async with self._demo_starting:  # the welcome's choice and --demo: one server
            server = self.demo_server
            if server is None:
                server = self.demo_server = await asyncio.to_thread(_start_demo, offer)
        if self._demo_estimator is None:
            self._demo_estimator = FinishEstimator(offer.priors)
        from soundclone_desktop.api.client import SoundCloneClient

        client = SoundCloneClient(server.base_url, server.token, on_retry=self._on_retry)
        runner = build_runner(
            client,
            self.results_dir,
            policy=self._demo_policy,
            estimator=self._demo_estimator,
            on_update=self._job_listeners,
            before_create=self._before_create,
        )
        self._replace(client, runner, base_url=server.base_url, demo=True)

    def _replace(
        self,
        client: SoundCloneClient | None,
        runner: TaskRunner | None,
        *,
        base_url: str,
        demo: bool,
    ) -> None:
        if self.runner is not None and self.client is not None:
            self._retired.append((self.runner, self.client))
        self.client, self.runner = client, runner
        self.base_url, self.demo = base_url, demo
        if runner is None:
            log.info("Not connected (no API key)")
        else:
            log.info("Connected to %s%s", base_url, " (demo)" if demo else "")
        self.balance = None
        self.connection_changed.emit()
        self.balance_changed.emit(None)

    def _token(self) -> str:
        # Read at request time, so a key saved in Settings is used by the next request.
        return self.tokens.get() or ""

    def _on_retry(self, retry: int, delay: float, error: SoundCloneError) -> None:
        log.info("Retry %d in %.1f s after %s", retry, delay, type(error).__name__)
        self.reconnecting.emit(True)

    # -- requests -----------------------------------------------------------------------

    async def refresh_balance(self) -> Balance | None:
        """Ask the server for the balance; None when disconnected. Raises SoundCloneError."""
        client = self.client
        if client is None:
            return None
        balance = await client.get_balance()
        if client is self.client:  # still the same connection
            self.balance = balance
            self.reconnecting.emit(False)
            self.balance_changed.emit(balance)
        return balance

    def available_balance(self) -> Decimal | None:
        return None if self.balance is None else self.balance.available

    async def aclose(self) -> None:
        """Stop polling, close connections and the demo server (while the loop runs)."""
        pairs = [*self._retired]
        if self.runner is not None and self.client is not None:
            pairs.append((self.runner, self.client))
        self._retired.clear()
        self.client = self.runner = None
        for runner, client in pairs:
            try:
                await runner.aclose()
                await client.aclose()
            except (SoundCloneError, OSError):
                log.warning("Error while closing a connection", exc_info=True)
        if self.demo_server is not None:
            server, self.demo_server = self.demo_server, None
            await asyncio.to_thread(server.stop)


def _start_demo(offer: DemoOffer) -> DemoHandle:
    server = offer.factory()
    server.start()
    return server
