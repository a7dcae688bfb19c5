"""What can go wrong opening or changing a book, said as a problem kind the UI and CLI word."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class BookProblem(StrEnum):
    NOT_FOUND = "not-found"
    NOT_A_BOOK = "not-a-book"
    NEWER_VERSION = "newer-version"
    EXISTS = "exists"  # create() over an existing file or folder
    UNREADABLE = "unreadable"  # locked, no permission: not the file's fault
    DAMAGED = "damaged"  # damaged while open; the change was not saved


class BookError(Exception):
    def __init__(self, problem: BookProblem, path: Path, detail: str = "") -> None:
        super().__init__(f"{path}: {problem.value}" + (f" ({detail})" if detail else ""))
        self.problem = problem
        self.path = path
        self.detail = detail
