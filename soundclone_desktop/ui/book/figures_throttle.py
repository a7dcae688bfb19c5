"""At most one refresh per moment while a book's figures keep changing.

During a render the book's figures change several times a second (every take adopted).
A view that recomputes something of the open chapter on each change (its findings, its
changed segments) would then compute without pause in workers holding the GIL: measured,
55 % of a core and 180 GUI stalls over 50 ms during a 300-segment render. Changes are
gathered instead, and the refresh runs once when the moment has passed (a longer moment
while a render runs: every 2 s still cost 31 % of a core, every 10 s 11 %).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

FIGURES_SETTLE_MS = 2000
RENDERING_SETTLE_MS = 10_000  # while a render runs: its takes land several times a second


def throttled(
    parent: QObject, refresh: Callable[[], object], rendering: Callable[[], bool]
) -> Callable[[], None]:
    """A slot for ``figures_changed`` that calls ``refresh`` once a burst of changes has
    had :data:`FIGURES_SETTLE_MS` (:data:`RENDERING_SETTLE_MS` while ``rendering()``)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.timeout.connect(refresh)

    def changed() -> None:
        if not timer.isActive():
            timer.start(RENDERING_SETTLE_MS if rendering() else FIGURES_SETTLE_MS)

    return changed
