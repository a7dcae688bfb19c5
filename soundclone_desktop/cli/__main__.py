"""``python -m soundclone_desktop.cli`` runs the ``soundclone`` command."""

from soundclone_desktop.cli import main

raise SystemExit(main())
