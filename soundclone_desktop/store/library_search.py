"""How the task library sorts and filters a search: the SQL for ``ORDER BY`` and ``WHERE``.

Search is a case-insensitive substring match (Unicode case folding) over the folded
``haystack`` column (see :func:`~soundclone_desktop.store.library_rows.haystack`).
"""

from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum

from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.store.library_rows import marks


class SortKey(StrEnum):
    CREATED = "created"
    VOICE = "voice"
    TEXT = "text"
    DURATION = "duration"
    STATE = "state"
    COST = "cost"


# The order of the lifecycle, so sorting by state reads like the task list.
_STATE_ORDER = (
    JobState.SENDING,
    JobState.SUBMITTED,
    JobState.QUEUED,
    JobState.PROCESSING,
    JobState.DOWNLOADING,
    JobState.DOWNLOADED,
    JobState.OUTCOME_UNKNOWN,
    JobState.FAILED,
    JobState.CANCELLED,
)
_STATE_RANK = "CASE state " + " ".join(
    f"WHEN '{state.value}' THEN {rank}" for rank, state in enumerate(_STATE_ORDER)
) + f" ELSE {len(_STATE_ORDER)} END"  # fmt: skip

# Expressions to sort by; a missing value (NULL) sorts last either way.
_SORT_COLUMNS = {
    SortKey.CREATED: "created_at",
    SortKey.VOICE: "voice_id COLLATE NOCASE",
    SortKey.TEXT: "text COLLATE NOCASE",
    SortKey.DURATION: "duration",
    SortKey.STATE: _STATE_RANK,
    SortKey.COST: "CAST(estimate AS REAL)",
}
_NULLABLE_SORTS = {
    SortKey.VOICE: "voice_id",
    SortKey.DURATION: "duration",
    SortKey.COST: "estimate",
}


def order_by(sort: SortKey, descending: bool) -> str:
    """The ``ORDER BY`` expression of a search: missing values last, then newest, then id."""
    direction = "DESC" if descending else "ASC"
    order = ""
    if sort in _NULLABLE_SORTS:
        order = f"({_NULLABLE_SORTS[sort]} IS NULL), "
    return order + f"{_SORT_COLUMNS[sort]} {direction}, created_at {direction}, local_id"


def search_filter(text: str, states: Collection[JobState] | None) -> tuple[str, list[object]]:
    clauses: list[str] = []
    args: list[object] = []
    needle = text.strip().casefold()
    if needle:
        clauses.append("instr(haystack, ?) > 0")
        args.append(needle)
    if states is not None:
        values = [JobState(s).value for s in states]
        if not values:
            return " WHERE 0", []
        clauses.append(f"state IN ({marks(len(values))})")
        args += values
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args
