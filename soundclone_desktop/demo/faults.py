"""Which request fails, and how: seeded random faults plus explicit "next N requests" ones.

Kinds and when they strike (for a create, "after" means the task exists and is charged but
the client never learns its id: the realistic worst case):

- ``http500``  HTTP 500 with envelope code -1, before processing;
- ``envelope`` HTTP 200 with envelope code -1, before processing;
- ``http429``  HTTP 429 with ``Retry-After: 1`` and envelope code -1, before processing;
- ``slow``     waits ``slow_delay`` seconds, then answers normally;
- ``timeout``  processes, waits ``fault_delay`` seconds, then closes without an answer;
- ``drop``     processes, then closes the connection without an answer;
- ``malformed`` processes, then answers HTTP 200 with truncated JSON.

File faults, only when asked for (see ``FILE_FAULT_KINDS``), before processing:

- ``notfound``      HTTP 404;
- ``file-redirect`` HTTP 302 to ``file:///etc/passwd``;
- ``echo-page``     HTTP 200 with a text body that starts with the API key.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass

from .config import ALL_FAULT_KINDS, FILE_FAULT_KINDS, DemoConfig

BEFORE = frozenset({"http500", "envelope", "http429", *FILE_FAULT_KINDS})
AFTER = frozenset({"timeout", "drop", "malformed"})


@dataclass
class _Injection:
    kind: str
    remaining: int
    path_contains: str | None


def request_class(method: str, path: str) -> str:
    """``"creates"`` for POST API calls (upload, preview, audio), ``"reads"`` otherwise."""
    return "creates" if method == "POST" else "reads"


class FaultPlan:
    def __init__(self, config: DemoConfig) -> None:
        self._config = config
        self._random = random.Random(config.seed)
        self._injections: list[_Injection] = []
        self._lock = threading.Lock()

    def inject(self, kind: str, count: int = 1, path_contains: str | None = None) -> None:
        """Make the next ``count`` matching API or file requests fail with ``kind``."""
        if kind not in ALL_FAULT_KINDS:
            raise ValueError(
                f"unknown fault kind {kind!r}; choose from {', '.join(ALL_FAULT_KINDS)}"
            )
        if count < 1:
            raise ValueError("count must be at least 1")
        with self._lock:
            self._injections.append(_Injection(kind, count, path_contains))

    def clear(self) -> None:
        with self._lock:
            self._injections.clear()

    def pick(self, method: str, path: str) -> str | None:
        """The fault for this request, or ``None``. Explicit injections come first."""
        with self._lock:
            for injection in self._injections:
                if injection.path_contains is None or injection.path_contains in path:
                    injection.remaining -= 1
                    if injection.remaining <= 0:
                        self._injections.remove(injection)
                    return injection.kind
            config = self._config
            if config.fail_rate <= 0:
                return None
            scope = config.fault_scope
            if scope != "all" and request_class(method, path) != scope:
                return None
            # Both draws happen for every eligible request, so the sequence depends only on
            # the seed and the order of requests.
            roll = self._random.random()
            kind = self._random.choice(config.fault_kinds)
            return kind if roll < config.fail_rate else None
