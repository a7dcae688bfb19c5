"""Why a write to the disk failed, in words a user can act on.

Pure classification of an exception (no I/O): the task library (SQLite), the downloads and
the CLI all need to say "the folder is read-only" or "the disk is full" rather than quote an
errno, and to tell those lasting conditions apart from a passing glitch worth retrying.
"""

from __future__ import annotations

import errno
from enum import StrEnum


class StorageCause(StrEnum):
    """A lasting reason why nothing can be written to a folder."""

    READ_ONLY = "read-only"
    DISK_FULL = "disk-full"
    NO_PERMISSION = "no-permission"
    NOT_A_FOLDER = "not-a-folder"


# Plain clauses for a sentence ("… cannot be written: <clause>"); a UI translates them by cause.
CAUSE_CLAUSES = {
    StorageCause.READ_ONLY: "the folder is read-only",
    StorageCause.DISK_FULL: "the disk is full",
    StorageCause.NO_PERMISSION: "there is no permission to write there",
    StorageCause.NOT_A_FOLDER: "a file is in the way where a folder should be",
}

_ERRNO_CAUSES = {
    errno.EROFS: StorageCause.READ_ONLY,
    errno.ENOSPC: StorageCause.DISK_FULL,
    errno.EDQUOT: StorageCause.DISK_FULL,  # over quota: full for this user
    errno.EFBIG: StorageCause.DISK_FULL,  # a file size limit: no more room either
    errno.EACCES: StorageCause.NO_PERMISSION,
    errno.EPERM: StorageCause.NO_PERMISSION,
    errno.ENOTDIR: StorageCause.NOT_A_FOLDER,
    errno.EEXIST: StorageCause.NOT_A_FOLDER,  # mkdir(exist_ok=True) over a file
}

# SQLite reports the same conditions with its own codes (sqlite3.Error.sqlite_errorname).
_SQLITE_CAUSES = {
    "SQLITE_READONLY": StorageCause.READ_ONLY,
    "SQLITE_FULL": StorageCause.DISK_FULL,
    "SQLITE_PERM": StorageCause.NO_PERMISSION,
}


def storage_cause(exc: BaseException | None) -> StorageCause | None:
    """The lasting cause behind ``exc`` (or an exception it was raised from), or None."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        cause = _direct_cause(exc)
        if cause is not None:
            return cause
        exc = exc.__cause__ or exc.__context__
    return None


def cause_clause(cause: StorageCause | None, detail: str = "") -> str:
    """``cause`` as a clause; the technical detail when the cause is not one we know."""
    if cause is not None:
        return CAUSE_CLAUSES[cause]
    return detail.strip().rstrip(".") or "an unknown error"


def _direct_cause(exc: BaseException) -> StorageCause | None:
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str):
        for prefix, cause in _SQLITE_CAUSES.items():
            if name.startswith(prefix):  # SQLITE_READONLY_DBMOVED and friends too
                return cause
    if isinstance(exc, OSError) and exc.errno is not None:
        return _ERRNO_CAUSES.get(exc.errno)
    return None
