"""Projects: saving and opening ``.scproj`` files, autosave and recovery, closing safely."""

from .attach import attach_projects
from .controller import ProjectController

__all__ = ["ProjectController", "attach_projects"]
