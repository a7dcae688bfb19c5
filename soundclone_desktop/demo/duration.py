"""How long an uploaded clone sample lasts: WAV from its header, anything else decoded."""

from __future__ import annotations

import io

import av

from .wavinfo import wav_duration


def audio_duration(data: bytes) -> float | None:
    """Seconds of audio in ``data``, or ``None`` when it holds no audio we can decode.

    A WAV is measured from its chunks without decoding. Other formats (MP3, M4A, OGG, a video's
    sound track…) are decoded with PyAV and their samples counted: container headers estimate
    an MP3's length from its bit rate, which is off for a VBR file without a Xing header.
    """
    seconds = wav_duration(data)
    if seconds is not None:
        return seconds
    try:
        with av.open(io.BytesIO(data), "r") as container:
            if not container.streams.audio:
                return None
            stream = container.streams.audio[0]
            samples, rate = 0, 0
            for frame in container.decode(stream):
                samples += frame.samples
                rate = frame.sample_rate
    except (av.FFmpegError, ValueError, OSError):
        return None
    return samples / rate if samples and rate else None
