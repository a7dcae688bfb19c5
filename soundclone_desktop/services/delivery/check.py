"""Checking delivered files against a profile: every file measured in one decoding pass,
every rule judged with the measured value and the rule's plain words.

Measured per file: RMS, sample and true peak, noise floor (the quietest 10 % of 100 ms
segments that are not digital silence, as :mod:`soundclone_desktop.audio.measure`),
integrated loudness (only when a rule needs it: the K-filter costs as much as the rest),
room tone at the head and tail (quiet below −50 dBFS, sample-accurate), duration, format,
sample rate, channels, and for MP3 the bit rate mode read from the frame headers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from soundclone_desktop.audio.decode import open_audio, prefetched
from soundclone_desktop.audio.loudness import LoudnessMeter
from soundclone_desktop.audio.measure import Measurement, TruePeakMeter
from soundclone_desktop.audio.model import Samples
from soundclone_desktop.audio.mp3_frames import read_mp3_frames
from soundclone_desktop.audio.silence import SilenceDetector
from soundclone_desktop.core.delivery.profiles import DeliveryProfile
from soundclone_desktop.core.delivery.rules import FileFacts, RuleResult, evaluate, evaluate_book

__all__ = [
    "AUDIO_SUFFIXES",
    "DeliveryReport",
    "FileReport",
    "check_files",
    "delivery_files",
    "measure_file",
]

AUDIO_SUFFIXES = (".mp3", ".m4a", ".m4b", ".flac", ".wav", ".opus", ".ogg", ".aac")
SILENCE_DBFS = -50.0
_MIN_QUIET_S = 0.02
_DIGITAL_SILENCE = 1e-7
_FLOOR_PERCENTILE = 10.0
_LOSSLESS = {"flac", "wav"}


@dataclass(frozen=True, slots=True)
class FileReport:
    path: Path
    facts: FileFacts
    results: tuple[RuleResult, ...]

    @property
    def passed(self) -> bool:
        return all(r.passed or not r.rule.required for r in self.results)

    @property
    def failures(self) -> list[RuleResult]:
        return [r for r in self.results if not r.passed]


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    folder: Path
    profile: DeliveryProfile
    files: tuple[FileReport, ...]
    book: tuple[RuleResult, ...]

    @property
    def passed(self) -> bool:
        return bool(self.files) and all(f.passed for f in self.files) and all(
            r.passed for r in self.book)  # fmt: skip


def delivery_files(folder: Path) -> list[Path]:
    """The audio files of ``folder`` in name order (hidden and temporary files left out)."""
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in AUDIO_SUFFIXES and not p.name.startswith(".")
    )  # fmt: skip


def check_files(
    folder: Path,
    profile: DeliveryProfile,
    files: Sequence[Path] | None = None,
    *,
    known: Callable[[Path], FileFacts | None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DeliveryReport:
    """Measure ``files`` (default: every audio file of ``folder``) and judge them.
    ``known(path)`` may return facts measured before for exactly this file's bytes."""
    needs_lufs = any(r.metric == "lufs" for r in profile.rules)
    reports = []
    for path in files if files is not None else delivery_files(folder):
        facts = known(path) if known is not None else None
        if facts is None or (needs_lufs and facts.lufs is None):
            facts = measure_file(path, loudness=needs_lufs, cancelled=cancelled)
        reports.append(FileReport(path, facts, tuple(evaluate(profile.rules, facts))))
    book = tuple(evaluate_book(profile.book_rules, [r.facts for r in reports]))
    return DeliveryReport(folder, profile, tuple(reports), book)


def measure_file(
    path: Path, *, loudness: bool = True, cancelled: Callable[[], bool] | None = None
) -> FileFacts:
    with open_audio(path) as audio:
        info = audio.info
        meter = _DeliveryMeter(audio.rate, audio.channels, loudness=loudness)
        for block in prefetched(audio.blocks(cancelled=cancelled)):
            meter.feed(block)
    measured, head, tail = meter.result()
    kind = _format(path, info.container)
    mode, kbps = "unknown", (info.bit_rate / 1000 if info.bit_rate else None)
    if kind in _LOSSLESS:
        mode = "lossless"
    elif kind == "mp3":
        frames = read_mp3_frames(path)
        mode, kbps = frames.mode, frames.bitrate_kbps
    return FileFacts(
        name=path.name, format=kind, duration_s=measured.duration_s, sample_rate=info.rate,
        channels=info.channels, bit_rate_kbps=kbps, bitrate_mode=mode,
        rms_db=measured.rms_dbfs, sample_peak_db=measured.sample_peak_dbfs,
        true_peak_db=measured.true_peak_dbtp, lufs=measured.integrated_lufs,
        noise_floor_db=measured.noise_floor_dbfs, head_s=head, tail_s=tail,
    )  # fmt: skip


def _format(path: Path, container: str) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if container == "mp3":
        return "mp3"
    if container.startswith("mov"):
        return "m4b" if suffix == "m4b" else "m4a"
    if container == "ogg":
        return "opus"
    return container if container in ("wav", "flac") else suffix


class _DeliveryMeter:
    """Levels, noise floor and head/tail quiet of blocks fed in order."""

    def __init__(self, rate: int, channels: int, *, loudness: bool) -> None:
        self.rate = rate
        self._peaks = TruePeakMeter(channels)
        self._loudness = LoudnessMeter(rate, channels) if loudness else None
        self._quiet = SilenceDetector(rate, threshold_dbfs=SILENCE_DBFS, min_seconds=_MIN_QUIET_S)
        self._segment = max(1, round(rate / 10))
        self._rest = np.zeros(0, np.float32)
        self._levels: list[npt.NDArray[np.float64]] = []
        self._squares = 0.0
        self._frames = 0

    def feed(self, block: Samples) -> None:
        self._peaks.feed(block)
        self._quiet.feed(block)
        if self._loudness is not None:
            self._loudness.feed(block)
        squares = np.square(block, dtype=np.float32).mean(axis=0)
        self._squares += float(squares.sum(dtype=np.float64))
        joined = np.concatenate((self._rest, squares)) if self._rest.size else squares
        whole = joined.size // self._segment * self._segment
        if whole:
            segments = joined[:whole].reshape(-1, self._segment)
            self._levels.append(segments.mean(axis=1, dtype=np.float64))
        self._rest = joined[whole:]
        self._frames += block.shape[1]

    def result(self) -> tuple[Measurement, float, float]:
        self._peaks.finish()
        duration = self._frames / self.rate
        quiet = self._quiet.finish()
        head = quiet[0].end_s if quiet and quiet[0].start_s == 0.0 else 0.0
        tail = duration - quiet[-1].start_s if quiet and quiet[-1].end_s >= duration else 0.0
        measured = Measurement(
            duration_s=duration,
            integrated_lufs=self._loudness.integrated() if self._loudness else None,
            rms_dbfs=_db(math.sqrt(self._squares / self._frames)) if self._frames else None,
            sample_peak_dbfs=_db(self._peaks.sample_peak),
            true_peak_dbtp=_db(self._peaks.true_peak),
            noise_floor_dbfs=self._floor(),
        )
        return measured, head, min(tail, duration)

    def _floor(self) -> float | None:
        if not self._levels:
            return None
        levels = np.concatenate(self._levels)
        sounding = levels[levels > _DIGITAL_SILENCE]
        if sounding.size == 0:
            return None
        return 10 * math.log10(float(np.percentile(sounding, _FLOOR_PERCENTILE)))


def _db(amplitude: float) -> float | None:
    return 20 * math.log10(amplitude) if amplitude > 0 else None
