"""The sentences jobs carry in ``Job.error`` and ``Job.message``.

Each says what happened and what to do next; none contains the API key. They are English;
the UI may map states and these texts to translations.
"""

from __future__ import annotations

from collections.abc import Iterable

from soundclone_desktop.api.errors import (
    APIError,
    ConnectionLost,
    OutcomeUnknownError,
    RequestTimeout,
)
from soundclone_desktop.core.params import FieldProblem

KEY_REJECTED_ON_CREATE = (
    "The server rejected the API key, so the task was not created and nothing was charged. "
    "Check the key in the account settings, then submit again."
)
KEY_REJECTED_WHILE_POLLING = (
    "The server rejected the API key, so checking on tasks has paused. Your tasks keep "
    "running on the server; enter a valid key to resume."
)
UNREACHABLE = (
    "Could not reach the server, so nothing was sent. Check the internet connection and the "
    "server address, then try again."
)
OUTCOME_INTERRUPTED = (
    "Sending was interrupted, so the server may or may not have created this task. It was not "
    "sent again, to avoid a second charge; check the task list on the website before "
    "submitting again."
)
OUTCOME_UNCLEAR = (
    "Something went wrong while sending, so the server may or may not have created this task. "
    "It was not sent again, to avoid a second charge; check the task list on the website "
    "before submitting again."
)
TASK_CANCELLED_BY_SERVER = "The server cancelled this task. Submit it again if you still need it."
NO_MODEL_ID = (
    "The server finished the preview but sent no voice model ID, so the voice cannot be used. "
    "Try cloning again, or contact the service's support with the task ID."
)
NO_SUBTITLES = "The server sent no subtitle file for this task; the audio was saved."
RUNNER_CLOSED = "Stopped checking on tasks because the app is closing; they continue on the server."


def invalid(problems: Iterable[FieldProblem]) -> str:
    return "The request was not sent: " + " ".join(p.message for p in problems)


def outcome_unknown(exc: OutcomeUnknownError) -> str:
    # The shape "No clear answer came back (…), so the server may…" is matched by
    # ui/job_text.py for translation; the clause stays plain (the technical cause is logged).
    if isinstance(exc.cause, RequestTimeout):
        what = "the server did not answer in time"
    elif isinstance(exc.cause, ConnectionLost):
        what = "the connection broke before the answer arrived"
    else:
        what = "the answer could not be read"
    return (
        f"No clear answer came back ({what}), so the server may or may not have created this "
        "task. It was not sent again, to avoid a second charge; check the task list on the "
        "website before submitting again."
    )


def create_refused(exc: APIError) -> str:
    detail = _sentence(exc.server_message or exc.message)
    return (
        f"The server refused the request: {detail} Nothing was charged; correct it and "
        "submit again."
    )


def server_busy(exc: APIError) -> str:
    detail = _sentence(exc.server_message or exc.message)
    return (
        f"The server could not take the task right now: {detail} It answered with an error, so "
        "nothing was created or charged. Try again in a few minutes."
    )


def task_failed(error: str | None) -> str:
    reason = _sentence(error) if error else "It gave no reason."
    return f"The server could not finish this task: {reason}"


def task_refused(task_id: str | None, exc: APIError) -> str:
    detail = _sentence(exc.server_message or exc.message)
    return (
        f"The server no longer answers for task {task_id}: {detail} "
        "Look the task up on the website if it was paid for."
    )


def cancelled(task_id: str | None) -> str:
    return (
        f"Stopped waiting here. The server keeps task {task_id} and may still finish (and "
        "charge) it; you can follow it again later with its ID."
    )


def reconnecting(delay: float) -> str:
    return f"Reconnecting… the server did not answer properly; next try in {delay:.0f} s."


def taking_long(gap: float) -> str:
    return (
        f"This task is taking unusually long. It is still being checked every {gap:.0f} s and "
        "its result will be saved when it arrives."
    )


def waiting_for_link(delay: float) -> str:
    return (
        "The task is finished but the server sent no audio link yet; asking again in "
        f"{delay:.0f} s."
    )


def download_retry(delay: float) -> str:
    return (
        f"The result is ready but downloading it failed; trying again in {delay:.0f} s. "
        "It is kept on the server meanwhile."
    )


def too_large(task_id: str | None, limit: int) -> str:
    return (
        f"The result of task {task_id} is larger than the {limit // 1_000_000} MB limit, so it "
        "was not saved. Download it from the website instead."
    )


def _sentence(text: str) -> str:
    """``text`` trimmed and ending with a full stop, so it can sit inside a sentence."""
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", "。", "！", "？")) else text + "."
