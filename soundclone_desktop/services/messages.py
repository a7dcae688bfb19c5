"""The sentences jobs carry in ``Job.error`` and ``Job.message``.

Each says what happened and what to do next; none contains the API key. Each is an English
``JobText``: a plain ``str`` (the CLI prints it as it is) that also carries a stable ``key``
and the ``values`` in it, so the UI shows a translation without parsing the English.
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


class JobText(str):
    """An English sentence plus the key and values a UI needs to translate it.

    ``tail`` is a second sentence appended to it (evidence about an unknown outcome), kept
    apart so a UI translates both halves.
    """

    key: str
    values: tuple[str, ...]
    tail: JobText | None = None

    def __new__(cls, text: str, key: str, *values: str) -> JobText:
        sentence = super().__new__(cls, text)
        sentence.key = key
        sentence.values = values
        return sentence


KEY_REJECTED_ON_CREATE = JobText(
    "The server rejected the API key, so the task was not created and nothing was charged. "
    "Check the key in the account settings, then submit again.",
    "KEY_REJECTED_ON_CREATE",
)
KEY_REJECTED_WHILE_POLLING = JobText(
    "The server rejected the API key, so checking on tasks has paused. Your tasks keep "
    "running on the server; enter a valid key to resume.",
    "KEY_REJECTED_WHILE_POLLING",
)
UNREACHABLE = JobText(
    "Could not reach the server, so nothing was sent. Check the internet connection and the "
    "server address, then try again.",
    "UNREACHABLE",
)
OUTCOME_INTERRUPTED = JobText(
    "Sending was interrupted, so the server may or may not have created this task. It was not "
    "sent again, to avoid a second charge; check the task list on the website before "
    "submitting again.",
    "OUTCOME_INTERRUPTED",
)
OUTCOME_UNCLEAR = JobText(
    "Something went wrong while sending, so the server may or may not have created this task. "
    "It was not sent again, to avoid a second charge; check the task list on the website "
    "before submitting again.",
    "OUTCOME_UNCLEAR",
)
TASK_CANCELLED_BY_SERVER = JobText(
    "The server cancelled this task. Submit it again if you still need it.",
    "TASK_CANCELLED_BY_SERVER",
)
NO_MODEL_ID = JobText(
    "The server finished the preview but sent no voice model ID, so the voice cannot be used. "
    "Try cloning again, or contact the service's support with the task ID.",
    "NO_MODEL_ID",
)
NO_SUBTITLES = JobText(
    "The server sent no subtitle file for this task; the audio was saved.", "NO_SUBTITLES"
)
RUNNER_CLOSED = JobText(
    "Stopped checking on tasks because the app is closing; they continue on the server.",
    "RUNNER_CLOSED",
)


def invalid(problems: Iterable[FieldProblem]) -> JobText:
    detail = " ".join(p.message for p in problems)
    return JobText("The request was not sent: " + detail, "invalid", detail)


def outcome_unknown(exc: OutcomeUnknownError) -> JobText:
    # The clause stays plain and is one of three fixed phrases (the UI translates it); the
    # technical cause is logged.
    if isinstance(exc.cause, RequestTimeout):
        what = "the server did not answer in time"
    elif isinstance(exc.cause, ConnectionLost):
        what = "the connection broke before the answer arrived"
    else:
        what = "the answer could not be read"
    return JobText(
        f"No clear answer came back ({what}), so the server may or may not have created this "
        "task. It was not sent again, to avoid a second charge; check the task list on the "
        "website before submitting again.",
        "outcome_unknown",
        what,
    )


def create_refused(exc: APIError) -> JobText:
    detail = _sentence(exc.server_message or exc.message)
    return JobText(
        f"The server refused the request: {detail} Nothing was charged; correct it and "
        "submit again.",
        "create_refused",
        detail,
    )


def server_busy(exc: APIError) -> JobText:
    detail = _sentence(exc.server_message or exc.message)
    return JobText(
        f"The server could not take the task right now: {detail} It answered with an error, so "
        "nothing was created or charged. Try again in a few minutes.",
        "server_busy",
        detail,
    )


def task_failed(error: str | None) -> JobText:
    reason = _sentence(error) if error else "It gave no reason."
    return JobText(f"The server could not finish this task: {reason}", "task_failed", reason)


def task_refused(task_id: str | None, exc: APIError) -> JobText:
    detail = _sentence(exc.server_message or exc.message)
    return JobText(
        f"The server no longer answers for task {task_id}: {detail} "
        "Look the task up on the website if it was paid for.",
        "task_refused",
        str(task_id),
        detail,
    )


def cancelled(task_id: str | None) -> JobText:
    return JobText(
        f"Stopped waiting here. The server keeps task {task_id} and may still finish (and "
        "charge) it; you can follow it again later with its ID.",
        "cancelled",
        str(task_id),
    )


def reconnecting(delay: float) -> JobText:
    seconds = f"{delay:.0f}"
    return JobText(
        f"Reconnecting… the server did not answer properly; next try in {seconds} s.",
        "reconnecting",
        seconds,
    )


def taking_long(gap: float) -> JobText:
    seconds = f"{gap:.0f}"
    return JobText(
        f"This task is taking unusually long. It is still being checked every {seconds} s and "
        "its result will be saved when it arrives.",
        "taking_long",
        seconds,
    )


def waiting_for_link(delay: float) -> JobText:
    seconds = f"{delay:.0f}"
    return JobText(
        f"The task is finished but the server sent no audio link yet; asking again in {seconds} s.",
        "waiting_for_link",
        seconds,
    )


def download_retry(delay: float) -> JobText:
    seconds = f"{delay:.0f}"
    return JobText(
        f"The result is ready but downloading it failed; trying again in {seconds} s. "
        "It is kept on the server meanwhile.",
        "download_retry",
        seconds,
    )


def too_large(task_id: str | None, limit: int) -> JobText:
    megabytes = str(limit // 1_000_000)
    return JobText(
        f"The result of task {task_id} is larger than the {megabytes} MB limit, so it "
        "was not saved. Download it from the website instead.",
        "too_large",
        str(task_id),
        megabytes,
    )


def not_recorded(folder: str, clause: str) -> JobText:
    return JobText(
        f"Nothing was sent: the task could not be recorded in the task library in {folder} "
        f"({clause}), and a paid task without a record could be lost. Free some space or make "
        "the folder writable, then try again.",
        "not_recorded",
        folder,
        clause,
    )


def cannot_save(task_id: str | None, folder: str, clause: str) -> JobText:
    return JobText(
        f"The result of task {task_id} could not be saved in {folder} ({clause}). It stays on "
        "the server for a while: free some space or make the folder writable, then "
        "`soundclone resume` (or restarting the app) downloads it.",
        "cannot_save",
        str(task_id),
        folder,
        clause,
    )


def balance_dropped(amount: str) -> JobText:
    return JobText(
        f"The balance dropped by {amount} right after: the task was probably created; look it "
        "up before sending again.",
        "balance_dropped",
        amount,
    )


def balance_unchanged(amount: str) -> JobText:
    return JobText(
        f"The balance was still {amount} right after; that does not prove the task was not "
        "created, so look it up before sending again.",
        "balance_unchanged",
        amount,
    )


def with_tail(head: str, tail: JobText) -> JobText:
    """``head`` followed by ``tail``, still translatable as the two sentences they are."""
    key = head.key if isinstance(head, JobText) else ""
    values = head.values if isinstance(head, JobText) else ()
    text = JobText(f"{head} {tail}", key, *values)
    text.tail = tail
    return text


def _sentence(text: str) -> str:
    """``text`` trimmed and ending with a full stop, so it can sit inside a sentence."""
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", "。", "！", "？")) else text + "."


# -- final notes: a job that cannot go on by itself ends with one of these ------------------

_look_it_up = "Look the task up on the website; its result is kept there."


def needs_attention_status(task_id: str | None, status: str) -> JobText:
    return JobText(
        f"Needs your attention: the server keeps reporting task {task_id} as “{status}”, a "
        f"status this app does not understand, so it stopped checking. {_look_it_up}",
        "needs_attention_status",
        str(task_id),
        status,
    )


def needs_attention_no_link(task_id: str | None) -> JobText:
    return JobText(
        f"Needs your attention: the server says task {task_id} is finished but sends no audio "
        f"link, so the app stopped asking. {_look_it_up}",
        "needs_attention_no_link",
        str(task_id),
    )


def needs_attention_link(task_id: str | None, detail: str) -> JobText:
    return JobText(
        f"Needs your attention: the audio of task {task_id} cannot be downloaded ({detail}), "
        f"so the app stopped trying. {_look_it_up}",
        "needs_attention_link",
        str(task_id),
        detail,
    )


def needs_attention_unreachable(task_id: str | None, minutes: float) -> JobText:
    shown = f"{max(1.0, minutes):.0f}"
    return JobText(
        f"Needs your attention: the server did not answer properly for about {shown} min, so "
        f"the app stopped checking on task {task_id}. The task continues on the server; "
        "look it up on the website.",
        "needs_attention_unreachable",
        str(task_id),
        shown,
    )


def needs_attention_slow(task_id: str | None, hours: float) -> JobText:
    shown = f"{hours:g}"
    return JobText(
        f"Needs your attention: task {task_id} is still not finished after {shown} h, so the "
        "app stopped checking. It continues on the server; look it up on the website later.",
        "needs_attention_slow",
        str(task_id),
        shown,
    )


def subtitles_failed(detail: str) -> JobText:
    return JobText(
        f"The audio was saved, but the subtitles could not be downloaded ({detail}).",
        "subtitles_failed",
        detail,
    )
