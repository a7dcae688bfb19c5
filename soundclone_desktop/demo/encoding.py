"""Result audio as bytes: 16-bit PCM WAV, or MP3 through PyAV's LAME encoder.

MP3 is written with the muxer's Xing/LAME "Info" header, which records LAME's encoder delay
and end padding; decoders that honour it (FFmpeg, so PyAV and QtMultimedia's FFmpeg backend)
return exactly the samples that went in, so subtitle times hold for the decoded MP3 too.
"""

from __future__ import annotations

import io
import wave
from typing import Any

import av
import numpy as np
import numpy.typing as npt

Samples = npt.NDArray[np.int16]
Floats = npt.NDArray[np.float64]


def wav_bytes(samples: Samples, rate: int) -> bytes:
    """Mono 16-bit little-endian PCM WAV."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.astype("<i2", copy=False).tobytes())
    return buffer.getvalue()


def mp3_bytes(samples: Samples, rate: int, bitrate: int) -> bytes:
    """Mono constant-bit-rate MP3 at ``rate`` (one MP3 can hold: 8 to 48 kHz)."""
    buffer = io.BytesIO()  # seekable: the muxer goes back to fill in the Info header
    with av.open(buffer, "w", format="mp3") as container:
        stream: Any = container.add_stream("libmp3lame", rate=rate, layout="mono")
        stream.bit_rate = bitrate  # a bit rate and no quality setting: LAME encodes CBR
        if len(samples):
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(samples, dtype=np.int16).reshape(1, -1),
                format="s16p",
                layout="mono",
            )
            frame.rate = rate
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return buffer.getvalue()


CONTENT_TYPES = {"mp3": "audio/mpeg", "wav": "audio/wav"}
"""The Content-Type of each result format; the format is also the URL's extension."""


def encode(samples: Samples, rate: int, audio_format: str, *, mp3_bitrate: int) -> bytes:
    if audio_format == "mp3":
        return mp3_bytes(samples, rate, mp3_bitrate)
    return wav_bytes(samples, rate)
