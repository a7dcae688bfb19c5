"""Mastering one chapter file for delivery: level, limiter, room tone, head and tail, rate,
channels, encoding. Streaming, two decoding passes, never the whole file in memory.

1. **Analysis** (the source's own rate, no resampling): per 10 ms frame, the peak and the
   energy; the integrated loudness too when the target is in LUFS.
2. **Plan**: where speech starts and ends, which stretches are pauses (every frame below
   ``gate_db`` after the gain, for at least ``gap_min_s``), and the one gain that gives the
   finished file its target level *including* its new head, tail and room tone (the RMS of a
   whole file counts its silences too).
3. **Render** (resampled by FFmpeg to the delivery rate and channels): ``head_s`` of room
   tone, the speech with pauses faded to room tone (10 ms ramps, 30 ms of natural decay kept
   after a word, 20 ms before the next), ``tail_s`` of room tone, through the look-ahead
   true-peak limiter (:mod:`.limiter`) at the ceiling less a codec margin, into the encoder.
4. **Verify**: the encoded file is decoded and measured; if a lossy codec pushed the true
   peak over the ceiling (MP3's quantisation adds overshoot between samples), or the level
   missed its target by more than 0.5 dB (a limiter working hard lowers the RMS), it is
   rendered again with the margin or gain corrected by what was measured (at most
   :data:`MAX_ATTEMPTS` renders).

The output is written beside ``target`` under a temporary name and renamed when verified:
a failed or cancelled master leaves nothing behind and the source is never touched.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from soundclone_desktop.store.atomic import replacing

from .decode import AudioInput, Cancelled, open_audio, prefetched
from .encode import AudioWriter, EncodeOptions, Encoding, level_change_db
from .limiter import CHUNK, PeakLimiter
from .loudness import LoudnessMeter
from .measure import Measurement, measure
from .model import AudioError, Samples
from .room_tone import RoomTone

__all__ = ["MAX_ATTEMPTS", "MasterResult", "MasterSettings", "gate_curve", "master_file"]

MAX_ATTEMPTS = 3
_FRAME_S = 0.01
_HOLD_FRAMES = 3  # 30 ms of a word's decay kept before a pause fades
_PREROLL_FRAMES = 2  # 20 ms kept before speech resumes
_BLOCK_FRAMES = CHUNK * 13_824  # about 10 s at 44.1 kHz, a whole number of limiter chunks
_LEVEL_TOLERANCE_DB = 0.5


@dataclass(frozen=True, slots=True)
class MasterSettings:
    """What a master must be. Levels in dBFS; ``ceiling_db`` is a true peak after decoding."""

    encoding: Encoding
    rate: int
    channels: int
    bitrate_kbps: int | None = None
    rms_db: float | None = -20.0  # the whole file's RMS; or
    lufs: float | None = None  # integrated loudness (used when rms_db is None)
    ceiling_db: float = -3.0
    codec_margin_db: float = 1.0  # below the ceiling for the limiter (lossy overshoot)
    head_s: float = 0.75
    tail_s: float = 2.0
    room_tone_db: float | None = -65.0  # None: digital silence, pauses left as they are
    gate_db: float = -50.0
    gap_min_s: float = 0.25
    attack_s: float = 0.005
    release_db_per_s: float = 40.0


@dataclass(frozen=True, slots=True)
class MasterResult:
    target: Path
    gain_db: float
    limiter_ceiling_db: float
    limited_s: float  # time the limiter was turning the level down
    speech_s: float
    duration_s: float
    attempts: int
    measurement: Measurement  # of the written file, decoded
    # Where the kept speech starts in the source: a time t of the source is at
    # t - speech_start_s + head_s in the master (captions move by that much).
    speech_start_s: float = 0.0


@dataclass(frozen=True, slots=True)
class _Analysis:
    rate: int
    frame: int  # samples per analysis frame at ``rate``
    peaks: npt.NDArray[np.float32]  # per frame
    energies: npt.NDArray[np.float64]  # per frame, summed over samples, mean over channels
    lufs: float | None


@dataclass(frozen=True, slots=True)
class _Plan:
    gain_db: float
    start_s: float  # speech kept from here…
    end_s: float  # …to here
    keep: npt.NDArray[np.float32]  # per 10 ms frame of the source: 1 speech, 0 pause
    frame_s: float


def master_file(
    source: AudioInput,
    target: Path,
    settings: MasterSettings,
    *,
    cancelled: Callable[[], bool] | None = None,
    verify: Callable[[Path], Measurement] | None = None,
) -> MasterResult:
    """Master ``source`` to ``target`` (replaced atomically). ``verify`` measures a written
    file (default: :func:`.measure.measure`); raises :class:`Cancelled` or :class:`AudioError`."""
    check = verify or (lambda path: measure(path, cancelled=cancelled))
    wants_lufs = settings.rms_db is None and settings.lufs is not None
    analysis = _analyse(source, settings.channels, cancelled, loudness=wants_lufs)
    plan = _plan(analysis, settings)
    gain_db = plan.gain_db - level_change_db(settings.encoding, settings.rate)
    margin = settings.codec_margin_db
    target.parent.mkdir(parents=True, exist_ok=True)
    # Every attempt rewrites the one temporary file; only the accepted one replaces target.
    with _replacing(target) as temporary:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            ceiling = settings.ceiling_db - margin
            limited, frames = _render(source, temporary, replace(plan, gain_db=gain_db),
                                      settings, ceiling, cancelled)  # fmt: skip
            measured = check(temporary)
            over = (measured.true_peak_dbtp or -math.inf) - settings.ceiling_db
            miss = _level_miss(measured, settings)
            if (over <= 0 and abs(miss) <= _LEVEL_TOLERANCE_DB) or attempt == MAX_ATTEMPTS:
                break
            if over > 0:
                margin += over + 0.2
            gain_db -= miss
    return MasterResult(
        target=target, gain_db=gain_db, limiter_ceiling_db=ceiling,
        limited_s=limited * CHUNK / settings.rate,
        speech_s=plan.end_s - plan.start_s, duration_s=frames / settings.rate,
        attempts=attempt, measurement=measured, speech_start_s=plan.start_s,
    )  # fmt: skip


def _level_miss(measured: Measurement, settings: MasterSettings) -> float:
    if settings.rms_db is not None and measured.rms_dbfs is not None:
        return measured.rms_dbfs - settings.rms_db
    if settings.lufs is not None and measured.integrated_lufs is not None:
        return measured.integrated_lufs - settings.lufs
    return 0.0


# -- 1. analysis ----------------------------------------------------------------------------


def _analyse(
    source: AudioInput, channels: int, cancelled: Callable[[], bool] | None, *, loudness: bool
) -> _Analysis:
    with open_audio(source, channels=channels) as audio:
        frame = max(1, round(audio.rate * _FRAME_S))
        meter = LoudnessMeter(audio.rate, channels) if loudness else None
        peaks: list[npt.NDArray[np.float32]] = []
        energies: list[npt.NDArray[np.float64]] = []
        rest = np.zeros((channels, 0), np.float32)
        for block in prefetched(audio.blocks(cancelled=cancelled)):
            if meter is not None:  # the K-filter costs as much as the rest: only if asked
                meter.feed(block)
            data = np.concatenate((rest, block), axis=1) if rest.shape[1] else block
            whole = data.shape[1] // frame * frame
            framed = data[:, :whole].reshape(channels, -1, frame)
            peaks.append(np.abs(framed).max(axis=(0, 2)))
            energies.append(np.square(framed, dtype=np.float32).mean(axis=0).sum(axis=1,
                            dtype=np.float64))  # fmt: skip
            rest = data[:, whole:]
        if rest.shape[1]:
            peaks.append(np.abs(rest).max(axis=(0, 1), keepdims=False).reshape(1))
            energies.append(np.array([float(np.square(rest).mean(axis=0).sum())]))
        return _Analysis(
            rate=audio.rate, frame=frame,
            peaks=np.concatenate(peaks) if peaks else np.zeros(0, np.float32),
            energies=np.concatenate(energies) if energies else np.zeros(0),
            lufs=meter.integrated() if meter is not None else None,
        )  # fmt: skip


# -- 2. plan ----------------------------------------------------------------------------------


def _plan(analysis: _Analysis, settings: MasterSettings) -> _Plan:
    frame_s = analysis.frame / analysis.rate
    peaks = analysis.peaks
    with np.errstate(divide="ignore"):
        peak_db = 20 * np.log10(np.maximum(peaks, 1e-12))
    # The gate needs the gain and the gain needs to know what is kept: the pauses barely
    # change the gain (they are quiet), so a first estimate from the whole file decides them.
    first = _gain_for(analysis, settings, np.ones_like(peaks, dtype=bool), frame_s, 0, peaks.size)
    loud = peak_db + first >= settings.gate_db
    where = np.flatnonzero(loud)
    if where.size == 0:
        return _Plan(0.0, 0.0, 0.0, np.zeros(peaks.size, np.float32), frame_s)
    start = max(0, int(where[0]) - _PREROLL_FRAMES)
    end = min(peaks.size, int(where[-1]) + 1 + _HOLD_FRAMES)
    keep = np.ones(peaks.size, np.float32)
    if settings.room_tone_db is not None:
        keep = _pauses_removed(loud, round(settings.gap_min_s / frame_s))
    gain = _gain_for(analysis, settings, keep > 0, frame_s, start, end)
    return _Plan(gain, start * frame_s, end * frame_s, keep, frame_s)


def _pauses_removed(loud: npt.NDArray[np.bool_], min_frames: int) -> npt.NDArray[np.float32]:
    """1 for frames kept, 0 inside pauses (runs of quiet frames ≥ ``min_frames``, less the
    decay kept after a word and the breath before the next)."""
    keep = np.ones(loud.size, np.float32)
    edges = np.diff(np.concatenate(([1], loud.astype(np.int8), [1])))
    starts, ends = np.flatnonzero(edges == -1), np.flatnonzero(edges == 1)
    for begin, finish in zip(starts, ends, strict=True):
        if finish - begin >= max(min_frames, _HOLD_FRAMES + _PREROLL_FRAMES + 1):
            keep[begin + _HOLD_FRAMES : finish - _PREROLL_FRAMES] = 0.0
    return keep


def _gain_for(
    analysis: _Analysis,
    settings: MasterSettings,
    kept: npt.NDArray[np.bool_],
    frame_s: float,
    start: int,
    end: int,
) -> float:
    """The gain giving the finished file its target level."""
    if settings.rms_db is None:
        if settings.lufs is None or analysis.lufs is None:
            return 0.0
        return settings.lufs - analysis.lufs
    energy = float(analysis.energies[start:end][kept[start:end]].sum())
    if energy <= 0:
        return 0.0
    total = (end - start) * analysis.frame + round((settings.head_s + settings.tail_s)
                                                   * analysis.rate)  # fmt: skip
    tone = 0.0
    if settings.room_tone_db is not None:
        tone = 10 ** (settings.room_tone_db / 10) * total
    wanted = 10 ** (settings.rms_db / 10) * total - tone
    return 10 * math.log10(max(wanted, 1e-12) / energy)


# -- 3. render --------------------------------------------------------------------------------


def _render(
    source: AudioInput,
    target: Path,
    plan: _Plan,
    settings: MasterSettings,
    ceiling_db: float,
    cancelled: Callable[[], bool] | None,
) -> tuple[int, int]:
    """Write the master; returns (chunks the limiter turned down, frames written)."""
    rate, channels = settings.rate, settings.channels
    limiter = PeakLimiter(rate, channels, ceiling_db, attack_s=settings.attack_s,
                          release_db_per_s=settings.release_db_per_s)  # fmt: skip
    options = EncodeOptions(settings.encoding, settings.bitrate_kbps, rate, channels)
    written = 0
    with AudioWriter(target, options, rate=rate, channels=channels) as writer:
        for block in _rechunk(_mastered(source, plan, settings, cancelled)):
            out = limiter.process(block)
            writer.write(out)
            written += out.shape[1]
        out = limiter.flush()
        writer.write(out)
        written += out.shape[1]
    return limiter.reduced_chunks, written


def _mastered(
    source: AudioInput,
    plan: _Plan,
    settings: MasterSettings,
    cancelled: Callable[[], bool] | None,
) -> Iterator[Samples]:
    """Head, gained and gated speech, tail; room tone under all of it."""
    rate, channels = settings.rate, settings.channels
    tone = RoomTone(rate, channels, settings.room_tone_db) if settings.room_tone_db else None

    def with_tone(block: Samples) -> Samples:
        return block + tone.take(block.shape[1]) if tone is not None else block

    head = round(settings.head_s * rate)
    yield with_tone(np.zeros((channels, head), np.float32))
    begin, end = round(plan.start_s * rate), round(plan.end_s * rate)
    gain = np.float32(10 ** (plan.gain_db / 20))
    at = 0  # position in the decoded stream, at ``rate``
    if end > begin:
        with open_audio(source, rate=rate, channels=channels) as audio:
            for block in prefetched(audio.blocks(_BLOCK_FRAMES, cancelled=cancelled)):
                first, last = max(begin, at), min(end, at + block.shape[1])
                if last > first:
                    piece = block[:, first - at : last - at] * gain
                    if settings.room_tone_db is not None:
                        piece = _gate(piece, first, plan, rate)
                    yield with_tone(piece)
                at += block.shape[1]
                if at >= end:
                    break
    yield with_tone(np.zeros((channels, round(settings.tail_s * rate)), np.float32))


def _gate(piece: Samples, first: int, plan: _Plan, rate: int) -> Samples:
    """``piece`` (starting at sample ``first``) with its pauses faded out (10 ms ramps)."""
    frame = plan.frame_s * rate
    lo = max(0, int(first / frame) - 1)
    hi = min(plan.keep.size, int((first + piece.shape[1]) / frame) + 2)
    window = plan.keep[lo:hi]
    if window.size == 0 or window.min() >= 1.0:
        return piece
    centres = (np.arange(lo, hi) + 0.5) * frame - first
    return piece * gate_curve(centres, window, piece.shape[1])


def gate_curve(
    centres: npt.NDArray[np.floating[Any]], values: npt.NDArray[np.float32], frames: int
) -> npt.NDArray[np.float32]:
    """``np.interp(range(frames), centres, values)`` in float32, built from its pieces: flat
    between equal neighbours (nearly everywhere: 1 in speech, 0 in pauses), a ramp only
    where a pause starts or ends. ``np.interp`` searched the table for every sample, which
    cost more than the rest of the gate, gain and room tone together."""
    # The first sample at or after each centre: interval k is [edges[k], edges[k+1]).
    edges = np.clip(np.ceil(centres), 0, frames).astype(np.intp)
    curve = np.empty(frames, np.float32)
    curve[: edges[0]] = values[0]
    curve[edges[-1] :] = values[-1]
    curve[edges[0] : edges[-1]] = np.repeat(values[:-1], np.diff(edges))
    for k in np.flatnonzero(values[1:] != values[:-1]):
        start, stop = edges[k], edges[k + 1]
        if stop > start:
            t = np.arange(start, stop, dtype=np.float64)
            slope = (float(values[k + 1]) - float(values[k])) / (centres[k + 1] - centres[k])
            curve[start:stop] = values[k] + slope * (t - centres[k])
    return curve


def _rechunk(blocks: Iterator[Samples]) -> Iterator[Samples]:
    """The same samples in blocks of :data:`_BLOCK_FRAMES` (the last may be shorter)."""
    pending: list[Samples] = []
    held = 0
    for block in blocks:
        if block.shape[1] == 0:
            continue
        pending.append(block)
        held += block.shape[1]
        if held < _BLOCK_FRAMES:
            continue
        joined = np.concatenate(pending, axis=1)
        cut = held // _BLOCK_FRAMES * _BLOCK_FRAMES
        for start in range(0, cut, _BLOCK_FRAMES):
            yield joined[:, start : start + _BLOCK_FRAMES]
        pending = [joined[:, cut:]] if cut < held else []
        held -= cut
    if held:
        yield np.concatenate(pending, axis=1)


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """:func:`replacing` with an OSError worded for the user."""
    try:
        with replacing(target, prefix=".mastering-") as temporary:
            yield temporary
    except OSError as exc:
        raise AudioError(f"Could not write {target}: {exc.strerror or exc}.") from exc


__all__ += ["Cancelled"]
