"""Captions: the pane that follows playback, the editor highlight, and export wiring."""

from .attach import CaptionsController, PlayedResult, attach_captions
from .pane import CaptionsPane, PaneState

__all__ = ["CaptionsController", "CaptionsPane", "PaneState", "PlayedResult", "attach_captions"]
