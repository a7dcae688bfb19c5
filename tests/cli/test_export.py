"""`soundclone export`: a finished task's files, found through the task library, for an editor."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest

from soundclone_desktop import cli
from soundclone_desktop.audio.decode import decode, exact_duration, probe
from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.measure import measure
from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.core.subtitles import parse_subtitles
from soundclone_desktop.demo import markup
from soundclone_desktop.demo import synth as synth_demo
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.subtitles import build_subtitles
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import TaskLibrary
from tests.served_audio import is_mp3

SCRIPT = "Hello <#0.5#>world, this is the export test.<#1#>你好，世界！这是第二句。"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, dict[str, object]]:
    code, out, _ = run(capsys, "--json", *argv)
    data = json.loads(out.strip().splitlines()[-1])
    assert data["exit_code"] == code
    return code, data


def synth(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, subtitles: str | None = "word"
) -> dict[str, object]:
    """A real task: `soundclone --demo synth`, recorded in the library by the CLI itself."""
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    extra = ["--subtitles", subtitles] if subtitles else []
    code, data = run_json(capsys, "--demo", "synth", script, "-o", tmp_path / "take", *extra)
    assert code == 0, data
    return data


def recorded(tmp_path: Path, subtitles: str | None = "word") -> dict[str, object]:
    """A finished task put straight into the library, with the files the demo would send
    (quicker than a synth round trip; the first test does the real one)."""
    timeline = synth_demo.plan(SCRIPT, markup.find_pauses(SCRIPT), 16000, 1.0)
    results = tmp_path / "results"
    results.mkdir(exist_ok=True)
    job = Job(JobKind.AUDIO, ProductionParams(model_id=DEMO_VOICE_ID, text=SCRIPT),
              task_id=f"audio_{uuid.uuid4()}", state=JobState.DOWNLOADED)  # fmt: skip
    job.audio_path = results / f"{job.task_id}.wav"
    job.audio_path.write_bytes(synth_demo.render_wav(timeline, base_hz=150, vol=1, pitch=0))
    if subtitles:
        job.subtitle_path = results / f"{job.task_id}.subtitles.json"
        raw = build_subtitles(timeline, word_level=subtitles == "word")
        job.subtitle_path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with TaskLibrary(paths.library_path(paths.data_dir())) as library:
        library.record(job, base_url="http://127.0.0.1:1", demo=True)
    return {"task_id": job.task_id, "local_id": job.local_id, "audio": str(job.audio_path),
            "subtitles": str(job.subtitle_path)}  # fmt: skip


def test_export_by_task_id_writes_srt_and_mp3(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    made = synth(capsys, tmp_path)
    code, data = run_json(
        capsys, "export", made["task_id"], "--audio", tmp_path / "out.mp3",
        "--subtitles", tmp_path / "out.srt", "--max-chars", 16, "--max-lines", 1,
    )  # fmt: skip
    assert code == 0, data
    assert data["audio"] == str(tmp_path / "out.mp3") and data["format"] == "srt"
    mp3 = (tmp_path / "out.mp3").read_bytes()
    assert is_mp3(mp3)
    srt = (tmp_path / "out.srt").read_text(encoding="utf-8")
    assert srt.startswith("1\n00:00:00,000 --> ")
    cues = parse_subtitles(srt.encode()).cues
    assert all(len(c.text) <= 16 for c in cues) and len(cues) > 2
    assert "".join(c.text for c in cues).replace(" ", "") == (
        "Helloworld,thisistheexporttest.你好，世界！这是第二句。"
    )


def test_export_by_local_id_prefix_with_format_option_and_normalisation(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    recorded(tmp_path, "sentence")
    with TaskLibrary(paths.library_path(paths.data_dir())) as library:
        (record,) = library.search()
    code, out, _ = run(
        capsys, "export", record.local_id[:8], "--audio", tmp_path / "loud.wav", "--normalize",
        "--subtitles", tmp_path / "subs", "--format", "vtt", "--min-duration", 2000,
    )  # fmt: skip
    assert code == 0, out
    assert f"Audio saved to {tmp_path / 'loud.wav'}." in out
    assert f"Subtitles (VTT) saved to {tmp_path / 'subs.vtt'}." in out
    assert (tmp_path / "subs.vtt").read_text(encoding="utf-8").startswith("WEBVTT\n\n")
    loud = decode(tmp_path / "loud.wav")
    assert float(abs(loud.samples).max()) <= 29205 / 32768  # -1 dBFS


def test_the_format_follows_the_file_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    made = recorded(tmp_path)
    for name, head in (("a.lrc", "[00:00.00]Hello"), ("a.ass", "[Script Info]")):
        code, _, err = run(capsys, "export", made["task_id"], "--subtitles", tmp_path / name)
        assert code == 0, err
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(head)
    code, _, _ = run(capsys, "export", made["task_id"], "--audio", tmp_path / "copy")
    assert code == 0
    assert (tmp_path / "copy.wav").read_bytes() == Path(str(made["audio"])).read_bytes()


def test_unknown_task_no_subtitles_and_bad_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "export", "audio_nope", "--subtitles", tmp_path / "x.srt")
    assert code == cli.EXIT_USAGE and "No tasks have been recorded" in err
    made = recorded(tmp_path, subtitles=None)
    code, _, err = run(capsys, "export", "audio_nope", "--subtitles", tmp_path / "x.srt")
    assert code == cli.EXIT_USAGE and "No task audio_nope in the task library" in err
    code, _, err = run(capsys, "export", made["task_id"], "--subtitles", tmp_path / "x.srt")
    assert code == cli.EXIT_USAGE and "has no downloaded subtitles" in err
    assert "--subtitles sentence|word" in err
    code, _, err = run(capsys, "export", made["task_id"])
    assert code == cli.EXIT_USAGE and "Nothing to export" in err
    code, _, err = run(capsys, "export", made["task_id"], "--audio", tmp_path / "a.mp3",
                       "--max-lines", 0)  # fmt: skip
    assert code == cli.EXIT_USAGE and "--max-lines must be from 1 to 10 (got 0)" in err
    code, _, err = run(capsys, "export", made["task_id"], "--audio", tmp_path / "a.ogg")
    assert code == cli.EXIT_USAGE and "--audio must end in .wav, .mp3, .m4a, .opus or .flac" in err
    assert not (tmp_path / "a.mp3").exists() and not (tmp_path / "x.srt").exists()


def test_an_unreadable_subtitle_file_is_reported_and_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    made = recorded(tmp_path)
    stored = Path(str(made["subtitles"]))
    with TaskLibrary(paths.library_path(paths.data_dir())) as library:
        record = library.by_task_id(str(made["task_id"]))
    assert record is not None and record.subtitle_path is not None
    record.subtitle_path.write_bytes(b"<html>error page</html>")
    code, _, err = run(capsys, "export", made["task_id"], "--subtitles", tmp_path / "x.srt",
                       "--audio", tmp_path / "x.wav")  # fmt: skip
    assert code == cli.EXIT_FAILED
    assert "The server's subtitle file could not be read: The subtitle file is in no format" in err
    assert f"It is kept as it is at {record.subtitle_path}." in err
    assert record.subtitle_path.read_bytes() == b"<html>error page</html>"
    assert not (tmp_path / "x.wav").exists()  # nothing half-exported
    assert stored.exists()


def test_an_mp3_result_converts_to_every_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    made = recorded(tmp_path)
    with TaskLibrary(paths.library_path(paths.data_dir())) as library:
        record = library.by_task_id(str(made["task_id"]))
    assert record is not None and record.audio_path is not None
    source = decode(record.audio_path)
    mp3_path = encode(source, tmp_path / "result.mp3", EncodeOptions(Encoding.MP3))
    mp3 = mp3_path.read_bytes()
    record.audio_path.write_bytes(mp3)  # as the service (and now the demo) sends it
    for suffix, codec in ((".wav", "pcm_s16le"), (".m4a", "aac"), (".opus", "opus"),
                          (".flac", "flac")):  # fmt: skip
        target = tmp_path / f"a{suffix}"
        code, _, err = run(capsys, "export", made["task_id"], "--audio", target)
        assert code == 0, err
        assert probe(target).codec == codec
        assert exact_duration(target) == pytest.approx(source.seconds, abs=1 / source.rate)
    code, _, err = run(capsys, "export", made["task_id"], "--audio", tmp_path / "n.mp3",
                       "--normalize", "--target-lufs", "-23")  # fmt: skip
    assert code == 0, err
    assert measure(tmp_path / "n.mp3").integrated_lufs == pytest.approx(-23.0, abs=0.3)
    code, _, _ = run(capsys, "export", made["task_id"], "--audio", tmp_path / "a.mp3")
    assert code == 0 and (tmp_path / "a.mp3").read_bytes() == mp3
    code, _, _ = run(capsys, "export", made["task_id"], "--audio", tmp_path / "b")
    assert code == 0 and (tmp_path / "b.mp3").read_bytes() == mp3
    code, _, err = run(capsys, "export", made["task_id"], "--audio", tmp_path / "x.aiff")
    assert code == cli.EXIT_USAGE and ".m4a, .opus or .flac" in err
    code, _, err = run(capsys, "export", made["task_id"], "--audio", tmp_path / "y.wav",
                       "--normalize", "--target-lufs", "3")  # fmt: skip
    assert code == cli.EXIT_USAGE and "--target-lufs must be" in err


def test_the_data_dir_option_is_honoured(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    made = recorded(tmp_path)
    elsewhere = tmp_path / "other-data"
    code, _, err = run(capsys, "--data-dir", elsewhere, "export", made["task_id"],
                       "--subtitles", tmp_path / "x.srt")  # fmt: skip
    assert code == cli.EXIT_USAGE and str(elsewhere) in err
    assert os.environ["SOUNDCLONE_DATA_DIR"] != str(elsewhere)
