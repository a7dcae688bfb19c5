"""Reading manuscripts (.txt, .md, .docx, .epub) into a :class:`Manuscript` for review.

I/O only: each format has its module; the rules (chapters, clean-up) live in
``core.book``. Nothing here imports Qt. Entry point: :func:`load_manuscript`.
"""

from __future__ import annotations

from .errors import ManuscriptError, ManuscriptErrorCode
from .load import MAX_MANUSCRIPT_BYTES, load_manuscript

__all__ = ["MAX_MANUSCRIPT_BYTES", "ManuscriptError", "ManuscriptErrorCode", "load_manuscript"]
