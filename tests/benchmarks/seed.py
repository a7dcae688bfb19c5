"""A big data folder for the start-up and memory cases: 10,000 tasks and 50 voices.

Written through the libraries' own APIs (``TaskLibrary.record`` as the app's job recorder
calls it: the intent in state ``sending``, then the finished job; ``VoiceLibrary.add`` and
``store_preview``), so the files are exactly what years of use would leave. With the
library's ``synchronous=FULL`` that is 20,000 small transactions, so the result is cached
under the system temp folder, keyed by the library modules' source: a later run copies it.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import struct
import tempfile
import time
import wave
from decimal import Decimal
from pathlib import Path

TASKS = 10_000
VOICES = 50
CACHE_ROOT = Path(tempfile.gettempdir()) / "soundclone-bench-seed"


class SeedUnavailableError(RuntimeError):
    """The task or voice library cannot be imported or written (yet)."""


def _source_key(tasks: int, voices: int) -> str:
    from soundclone_desktop.store import library, paths
    from soundclone_desktop.store import voices as voice_store

    digest = hashlib.sha256(f"{tasks}/{voices}".encode())
    for module in (library, voice_store, paths):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


def seeded_data_dir(target: Path, tasks: int = TASKS, voices: int = VOICES) -> float:
    """Fill ``target`` (a data folder); returns the seconds spent writing (0 when cached)."""
    try:
        key = _source_key(tasks, voices)
    except (ImportError, OSError, AttributeError) as exc:
        raise SeedUnavailableError(f"task/voice library not importable: {exc}") from exc
    cached = CACHE_ROOT / key
    if not (cached / "complete").exists():
        shutil.rmtree(cached, ignore_errors=True)
        building = CACHE_ROOT / f"{key}.building"
        shutil.rmtree(building, ignore_errors=True)
        started = time.perf_counter()
        try:
            _write(building, tasks, voices)
        except Exception as exc:  # a half-built library of another helper: skip the case
            shutil.rmtree(building, ignore_errors=True)
            raise SeedUnavailableError(f"seeding failed: {type(exc).__name__}: {exc}") from exc
        (building / "complete").write_text(f"{time.perf_counter() - started:.1f}\n")
        building.rename(cached)
    shutil.copytree(cached, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("complete"))
    return float((cached / "complete").read_text())


def _write(data: Path, tasks: int, voices: int) -> None:
    from soundclone_desktop.core.jobs import Job, JobKind, JobState
    from soundclone_desktop.core.params import ProductionParams
    from soundclone_desktop.store import paths
    from soundclone_desktop.store.library import TaskLibrary
    from soundclone_desktop.store.voices import Voice, VoiceLibrary
    from tests.benchmarks.script_text import build_script

    rng = random.Random(7)
    now = time.time()
    data.mkdir(parents=True)
    results = paths.results_dir(data)
    results.mkdir(parents=True, exist_ok=True)

    voice_ids = [f"model_{rng.getrandbits(64):016x}" for _ in range(voices)]
    clip = data / "clip.wav"
    _write_wav(clip, seconds=2.0)
    with VoiceLibrary(paths.voice_library_path(data), paths.voices_dir(data)) as library:
        for number, model_id in enumerate(voice_ids):
            created = now - rng.uniform(0, 400 * 86400)
            library.add(
                Voice(
                    model_id=model_id,
                    name=f"Voice {number + 1}",
                    created_at=created,
                    source=f"recording-{number + 1}.wav",
                    version=rng.choice(("v1", "v2")),
                    language=rng.choice(("Chinese", "English", None)),
                    tags=tuple(rng.sample(("narrator", "ad", "warm", "calm", "news"), 2)),
                    notes="seeded by the benchmark",
                    activated_at=created + 3600 if number % 5 else None,
                )
            )
            library.store_preview(model_id, clip)
    clip.unlink()

    script = build_script()
    lines = [line for line in script.split("\n") if line.strip()]
    with TaskLibrary(paths.library_path(data)) as library:
        for number in range(tasks):
            start = rng.randrange(len(lines))
            text = "\n".join(lines[start : start + rng.randint(1, 12)])
            voice = rng.choice(voice_ids)
            created = now - (tasks - number) * 600.0  # one task every ten minutes, back in time
            job = Job(
                kind=JobKind.AUDIO,
                params=ProductionParams(model_id=voice, text=text),
                chars=len(text),
                created_at=created,
            )
            estimate = (Decimal(len(text)) * Decimal("0.002") + Decimal("0.5")).quantize(
                Decimal("0.0001")
            )
            library.record(
                job, base_url="https://www.jimmyai.cn", demo=False, estimate=estimate,
                currency="JimiCoin",
            )  # fmt: skip
            job.task_id = f"audio_{rng.getrandbits(128):032x}"
            if number % 40 == 0:
                job.state = JobState.FAILED
                job.error = "The server could not generate this audio."
            else:
                job.state = JobState.DOWNLOADED
                job.audio_path = results / f"{job.task_id}.mp3"
            job.history.append((job.state, created + rng.uniform(5, 60)))
            library.record(job, base_url="https://www.jimmyai.cn", demo=False)
            if job.audio_path is not None:
                library.set_duration(job.local_id, len(text) * 0.22)


def _write_wav(path: Path, seconds: float, rate: int = 16000) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(struct.pack("<h", 0) * int(seconds * rate))
