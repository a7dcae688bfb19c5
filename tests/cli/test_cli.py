"""The `soundclone` command end to end, through `main([...])`, against real demo servers.

`--demo` runs an in-process server per call. Chains that need one server across calls
(clone, then synth with the new voice) use `make_demo_server` and `--base-url`.
"""

from __future__ import annotations

import json
import math
import time
import wave
from array import array
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from soundclone_desktop import cli
from soundclone_desktop.api._retry import RetryPolicy
from soundclone_desktop.api.client import SoundCloneClient
from soundclone_desktop.cli import run_jobs
from soundclone_desktop.demo.server import DemoServer
from tests.cli import processes
from tests.served_audio import Decoded, decode, quiet_runs

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = sorted(DATA.glob("*.txt"))
MakeServer = Callable[..., DemoServer]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code, out, _ = run(capsys, "--json", *argv)
    lines = out.strip().splitlines()
    assert len(lines) == 1, out  # one JSON object, progress went to stderr
    data = json.loads(lines[0])
    assert data["exit_code"] == code and data["ok"] is (code == 0)
    return code, data


def write_script(tmp_path: Path, text: str, name: str = "script.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def write_wav(path: Path, seconds: float, rate: int = 16000) -> Path:
    """A voice-like test recording: a gliding tone with a syllable rhythm."""
    n = int(seconds * rate)
    samples = array("h", (
        int(9000 * math.sin(2 * math.pi * (180 + 40 * math.sin(i / 3000)) * i / rate)
            * (0.55 + 0.45 * math.sin(2 * math.pi * 4 * i / rate)))
        for i in range(n)
    ))  # fmt: skip
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


def read_audio(path: Path) -> Decoded:
    """A result file decoded with PyAV, whatever its container (the demo answers MP3)."""
    return decode(path.read_bytes())


def longest_silence(path: Path, threshold: float = 8 / 32768) -> float:
    """Seconds of the longest run of samples within ±threshold (about -72 dBFS)."""
    audio = read_audio(path)
    runs = quiet_runs(audio.samples, audio.rate, threshold=threshold, min_seconds=0)
    return max((length for _start, length in runs), default=0.0)


@pytest.fixture
def use_server(monkeypatch: pytest.MonkeyPatch) -> Callable[[DemoServer], str]:
    """Point the CLI at a running demo server with its key; returns its base URL."""

    def use(server: DemoServer) -> str:
        monkeypatch.setenv("SOUNDCLONE_API_KEY", server.token)
        return server.base_url

    return use


# -- estimate --------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_estimate_samples(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    code, out, _ = run(capsys, "estimate", sample)
    assert code == 0, out
    assert "billable characters" in out and "No problems found." in out
    assert "Cost: unknown" in out  # no prices configured
    code, data = run_json(capsys, "estimate", "--demo", sample)
    assert code == 0 and data["blocking"] is False and data["problems"] == []
    assert isinstance(data["billable_chars"], int) and data["billable_chars"] > 0
    assert data["request_chars"] > data["billable_chars"]  # type: ignore[operator]
    cost = data["cost"]
    assert isinstance(cost, dict) and cost["total"] is not None


def test_estimate_counts_the_chinese_sample_exactly(capsys: pytest.CaptureFixture[str]) -> None:
    text = (DATA / "audiobook-zh.txt").read_text(encoding="utf-8").strip()
    markers = ["<#0.8#>", "<#1.2#>", "<#0.5#>"]
    expected = len(text) - sum(len(m) for m in markers)
    code, data = run_json(capsys, "estimate", DATA / "audiobook-zh.txt")
    assert code == 0 and data["billable_chars"] == expected and data["pause_seconds"] == 2.5


def test_estimate_reports_problems_with_line_and_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    script = write_script(tmp_path, "First line is fine.\nSecond <#120#> line.\n<#0.5#>")
    code, out, _ = run(capsys, "estimate", script)
    assert code == cli.EXIT_BLOCKING
    assert "  2:8: error:" in out  # the bad marker: line 2, column 8
    assert "  3:1: error:" in out  # the trailing marker
    code, data = run_json(capsys, "estimate", script)
    assert code == 1 and data["blocking"] is True
    problems = data["problems"]
    assert isinstance(problems, list)
    assert [(p["line"], p["column"]) for p in problems] == [(2, 8), (3, 1)]


def test_estimate_matches_the_bill(
    capsys: pytest.CaptureFixture[str],
    make_demo_server: MakeServer,
    use_server: Callable[[DemoServer], str],
    tmp_path: Path,
) -> None:
    server = make_demo_server()
    sample = DATA / "mixed-zh-en.txt"
    _, estimate = run_json(capsys, "estimate", "--demo", sample)
    code, _, err = run(
        capsys,
        "synth",
        sample,
        "--voice",
        "model_demo_narrator",
        "-o",
        tmp_path / "out",
        "--base-url",
        use_server(server),
    )
    assert code == 0, err
    billed = sum(Decimal(str(e["amount"])) for e in server.ledger())
    cost = estimate["cost"]
    assert isinstance(cost, dict)
    assert billed == Decimal(str(cost["total"]))


# -- synth -----------------------------------------------------------------------------------


def test_synth_demo_chinese_sample_quickly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    started = time.monotonic()
    code, out, err = run(
        capsys,
        "synth",
        "--demo",
        DATA / "audiobook-zh.txt",
        "-o",
        tmp_path / "chapter1",
        "--subtitles",
        "sentence",
    )
    took = time.monotonic() - started
    assert code == 0, err
    assert took < 10.0
    audio, subtitles = tmp_path / "chapter1.mp3", tmp_path / "chapter1.subtitles.json"
    decoded = read_audio(audio)  # a playable mono MP3
    assert decoded.channels == 1 and decoded.seconds > 10
    segments = json.loads(subtitles.read_text(encoding="utf-8"))
    assert isinstance(segments, list) and segments and "time_begin" in segments[0]
    assert f"Saved {audio}" in out and "Subtitles:" in out
    assert "created; expected in ~" in err and "Downloaded." in err  # progress on stderr


def test_synth_pause_marker_becomes_exact_silence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    script = write_script(tmp_path, "欢迎收听本期节目。<#1.5#>今天我们聊聊声音克隆。")
    code, _, err = run(capsys, "synth", "--demo", script, "-o", tmp_path / "pause.wav")
    assert code == 0, err
    assert longest_silence(tmp_path / "pause.wav") == pytest.approx(1.5, abs=0.02)


def test_clone_then_synth_with_the_new_voice(
    capsys: pytest.CaptureFixture[str],
    make_demo_server: MakeServer,
    use_server: Callable[[DemoServer], str],
    tmp_path: Path,
    isolated_dirs: Path,
) -> None:
    base_url = use_server(make_demo_server())
    sample = write_wav(tmp_path / "my voice.wav", 20.0)
    code, data = run_json(capsys, "clone", sample, "--base-url", base_url)
    assert code == 0, data
    model_id = data["model_id"]
    assert isinstance(model_id, str) and model_id.startswith("model_")
    preview = Path(str(data["preview"]))
    assert preview.parent == isolated_dirs / "data" / "voices" and preview.exists()

    script = write_script(tmp_path, "This is my cloned voice.<#1.5#>It sounds like me.")
    code, data = run_json(
        capsys,
        "synth",
        script,
        "--voice",
        model_id,
        "-o",
        tmp_path / "mine",
        "--base-url",
        base_url,
        "--subtitles",
        "word",
    )
    assert code == 0, data
    audio = Path(str(data["audio"]))
    assert audio.suffix == ".mp3" and Path(str(data["subtitles"])).exists()
    assert longest_silence(audio) == pytest.approx(1.5, abs=0.02)

    code, data = run_json(capsys, "task", str(data["task_id"]), "--base-url", base_url)
    assert code == 0 and data["status"] == "completed"


def test_clone_with_demo(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_dirs: Path
) -> None:
    sample = write_wav(tmp_path / "voice.wav", 20.0)
    code, out, err = run(capsys, "clone", sample, "--demo", "--text", "你好，这是我的声音。")
    assert code == 0, err
    assert "Voice model ID: model_" in out
    assert list((isolated_dirs / "data" / "voices").iterdir())
    assert "Uploading voice.wav" in err


# -- bad input and failures ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "field"),
    [
        (["--speed", "3"], "speed"),
        (["--vol", "0"], "vol"),
        (["--pitch", "1.5"], "pitch"),
        (["--pitch", "13"], "pitch"),
        (["--version", "v1", "--language", "auto"], "language"),
        (["--language", "Klingon"], "language"),
    ],
)
def test_synth_rejects_bad_parameters_before_sending(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, options: list[str], field: str
) -> None:
    script = write_script(tmp_path, "Hello.")
    code, out, err = run(capsys, "synth", "--demo", script, "-o", tmp_path / "x", *options)
    assert code == cli.EXIT_USAGE
    assert f"{field}: " in err and "allowed:" in err
    assert "Traceback" not in err and out == ""
    assert not list(tmp_path.glob("x*"))


def test_synth_rejects_a_broken_script(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    script = write_script(tmp_path, "<#1#>Leading pause.")
    code, _, err = run(capsys, "synth", "--demo", script, "-o", tmp_path / "x")
    assert code == cli.EXIT_USAGE and "script 1:1: " in err and "contentText" not in err


def test_missing_key_explains_how_to_set_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    script = write_script(tmp_path, "Hello.")
    code, _, err = run(capsys, "synth", script, "--voice", "model_x", "-o", tmp_path / "x")
    assert code == cli.EXIT_USAGE
    assert "SOUNDCLONE_API_KEY" in err and "--demo" in err


def test_missing_voice_and_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    script = write_script(tmp_path, "Hello.")
    code, _, err = run(capsys, "synth", script, "-o", tmp_path / "x")
    assert code == cli.EXIT_USAGE and "--voice" in err
    code, _, err = run(capsys, "estimate", tmp_path / "nope.txt")
    assert code == cli.EXIT_USAGE and "does not exist" in err


def test_usage_errors(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(capsys, "synth")  # argparse: missing arguments
    assert code == cli.EXIT_USAGE and "the following arguments are required" in err
    # Our own refusal, not argparse's (which exits 2 too): the sentence says which.
    code, _, err = run(capsys, "--demo", "--base-url", "http://x.test", "task", "t")
    assert code == cli.EXIT_USAGE and "Use either --demo or --base-url, not both." in err
    monkeypatch.setenv("SOUNDCLONE_API_KEY", "k")
    code, _, err = run(capsys, "--base-url", "ftp://x", "task", "t")
    assert code == cli.EXIT_USAGE and "http:// or https://" in err


@pytest.mark.parametrize("seconds", [10.0, 61.0])
def test_clone_checks_the_recording_length_before_spending(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seconds: float
) -> None:
    sample = write_wav(tmp_path / "short.wav", seconds, rate=8000)
    code, _, err = run(capsys, "clone", "--demo", sample)
    assert code == cli.EXIT_USAGE and "more than 15 s and less than 60 s" in err


def test_clone_refuses_unsupported_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    flac = tmp_path / "voice.flac"
    flac.write_bytes(b"fLaC")
    code, _, err = run(capsys, "clone", "--demo", flac)
    assert code == cli.EXIT_USAGE and "cannot be cloned" in err


def test_rejected_key(
    capsys: pytest.CaptureFixture[str],
    demo_server: DemoServer,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("SOUNDCLONE_API_KEY", "sk-wrong-key")
    script = write_script(tmp_path, "Hello.")
    code, data = run_json(
        capsys,
        "synth",
        script,
        "--voice",
        "model_x",
        "-o",
        tmp_path / "x",
        "--base-url",
        demo_server.base_url,
    )
    assert code == cli.EXIT_AUTH and "API key" in str(data["error"])
    assert "sk-wrong-key" not in json.dumps(data)
    code, _, err = run(capsys, "task", "audio_1", "--base-url", demo_server.base_url)
    assert code == cli.EXIT_AUTH and "sk-wrong-key" not in err


def test_unreachable_server(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    quick = RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.01)
    monkeypatch.setattr(  # the client synth sends with (cli/run_jobs.py)
        run_jobs, "open_client", lambda url, token: SoundCloneClient(url, token, retry=quick)
    )
    monkeypatch.setenv("SOUNDCLONE_API_KEY", "k")
    script = write_script(tmp_path, "Hello.")
    code, _, err = run(
        capsys,
        "synth",
        script,
        "--voice",
        "model_x",
        "-o",
        tmp_path / "x",
        "--base-url",
        "http://127.0.0.1:9",
    )
    assert code == cli.EXIT_UNAVAILABLE and "nothing was sent" in err


def test_task_failed_on_the_server(
    capsys: pytest.CaptureFixture[str],
    demo_server: DemoServer,
    use_server: Callable[[DemoServer], str],
    tmp_path: Path,
) -> None:
    demo_server.fail_next_tasks(1, "engine overloaded")
    script = write_script(tmp_path, "Hello.")
    code, data = run_json(
        capsys,
        "synth",
        script,
        "--voice",
        "model_demo_narrator",
        "-o",
        tmp_path / "x",
        "--base-url",
        use_server(demo_server),
    )
    assert code == cli.EXIT_FAILED
    assert "The server could not finish this task: engine overloaded." in str(data["error"])


def test_outcome_unknown_is_not_resent(
    capsys: pytest.CaptureFixture[str],
    demo_server: DemoServer,
    use_server: Callable[[DemoServer], str],
    tmp_path: Path,
) -> None:
    demo_server.inject("drop", path_contains="soundCloning/audios")
    script = write_script(tmp_path, "Hello.")
    code, _, err = run(
        capsys,
        "synth",
        script,
        "--voice",
        "model_demo_narrator",
        "-o",
        tmp_path / "x",
        "--base-url",
        use_server(demo_server),
    )
    assert code == cli.EXIT_OUTCOME_UNKNOWN and "not sent again" in err
    posts = [e for e in demo_server.requests_log() if e["method"] == "POST"]
    assert len(posts) == 1


def test_json_error_object(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, data = run_json(capsys, "estimate", tmp_path / "missing.txt")
    assert code == cli.EXIT_USAGE and data["ok"] is False and "does not exist" in str(data["error"])


def test_demo_server_command_serves_on_the_port_and_token_given(tmp_path: Path) -> None:
    """`soundclone demo-server --port N --token T`, as the README documents it, in its own
    process: it listens on N, accepts T (and only T) and stops cleanly on Ctrl+C."""
    port = processes.free_port()
    argv = ["demo-server", "--port", str(port), "--token", "tok-test", "--task-seconds", "1"]
    with processes.running(argv, cwd=tmp_path) as server:
        assert (
            processes.first_line(server).strip()
            == f"SoundClone demo server: http://127.0.0.1:{port}"
        )
        url = f"http://127.0.0.1:{port}/api/open-api/v1/user/balance"
        accepted = httpx.get(url, headers={"Authorization": "Bearer tok-test"}).json()
        refused = httpx.get(url, headers={"Authorization": "Bearer demo-token"}).json()
        code, out, err = processes.stop(server)
    assert accepted["code"] == 20000 and accepted["data"] is not None
    assert refused["code"] == 20001
    assert code == 0 and "Demo server stopped." in out and "Traceback" not in err


def test_demo_server_json_announces_one_object(tmp_path: Path) -> None:
    with processes.running(["--json", "demo-server"], cwd=tmp_path) as server:
        ready = json.loads(processes.first_line(server))
        balance = httpx.get(
            f"{ready['base_url']}/api/open-api/v1/user/balance",
            headers={"Authorization": f"Bearer {ready['token']}"},
        ).json()
        code, out, _err = processes.stop(server)
    assert ready["ok"] is True and ready["demo_voice"] == "model_demo_narrator"
    assert ready["base_url"] == f"http://127.0.0.1:{ready['port']}"
    assert balance["code"] == 20000
    assert code == 0 and out == ""  # the one object was the whole of stdout


def test_demo_server_help_lists_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo-server", "--help")
    assert code == 0
    for option in ("--port", "--token", "--task-seconds", "--fail-rate", "--faults", "--json"):
        assert option in out


def test_demo_server_names_a_bad_option_value(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--json", "demo-server", "--port", "70000")
    assert code == cli.EXIT_USAGE and "port must be between 0 and 65535" in err
    assert json.loads(out) == {
        "ok": False, "exit_code": 2, "error": "port must be between 0 and 65535"
    }  # fmt: skip


def test_cli_logging_follows_the_current_stderr(monkeypatch) -> None:
    import io
    import logging
    import sys

    from soundclone_desktop.cli.main import configure_logging

    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        configure_logging(1)
        later = io.StringIO()
        monkeypatch.setattr(sys, "stderr", later)  # e.g. a caller redirecting after set-up
        logging.getLogger("soundclone_desktop.cli").info("after the swap")
        assert "after the swap" in later.getvalue()
    finally:
        root.handlers, level = saved
        root.setLevel(level)
