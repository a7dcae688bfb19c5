"""Per-OS default folders and the override order (argument > environment > default)."""

from __future__ import annotations

from pathlib import Path

import pytest

from soundclone_desktop.store import paths

HOME = Path("/home/ana")


@pytest.mark.parametrize(
    ("platform", "env", "data", "config"),
    [
        ("linux", {}, HOME / ".local/share/soundclone", HOME / ".config/soundclone"),
        (
            "linux",
            {"XDG_DATA_HOME": "/xdg/data", "XDG_CONFIG_HOME": "/xdg/config"},
            Path("/xdg/data/soundclone"),
            Path("/xdg/config/soundclone"),
        ),
        # XDG: relative values are invalid and ignored.
        ("linux", {"XDG_DATA_HOME": "rel"}, HOME / ".local/share/soundclone", None),
        (
            "darwin",
            {"XDG_DATA_HOME": "/ignored"},
            HOME / "Library/Application Support/SoundClone",
            HOME / "Library/Application Support/SoundClone",
        ),
        (
            "win32",
            {"LOCALAPPDATA": "/w/Local", "APPDATA": "/w/Roaming"},
            Path("/w/Local/SoundClone"),
            Path("/w/Roaming/SoundClone"),
        ),
        ("win32", {}, HOME / "AppData/Local/SoundClone", HOME / "AppData/Roaming/SoundClone"),
    ],
)
def test_platform_defaults(
    platform: str, env: dict[str, str], data: Path, config: Path | None
) -> None:
    assert paths.default_data_dir(platform=platform, env=env, home=HOME) == data
    if config is not None:
        assert paths.default_config_dir(platform=platform, env=env, home=HOME) == config


def test_environment_overrides_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOUNDCLONE_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("SOUNDCLONE_CONFIG_DIR", str(tmp_path / "c"))
    assert paths.data_dir() == tmp_path / "d"
    assert paths.config_dir() == tmp_path / "c"


def test_explicit_argument_beats_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOUNDCLONE_DATA_DIR", str(tmp_path / "env"))
    assert paths.data_dir(tmp_path / "arg") == tmp_path / "arg"
    assert paths.data_dir("") == tmp_path / "env"  # an empty --data-dir means "not given"


def test_without_environment_the_platform_default_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOUNDCLONE_DATA_DIR")
    monkeypatch.delenv("SOUNDCLONE_CONFIG_DIR")
    assert paths.data_dir() == paths.default_data_dir()
    assert paths.config_dir() == paths.default_config_dir()


def test_resolving_touches_no_disk(tmp_path: Path) -> None:
    target = tmp_path / "never-created"
    assert paths.results_dir(paths.data_dir(target)) == target / "results"
    assert paths.voices_dir(target) == target / "voices"
    assert not target.exists()
