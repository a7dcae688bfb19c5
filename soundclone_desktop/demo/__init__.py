"""The embedded demo server: the SoundClone API on 127.0.0.1, on the standard library plus
NumPy and PyAV for its audio.

It is the independent test oracle: it re-implements the API reference on its own terms and
imports nothing else of ours (a test enforces it). Modules, one concern each:
``server`` HTTP plumbing, ``state`` tasks and voices on the clock, ``billing`` the ledger,
``validation`` request rules, ``markup`` pause markers, ``synth`` audio samples, ``encoding``
WAV and MP3 bytes, ``subtitles``, ``faults``, ``multipart``, ``files``, ``duration`` and
``wavinfo`` clone-sample lengths, ``clock``, ``config``, ``cli``.

Decisions where the reference is silent or unsure (each is also stated where it is made):

- Errors: HTTP 200 with ``{code, msg, data: null}`` by default; ``http_status_errors=True``
  adds 401 (20001), 400 (20002), 404 (unknown task id) and 500 (-1). ``string_codes=True``
  sends codes as strings (``"20000"``). Unknown paths are 404 and wrong methods 405 always.
- Insufficient balance (or key quota) refuses the create with 20002
  ``"insufficient balance: …"`` before anything is charged.
- Billing: charges are booked at acceptance, pro rata (chars × price / 10,000, prices in
  ``DemoConfig``); markers are not counted; an omitted or blank preview text bills the
  44-character default line; the voice fee is once per production task (``chars`` 0). A
  failed task gets a ``refund`` entry with the negated amount and its charges are marked
  ``refunded: true`` (previews always, production too unless
  ``refund_failed_production=False``).
- Limits: preview text ≤ 269 and production text ≤ 9,999 code points, marker text included;
  ``language`` auto (also when omitted) needs ``soundVersion`` v2; ``soundVersion`` defaults
  to v1; ``pitch`` must be a JSON integer; ``subtitleType`` without subtitles is ignored.
- Timing: a task lasts ``task_seconds + seconds_per_char × billable chars`` on the server
  clock, ``queued`` for the first 30 %. A preview whose uploaded audio is not strictly between
  15 and 60 s ends ``failed``. A modelId is usable for 3 days after its preview completed, and
  for ever once a production task using it has completed.
- Audio: MP3 by default, 32 kHz mono 128 kbps CBR (MiniMax's default output), synthesised at
  32 kHz; ``audio_format="wav"`` serves 16 kHz (``sample_rate``) mono 16-bit WAV instead.
  Timing rule in ``synth``; subtitles in MiniMax JSON, timed to the samples served.
- Clone samples are measured by decoding them (PyAV); one that cannot be decoded is accepted.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .clock import Clock, ManualClock
from .config import DEMO_TOKEN, DEMO_VOICE_ID, FAULT_KINDS, DemoConfig

if TYPE_CHECKING:
    from .cli import main
    from .server import DemoServer, serve

# The server and its synthesiser load on first use: the desktop app reads the demo's
# config (its voice, prices) at every start but runs the server only when asked.
_LAZY = {"main": ".cli", "DemoServer": ".server", "serve": ".server"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEMO_TOKEN",
    "DEMO_VOICE_ID",
    "FAULT_KINDS",
    "Clock",
    "DemoConfig",
    "DemoServer",
    "ManualClock",
    "main",
    "serve",
]
