"""``replacing``: the one "write beside, then rename" every file writer uses."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from soundclone_desktop.store.atomic import replacing


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "out"  # tmp_path also holds the tests' fake home
    made.mkdir()
    return made


def test_success_replaces_the_target_and_leaves_nothing_else(folder: Path) -> None:
    target = folder / "chapter.mp3"
    target.write_bytes(b"old")
    with replacing(target) as temporary:
        assert temporary.parent == folder and temporary.suffix == ".mp3"  # writers key on it
        assert temporary.exists() and temporary != target
        temporary.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in folder.iterdir()] == ["chapter.mp3"]


def test_a_failing_block_keeps_the_old_target_and_removes_the_temporary(folder: Path) -> None:
    target = folder / "book.m4b"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="encoder died"), replacing(target) as temporary:
        temporary.write_bytes(b"half a file")
        raise RuntimeError("encoder died")
    assert target.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["book.m4b"]


def test_a_failed_rename_keeps_the_old_target_and_removes_the_temporary(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / "book.epub"
    target.write_bytes(b"old")

    def power_cut(src: object, dst: object) -> None:
        raise OSError("simulated power cut")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError, match="power cut"), replacing(target) as temporary:
        temporary.write_bytes(b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["book.epub"]


def test_a_block_that_removes_its_temporary_is_an_error_not_a_silent_loss(folder: Path) -> None:
    target = folder / "a.srt"
    target.write_bytes(b"old")
    with pytest.raises(FileNotFoundError), replacing(target) as temporary:
        temporary.unlink()
    assert target.read_bytes() == b"old"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.mp3"
        with replacing(fresh) as temporary:
            temporary.write_bytes(b"x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # mkstemp would give 0600
        locked = tmp_path / "locked.mp3"
        locked.write_bytes(b"old")
        locked.chmod(0o600)
        with replacing(locked) as temporary:
            temporary.write_bytes(b"new")
        assert stat.S_IMODE(locked.stat().st_mode) == 0o600
    finally:
        os.umask(old_umask)


def test_a_missing_folder_is_an_oserror_for_the_caller_to_word(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), replacing(tmp_path / "gone" / "x.wav"):
        pass  # pragma: no cover - never entered
