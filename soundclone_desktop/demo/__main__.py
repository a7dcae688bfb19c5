"""``python -m soundclone_desktop.demo``."""

from __future__ import annotations

from .cli import main

raise SystemExit(main(prog="python -m soundclone_desktop.demo"))
