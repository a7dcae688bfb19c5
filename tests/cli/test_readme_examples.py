"""Every `soundclone …` line of README.md, run the way a user pastes it (issue 11, item 15).

The lines are read from the README's code blocks (continuations joined, comments dropped),
then filled in as a reader would: optional ``[…]`` parts included, the first of ``a|b``
alternatives, placeholders (MODEL_ID, TASK_ID, ID, TEXT, N…) replaced with real values. Each
runs as its own process against one demo server, itself started by the README's
``demo-server`` line; the server address and key come from the environment
(``SOUNDCLONE_BASE_URL``, ``SOUNDCLONE_API_KEY``), so the command lines stay the README's.

A README line without an example here fails ``test_every_readme_line_has_an_example``, so the
README and the behaviour cannot drift apart silently.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import urllib.request
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from soundclone_desktop.core.book.takes import RenderStatus
from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.store import paths
from soundclone_desktop.store.book import BookStore
from soundclone_desktop.store.library import TaskLibrary
from soundclone_desktop.store.settings import Prices, Settings, SettingsStore
from tests.cli import processes
from tests.cli.test_cli import write_wav

README = processes.ROOT / "README.md"
TOKEN = "tok-readme-test"  # an obvious fake: the demo server accepts what it is given
CREATE_PATH = "/api/open-api/v1/soundCloning/audios"


def readme_commands() -> list[str]:
    """The ``soundclone`` command lines of the README's code blocks."""
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", README.read_text(encoding="utf-8"), re.M | re.S)
    commands = []
    for block in blocks:
        for line in re.sub(r"\\\n\s*", "", block).splitlines():
            line = re.split(r"\s{2,}#\s", line)[0].strip()  # the aligned `# what it does`
            if line.startswith("soundclone "):
                commands.append(line)
    return commands


def fill(line: str, values: dict[str, str]) -> list[str]:
    """The argv a reader types for ``line``: options included, first alternatives taken."""
    text = line.replace("[", "").replace("]", "")
    text = re.sub(r"(?<![\w-])([\w.-]+)(?:\|[\w.-]+)+", r"\1", text)
    for name, value in values.items():
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", value.replace("\\", r"\\"), text)
    argv = shlex.split(text)
    assert argv[0] == "soundclone", line
    return argv[1:]


@dataclass
class World:
    """What the examples share: one demo server and one data folder."""

    cwd: Path
    env: dict[str, str]
    base_url: str
    announced: str

    @property
    def data(self) -> Path:
        return Path(self.env["SOUNDCLONE_DATA_DIR"])

    def run(self, argv: list[str]) -> subprocess.CompletedProcess[str]:
        return processes.run(argv, cwd=self.cwd, env=self.env)


def _demo_server_line() -> str:
    (line,) = [c for c in readme_commands() if c.startswith("soundclone demo-server")]
    return line


DEMO_SERVER_VALUES = {"N": "0", "T": TOKEN, "S": "0.3", "R": "0"}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    home = tmp_path_factory.mktemp("readme")
    (home / "data").mkdir()
    (home / "config").mkdir()
    port = processes.free_port()
    argv = fill(_demo_server_line(), {**DEMO_SERVER_VALUES, "N": str(port)})
    argv[argv.index("--seed") + 1] = "7"  # N is the port above; the seed is any number
    with processes.running(argv, cwd=home) as server:
        announced = processes.first_line(server)
        base_url = f"http://127.0.0.1:{port}"
        env = {
            "SOUNDCLONE_DATA_DIR": str(home / "data"),
            "SOUNDCLONE_CONFIG_DIR": str(home / "config"),
            "SOUNDCLONE_API_KEY": TOKEN,
            "SOUNDCLONE_BASE_URL": base_url,
        }
        yield World(home, env, base_url, announced)


def _synthesised(world: World, name: str, text: str) -> dict[str, object]:
    """A finished task with subtitles, made through the CLI: for task, history, export."""
    (world.cwd / f"{name}.txt").write_text(text, encoding="utf-8")
    done = world.run(["--json", "synth", f"{name}.txt", "--voice", DEMO_VOICE_ID, "-o",
                      f"{name}-out", "--subtitles", "sentence"])  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert isinstance(result, dict)
    return result


def _history(world: World) -> list[dict[str, object]]:
    done = world.run(["--json", "history", "--limit", "0"])
    assert done.returncode == 0, done.stderr
    tasks = json.loads(done.stdout)["tasks"]
    assert isinstance(tasks, list)
    return tasks


def _wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


# -- one check per README line ---------------------------------------------------------------


def check_demo_server(world: World, _line: str) -> None:
    assert world.announced.strip() == f"SoundClone demo server: {world.base_url}"


def check_estimate(world: World, line: str) -> None:
    (world.cwd / "script.txt").write_text("Hello there. A short script.", encoding="utf-8")
    done = world.run(fill(line, {}))
    assert done.returncode == 0, done.stderr
    assert "Cost:" in done.stdout and "characters" in done.stdout.lower()


def check_synth(world: World, line: str) -> None:
    (world.cwd / "script.txt").write_text("Hello there. A short script.", encoding="utf-8")
    done = world.run(fill(line, {"MODEL_ID": DEMO_VOICE_ID}))
    assert done.returncode == 0, done.stderr
    assert _wav_seconds(world.cwd / "out.wav") > 0.5
    assert list(world.cwd.glob("out.*")) != [world.cwd / "out.wav"]  # the subtitles too


def check_batch(world: World, line: str) -> None:
    for n in (1, 2, 3):
        (world.cwd / f"ch0{n}.txt").write_text(f"Chapter {n}.", encoding="utf-8")
    done = world.run(fill(line, {"MODEL_ID": DEMO_VOICE_ID}))
    assert done.returncode == 0, done.stderr
    # Named after the scripts, in the server's own format (MP3 from the demo, as the real one).
    audio = sorted((world.cwd / "chapters").glob("ch0?.mp3"))
    assert [p.stem for p in audio] == ["ch01", "ch02", "ch03"]


def check_clone(world: World, line: str) -> None:
    write_wav(world.cwd / "recording.wav", 20.0, rate=8000)
    done = world.run(fill(line, {}))
    assert done.returncode == 0, done.stderr
    assert "Narrator" in done.stdout + done.stderr


def check_voices(world: World, line: str) -> None:
    if "Narrator" not in world.run(["voices"]).stdout:
        check_clone(world, _line_for("soundclone clone"))
    done = world.run(fill(line, {}))
    assert done.returncode == 0, done.stderr
    (row,) = [r for r in done.stdout.splitlines() if r.startswith("Narrator")]
    assert "temporary" in row and " left" in row


def check_task(world: World, line: str) -> None:
    task_id = str(_synthesised(world, "for-task", "Look me up.")["task_id"])
    done = world.run(fill(line, {"audio_1234…": task_id}))
    assert done.returncode == 0, done.stderr
    assert f"Task {task_id}: completed." in done.stdout


def check_history(world: World, line: str) -> None:
    _synthesised(world, "for-history", "Find me by my ID.")
    listed = world.run(["history"]).stdout.splitlines()
    (row,) = [r for r in listed if "Find me by my ID." in r]
    shown_id = row.split()[0]  # the ID column, as the user sees it
    done = world.run(fill(line, {"TEXT": shown_id, "N": "5"}))
    assert done.returncode == 0, done.stderr
    rows = [r for r in done.stdout.splitlines() if r.startswith(shown_id)]
    assert len(rows) == 1 and "Find me by my ID." in rows[0], done.stdout


def check_resume(world: World, line: str) -> None:
    done = world.run(fill(line, {}))
    assert done.returncode == 0, done.stderr
    assert "Nothing to resume." in done.stdout


def check_resume_found(world: World, line: str) -> None:
    params = ProductionParams(model_id=DEMO_VOICE_ID, text="Created, but the answer was lost.")
    job = Job(kind=JobKind.AUDIO, params=params)
    with TaskLibrary(paths.library_path(world.data)) as library:
        library.record(job, base_url=world.base_url, demo=False)
        library.mark(job.local_id, JobState.OUTCOME_UNKNOWN, reason="outcome-unknown")
    request = urllib.request.Request(
        world.base_url + CREATE_PATH, data=json.dumps(params.to_json()).encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=10) as response:  # found on the website
        task_id = str(json.load(response)["data"]["id"])
    done = world.run(fill(line, {"ID": job.local_id[:8], "TASK_ID": task_id}))
    assert done.returncode == 0, done.stderr
    with TaskLibrary(paths.library_path(world.data)) as library:
        record = library.get(job.local_id)
    assert record is not None and record.state is JobState.DOWNLOADED
    assert record.task_id == task_id


def check_export(world: World, line: str) -> None:
    task_id = str(_synthesised(world, "for-export", "Export me. Twice over.")["task_id"])
    done = world.run(fill(line, {"TASK_ID": task_id}))
    assert done.returncode == 0, done.stderr
    mp3 = (world.cwd / "out.mp3").read_bytes()
    assert mp3[:3] == b"ID3" or (mp3[0] == 0xFF and mp3[1] & 0xE0 == 0xE0)  # an MPEG frame
    assert " --> " in (world.cwd / "out.srt").read_text(encoding="utf-8")


# -- books ------------------------------------------------------------------------------------

NOVEL_CHAPTERS = [f"第{n}章 第{n}天" for n in "一二三四五六"]


def _novel(world: World) -> Path:
    """A Chinese novel with a 目录 and six chapters: chapters 1 (目录) to 7 in the book."""
    lines = ["目录", *NOVEL_CHAPTERS, ""]
    for number, title in enumerate(NOVEL_CHAPTERS, 1):
        lines += [title, f"这是第{number}个故事。天亮了，我们出发。"]
    path = world.cwd / "novel.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _book(world: World) -> Path:
    """novel.scbook, imported by the README's own import line (once)."""
    book = world.cwd / "novel.scbook"
    if not book.exists():
        check_book_import(world, _line_for("soundclone book import"))
    return book


def _rendered_book(world: World) -> Path:
    book = _book(world)
    done = world.run(["book", "render", str(book), "--voice", DEMO_VOICE_ID, "--yes"])
    assert done.returncode == 0, done.stderr
    return book


def _book_prices(world: World) -> None:
    """The demo server's prices in the settings: a budget needs them."""
    store = SettingsStore(Path(world.env["SOUNDCLONE_CONFIG_DIR"]))
    store.save(Settings(prices=Prices(production_per_10k=Decimal(20), voice_fee=Decimal("0.5"))))


def check_book_import(world: World, line: str) -> None:
    _novel(world)
    shutil.rmtree(world.cwd / "novel.scbook", ignore_errors=True)
    done = world.run(fill(line, {"REGEX": "第.章.*|目录"}))
    assert done.returncode == 0, done.stderr
    assert all(title in done.stdout for title in NOVEL_CHAPTERS)
    assert "Excluded as front matter" in done.stdout and "1. 目录" in done.stdout


def check_book_show(world: World, line: str) -> None:
    _book(world)
    done = world.run(fill(line, {"N": "2"}))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"Chapter 2. {NOVEL_CHAPTERS[0]}"
    assert done.stdout.splitlines()[1].split()[0] == "1"  # sentences numbered from 1


def check_book_estimate(world: World, line: str) -> None:
    _book(world)
    done = world.run(fill(line, {}))
    assert done.returncode == 0, done.stderr
    assert "4 chapters" in done.stdout and "billable characters" in done.stdout


def check_book_render(world: World, line: str) -> None:
    book = _book(world)
    _book_prices(world)
    done = world.run(fill(line, {"MODEL_ID": DEMO_VOICE_ID}))
    assert done.returncode == 0, done.stderr
    with BookStore.open(book) as store:
        rendered = [
            all(row.status.kind is RenderStatus.RENDERED for row in store.rows(c.id))
            for c in store.book.chapters
        ]  # fmt: skip
        assert store.book.settings.voice_id == DEMO_VOICE_ID
    assert rendered[:5] == [True, False, True, True, True]  # chapters 1,3-5


def check_book_export(world: World, line: str) -> None:
    from soundclone_desktop.cli.book.stitching import stitcher

    if stitcher() is None:
        pytest.skip("no stitcher in this version yet (services/book/stitch.py)")
    _rendered_book(world)
    done = world.run(fill(line, {}))
    assert done.returncode == 0, done.stderr
    files = sorted(p.name for p in (world.cwd / "audiobook").iterdir())
    assert len([f for f in files if f.endswith(".mp3")]) == 6
    assert len([f for f in files if f.endswith(".srt")]) == 6


def check_book_master(world: World, line: str) -> None:
    _rendered_book(world)
    done = world.run(fill(line, {}))
    assert done.returncode == 0, done.stdout + done.stderr  # every ACX rule passed
    delivered = world.cwd / "delivered"
    masters = sorted(p.name for p in delivered.iterdir() if p.suffix == ".mp3")
    # Named by the book's chapter numbers (as `book show` lists them: 1 is the excluded 目录).
    assert len(masters) == 6 and masters[0].startswith("02-")
    assert any(p.suffix == ".html" for p in delivered.iterdir())


def check_book_check_delivery(world: World, line: str) -> None:
    if not (world.cwd / "delivered").exists():
        check_book_master(world, _line_for("soundclone book master"))
    done = world.run(fill(line, {}))
    assert done.returncode == 0, done.stdout + done.stderr


def check_book_deliver_m4b(world: World, line: str) -> None:
    _rendered_book(world)
    done = world.run(fill(line, {}))
    assert done.returncode == 0, done.stderr
    assert (world.cwd / "novel.m4b").stat().st_size > 0
    assert (world.cwd / "novel.epub").stat().st_size > 0


def check_book_redo(world: World, line: str) -> None:
    _rendered_book(world)
    done = world.run(fill(line, {}))
    assert done.returncode == 0, done.stderr
    assert "1 task" in done.stdout


def _redone(world: World) -> None:
    takes = world.run(["book", "takes", str(world.cwd / "novel.scbook"), "2.2", "--json"])
    if takes.returncode != 0 or len(json.loads(takes.stdout)["takes"]) < 2:
        check_book_redo(world, _line_for("soundclone book redo"))


def check_book_takes(world: World, line: str) -> None:
    _rendered_book(world)
    _redone(world)
    done = world.run(fill(line, {}))
    assert done.returncode == 0, done.stderr
    assert len([row for row in done.stdout.splitlines() if row.strip()]) >= 2


def check_book_choose(world: World, line: str) -> None:
    _rendered_book(world)
    _redone(world)
    done = world.run(fill(line, {}))
    assert done.returncode == 0, done.stderr
    takes = world.run(["book", "takes", str(world.cwd / "novel.scbook"), "2.2", "--json"])
    chosen = [t["number"] for t in json.loads(takes.stdout)["takes"] if t["chosen"]]
    assert chosen == [1]


EXAMPLES: dict[str, Callable[[World, str], None]] = {
    "soundclone estimate script.txt": check_estimate,
    "soundclone synth script.txt --voice MODEL_ID": check_synth,
    "soundclone synth ch01.txt": check_batch,
    "soundclone clone recording.wav": check_clone,
    "soundclone voices": check_voices,
    "soundclone task": check_task,
    "soundclone history": check_history,
    "soundclone resume ID --task": check_resume_found,
    "soundclone resume": check_resume,
    "soundclone export": check_export,
    "soundclone demo-server": check_demo_server,
    "soundclone book import": check_book_import,
    "soundclone book master": check_book_master,
    "soundclone book check-delivery": check_book_check_delivery,
    "soundclone book export novel.scbook --m4b": check_book_deliver_m4b,
    "soundclone book redo": check_book_redo,
    "soundclone book takes": check_book_takes,
    "soundclone book choose": check_book_choose,
    "soundclone book show": check_book_show,
    "soundclone book estimate": check_book_estimate,
    "soundclone book render": check_book_render,
    "soundclone book export": check_book_export,
}


def _example_for(line: str) -> Callable[[World, str], None]:
    """The check of the longest key ``line`` starts with."""
    keys = [k for k in EXAMPLES if line == k or line.startswith(k + " ")]
    assert keys, f"README line with no example: {line}"
    return EXAMPLES[max(keys, key=len)]


def _line_for(prefix: str) -> str:
    return next(line for line in readme_commands() if line.startswith(prefix))


def test_every_readme_line_has_an_example() -> None:
    lines = readme_commands()
    assert len(lines) >= len(EXAMPLES)
    assert sorted({_example_for(line).__name__ for line in lines}) == sorted(
        f.__name__ for f in EXAMPLES.values()
    )


@pytest.mark.parametrize("line", readme_commands(), ids=lambda line: " ".join(line.split()[1:3]))
def test_readme_example(world: World, line: str) -> None:
    _example_for(line)(world, line)


# -- "Every command takes --demo (… its ready demo voice) … and --json (one JSON object)" -----


@pytest.mark.parametrize("argv", [["estimate", "script.txt"], ["voices"], ["history"],
                                  ["resume"], ["task", "audio_missing"]])  # fmt: skip
def test_commands_take_demo_and_json(tmp_path: Path, argv: list[str]) -> None:
    (tmp_path / "script.txt").write_text("Hello.", encoding="utf-8")
    done = processes.run([*argv, "--demo", "--json"], cwd=tmp_path)
    (line,) = done.stdout.splitlines()  # one JSON object; progress went to stderr
    data = json.loads(line)
    assert data["exit_code"] == done.returncode and "Traceback" not in done.stderr
    assert done.returncode == (5 if argv[0] == "task" else 0), done.stderr


def test_voices_demo_lists_the_ready_demo_voice(tmp_path: Path) -> None:
    done = processes.run(["voices", "--demo"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (row,) = [r for r in done.stdout.splitlines() if DEMO_VOICE_ID in r]
    assert "ready" in row
    data = json.loads(processes.run(["--json", "voices", "--demo"], cwd=tmp_path).stdout)
    assert [v["model_id"] for v in data["voices"]] == [DEMO_VOICE_ID]
    assert data["voices"][0]["demo"] is True and data["voices"][0]["status"] == "permanent"
