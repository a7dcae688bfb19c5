"""FFmpeg's own EBU R128 meter (the ``ebur128`` filter) run through PyAV: an independent check."""

from __future__ import annotations

from fractions import Fraction

import av
import numpy as np

from soundclone_desktop.audio.model import Audio

_LAYOUTS = {1: "mono", 2: "stereo"}


def ffmpeg_integrated_loudness(audio: Audio) -> float:
    graph = av.filter.Graph()
    layout = _LAYOUTS[audio.channels]
    source = graph.add_abuffer(format="fltp", sample_rate=audio.rate, layout=layout)
    meter = graph.add("ebur128", "metadata=1")
    sink = graph.add("abuffersink")
    source.link_to(meter)
    meter.link_to(sink)
    graph.configure()
    last: str | None = None

    def drain() -> None:
        nonlocal last
        while True:
            try:
                frame = graph.pull()
            except (av.BlockingIOError, av.EOFError):
                return
            last = frame.metadata.get("lavfi.r128.I", last)

    step = 4096
    for start in range(0, audio.frames, step):
        piece = np.ascontiguousarray(audio.samples[:, start : start + step])
        frame = av.AudioFrame.from_ndarray(piece, format="fltp", layout=layout)
        frame.sample_rate = audio.rate
        frame.time_base = Fraction(1, audio.rate)
        frame.pts = start
        graph.push(frame)
        drain()
    graph.push(None)
    drain()
    assert last is not None, "ebur128 reported nothing"
    return float(last)
