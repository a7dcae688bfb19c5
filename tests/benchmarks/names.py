"""Environment variables the start-up launchers read (kept Qt-free for the parent process)."""

from __future__ import annotations

READY_FILE_ENV = "SOUNDCLONE_BENCH_READY_FILE"  # where the probe writes its JSON
SETTLE_ENV = "SOUNDCLONE_BENCH_SETTLE"  # seconds to keep watching after the first idle
LIST_FILES_ENV = "SOUNDCLONE_BENCH_LIST_FILES"  # also report the files this start read
OPEN_HISTORY_ENV = "SOUNDCLONE_BENCH_OPEN_HISTORY"  # click the History tab once settled
