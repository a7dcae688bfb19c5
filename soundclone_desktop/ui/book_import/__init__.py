"""Importing a manuscript: the review dialog (chapters, clean-up, findings, estimate) and its
place in the File menu. The book view receives the result through ``on_manuscript``."""

from .attach import BookImport, BookImportNeeds, attach_book_import

# The dialog (and the readers it imports) is in .dialog, imported on first use.
__all__ = ["BookImport", "BookImportNeeds", "attach_book_import"]
