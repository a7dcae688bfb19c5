"""Tasks, voice models and their lifecycle on the server clock.

A task's status is a function of the clock: ``queued`` for the first ``queued_fraction`` of its
duration, ``processing`` for the rest, then ``completed`` or ``failed``. Before every
operation all tasks whose end time has passed are settled in time order, so a modelId becomes
permanent at the moment its first production task completed even if nobody polled it then.
"""

from __future__ import annotations

import functools
import json
import threading
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from .billing import Ledger
from .clock import Clock
from .config import DEMO_VOICE_ID, MODEL_TTL_SECONDS, MP3_BITRATE, DemoConfig
from .content_faults import (
    ContentFault,
    ContentFaultPlan,
    apply_to_samples,
    apply_to_timeline,
    speed_factor,
)
from .duration import audio_duration
from .encoding import CONTENT_TYPES, encode
from .errors import ApiError, bad_request
from .files import UPLOAD_TYPES, FileStore
from .subtitles import build_subtitles
from .synth import plan, render_samples
from .validation import PreviewRequest, ProductionRequest, validate_preview, validate_production

CLONE_MODEL = "soundCloningClone"
AUDIO_MODEL = "soundCloningAudio"
MIN_SPEECH_SECONDS = 15.0
MAX_SPEECH_SECONDS = 60.0


@dataclass
class Voice:
    model_id: str
    ready_at: float
    base_hz: float
    permanent_at: float | None = None

    @property
    def expires_at(self) -> float:
        return self.ready_at + MODEL_TTL_SECONDS

    def usable(self, now: float) -> bool:
        if self.permanent_at is not None and self.permanent_at <= now:
            return True
        return now < self.expires_at


@dataclass
class Task:
    task_id: str
    model: str
    created: float
    duration: float
    request: PreviewRequest | ProductionRequest
    base_hz: float
    fail_reason: str | None = None  # decided at acceptance, revealed when the task ends
    status: str = "pending"  # "pending" until settled, then "completed" or "failed"
    model_id: str | None = None
    audio_path: str | None = None
    subtitle_path: str | None = None
    error: str | None = None
    content_fault: ContentFault | None = None

    @property
    def ends_at(self) -> float:
        return self.created + self.duration


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


class DemoState:
    def __init__(self, config: DemoConfig, clock: Clock, files: FileStore) -> None:
        self.config = config
        self.clock = clock
        self.files = files
        self.ledger = Ledger(config)
        self.base_url = "http://127.0.0.1"
        self._tasks: dict[str, Task] = {}
        self._voices: dict[str, Voice] = {
            DEMO_VOICE_ID: Voice(DEMO_VOICE_ID, clock.now(), 150.0, permanent_at=clock.now())
        }
        self._forced_failures: list[str] = []
        self.content_faults = ContentFaultPlan(
            config.content_faults, config.content_fault_rate, config.seed
        )
        self._lock = threading.RLock()

    # -- operations behind the API endpoints ------------------------------------------------

    def create_preview(self, body: dict[str, object]) -> dict[str, object]:
        request = validate_preview(body)
        with self._lock:
            now = self._settle()
            base_hz = 100.0 + zlib.crc32(request.file_url.encode("utf-8")) % 121
            task = self._new_task(CLONE_MODEL, now, request, base_hz)
            self.ledger.charge(
                task.task_id, self.ledger.preview_charges(request.billable_chars), now
            )
            task.fail_reason = self._forced_failure() or self._source_problem(request.file_url)
            self._tasks[task.task_id] = task
            return self._created(task)

    def create_audio(self, body: dict[str, object]) -> dict[str, object]:
        request = validate_production(body)
        with self._lock:
            now = self._settle()
            voice = self._voices.get(request.model_id)
            if voice is None:
                raise bad_request(f"modelId {request.model_id!r} does not exist")
            if not voice.usable(now):
                raise bad_request(
                    f"modelId {request.model_id!r} expired at {_iso(voice.expires_at)}: it was "
                    "not used within 3 days of its preview; clone the voice again"
                )
            task = self._new_task(AUDIO_MODEL, now, request, voice.base_hz)
            charges = self.ledger.production_charges(request.billable_chars)
            self.ledger.charge(task.task_id, charges, now)
            task.fail_reason = self._forced_failure()
            task.content_fault = self.content_faults.pick(task.task_id)
            self._tasks[task.task_id] = task
            return self._created(task)

    def get_task(self, task_id: str) -> dict[str, object]:
        with self._lock:
            now = self._settle()
            task = self._tasks.get(task_id)
            if task is None:
                raise ApiError(20002, f"task {task_id!r} not found", 404)
            return self._task_json(task, now)

    def upload(self, filename: str, data: bytes) -> dict[str, object]:
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        if extension not in UPLOAD_TYPES:
            raise bad_request(
                f"file type {'.' + extension if extension else '(none)'} is not accepted; "
                f"allowed: {', '.join('.' + e for e in UPLOAD_TYPES)}"
            )
        if not data:
            raise bad_request("file is empty")
        mime = UPLOAD_TYPES[extension]
        path = self.files.upload_path(filename, extension)
        self.files.put(path, mime, data)
        return {
            "url": self.base_url + path,
            "filename": filename,
            "size": len(data),
            "mime_type": mime,
        }

    def fail_next_tasks(self, count: int = 1, error: str | None = None) -> None:
        """Make the next ``count`` accepted tasks end ``failed`` with ``error``."""
        with self._lock:
            message = error or "synthesis failed on the server; please try again"
            self._forced_failures.extend([message] * count)

    # -- lifecycle ---------------------------------------------------------------------------

    def _new_task(
        self,
        model: str,
        now: float,
        request: PreviewRequest | ProductionRequest,
        base_hz: float,
    ) -> Task:
        duration = self.config.task_seconds + self.config.seconds_per_char * request.billable_chars
        return Task(f"audio_{uuid.uuid4()}", model, now, duration, request, base_hz)

    def _forced_failure(self) -> str | None:
        return self._forced_failures.pop(0) if self._forced_failures else None

    def _source_problem(self, file_url: str) -> str | None:
        """The speech-length rule (15 s < d < 60 s) for audio files uploaded here.

        Remote URLs and formats the server cannot measure are given the benefit of the doubt.
        """
        stored = self.files.get(urlsplit(file_url).path)
        if stored is None:
            return None
        seconds = audio_duration(stored.read())
        if seconds is None or MIN_SPEECH_SECONDS < seconds < MAX_SPEECH_SECONDS:
            return None
        return (
            f"the speech in the source audio lasts {seconds:.1f} s; it must be longer than "
            f"{MIN_SPEECH_SECONDS:g} s and shorter than {MAX_SPEECH_SECONDS:g} s"
        )

    def _settle(self) -> float:
        now = self.clock.now()
        due = [t for t in self._tasks.values() if t.status == "pending" and t.ends_at <= now]
        for task in sorted(due, key=lambda t: t.ends_at):
            self._finish(task)
        return now

    def _finish(self, task: Task) -> None:
        if task.fail_reason is not None:
            task.status, task.error = "failed", task.fail_reason
            if task.model == CLONE_MODEL or self.config.refund_failed_production:
                self.ledger.refund(task.task_id, task.ends_at)
            return
        task.status = "completed"
        request = task.request
        if isinstance(request, PreviewRequest):
            voice = Voice(f"model_{uuid.uuid4().hex[:16]}", task.ends_at, task.base_hz)
            self._voices[voice.model_id] = voice
            task.model_id = voice.model_id
            speed, vol, pitch = 1.0, 1.0, 0
        else:
            voice = self._voices[request.model_id]
            if voice.permanent_at is None:
                voice.permanent_at = task.ends_at  # first successful use: permanent (§1)
            speed, vol, pitch = request.speed, request.vol, request.pitch
        rate, audio_format = self.config.audio_rate, self.config.audio_format
        # Planned on first download, outside the state lock; audio and subtitles share it.
        # MP3 is synthesised at its own rate rather than resampled: pauses stay exact zeros
        # and the subtitle times are those of the encoded samples.
        fault = task.content_fault
        timeline = functools.cache(
            lambda: apply_to_timeline(
                plan(request.text, request.pauses, rate, speed * speed_factor(fault)), fault
            )
        )
        base_hz = task.base_hz

        def audio() -> bytes:
            samples = render_samples(timeline(), base_hz=base_hz, vol=vol, pitch=pitch)
            samples = apply_to_samples(samples, timeline(), fault)
            return encode(samples, rate, audio_format, mp3_bitrate=MP3_BITRATE)

        task.audio_path = f"/files/audio/{task.task_id}.{audio_format}"
        self.files.put_lazy(task.audio_path, CONTENT_TYPES[audio_format], audio)
        if isinstance(request, ProductionRequest) and request.subtitles:
            word_level = request.word_level
            task.subtitle_path = f"/files/subtitles/{task.task_id}.json"
            self.files.put_lazy(
                task.subtitle_path,
                "application/json; charset=utf-8",
                lambda: json.dumps(
                    build_subtitles(timeline(), word_level=word_level), ensure_ascii=False
                ).encode("utf-8"),
            )

    def _status(self, task: Task, now: float) -> str:
        if task.status != "pending":
            return task.status
        elapsed = now - task.created
        return "queued" if elapsed < self.config.queued_fraction * task.duration else "processing"

    # -- JSON ----------------------------------------------------------------------------------

    def _created(self, task: Task) -> dict[str, object]:
        return {
            "id": task.task_id,
            "object": "audio",
            "created": int(task.created),
            "model": task.model,
            "status": "queued",
            "error": None,
        }

    def _task_json(self, task: Task, now: float) -> dict[str, object]:
        status = self._status(task, now)
        done = status == "completed"
        data = self._created(task)
        data["status"] = status
        data["error"] = task.error
        if task.model == CLONE_MODEL:
            data["modelId"] = task.model_id if done else None
        data["audioUrl"] = self.base_url + task.audio_path if done and task.audio_path else None
        if isinstance(task.request, ProductionRequest) and task.request.subtitles:
            path = task.subtitle_path
            data["subtitleFile"] = self.base_url + path if done and path else None
        return data
