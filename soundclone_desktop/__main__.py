"""``python -m soundclone_desktop`` starts the desktop app (also the PyInstaller entry point)."""

from soundclone_desktop.app import main

if __name__ == "__main__":
    raise SystemExit(main())
