"""Configuration of the demo server: one frozen dataclass, plus the fixed demo credentials."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .content_faults import content_fault_tuple

DEMO_TOKEN = "demo-token"
"""The API key the demo server accepts by default (not a secret)."""

DEMO_VOICE_ID = "model_demo_narrator"
"""A voice that exists from the start, is ready and permanent, so production works at once."""

FAULT_KINDS = ("http500", "envelope", "timeout", "drop", "malformed", "slow", "http429")
# Faults a server may show on a file: only when asked for (in ``faults`` or by injection), so
# the default random mix, and every seeded run built on it, stays as it was.
FILE_FAULT_KINDS = ("notfound", "file-redirect", "echo-page")
ALL_FAULT_KINDS = FAULT_KINDS + FILE_FAULT_KINDS
FAULT_SCOPES = ("all", "reads", "creates")

AUDIO_FORMATS = ("mp3", "wav")
"""Result audio containers; MP3 is the default, as the real service (MiniMax) answers."""

MP3_SAMPLE_RATE = 32000
MP3_BITRATE = 128_000
"""MP3 results: 32 kHz mono at 128 kbps CBR, MiniMax's default output."""

MODEL_TTL_SECONDS = 3 * 24 * 3600.0
"""A modelId is valid for 3 days after its preview completes, unless used (reference §1)."""


def _fault_tuple(value: Iterable[str] | str) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else list(value)
    kinds = tuple(item.strip() for item in items if item.strip())
    unknown = [kind for kind in kinds if kind not in ALL_FAULT_KINDS]
    if unknown:
        raise ValueError(
            f"unknown fault kind(s) {unknown}; choose from {', '.join(ALL_FAULT_KINDS)}"
        )
    return kinds


def _quirk_tuple(value: Iterable[str] | str) -> tuple[str, ...]:
    from .quirks import QUIRKS

    items = value.split(",") if isinstance(value, str) else list(value)
    quirks = tuple(item.strip() for item in items if item.strip())
    unknown = [quirk for quirk in quirks if quirk not in QUIRKS]
    if unknown:
        raise ValueError(f"unknown quirk(s) {unknown}; choose from {', '.join(QUIRKS)}")
    return quirks


@dataclass(frozen=True)
class DemoConfig:
    """Everything that shapes the demo server's behaviour.

    Timing: a task takes ``task_seconds + seconds_per_char * billable_chars`` of clock time;
    it is ``queued`` for the first ``queued_fraction`` of that, then ``processing``.

    Faults: each API or ``/files`` request (never ``/_demo``) in ``fault_scope`` fails with
    probability ``fail_rate``, the kind drawn from ``faults`` (all kinds when empty), both from
    one ``random.Random(seed)``, so a sequence of requests fails the same way every run.
    """

    token: str = DEMO_TOKEN
    port: int = 0
    task_seconds: float = 3.0
    seconds_per_char: float = 0.0
    queued_fraction: float = 0.3
    fail_rate: float = 0.0
    faults: tuple[str, ...] = ()
    fault_scope: str = "all"
    fault_delay: float = 30.0
    slow_delay: float = 1.5
    seed: int = 0
    http_status_errors: bool = False
    string_codes: bool = False
    # Billing, in JimiCoin. Charges are pro rata: chars * price / 10,000 (reference §10).
    balance: float = 100.0
    key_quota: float = 0.0  # 0 means unlimited, as in GET key/balance
    price_clone_per_10k: float = 10.0
    price_audio_per_10k: float = 20.0
    price_voice: float = 0.5
    refund_failed_production: bool = True
    max_upload_bytes: int = 100 * 1024 * 1024
    audio_format: str = "mp3"
    sample_rate: int = 16000  # of WAV results; MP3 results are always MP3_SAMPLE_RATE
    quirks: tuple[str, ...] = ()  # hostile answer shapes, see demo/quirks.py
    # Results that arrive but are wrong (demo/content_faults.py), drawn per production task.
    content_faults: tuple[str, ...] = ()
    content_fault_rate: float = 0.0

    def __post_init__(self) -> None:
        # Accept a list or a comma-separated string from callers; store an immutable tuple.
        object.__setattr__(self, "faults", _fault_tuple(self.faults))
        object.__setattr__(self, "quirks", _quirk_tuple(self.quirks))
        object.__setattr__(self, "content_faults", content_fault_tuple(self.content_faults))
        if not 0.0 <= self.content_fault_rate <= 1.0:
            raise ValueError("content_fault_rate must be between 0 and 1")
        if self.fault_scope not in FAULT_SCOPES:
            raise ValueError(f"fault_scope must be one of {', '.join(FAULT_SCOPES)}")
        if not 0.0 <= self.fail_rate <= 1.0:
            raise ValueError("fail_rate must be between 0 and 1")
        if self.task_seconds < 0 or self.seconds_per_char < 0:
            raise ValueError("task_seconds and seconds_per_char must not be negative")
        if not 0.0 <= self.queued_fraction <= 1.0:
            raise ValueError("queued_fraction must be between 0 and 1")
        if self.audio_format not in AUDIO_FORMATS:
            raise ValueError(f"audio_format must be one of {', '.join(AUDIO_FORMATS)}")
        if self.sample_rate not in (16000, 22050):
            raise ValueError("sample_rate must be 16000 or 22050")
        if not 0 <= self.port <= 65535:
            raise ValueError("port must be between 0 and 65535")

    @property
    def audio_rate(self) -> int:
        """The sample rate of result audio: the MP3 rate, or ``sample_rate`` for WAV."""
        return MP3_SAMPLE_RATE if self.audio_format == "mp3" else self.sample_rate

    @property
    def fault_kinds(self) -> tuple[str, ...]:
        return self.faults or FAULT_KINDS
