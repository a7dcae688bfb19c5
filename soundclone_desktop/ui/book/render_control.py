"""What the book view asks of the render queue, and the stand-in until it is connected.

The app's implementation is :class:`~.render_adapter.QueueRenderControl` (the render queue
with the session's runner): the view emits requests through it and listens to its
:class:`~soundclone_desktop.core.book.progress.RenderSnapshot` updates.
:class:`NotConnected` (tests, a window without a session) keeps the buttons disabled and
says why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from soundclone_desktop.i18n import translate

if TYPE_CHECKING:
    from soundclone_desktop.core.book.progress import RenderSnapshot
    from soundclone_desktop.store.book import BookStore

CTX = "BookView"

ProgressListener = Callable[["RenderSnapshot"], None]


class RenderControl(Protocol):
    def unavailable_reason(self) -> str | None:
        """Why rendering cannot start now (one sentence), or None when it can."""

    def set_book(self, store: BookStore | None) -> None:
        """The book open now (None: closed); a render of a book that closes stops sending."""

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` when :meth:`unavailable_reason` may have changed."""

    def render(self, store: BookStore, chapter_ids: Sequence[str] | None) -> None:
        """Queue the chapters' segments that need audio (``None``: the whole book)."""

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def listen(self, listener: ProgressListener) -> None:
        """Call ``listener`` on the GUI thread with every new snapshot."""


class NotConnected:
    """The render queue is not part of this build yet: every request is refused."""

    def unavailable_reason(self) -> str | None:
        return translate(CTX, "Rendering is not available yet")

    def set_book(self, store: BookStore | None) -> None:
        pass

    def on_change(self, listener: Callable[[], None]) -> None:
        pass  # never available

    def render(self, store: BookStore, chapter_ids: Sequence[str] | None) -> None:
        raise RuntimeError("no render queue is connected")

    def pause(self) -> None:
        raise RuntimeError("no render queue is connected")

    def resume(self) -> None:
        raise RuntimeError("no render queue is connected")

    def listen(self, listener: ProgressListener) -> None:
        pass  # nothing will ever be reported
