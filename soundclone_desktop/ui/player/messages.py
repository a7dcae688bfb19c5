"""User-facing sentences for player failures (translated; context "Player")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtMultimedia import QMediaPlayer

__all__ = ["media_error_message", "no_output_message", "unavailable_message"]


def media_error_message(error: QMediaPlayer.Error) -> str:
    """What happened and what to try, for a ``QMediaPlayer`` error code."""
    Error = QMediaPlayer.Error  # noqa: N806 (a Qt enum alias)
    if error == Error.FormatError:
        return QCoreApplication.translate(
            "Player", "This audio file could not be played: it may be damaged."
        )
    if error == Error.ResourceError:
        return QCoreApplication.translate(
            "Player",
            "This audio file could not be opened. It may have been moved or deleted; "
            "use Show in folder to look for it.",
        )
    if error == Error.AccessDeniedError:
        return QCoreApplication.translate(
            "Player", "This audio file could not be read: permission was denied."
        )
    if error == Error.NetworkError:
        return QCoreApplication.translate(
            "Player", "The audio could not be loaded because of a network problem."
        )
    return QCoreApplication.translate("Player", "The audio could not be played.")


def unavailable_message() -> str:
    return QCoreApplication.translate(
        "Player",
        "Audio playback is not available on this system (QtMultimedia backend missing)",
    )


def no_output_message() -> str:
    return QCoreApplication.translate(
        "Player",
        "No sound device was found, so playback is silent. Connect speakers or headphones "
        "and press Play again.",
    )
