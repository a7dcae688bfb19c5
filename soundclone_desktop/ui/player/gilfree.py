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

from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt

__all__ = ["call_slot"]


def call_slot(target: QObject, slot: str, *args: tuple[str, object]) -> None:
    """``target.slot(*values)`` now, on this thread, with the GIL released.

    ``args`` are ``(C++ type name, value)`` pairs, e.g. ``("qint64", 1500)``.
    """
    arguments = [Q_ARG(type_name, value) for type_name, value in args]
    if not QMetaObject.invokeMethod(target, slot, Qt.ConnectionType.DirectConnection, *arguments):
        raise RuntimeError(f"{type(target).__name__} has no slot {slot}({args})")
