"""Translated versions of the English sentences the task runner puts on jobs.

``services.messages`` is Qt-free and writes English. This maps each of its sentences to a
translated one by its fixed wording (constants) or its shape (sentences with numbers, task
ids or server text, matched by regular expressions). A sentence it does not recognise is
shown as it is: English is better than nothing. ``tests/ui/test_task_list.py`` checks that
every sentence the messages module can produce is recognised.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from soundclone_desktop.i18n import translate
from soundclone_desktop.services import messages

CTX = "JobMessages"


def _constants() -> dict[str, str]:
    return {
        messages.KEY_REJECTED_ON_CREATE: translate(
            CTX,
            "The server rejected the API key, so the task was not created and nothing was "
            "charged. Check the key in Settings, then submit again.",
        ),
        messages.KEY_REJECTED_WHILE_POLLING: translate(
            CTX,
            "The server rejected the API key, so checking on tasks has paused. Your tasks "
            "keep running on the server; enter a valid key to resume.",
        ),
        messages.UNREACHABLE: translate(
            CTX,
            "Could not reach the server, so nothing was sent. Check the internet connection "
            "and the server address, then try again.",
        ),
        messages.OUTCOME_INTERRUPTED: translate(
            CTX,
            "Sending was interrupted, so the server may or may not have created this task. "
            "It was not sent again, to avoid a second charge; check the task list on the "
            "website before submitting again.",
        ),
        messages.OUTCOME_UNCLEAR: translate(
            CTX,
            "Something went wrong while sending, so the server may or may not have created "
            "this task. It was not sent again, to avoid a second charge; check the task list "
            "on the website before submitting again.",
        ),
        messages.TASK_CANCELLED_BY_SERVER: translate(
            CTX, "The server cancelled this task. Submit it again if you still need it."
        ),
        messages.NO_MODEL_ID: translate(
            CTX,
            "The server finished the preview but sent no voice model ID, so the voice cannot "
            "be used. Try cloning again, or contact support with the task ID.",
        ),
        messages.NO_SUBTITLES: translate(
            CTX, "The server sent no subtitle file for this task; the audio was saved."
        ),
        messages.RUNNER_CLOSED: translate(
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


def _fill(text: str, *values: str) -> str:
    for index, value in enumerate(values):
        text = text.replace("{" + str(index) + "}", value)
    return text


# (pattern over the English sentence, builder of the translated one from its groups)
_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"^Reconnecting… .*next try in (\d+) s\.$"),
        lambda m: _fill(
            translate(CTX, "Reconnecting… the server did not answer properly; next try in {0} s."),
            m[1],
        ),
    ),
    (
        re.compile(r"^This task is taking unusually long\. .* every (\d+) s .*$"),
        lambda m: _fill(
            translate(
                CTX,
                "This task is taking unusually long. It is still being checked every {0} s "
                "and its result will be saved when it arrives.",
            ),
            m[1],
        ),
    ),
    (
        re.compile(r"^The task is finished but the server sent no audio link yet.* in (\d+) s\.$"),
        lambda m: _fill(
            translate(
                CTX,
                "The task is finished but the server sent no audio link yet; asking again "
                "in {0} s.",
            ),
            m[1],
        ),
    ),
    (
        re.compile(r"^The result is ready but downloading it failed; trying again in (\d+) s\."),
        lambda m: _fill(
            translate(
                CTX,
                "The result is ready but downloading it failed; trying again in {0} s. It is "
                "kept on the server meanwhile.",
            ),
            m[1],
        ),
    ),
    (
        re.compile(r"^The result of task (\S+) is larger than the (\d+) MB limit"),
        lambda m: _fill(
            translate(
                CTX,
                "The result of task {0} is larger than the {1} MB limit, so it was not saved. "
                "Download it from the website instead.",
            ),
            m[1],
            m[2],
        ),
    ),
    (
        re.compile(r"^Stopped waiting here\. The server keeps task (\S+) "),
        lambda m: _fill(
            translate(
                CTX,
                "Stopped waiting here. The server keeps task {0} and may still finish (and "
                "charge) it; you can follow it again later with its ID.",
            ),
            m[1],
        ),
    ),
    (
        re.compile(r"^The server no longer answers for task (\S+): (.*) Look the task up", re.S),
        lambda m: _fill(
            translate(
                CTX,
                "The server no longer answers for task {0}: {1} Look the task up on the "
                "website if it was paid for.",
            ),
            m[1],
            m[2],
        ),
    ),
    (
        re.compile(r"^The server could not finish this task: (.*)$", re.S),
        lambda m: _fill(translate(CTX, "The server could not finish this task: {0}"), m[1]),
    ),
    (
        re.compile(r"^The server refused the request: (.*) Nothing was charged;", re.S),
        lambda m: _fill(
            translate(
                CTX,
                "The server refused the request: {0} Nothing was charged; correct it and "
                "submit again.",
            ),
            m[1],
        ),
    ),
    (
        re.compile(r"^The server could not take the task right now: (.*) It answered", re.S),
        lambda m: _fill(
            translate(
                CTX,
                "The server could not take the task right now: {0} Nothing was created or "
                "charged. Try again in a few minutes.",
            ),
            m[1],
        ),
    ),
    (
        re.compile(r"^No clear answer came back \((.*)\), so the server may", re.S),
        lambda m: _fill(  # the clause in brackets is one of three fixed phrases
            translate(
                CTX,
                "No clear answer came back ({0}), so the server may or may not have created "
                "this task. It was not sent again, to avoid a second charge; check the task "
                "list on the website before submitting again.",
            ),
            _clause(m[1]),
        ),
    ),
    (
        re.compile(r"^The request was not sent: (.*)$", re.S),
        lambda m: _fill(translate(CTX, "The request was not sent: {0}"), m[1]),
    ),
)


def job_sentence(text: str | None) -> str | None:
    """``text`` (a Job's error or message) in the UI language; unknown text is kept."""
    if not text:
        return text
    known = _constants().get(text)
    if known is not None:
        return known
    for pattern, build in _PATTERNS:
        match = pattern.match(text)
        if match:
            return build(match)
    return text


def is_recognised(text: str) -> bool:
    """Whether ``job_sentence`` has a translation for ``text`` (used by tests)."""
    return text in _constants() or any(p.match(text) for p, _ in _PATTERNS)
