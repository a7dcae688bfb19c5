"""The history panel: every task in the task library, searchable, with its actions."""

from .attach import attach_history
from .controller import HistoryController, HistoryNeeds
from .model import HistoryModel

__all__ = ["HistoryController", "HistoryModel", "HistoryNeeds", "attach_history"]
