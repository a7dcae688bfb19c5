"""Projects: saving and opening ``.scproj`` files, autosave and recovery, closing safely."""

from .attach import attach_projects
from .controller import ProjectController, ProjectNeeds

__all__ = ["ProjectController", "ProjectNeeds", "attach_projects"]
