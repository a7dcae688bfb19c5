"""Call QtMultimedia slots without holding Python's GIL.

Why: PySide keeps the GIL during ordinary calls such as ``QMediaPlayer.stop()``. When FFmpeg's
audio-renderer thread tears down, it calls ``disconnectNotify()`` on our Python-created
``QAudioOutput``, and PySide needs the GIL to see whether Python overrides it, while holding a
signal-slot lock. If the GUI thread is at that moment inside ``stop()`` or ``setSource()``
(GIL held) waiting for the same lock, both wait forever. Seen with PySide6 6.11.3 about once
per few hundred stop/reload cycles (gdb: ``take_gil`` in ``QFFmpeg::AudioRenderer`` vs
``QObject::disconnect`` in the GUI thread).

``QMetaObject.invokeMethod`` releases the GIL around the call (PySide's ``invokeMetaMethod``
helper), so the same slot invoked through it is synchronous and cannot deadlock this way.
"""

from __future__ import annotations

from PySide6.QtCore import Q_ARG, QEventLoop, QMetaObject, QObject, Qt

__all__ = ["call_slot", "delete_in_event_loop"]


def call_slot(target: QObject, slot: str, *args: tuple[str, object]) -> None:
    """``target.slot(*values)`` now, on this thread, with the GIL released.

    ``args`` are ``(C++ type name, value)`` pairs, e.g. ``("qint64", 1500)``.
    """
    arguments = [Q_ARG(type_name, value) for type_name, value in args]
    if not QMetaObject.invokeMethod(target, slot, Qt.ConnectionType.DirectConnection, *arguments):
        raise RuntimeError(f"{type(target).__name__} has no slot {slot}({args})")


def delete_in_event_loop(target: QObject) -> None:
    """Delete ``target`` now, from a short local event loop of the calling thread.

    Deleting from Python (refcount or ``shiboken6.delete``) runs the C++ destructor with the
    GIL held, the situation described above; a deferred delete dispatched by the event loop
    does not hold it. Only for threads without a loop of their own (pool workers): in the
    GUI thread a nested loop would re-enter asyncio.
    """
    loop = QEventLoop()
    target.destroyed.connect(loop.quit)
    target.deleteLater()  # posted before the loop starts: processed as soon as it runs
    loop.exec()
