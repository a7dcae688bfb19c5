"""Books on disk: the ``.scbook`` folder (``docs/book-format.md``) and ``.scproj`` as a book."""

from .errors import BookError, BookProblem
from .scproj import open_scproj_as_book
from .store import (
    SUFFIX,
    BookStore,
    CollectReport,
    with_suffix,
)

__all__ = [
    "SUFFIX",
    "BookError",
    "BookProblem",
    "BookStore",
    "CollectReport",
    "open_scproj_as_book",
    "with_suffix",
]
