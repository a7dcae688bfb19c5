"""SoundClone Desktop: a desktop studio for cloned-voice text-to-speech."""

__version__ = "0.1.0"
