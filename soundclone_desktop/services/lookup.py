"""Looking up an outcome-unknown entry by the task id the user found on the website.

The app's "Look up by task ID" and ``soundclone resume ID --task TASK_ID`` share these
checks, so both refuse the same things:

- the entry must be *outcome unknown* (or a lookup of it failed because the server did not
  know the id typed: the entry was left correctable). Any other entry already has its task:
  following another id under it would hide a charged task;
- the id must look like a task id. The API gives ``audio_<uuid>``; the rule here is looser so
  that a plausible id of another form is not refused: 1 to 128 characters of letters, digits
  and ``_ - . :``, starting with a letter or digit. That stops pasted sentences, URLs and
  spaces, not a typo inside an id: the server decides those;
- no other entry owns that id (two entries on one task would hide the other's charge).

A lookup the server answers with "no such task" puts the entry back to outcome unknown
(:func:`settle_failed_lookup`) instead of leaving it failed for ever, so the right id can be
tried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from soundclone_desktop.core.jobs import FailureReason, Job, JobState
from soundclone_desktop.store.library import TaskLibrary, TaskRecord, normalise_url

TASK_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")
WRONG_ID = (
    "The server has no task {task_id}, so this entry is still unresolved: check the ID on the "
    "website and look it up again."
)


class LookupRefusal(StrEnum):
    NOT_UNRESOLVED = "not-unresolved"  # the entry has its task already (or is running)
    BAD_ID = "bad-id"  # not the shape of a task id
    TAKEN = "taken"  # another entry owns this task id
    OTHER_SERVER = "other-server"  # the entry was sent to another server


@dataclass(frozen=True)
class LookupCheck:
    """Why a lookup is refused (None: it may go ahead); ``owner`` is the entry that has the
    task id already (for :attr:`LookupRefusal.TAKEN`)."""

    refusal: LookupRefusal | None
    owner: TaskRecord | None = None

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def clean_task_id(text: str) -> str:
    """A pasted task id without the spaces and quotes that come along when copying."""
    return text.strip().strip("\"'`“”‘’").strip()


def is_task_id(text: str) -> bool:
    """Whether ``text`` has the shape of a task id (see the module docstring for the rule)."""
    return TASK_ID_PATTERN.fullmatch(text) is not None


def correctable(library: TaskLibrary, record: TaskRecord) -> bool:
    """Whether ``record`` may get a task id from a lookup.

    Outcome unknown, or failed with "the server does not know the task" after having been
    outcome unknown: a wrong id looked up before this rule put entries there.
    """
    if record.state is JobState.OUTCOME_UNKNOWN:
        return True
    if record.state is not JobState.FAILED or record.demo:
        return False
    if record.reason != FailureReason.TASK_UNKNOWN.value:
        return False
    return any(state is JobState.OUTCOME_UNKNOWN for state, _at in library.events(record.local_id))


def check_lookup(
    library: TaskLibrary, record: TaskRecord, task_id: str, base_url: str | None = None
) -> LookupCheck:
    """Whether ``task_id`` may be followed as the task of ``record`` (blocking: library
    reads). ``base_url``: the server the lookup would ask, when known."""
    if not correctable(library, record):
        return LookupCheck(LookupRefusal.NOT_UNRESOLVED)
    if not is_task_id(task_id):
        return LookupCheck(LookupRefusal.BAD_ID)
    if base_url is not None and normalise_url(record.base_url) != normalise_url(base_url):
        return LookupCheck(LookupRefusal.OTHER_SERVER)
    owner = library.by_task_id(task_id)
    if owner is not None and owner.local_id != record.local_id:
        return LookupCheck(LookupRefusal.TAKEN, owner)
    return LookupCheck(None)


def is_wrong_id(job: Job) -> bool:
    """Whether a lookup's job ended because the server does not know its task id."""
    return job.state is JobState.FAILED and job.reason is FailureReason.TASK_UNKNOWN


def settle_failed_lookup(library: TaskLibrary, job: Job) -> bool:
    """After a lookup whose id the server does not know: the entry goes back to outcome
    unknown without that id, so the right one can be looked up. True if it did."""
    if not is_wrong_id(job) or job.task_id is None:
        return False
    library.forget_task_id(
        job.local_id,
        JobState.OUTCOME_UNKNOWN,
        reason=FailureReason.OUTCOME_UNKNOWN.value,
        error=WRONG_ID.format(task_id=job.task_id),
    )
    return True
