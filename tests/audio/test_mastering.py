"""Mastering a chapter for ACX: the result passes an independent measurement of the decoded
samples and of the MP3's own frame headers."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from soundclone_desktop.audio.limiter import PeakLimiter
from soundclone_desktop.audio.mastering import master_file
from soundclone_desktop.core.delivery.profiles import profile
from soundclone_desktop.services.delivery.master import settings_for
from tests.audio.delivery_fixtures import (
    chapter,
    db,
    decoded,
    frame_bitrates,
    quiet_run,
    write_mp3,
)
from tests.audio.signals import tone


def test_an_acx_master_passes_an_independent_measurement(tmp_path: Path) -> None:
    source = write_mp3(chapter(), tmp_path / "chapter.mp3", kbps=128, rate=32_000)
    target = tmp_path / "masters" / "01 Chapter.mp3"
    master_file(source, target, settings_for(profile("acx")))

    samples, rate = decoded(target)
    assert rate == 44_100
    rms = db(float(np.sqrt(np.mean(samples**2))))
    assert -23.0 <= rms <= -18.0, rms
    assert db(float(np.abs(samples).max())) <= -3.0
    head = quiet_run(samples, rate, from_end=False)
    tail = quiet_run(samples, rate, from_end=True)
    assert 0.5 <= head <= 1.0, head
    assert 1.0 <= tail <= 5.0, tail
    # Noise floor: the room tone at the head, in 100 ms windows (never digital silence).
    windows = samples[: int(0.4 * rate)].reshape(4, -1)
    floor = [db(float(np.sqrt(np.mean(w**2)))) for w in windows]
    assert all(-80.0 < level <= -60.0 for level in floor), floor
    # And inside the pauses: the quietest tenth of 100 ms windows of the whole file.
    whole = samples[: samples.size // 4410 * 4410].reshape(-1, 4410)
    levels = np.sqrt(np.mean(whole**2, axis=1))
    assert db(float(np.percentile(levels, 10))) <= -60.0
    assert levels.min() > 0  # room tone, not dead air
    rates, tag = frame_bitrates(target)
    assert len(rates) > 100 and set(rates) == {192}
    assert tag != b"Xing"


def test_the_source_is_left_as_it_was(tmp_path: Path) -> None:
    source = write_mp3(chapter(8.0), tmp_path / "c.mp3", kbps=128, rate=32_000)
    before = source.read_bytes()
    master_file(source, tmp_path / "out" / "c.mp3", settings_for(profile("acx")))
    assert source.read_bytes() == before
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["c.mp3"]  # no temporary left


def test_the_limiter_holds_the_ceiling_and_leaves_quiet_audio_alone() -> None:
    rate = 44_100
    loud = tone(3.0, 0.99, 3000.0, rate).samples
    quiet = tone(3.0, 0.1, 300.0, rate).samples
    signal = np.concatenate((quiet, loud, quiet), axis=1)
    limiter = PeakLimiter(rate, 1, -6.0)
    step = 32 * 1000
    out = [limiter.process(signal[:, s : s + step]) for s in range(0, signal.shape[1], step)]
    result = np.concatenate([*out, limiter.flush()], axis=1)
    assert result.shape == signal.shape
    assert db(float(np.abs(result).max())) <= -6.0 + 1e-4
    # Far from the loud part nothing changed; inside it the level sits at the ceiling.
    np.testing.assert_allclose(result[:, :rate], signal[:, :rate], atol=1e-6)
    middle = result[0, int(4.0 * rate) : int(5.0 * rate)]
    assert -7.0 < db(float(np.abs(middle).max())) <= -6.0
