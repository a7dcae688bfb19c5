"""Long-lived objects out of the garbage collector's way.

A full collection scans every tracked object. The studio's heap (modules, Qt wrappers,
the window, an open book) is large enough that one took 90–230 ms here, in whichever
thread ran it, holding the GIL: the longest GUI stalls of a 200-task burst and of a book
render. What exists once the studio is built (and again once a book is shown) lives until
the end, so it is moved out of the collected generations (``gc.freeze``). Frozen objects
are still freed when nothing refers to them; only cycles among them would stay.
"""

from __future__ import annotations

import gc


def freeze_long_lived() -> None:
    """Stop the collector re-scanning everything alive now (see the module doc)."""
    # No collection first: a full one is the very stall this avoids (garbage cycles alive
    # now stay, a one-off cost in memory).
    gc.freeze()
