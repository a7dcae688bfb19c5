"""Keep Hypothesis' cache out of the checkout.

pyproject's ``norecursedirs`` replaces pytest's default ignores, so a ``.hypothesis`` folder in
the repository makes Hypothesis' pytest plugin warn at collection, which ``filterwarnings =
error`` turns into a failed run. ``HYPOTHESIS_STORAGE_DIRECTORY`` still wins when set.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis.configuration import set_hypothesis_home_dir

if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "soundclone-hypothesis")
