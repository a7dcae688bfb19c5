"""Captions: the pane that follows playback, the editor highlight, and export wiring."""

from .attach import CaptionsController, CaptionsNeeds, PlayedResult, attach_captions
from .pane import CaptionsPane, PaneState

__all__ = [
    "CaptionsController",
    "CaptionsNeeds",
    "CaptionsPane",
    "PaneState",
    "PlayedResult",
    "attach_captions",
]
