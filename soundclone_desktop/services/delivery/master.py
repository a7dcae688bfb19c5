"""Mastering files for a delivery profile, non-destructively and only where something changed.

Masters go to their own folder (the sources are only read). A manifest there,
``.soundclone-masters.json``, records for each master the fingerprint of what made it (the
source's size and SHA-256, the profile's master settings, the channel count, this engine's
version) and the master's own SHA-256 with its measured facts: running again redoes only
masters whose inputs changed or whose file is gone or altered, and a check of the folder
reuses the facts of masters whose bytes are unchanged instead of decoding them again.
Tags (``tags``) are part of the fingerprint: a new title or cover re-tags (and re-masters)
only the files it names. The manifest also keeps where each master's speech starts in its
source, so captions can be moved onto a master that was not redone.

Files are mastered on two worker threads (FFmpeg's decoders and LAME release the GIL), the
largest first, each written atomically by
:func:`soundclone_desktop.audio.mastering.master_file`.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from soundclone_desktop.audio.encode import Encoding
from soundclone_desktop.audio.mastering import MasterResult, MasterSettings, master_file
from soundclone_desktop.audio.measure import Measurement
from soundclone_desktop.audio.model import AudioError
from soundclone_desktop.audio.tags import Tags, write_tags
from soundclone_desktop.core.delivery.profiles import DeliveryProfile
from soundclone_desktop.core.delivery.rules import FileFacts
from soundclone_desktop.store.atomic import atomic_write_bytes, replacing

from .check import measure_file

__all__ = ["MANIFEST", "Manifest", "MasterOutcome", "master_files", "settings_for"]

MANIFEST = ".soundclone-masters.json"
ENGINE_VERSION = 1  # raise when mastering changes what it writes
_ENCODINGS = {"mp3": Encoding.MP3, "m4a": Encoding.M4A, "flac": Encoding.FLAC,
              "wav": Encoding.WAV}  # fmt: skip


@dataclass(frozen=True, slots=True)
class MasterOutcome:
    source: Path
    target: Path
    redone: bool  # False: the master on disk was already up to date
    facts: FileFacts
    result: MasterResult | None  # None when not redone
    speech_start_s: float = 0.0  # MasterResult.speech_start_s, also when not redone


def settings_for(profile: DeliveryProfile, channels: int = 1) -> MasterSettings:
    target = profile.master
    return MasterSettings(
        encoding=_ENCODINGS[target.format], rate=target.rate, channels=channels,
        bitrate_kbps=target.bitrate_kbps, rms_db=target.rms_db, lufs=target.lufs,
        ceiling_db=target.ceiling_db, head_s=target.head_s, tail_s=target.tail_s,
        room_tone_db=target.room_tone_db,
    )  # fmt: skip


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class Manifest:
    """The masters folder's record of what made each master (thread-safe)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / MANIFEST
        self._lock = threading.Lock()
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            self._entries: dict[str, dict[str, object]] = dict(loaded.get("masters", {}))
        except (OSError, ValueError, AttributeError):
            self._entries = {}

    def current(self, target: Path, fingerprint: str) -> FileFacts | None:
        """The recorded facts if ``target`` was made from ``fingerprint`` and is unchanged."""
        entry = self._entries.get(target.name)
        if not entry or entry.get("fingerprint") != fingerprint or not target.is_file():
            return None
        return self.known(target)

    def known(self, target: Path) -> FileFacts | None:
        """The recorded facts of ``target`` if its bytes are the ones recorded."""
        entry = self._entries.get(target.name)
        if not entry or not target.is_file() or entry.get("sha256") != file_digest(target):
            return None
        try:
            return FileFacts(**entry["facts"])  # type: ignore[arg-type]
        except TypeError:
            return None

    def speech_start_s(self, target: Path) -> float:
        value = self._entries.get(target.name, {}).get("speech_start_s", 0.0)
        return float(value) if isinstance(value, int | float) else 0.0

    def record(
        self, target: Path, fingerprint: str, facts: FileFacts, speech_start_s: float = 0.0
    ) -> None:
        with self._lock:
            self._entries[target.name] = {
                "fingerprint": fingerprint, "sha256": file_digest(target), "facts": asdict(facts),
                "speech_start_s": speech_start_s,
            }  # fmt: skip
            text = json.dumps({"version": 1, "masters": self._entries}, indent=1)
            atomic_write_bytes(self.path, text.encode("utf-8"))


def _fingerprint(source: Path, settings: MasterSettings, tags: Tags | None = None) -> str:
    parts = [str(ENGINE_VERSION), file_digest(source), str(source.stat().st_size),
             repr(settings)]  # fmt: skip
    if tags is not None:  # none: the fingerprint masters made before tags had
        cover = hashlib.sha256(tags.cover).hexdigest() if tags.cover else ""
        parts.append(repr(replace(tags, cover=cover.encode())))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def master_files(
    sources: Sequence[Path],
    folder: Path,
    profile: DeliveryProfile,
    *,
    channels: int = 1,
    workers: int = 2,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[MasterOutcome], None] | None = None,
    tags: Callable[[Path], Tags | None] | None = None,
) -> list[MasterOutcome]:
    """Master each source into ``folder`` (named after it, the profile's extension), in order.

    ``tags(source)``: the tags of that source's master (written after mastering, atomically).
    ``progress`` is called from the worker threads, once per file."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = settings_for(profile, channels)
    manifest = Manifest(folder)
    needs_lufs = any(r.metric == "lufs" for r in profile.rules)

    def one(source: Path) -> MasterOutcome:
        target = folder / f"{source.stem}.{settings.encoding.extension}"
        if source.resolve() == target.resolve():
            raise ValueError(f"{source.name} would be overwritten: choose another folder.")
        wanted = tags(source) if tags is not None else None
        fingerprint = _fingerprint(source, settings, wanted)
        facts = manifest.current(target, fingerprint)
        if facts is not None:
            start = manifest.speech_start_s(target)
            outcome = MasterOutcome(source, target, False, facts, None, start)
        else:
            measured: dict[str, FileFacts] = {}

            def verify(path: Path) -> Measurement:
                found = measure_file(path, loudness=needs_lufs, cancelled=cancelled)
                measured["facts"] = replace(found, name=target.name)
                return _as_measurement(found)

            result = master_file(source, target, settings, cancelled=cancelled, verify=verify)
            if wanted is not None:
                _tag(target, settings.encoding, wanted)
            start = result.speech_start_s
            manifest.record(target, fingerprint, measured["facts"], start)
            outcome = MasterOutcome(source, target, True, measured["facts"], result, start)
        if progress is not None:
            progress(outcome)
        return outcome

    # Longest first: the last file to finish is then a short one, so both workers stay busy
    # until near the end (in book order, a long last chapter ran alone for minutes).
    order = sorted(range(len(sources)), key=lambda i: -_size(sources[i]))
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {index: pool.submit(one, sources[index]) for index in order}
        return [futures[index].result() for index in range(len(sources))]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reported by the mastering itself


def _tag(target: Path, encoding: Encoding, tags: Tags) -> None:
    # On a copy renamed over the master: a failure never leaves a half-tagged file.
    try:
        with replacing(target, prefix=".tagging-") as temporary:
            shutil.copyfile(target, temporary)
            write_tags(temporary, encoding, tags)
    except OSError as exc:
        raise AudioError(f"Could not tag {target}: {exc.strerror or exc}.") from exc


def _as_measurement(facts: FileFacts) -> Measurement:
    return Measurement(
        duration_s=facts.duration_s, integrated_lufs=facts.lufs, rms_dbfs=facts.rms_db,
        sample_peak_dbfs=facts.sample_peak_db, true_peak_dbtp=facts.true_peak_db,
        noise_floor_dbfs=facts.noise_floor_db,
    )  # fmt: skip
