"""Qt's ``QAudioDecoder`` as the audio exporter's decoder for compressed files (MP3, M4A, OGG).

``audio/export.py`` imports no Qt, so the app passes :func:`decode_audio` to
``export_audio(..., decoder=decode_audio)``. It blocks until the file is decoded, running a
local ``QEventLoop`` for the decoder's signals, so call it on a worker thread only (the
export runs in ``asyncio.to_thread``): a Python thread may run its own Qt event loop, while
the GUI thread's asyncio loop must never be nested. A ``QCoreApplication`` must exist.

The FFmpeg backend delivers the stream's own sample format (float for MP3) unless the
requested format names a rate and channel count too, which are unknown before decoding. So
the first buffer tells them, and if it is not 16-bit the decoder is restarted once asking
for 16-bit at that rate and channel count (converting floats in Python would cost about as
much as the whole decode). Buffers that still come in another format are converted here.
The error signal can fire inside ``start()`` (a missing or unreadable file), before the loop
runs: that is checked before entering the loop. ``start``/``stop`` and the decoder's deletion
go through ``ui/player/gilfree`` (GIL released), as the player's own decoder does, against
the PySide/FFmpeg teardown deadlock described there.
"""

from __future__ import annotations

import math
from array import array
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, QUrl
from PySide6.QtMultimedia import QAudioBuffer, QAudioDecoder, QAudioFormat

from soundclone_desktop.audio.pcm import Pcm
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.player.gilfree import call_slot, delete_in_event_loop

CTX = "AudioDecode"
DEFAULT_TIMEOUT_S = 600.0
_INT16 = QAudioFormat.SampleFormat.Int16


class AudioDecodeError(RuntimeError):
    """The file could not be decoded; the message is a translated sentence."""


def decode_audio(path: Path, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> Pcm:
    """The audio of ``path`` as 16-bit PCM (blocking; see the module doc)."""
    run = _Run(path, timeout_s)
    try:
        run.start(None)
        if run.restart_as is not None:
            run.start(run.restart_as)
    finally:
        run.close()
    return run.result()


class _Run:
    """One decoder and the samples it delivered."""

    def __init__(self, path: Path, timeout_s: float) -> None:
        self.path = path
        self.decoder = QAudioDecoder()
        self.loop = QEventLoop()
        # One deadline for the whole decode, restart included.
        self.deadline = QTimer()
        self.deadline.setSingleShot(True)
        self.deadline.setInterval(round(timeout_s * 1000))
        self.deadline.timeout.connect(self.loop.quit)
        self.samples = array("h")
        self.shape: tuple[int, int] | None = None  # (rate, channels)
        self.problem: str | None = None
        self.finished = False
        self.restart_as: QAudioFormat | None = None
        self.decoder.bufferReady.connect(self._on_buffer)
        self.decoder.finished.connect(self._on_finished)
        self.decoder.error.connect(self._on_error)
        self.decoder.setSource(QUrl.fromLocalFile(str(path)))

    def start(self, fmt: QAudioFormat | None) -> None:
        if fmt is not None:
            call_slot(self.decoder, "stop")  # emits finished: not the end of this decode
            self.finished = False
            self.samples = array("h")
            self.restart_as = None
            self.decoder.setAudioFormat(fmt)
        if not self.deadline.isActive():
            self.deadline.start()
        call_slot(self.decoder, "start")
        if self.problem is None and not self.finished:
            self.loop.exec()
        call_slot(self.decoder, "stop")

    def close(self) -> None:
        """Stop the clock and delete the decoder now (it closes the file: Windows locks)."""
        self.deadline.stop()
        delete_in_event_loop(self.decoder)

    def _on_buffer(self) -> None:
        buffer = self.decoder.read()
        if not buffer.isValid() or self.restart_as is not None:
            return
        fmt = buffer.format()
        shape = (fmt.sampleRate(), fmt.channelCount())
        if self.shape is None:
            self.shape = shape
            if fmt.sampleFormat() != _INT16 and self.decoder.audioFormat().sampleRate() <= 0:
                wanted = QAudioFormat()
                wanted.setSampleFormat(_INT16)
                wanted.setSampleRate(shape[0])
                wanted.setChannelCount(shape[1])
                self.restart_as = wanted
                self.loop.quit()
                return
        elif shape != self.shape:
            self.problem = translate(CTX, "the sample rate or channels change midway")
            self.loop.quit()
            return
        self.samples.extend(_to_int16(buffer))

    def _on_finished(self) -> None:
        self.finished = True
        self.loop.quit()

    def _on_error(self, _error: QAudioDecoder.Error) -> None:
        self.problem = self.decoder.errorString() or translate(CTX, "the decoder failed")
        self.loop.quit()

    def result(self) -> Pcm:
        name = self.path.name
        if self.problem is not None:
            raise AudioDecodeError(
                translate(CTX, "Could not decode {0}: {1}.").format(name, self.problem.rstrip("."))
            )
        if not self.finished:
            raise AudioDecodeError(
                translate(CTX, "Decoding {0} took too long and was stopped.").format(name)
            )
        if self.shape is None or not self.samples:
            raise AudioDecodeError(translate(CTX, "{0} contains no audio.").format(name))
        rate, channels = self.shape
        usable = len(self.samples) - len(self.samples) % channels
        return Pcm(self.samples[:usable], rate, channels)


def _to_int16(buffer: QAudioBuffer) -> array[int]:
    """One buffer's samples as signed 16-bit (native order, as Qt's), from any Qt format."""
    raw = bytes(buffer.constData())
    kind = buffer.format().sampleFormat()
    width = {_INT16: 2, QAudioFormat.SampleFormat.UInt8: 1}.get(kind, 4)
    raw = raw[: len(raw) - len(raw) % width]
    if kind == _INT16:
        out = array("h")
        out.frombytes(raw)
        return out
    if kind == QAudioFormat.SampleFormat.Float:
        values = array("f")
        values.frombytes(raw)
        return array("h", (_from_float(v) for v in values))
    if kind == QAudioFormat.SampleFormat.Int32:
        wide = array("i")
        wide.frombytes(raw)
        return array("h", (v >> 16 for v in wide))
    if kind == QAudioFormat.SampleFormat.UInt8:
        return array("h", ((b - 128) << 8 for b in raw))
    raise AudioDecodeError(translate(CTX, "The decoder produced an unknown sample format."))


def _from_float(value: float) -> int:
    if not math.isfinite(value):
        return 0
    return max(-32768, min(32767, round(value * 32767.0)))
