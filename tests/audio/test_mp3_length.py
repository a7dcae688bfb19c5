"""The MP3 length read from the file's first frame equals what FFmpeg decodes."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

from soundclone_desktop.audio.decode import exact_duration
from soundclone_desktop.audio.mp3_length import mp3_seconds

REPO = Path(__file__).resolve().parents[2]


def _mp3(path: Path, *, rate: int, samples: int, kbps: int, options: dict[str, str]) -> Path:
    signal = (np.sin(np.arange(samples) * 2 * np.pi * 440 / rate) * 8000).astype(np.int16)
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp3", options=options) as container:
        stream: Any = container.add_stream("libmp3lame", rate=rate, layout="mono")
        stream.bit_rate = kbps * 1000
        frame = av.AudioFrame.from_ndarray(signal.reshape(1, -1), format="s16p", layout="mono")
        frame.rate = rate
        container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    ("rate", "samples", "kbps"),
    [(32_000, 48_123, 128), (44_100, 100_000, 192), (24_000, 7_777, 64), (16_000, 16_000, 32)],
)
def test_an_info_header_gives_the_decoded_length_exactly(
    tmp_path: Path, rate: int, samples: int, kbps: int
) -> None:
    path = _mp3(tmp_path / "a.mp3", rate=rate, samples=samples, kbps=kbps, options={})
    assert mp3_seconds(path) == pytest.approx(samples / rate, abs=1e-9)
    assert exact_duration(path) == pytest.approx(samples / rate, abs=1e-9)


def test_an_id3_tag_before_the_audio_is_skipped(tmp_path: Path) -> None:
    path = _mp3(tmp_path / "a.mp3", rate=32_000, samples=64_000, kbps=128, options={})
    tag = b"ID3\x04\x00\x00" + bytes([0, 0, 0x20, 0]) + b"\0" * 0x1000  # 4 KiB of padding
    tagged = tmp_path / "tagged.mp3"
    tagged.write_bytes(tag + path.read_bytes())
    assert mp3_seconds(tagged) == pytest.approx(2.0, abs=1e-9)


def test_plain_cbr_without_a_header_is_counted_from_its_size(tmp_path: Path) -> None:
    path = _mp3(
        tmp_path / "a.mp3", rate=32_000, samples=320_000, kbps=128, options={"write_xing": "0"}
    )
    seconds = mp3_seconds(path)
    # No header: the encoder's delay and padding are counted too (a frame or two).
    assert seconds == pytest.approx(exact_duration(path), abs=0.1)


def test_what_is_not_an_mp3_has_no_length(tmp_path: Path) -> None:
    other = tmp_path / "a.txt"
    other.write_bytes(b"not audio at all " * 100)
    assert mp3_seconds(other) is None
    assert mp3_seconds(tmp_path / "missing.mp3") is None


def test_recording_an_mp3_result_length_loads_no_audio_engine(tmp_path: Path) -> None:
    """The recorder runs on the GUI thread: the first MP3 result used to import NumPy and
    PyAV there (the many-tasks benchmark's 648 ms stall) and open a demuxer per result."""
    path = _mp3(tmp_path / "a.mp3", rate=32_000, samples=48_000, kbps=128, options={})
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from soundclone_desktop.services.recorder import audio_seconds\n"
        f"print(audio_seconds(Path({str(path)!r})))\n"
        "print(sorted(m for m in ('av', 'numpy') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    seconds, loaded = result.stdout.splitlines()
    assert float(seconds) == 1.5
    assert loaded == "[]"
