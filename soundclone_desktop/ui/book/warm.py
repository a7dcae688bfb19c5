"""What a book needs just after it shows, loaded in a worker when the book view is built.

As soon as a chapter shows, the redo, findings and changed-segment layers import their
services (the audio engine's measures and splicing, the stitcher) on first use, on the GUI
thread: 400-550 ms in one turn the first time a book opens in a session (issue 14). Imported
in a worker instead, the GUI thread runs between the module bodies' bytecodes (the longest
wait measured: about 70 ms, against the whole half second). The worker starts when the
book view is built, which with File › Open Book… is while the user picks a folder. The
controller waits for it before it shows a chapter: a module the worker is still loading
would make the GUI thread wait on its import lock instead.
"""

from __future__ import annotations

import importlib
import logging
import threading
from concurrent.futures import Future
from typing import Final

log = logging.getLogger(__name__)

# Imported lazily by the layers over a chapter (redo_action, findings_layer, stale_layer)
# and by the chapter player (chapter_audio.STITCH_MODULE); no Qt in any of them.
MODULES: Final = (
    "soundclone_desktop.services.book.redo",
    "soundclone_desktop.services.book.chapter_findings",
    "soundclone_desktop.services.book.changed_segments",
    "soundclone_desktop.services.book.stitch",
)


def start(modules: tuple[str, ...] = MODULES) -> Future[None]:
    """Import ``modules`` in a daemon thread; the future is done once it has (a module
    that fails to import is logged and left to fail again where it is used)."""
    done: Future[None] = Future()

    def run() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:
                log.exception("Loading %s ahead of a book failed", name)
        done.set_result(None)

    threading.Thread(target=run, name="book-warm-up", daemon=True).start()
    return done
