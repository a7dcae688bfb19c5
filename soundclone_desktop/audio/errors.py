"""The one error type of the audio layer (its own module: importing it loads no NumPy)."""

from __future__ import annotations


class AudioError(Exception):
    """Audio could not be read, measured or written; ``str()`` is a sentence for the user."""
