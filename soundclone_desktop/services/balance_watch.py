"""The account balance around a create: evidence for a create whose outcome is unknown.

The API cannot list tasks, so after a create without an answer the only clue the app has is
the balance: read just before the create and again right after, a drop says the task was
probably created (and charged). A reading is reused for a few seconds, but never across a
create that the server accepted (that create may have changed the balance), so the "before"
value always precedes the create it describes with no other charge of ours in between.

A balance that cannot be read (endpoint missing, key without the right, slow server) gives no
evidence and never delays a create by more than ``timeout``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Protocol

from . import messages

log = logging.getLogger(__name__)

BalanceReader = Callable[[], Awaitable[Decimal | None]]


class _BalanceFigures(Protocol):
    @property
    def available(self) -> Decimal | None: ...

    @property
    def balance(self) -> Decimal | None: ...


class _BalanceClient(Protocol):
    async def get_balance(self) -> _BalanceFigures: ...


def balance_reader(client: _BalanceClient) -> BalanceReader:
    """Read what is available to spend (the balance when the server leaves that out)."""

    async def read() -> Decimal | None:
        figures = await client.get_balance()
        return figures.available if figures.available is not None else figures.balance

    return read


class BalanceWatch:
    """Readings of the balance for :class:`~.tasks.TaskRunner` (see the module docstring)."""

    def __init__(
        self,
        read: BalanceReader,
        *,
        max_age: float = 5.0,
        timeout: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._read = read
        self.max_age = max_age
        self.timeout = timeout
        self._clock = clock
        self._last: tuple[float, Decimal] | None = None  # (when, value)

    async def before(self) -> Decimal | None:
        """The balance now: a recent reading if no accepted create came since, else fresh."""
        if self._last is not None and self._clock() - self._last[0] <= self.max_age:
            return self._last[1]
        return await self.after()

    async def after(self) -> Decimal | None:
        """A fresh reading (kept as the next create's "before")."""
        try:
            value = await asyncio.wait_for(self._read(), self.timeout)
        except Exception as exc:  # no evidence, never a failed create
            log.info("The balance could not be read (%s); no evidence about charges", exc)
            self._last = None
            return None
        self._last = None if value is None else (self._clock(), value)
        return value

    def spent(self) -> None:
        """A create was accepted: the balance may have changed since the last reading."""
        self._last = None


def evidence(before: Decimal, after: Decimal) -> messages.JobText:
    """The sentence saying what the balance readings suggest about a create."""
    if after < before:
        return messages.balance_dropped(money(before - after))
    return messages.balance_unchanged(money(after))


def money(amount: Decimal) -> str:
    """``0.61``, ``18.50``: at least two decimals, more only when the server gave them."""
    cents = amount.quantize(Decimal("0.01"))
    return str(cents if cents == amount else amount.normalize())
