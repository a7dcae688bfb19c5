"""Project files: round trip, tolerant reading, clear refusals, and the recent-projects list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soundclone_desktop.core.parameters import Parameters, SubtitleType
from soundclone_desktop.store.projects import (
    FORMAT,
    RECENT_LIMIT,
    VERSION,
    Project,
    ProjectError,
    ProjectFileError,
    RecentProjects,
    dumps,
    load_project,
    loads,
    push_recent,
    save_project,
    with_suffix,
)

SAMPLE = Project(
    text="第一章 <#1.5#> 开始。\nSecond line with an emoji 🎙️.",
    params=Parameters(
        version="v1",
        language="Chinese",
        emotion="happy",
        speed=1.25,
        vol=2.5,
        pitch=-3,
        subtitles=True,
        subtitle_type=SubtitleType.WORD,
    ),
    voice_id="voice-123",
    notes="Read slowly.\nCheck the pause.",
)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "chapter.scproj"
    save_project(path, SAMPLE)
    loaded = load_project(path)
    assert loaded.project == SAMPLE
    assert loaded.ignored == ()


def test_the_file_is_readable_json_with_format_and_version(tmp_path: Path) -> None:
    path = tmp_path / "a.scproj"
    save_project(path, SAMPLE)
    raw = path.read_text(encoding="utf-8")
    assert "第一章" in raw  # non-ASCII kept readable, not \\u escapes
    data = json.loads(raw)
    assert data["format"] == FORMAT == "soundclone-project"
    assert data["version"] == VERSION == 1
    assert data["script"] == SAMPLE.text
    assert data["voice_id"] == "voice-123"
    assert data["notes"] == SAMPLE.notes
    assert data["parameters"] == {
        "version": "v1",
        "language": "Chinese",
        "emotion": "happy",
        "speed": 1.25,
        "vol": 2.5,
        "pitch": -3,
        "subtitles": True,
        "subtitle_type": "word",
    }
    assert data["generator"].startswith("SoundClone Desktop ")


def test_missing_fields_take_their_defaults_and_unknown_fields_are_ignored() -> None:
    text = json.dumps({"format": FORMAT, "version": 1, "script": "Hi", "future": {"x": 1}})
    loaded = loads(text)
    assert loaded.project == Project(text="Hi")
    assert loaded.ignored == ()


def test_bad_values_fall_back_to_defaults_and_are_named() -> None:
    data = {
        "format": FORMAT,
        "version": 1,
        "script": "Keep me",
        "voice_id": 42,
        "notes": ["not", "text"],
        "parameters": {
            "speed": 7,  # out of range
            "vol": "loud",  # wrong type
            "pitch": 2.5,  # not whole
            "emotion": "bored",  # unknown
            "subtitles": "yes",  # wrong type
            "language": "English",
        },
    }
    loaded = loads(json.dumps(data))
    assert loaded.project.text == "Keep me"
    assert loaded.project.voice_id is None
    assert loaded.project.notes == ""
    assert loaded.project.params == Parameters(language="English")
    assert set(loaded.ignored) == {
        "voice_id",
        "notes",
        "speed",
        "vol",
        "pitch",
        "emotion",
        "subtitles",
    }


def test_windows_line_endings_become_newlines() -> None:
    loaded = loads(json.dumps({"format": FORMAT, "version": 1, "script": "a\r\nb\rc"}))
    assert loaded.project.text == "a\nb\nc"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("not json", ProjectError.NOT_A_PROJECT),
        ("[1, 2]", ProjectError.NOT_A_PROJECT),
        (json.dumps({"format": "something-else", "version": 1}), ProjectError.NOT_A_PROJECT),
        (json.dumps({"format": FORMAT}), ProjectError.NOT_A_PROJECT),
        (json.dumps({"format": FORMAT, "version": True}), ProjectError.NOT_A_PROJECT),
        (json.dumps({"format": FORMAT, "version": 2}), ProjectError.NEWER_VERSION),
    ],
)
def test_files_that_are_not_projects_are_refused_with_a_reason(
    text: str, code: ProjectError
) -> None:
    with pytest.raises(ProjectFileError) as info:
        loads(text, Path("x.scproj"))
    assert info.value.code is code


def test_os_level_failures_have_codes(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError) as missing:
        load_project(tmp_path / "gone.scproj")
    assert missing.value.code is ProjectError.NOT_FOUND
    with pytest.raises(ProjectFileError) as folder:
        load_project(tmp_path)
    assert folder.value.code is ProjectError.IS_FOLDER
    big = tmp_path / "big.scproj"
    big.write_bytes(b" " * (4 * 1024 * 1024 + 1))
    with pytest.raises(ProjectFileError) as large:
        load_project(big)
    assert large.value.code is ProjectError.TOO_LARGE
    latin = tmp_path / "latin.scproj"
    latin.write_bytes(b'{"format": "soundclone-project", "version": 1, "script": "\xe9"}')
    with pytest.raises(ProjectFileError) as encoding:
        load_project(latin)
    assert encoding.value.code is ProjectError.NOT_A_PROJECT


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.scproj"
    path.write_bytes(b"\xef\xbb\xbf" + dumps(SAMPLE).encode("utf-8"))
    assert load_project(path).project == SAMPLE


def test_panel_values_round_trip() -> None:
    values = SAMPLE.panel_values()
    assert values["model_id"] == "voice-123"
    again = Project.from_values(SAMPLE.text, values, SAMPLE.notes)
    assert again == SAMPLE
    assert "model_id" not in Project(text="x").panel_values()  # no voice: keep the current one


def test_with_suffix() -> None:
    assert with_suffix(Path("/a/b")) == Path("/a/b.scproj")
    assert with_suffix(Path("/a/b.SCPROJ")) == Path("/a/b.SCPROJ")
    assert with_suffix(Path("/a/b.txt")) == Path("/a/b.txt.scproj")


def test_blank() -> None:
    assert Project(text="  \n", notes="").is_blank()
    assert not Project(notes="idea").is_blank()


_params = st.builds(
    Parameters,
    version=st.just("v2"),
    language=st.sampled_from(["auto", "English", "Chinese", "Japanese"]),
    emotion=st.sampled_from(["neutral", "happy", "sad"]),
    speed=st.integers(50, 200).map(lambda n: n / 100),
    vol=st.integers(1, 1000).map(lambda n: n / 100),
    pitch=st.integers(-12, 12),
    subtitles=st.booleans(),
    subtitle_type=st.sampled_from(SubtitleType),
)


@settings(max_examples=60, deadline=None)
@given(
    text=st.text().map(lambda s: s.replace("\r", "")),
    notes=st.text(),
    voice=st.one_of(st.none(), st.text(min_size=1).map(str.strip).filter(bool)),
    params=_params,
)
def test_any_project_survives_the_round_trip(
    text: str, notes: str, voice: str | None, params: Parameters
) -> None:
    project = Project(text=text, params=params, voice_id=voice, notes=notes)
    assert loads(dumps(project)).project == project


# -- recent projects ---------------------------------------------------------------------------


def test_push_recent_moves_to_front_and_caps() -> None:
    paths = [f"/p/{i}.scproj" for i in range(RECENT_LIMIT)]
    pushed = push_recent(paths, "/p/5.scproj")
    assert pushed[0] == "/p/5.scproj" and pushed.count("/p/5.scproj") == 1
    assert len(pushed) == RECENT_LIMIT
    assert push_recent(paths, "/new.scproj")[-1] == f"/p/{RECENT_LIMIT - 2}.scproj"


def test_recent_list_persists_and_tolerates_a_bad_file(tmp_path: Path) -> None:
    store = RecentProjects(tmp_path)
    assert store.load() == []
    store.save(["/a.scproj", "/b.scproj"])
    assert RecentProjects(tmp_path).load() == ["/a.scproj", "/b.scproj"]
    store.path.write_text("{broken", encoding="utf-8")
    assert store.load() == []
    store.path.write_text(json.dumps({"recent": ["/ok", 3, ""]}), encoding="utf-8")
    assert store.load() == ["/ok"]
