"""Translated versions of the English sentences the task runner puts on jobs.

``services.messages`` is Qt-free and writes English ``JobText`` sentences that also carry a
stable key and the values in them (seconds, task ids, the server's own words). This looks the
key up and fills the translated template, so no English is parsed. Text that is not a
``JobText`` is shown as it is: English is better than nothing. ``tests/ui/test_task_list.py``
checks that every sentence the messages module can produce has a translation here.
"""

from __future__ import annotations

from soundclone_desktop.core.storage import CAUSE_CLAUSES, StorageCause
from soundclone_desktop.i18n import translate
from soundclone_desktop.services import messages
from soundclone_desktop.services.messages import JobText

CTX = "JobMessages"


def _constants() -> dict[str, str]:
    return {
        messages.KEY_REJECTED_ON_CREATE.key: translate(
            CTX,
            "The server rejected the API key, so the task was not created and nothing was "
            "charged. Check the key in Settings, then submit again.",
        ),
        messages.KEY_REJECTED_WHILE_POLLING.key: translate(
            CTX,
            "The server rejected the API key, so checking on tasks has paused. Your tasks "
            "keep running on the server; enter a valid key to resume.",
        ),
        messages.UNREACHABLE.key: translate(
            CTX,
            "Could not reach the server, so nothing was sent. Check the internet connection "
            "and the server address, then try again.",
        ),
        messages.OUTCOME_INTERRUPTED.key: translate(
            CTX,
            "Sending was interrupted, so the server may or may not have created this task. "
            "It was not sent again, to avoid a second charge; check the task list on the "
            "website before submitting again.",
        ),
        messages.OUTCOME_UNCLEAR.key: translate(
            CTX,
            "Something went wrong while sending, so the server may or may not have created "
            "this task. It was not sent again, to avoid a second charge; check the task list "
            "on the website before submitting again.",
        ),
        messages.TASK_CANCELLED_BY_SERVER.key: translate(
            CTX, "The server cancelled this task. Submit it again if you still need it."
        ),
        messages.NO_MODEL_ID.key: translate(
            CTX,
            "The server finished the preview but sent no voice model ID, so the voice cannot "
            "be used. Try cloning again, or contact support with the task ID.",
        ),
        messages.NO_SUBTITLES.key: translate(
            CTX, "The server sent no subtitle file for this task; the audio was saved."
        ),
        messages.RUNNER_CLOSED.key: translate(
            CTX,
            "Stopped checking on tasks because the app is closing; they continue on the server.",
        ),
    }


def _clause(text: str) -> str:
    """The cause inside ``messages.outcome_unknown``'s brackets."""
    clauses = {
        "the server did not answer in time": translate(CTX, "the server did not answer in time"),
        "the connection broke before the answer arrived": translate(
            CTX, "the connection broke before the answer arrived"
        ),
        "the answer could not be read": translate(CTX, "the answer could not be read"),
    }
    return clauses.get(text, text)


def _storage_clause(text: str) -> str:
    """The cause inside ``messages.not_recorded``/``cannot_save``'s brackets."""
    clauses = {
        CAUSE_CLAUSES[StorageCause.READ_ONLY]: translate(CTX, "the folder is read-only"),
        CAUSE_CLAUSES[StorageCause.DISK_FULL]: translate(CTX, "the disk is full"),
        CAUSE_CLAUSES[StorageCause.NO_PERMISSION]: translate(
            CTX, "there is no permission to write there"
        ),
        CAUSE_CLAUSES[StorageCause.NOT_A_FOLDER]: translate(
            CTX, "a file is in the way where a folder should be"
        ),
    }
    return clauses.get(text, text)


def _fill(text: str, *values: str) -> str:
    for index, value in enumerate(values):
        text = text.replace("{" + str(index) + "}", value)
    return text


def _templates() -> dict[str, str]:
    """Translated templates of the builder sentences, by ``JobText.key``."""
    return {
        "reconnecting": translate(
            CTX, "Reconnecting… the server did not answer properly; next try in {0} s."
        ),
        "taking_long": translate(
            CTX,
            "This task is taking unusually long. It is still being checked every {0} s "
            "and its result will be saved when it arrives.",
        ),
        "waiting_for_link": translate(
            CTX,
            "The task is finished but the server sent no audio link yet; asking again in {0} s.",
        ),
        "download_retry": translate(
            CTX,
            "The result is ready but downloading it failed; trying again in {0} s. It is "
            "kept on the server meanwhile.",
        ),
        "too_large": translate(
            CTX,
            "The result of task {0} is larger than the {1} MB limit, so it was not saved. "
            "Download it from the website instead.",
        ),
        "cancelled": translate(
            CTX,
            "Stopped waiting here. The server keeps task {0} and may still finish (and "
            "charge) it; you can follow it again later with its ID.",
        ),
        "task_refused": translate(
            CTX,
            "The server no longer answers for task {0}: {1} Look the task up on the "
            "website if it was paid for.",
        ),
        "task_failed": translate(CTX, "The server could not finish this task: {0}"),
        "create_refused": translate(
            CTX,
            "The server refused the request: {0} Nothing was charged; correct it and submit again.",
        ),
        "server_busy": translate(
            CTX,
            "The server could not take the task right now: {0} Nothing was created or "
            "charged. Try again in a few minutes.",
        ),
        "outcome_unknown": translate(
            CTX,
            "No clear answer came back ({0}), so the server may or may not have created "
            "this task. It was not sent again, to avoid a second charge; check the task "
            "list on the website before submitting again.",
        ),
        "invalid": translate(CTX, "The request was not sent: {0}"),
        "needs_attention_status": translate(
            CTX,
            "Needs your attention: the server keeps reporting task {0} as “{1}”, a status "
            "this app does not understand, so it stopped checking. Look the task up on the "
            "website; its result is kept there.",
        ),
        "needs_attention_no_link": translate(
            CTX,
            "Needs your attention: the server says task {0} is finished but sends no audio "
            "link, so the app stopped asking. Look the task up on the website; its result is "
            "kept there.",
        ),
        "needs_attention_link": translate(
            CTX,
            "Needs your attention: the audio of task {0} cannot be downloaded ({1}), so the "
            "app stopped trying. Look the task up on the website; its result is kept there.",
        ),
        "needs_attention_unreachable": translate(
            CTX,
            "Needs your attention: the server did not answer properly for about {1} min, so "
            "the app stopped checking on task {0}. The task continues on the server; look it "
            "up on the website.",
        ),
        "needs_attention_slow": translate(
            CTX,
            "Needs your attention: task {0} is still not finished after {1} h, so the app "
            "stopped checking. It continues on the server; look it up on the website later.",
        ),
        "subtitles_failed": translate(
            CTX, "The audio was saved, but the subtitles could not be downloaded ({0})."
        ),
        "not_recorded": translate(
            CTX,
            "Nothing was sent: the task could not be recorded in the task library in {0} "
            "({1}), and a paid task without a record could be lost. Free some space or make "
            "the folder writable, then try again.",
        ),
        "cannot_save": translate(
            CTX,
            "The result of task {0} could not be saved in {1} ({2}). It stays on the server "
            "for a while: free some space or make the folder writable, then restart the app "
            "to download it.",
        ),
        "balance_dropped": translate(
            CTX,
            "The balance dropped by {0} right after: the task was probably created; look it "
            "up before sending again.",
        ),
        "balance_unchanged": translate(
            CTX,
            "The balance was still {0} right after; that does not prove the task was not "
            "created, so look it up before sending again.",
        ),
    }


def job_sentence(text: str | None) -> str | None:
    """``text`` (a Job's error or message) in the UI language; unknown text is kept."""
    if not text or not isinstance(text, JobText):
        return text
    if text.tail is not None:  # two sentences, each translated on its own
        head = str(text)[: -len(text.tail) - 1]
        first = _one_sentence(JobText(head, text.key, *text.values))
        return f"{first} {_one_sentence(text.tail)}"
    return _one_sentence(text)


def _one_sentence(text: JobText) -> str:
    known = _constants().get(text.key)
    if known is not None:
        return known
    template = _templates().get(text.key)
    if template is None:
        return str(text)
    values = text.values
    if text.key == "outcome_unknown":
        values = tuple(_clause(v) for v in values)
    elif text.key in ("not_recorded", "cannot_save"):
        values = (*values[:-1], _storage_clause(values[-1]))
    return _fill(template, *values)


def is_recognised(text: str) -> bool:
    """Whether ``job_sentence`` has a translation for ``text`` (used by tests)."""
    return isinstance(text, JobText) and (text.key in _constants() or text.key in _templates())
