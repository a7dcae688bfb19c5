"""The Help menu: keyboard shortcuts (read from the actions), the guide, About."""

from .attach import HelpMenu, HelpNeeds, attach_help

__all__ = ["HelpMenu", "HelpNeeds", "attach_help"]
