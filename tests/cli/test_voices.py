"""`soundclone voices`, and the library's part in `clone` and `synth`, end to end.

`--demo` starts an in-process demo server per command; the library lives in the data folder,
so a later command sees what an earlier one stored.
"""

from __future__ import annotations

import json
import math
import time
import wave
from array import array
from collections.abc import Callable
from pathlib import Path

import pytest

from soundclone_desktop import cli
from soundclone_desktop.core.voices import VALIDITY_SECONDS
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store import paths
from soundclone_desktop.store.voices import Voice, VoiceLibrary

MakeServer = Callable[..., DemoServer]


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, dict[str, object]]:
    code, out, err = run(capsys, "--json", *argv)
    lines = out.strip().splitlines()
    assert len(lines) == 1, (out, err)
    return code, json.loads(lines[0])


def write_wav(path: Path, seconds: float = 20.0, rate: int = 8000) -> Path:
    """A 20 s tone: long enough for the clone endpoint's 15–60 s rule."""
    n = int(seconds * rate)
    samples = array("h", (int(8000 * math.sin(2 * math.pi * 200 * i / rate)) for i in range(n)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


def library(data: Path) -> VoiceLibrary:
    return VoiceLibrary(paths.voice_library_path(data), paths.voices_dir(data))


def test_clone_then_voices_lists_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_dirs: Path
) -> None:
    sample = write_wav(tmp_path / "studio_take.wav")
    code, out, err = run(capsys, "clone", sample, "--demo")
    assert code == 0, err
    assert "voice library as “studio take”" in out

    code, out, err = run(capsys, "voices")
    assert code == 0, err
    header, row = out.splitlines()
    assert header.split()[:2] == ["NAME", "STATUS"]
    assert row.startswith("studio take")
    assert "temporary, 2 d 23 h left (demo)" in row  # just cloned: rounded down from 3 d
    assert "studio_take.wav" in row and "model_" in row

    code, data = run_json(capsys, "voices")
    assert code == 0 and data["ok"] is True
    (voice,) = data["voices"]  # type: ignore[misc]
    assert voice["name"] == "studio take" and voice["status"] == "temporary"
    assert voice["demo"] is True and voice["source"] == "studio_take.wav"
    assert 0 < voice["seconds_left"] <= VALIDITY_SECONDS
    preview = Path(voice["preview"])
    assert preview.parent == isolated_dirs / "data" / "voices"
    assert preview.name == f"{voice['model_id']}.mp3" and preview.stat().st_size > 44
    # The clip was moved into the library, not left twice in the folder.
    assert list(preview.parent.iterdir()) == [preview]


def test_clone_takes_a_name_and_json_reports_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_dirs: Path
) -> None:
    sample = write_wav(tmp_path / "x.wav")
    code, data = run_json(capsys, "clone", sample, "--demo", "--name", "  Grandma  ")
    assert code == 0, data
    assert data["name"] == "Grandma"
    with library(isolated_dirs / "data") as lib:
        voice = lib.get(str(data["model_id"]))
    assert voice is not None and voice.name == "Grandma" and voice.version == "v2"
    assert voice.preview_path == Path(str(data["preview"])) and voice.preview_path.exists()
    assert voice.created_at is not None and abs(voice.created_at - time.time()) < 60


def test_synth_makes_a_cloned_voice_permanent(
    capsys: pytest.CaptureFixture[str],
    make_demo_server: MakeServer,
    tmp_path: Path,
    isolated_dirs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = make_demo_server()
    monkeypatch.setenv("SOUNDCLONE_API_KEY", server.token)
    url = ["--base-url", server.base_url]
    code, data = run_json(capsys, "clone", write_wav(tmp_path / "me.wav"), *url)
    assert code == 0, data
    model_id = str(data["model_id"])
    code, data = run_json(capsys, "voices")
    assert [v["status"] for v in data["voices"]] == ["temporary"]  # type: ignore[union-attr]

    script = tmp_path / "s.txt"
    script.write_text("Hello there.", encoding="utf-8")
    code, data = run_json(capsys, "synth", script, "--voice", model_id, "-o", tmp_path / "o", *url)
    assert code == 0, data
    code, data = run_json(capsys, "voices")
    (voice,) = data["voices"]  # type: ignore[misc]
    assert voice["status"] == "permanent" and voice["demo"] is False
    assert voice["seconds_left"] is None


def test_synth_refused_for_an_expired_voice_marks_it(
    capsys: pytest.CaptureFixture[str],
    make_demo_server: MakeServer,
    tmp_path: Path,
    isolated_dirs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = make_demo_server()
    monkeypatch.setenv("SOUNDCLONE_API_KEY", server.token)
    url = ["--base-url", server.base_url]
    code, data = run_json(capsys, "clone", write_wav(tmp_path / "me.wav"), *url)
    assert code == 0, data
    server.advance_clock(VALIDITY_SECONDS + 60)
    script = tmp_path / "s.txt"
    script.write_text("Hello there.", encoding="utf-8")
    code, _, err = run(
        capsys, "synth", script, "--voice", data["model_id"], "-o", tmp_path / "o", *url
    )
    assert code == cli.EXIT_FAILED and "expired" in err
    with library(isolated_dirs / "data") as lib:
        voice = lib.get(str(data["model_id"]))
    assert voice is not None and voice.expired


def test_synth_with_a_voice_not_in_the_library_creates_no_library(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_dirs: Path
) -> None:
    script = tmp_path / "s.txt"
    script.write_text("Hello there.", encoding="utf-8")
    code, _, err = run(capsys, "synth", script, "--demo", "-o", tmp_path / "o")
    assert code == 0, err
    assert not paths.voice_library_path(isolated_dirs / "data").exists()


def test_voices_with_an_empty_library(
    capsys: pytest.CaptureFixture[str], isolated_dirs: Path
) -> None:
    code, out, _ = run(capsys, "voices")
    assert code == 0 and "No voices in the library yet" in out
    assert not paths.voice_library_path(isolated_dirs / "data").exists()  # listing creates none
    code, data = run_json(capsys, "voices")
    assert code == 0 and data["voices"] == []


def test_voices_shows_every_status_and_filters(
    capsys: pytest.CaptureFixture[str], isolated_dirs: Path
) -> None:
    now = time.time()
    with library(isolated_dirs / "data") as lib:
        lib.add(Voice("m_temp", "Soon gone", created_at=now - VALIDITY_SECONDS + 2 * 3600))
        lib.add(Voice("m_perm", "Kept", created_at=now - 10 * 86400, activated_at=now - 9 * 86400))
        lib.add(Voice("m_old", "Old", created_at=now - 4 * 86400))
        lib.import_id("m_raw", "Pasted")
    code, out, _ = run(capsys, "voices")
    assert code == 0
    rows = {line.split("  ")[0]: line for line in out.splitlines()[1:]}
    assert "temporary, 1 h 59 min left" in rows["Soon gone"]
    assert "permanent" in rows["Kept"]
    assert "expired" in rows["Old"]
    assert "unknown (imported by ID)" in rows["Pasted"]

    code, data = run_json(capsys, "voices", "--status", "expired", "--status", "unknown")
    assert code == 0
    assert sorted(v["model_id"] for v in data["voices"]) == ["m_old", "m_raw"]  # type: ignore[union-attr]


def test_a_broken_library_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], isolated_dirs: Path
) -> None:
    paths.voice_library_path(isolated_dirs / "data").write_bytes(b"garbage" * 200)
    code, _, err = run(capsys, "voices")
    assert code == cli.EXIT_USAGE and "Could not open the voice library" in err
