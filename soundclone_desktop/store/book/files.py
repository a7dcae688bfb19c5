"""Copying a file into the book folder without ever leaving half a file."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path


def copy_atomically(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` through a temporary file (never half a file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        shutil.copyfile(source, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
