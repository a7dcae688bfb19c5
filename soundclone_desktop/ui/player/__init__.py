"""The result player: playback controls, waveform overview, save and show-in-folder."""

from .player_widget import PlayerWidget
from .waveform import WaveformState, WaveformView

__all__ = ["PlayerWidget", "WaveformState", "WaveformView"]
