"""The voice library (store/voices.py): SQLite rows, preview clips, status over time."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from soundclone_desktop.core.voices import VALIDITY_SECONDS, VoiceStatus
from soundclone_desktop.store import paths
from soundclone_desktop.store.voices import (
    SCHEMA_VERSION,
    Voice,
    VoiceLibrary,
    VoiceLibraryError,
    normalise_tags,
)

T0 = 1_781_777_280.0
HOUR = 3600.0


class Clock:
    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def library(data: Path, clock: Clock) -> Iterator[VoiceLibrary]:
    lib = VoiceLibrary(paths.voice_library_path(data), clock=clock)
    yield lib
    lib.close()


def narrator(**kw: object) -> Voice:
    fields: dict[str, object] = {
        "model_id": "model_narrator",
        "name": "Narrator",
        "created_at": T0,
        "source": "narrator.wav",
        "version": "v2",
        "language": "English",
    }
    fields.update(kw)
    return Voice(**fields)  # type: ignore[arg-type]


def test_a_voice_round_trips_every_field(library: VoiceLibrary, tmp_path: Path) -> None:
    voice = narrator(
        notes="line one\nline two",
        tags=("calm", "en"),
        preview_path=tmp_path / "p.wav",
        preview_task_id="audio_1",
        activated_at=T0 + 5,
        imported=False,
        demo=True,
    )
    assert library.add(voice) == voice
    assert library.get("model_narrator") == voice
    assert library.get("nope") is None
    assert "model_narrator" in library and "nope" not in library


def test_the_library_lives_in_the_data_folder_and_survives_a_restart(
    data: Path, clock: Clock
) -> None:
    first = VoiceLibrary(paths.voice_library_path(data), clock=clock)
    first.add(narrator())
    first.mark_used("model_narrator", T0 + HOUR)
    first.close()
    assert (data / "voices.sqlite3").is_file()

    clock.now = T0 + 10 * 24 * HOUR  # long past the three days: permanence must persist
    again = VoiceLibrary(paths.voice_library_path(data), clock=clock)
    try:
        voice = again.get("model_narrator")
        assert voice is not None and voice.activated_at == T0 + HOUR
        assert again.status(voice) is VoiceStatus.PERMANENT
        assert again.previews_dir == data / "voices"
    finally:
        again.close()


def test_status_follows_the_clock(library: VoiceLibrary, clock: Clock) -> None:
    library.add(narrator())
    voice = library.get("model_narrator")
    assert voice is not None
    assert voice.expires_at() == T0 + VALIDITY_SECONDS
    assert library.status(voice) is VoiceStatus.TEMPORARY
    clock.now = T0 + VALIDITY_SECONDS
    assert library.status(voice) is VoiceStatus.EXPIRED


def test_all_lists_newest_first(library: VoiceLibrary, clock: Clock) -> None:
    for i in range(3):
        clock.now = T0 + i
        library.add(narrator(model_id=f"m{i}", name=f"V{i}"))
    library.add(narrator(model_id="m0", name="renamed by upsert"))  # keeps its place
    assert [v.model_id for v in library.all()] == ["m2", "m1", "m0"]
    assert library.get("m0").name == "renamed by upsert"  # type: ignore[union-attr]


def test_upsert_never_forgets_permanence_or_the_clip(library: VoiceLibrary, tmp_path: Path) -> None:
    library.add(narrator(activated_at=T0 + 1, preview_path=tmp_path / "a.wav"))
    stored = library.add(narrator(name="Again", activated_at=None, preview_path=None))
    assert stored.name == "Again"
    assert stored.activated_at == T0 + 1
    assert stored.preview_path == tmp_path / "a.wav"


def test_add_refuses_an_empty_id(library: VoiceLibrary) -> None:
    with pytest.raises(ValueError, match="model ID"):
        library.add(narrator(model_id="  "))


def test_import_id_is_unknown_and_keeps_an_existing_voice(library: VoiceLibrary) -> None:
    voice = library.import_id("  model_raw  ")
    assert voice.model_id == "model_raw" and voice.name == "model_raw"
    assert voice.imported and library.status(voice) is VoiceStatus.UNKNOWN
    library.add(narrator())
    assert library.import_id("model_narrator", "Other name").name == "Narrator"
    with pytest.raises(ValueError, match="empty"):
        library.import_id(" ")


def test_rename_tags_notes(library: VoiceLibrary) -> None:
    library.add(narrator())
    library.rename("model_narrator", "  Deep   voice ")
    library.set_tags("model_narrator", ["calm", " Calm ", "", "audio  book"])
    library.set_notes("model_narrator", "From the 2024 session.")
    voice = library.get("model_narrator")
    assert voice is not None
    assert voice.name == "Deep voice"
    assert voice.tags == ("calm", "audio book")
    assert voice.notes == "From the 2024 session."
    with pytest.raises(ValueError, match="empty"):
        library.rename("model_narrator", "   ")
    with pytest.raises(KeyError):
        library.rename("missing", "x")


def test_normalise_tags() -> None:
    assert normalise_tags(["a", "A", " b  c ", ""]) == ("a", "b c")


def test_mark_used_makes_permanent_once(library: VoiceLibrary) -> None:
    library.add(narrator())
    assert library.mark_used("model_narrator", T0 + 10)
    assert not library.mark_used("model_narrator", T0 + 20)  # the first use counts
    assert library.get("model_narrator").activated_at == T0 + 10  # type: ignore[union-attr]
    assert not library.mark_used("missing", T0)


def test_mark_expired_and_a_later_success_undoes_it(library: VoiceLibrary) -> None:
    library.add(narrator())
    assert library.mark_expired("model_narrator")
    assert not library.mark_expired("model_narrator")
    voice = library.get("model_narrator")
    assert voice is not None and library.status(voice) is VoiceStatus.EXPIRED
    # A production task that completes proves the voice works after all.
    assert library.mark_used("model_narrator", T0 + 1)
    voice = library.get("model_narrator")
    assert voice is not None and library.status(voice) is VoiceStatus.PERMANENT


def test_marks_can_be_limited_to_demo_or_real_voices(library: VoiceLibrary) -> None:
    library.add(narrator(model_id="real"))
    library.add(narrator(model_id="demo", demo=True))
    assert not library.mark_expired("real", demo=True)  # the demo's refusal says nothing
    assert not library.mark_used("demo", T0, demo=False)
    assert library.mark_expired("demo", demo=True)
    assert library.mark_used("real", T0, demo=False)


def test_store_preview_copies_into_the_voices_folder(
    library: VoiceLibrary, data: Path, tmp_path: Path
) -> None:
    library.add(narrator())
    clip = tmp_path / "downloaded.WAV"
    clip.write_bytes(b"RIFF....WAVEfmt ")
    stored = library.store_preview("model_narrator", clip)
    assert stored == data / "voices" / "model_narrator.wav"
    assert stored.read_bytes() == clip.read_bytes() and clip.exists()
    assert library.get("model_narrator").preview_path == stored  # type: ignore[union-attr]
    assert not [p for p in stored.parent.iterdir() if p.name.startswith(".")]  # no temp left


def test_store_preview_moves_and_sniffs_a_missing_extension(
    library: VoiceLibrary, data: Path, tmp_path: Path
) -> None:
    clip = tmp_path / "noext"
    clip.write_bytes(b"ID3\x04\x00" + b"\x00" * 20)
    stored = library.store_preview("odd/id", clip, move=True)
    assert stored.parent == data / "voices" and stored.suffix == ".mp3"
    assert "/" not in stored.stem and not clip.exists()


def test_delete_is_local_and_removes_only_our_copy(library: VoiceLibrary, tmp_path: Path) -> None:
    clip = tmp_path / "mine.wav"
    clip.write_bytes(b"RIFF")
    library.add(narrator())
    ours = library.store_preview("model_narrator", clip)
    removed = library.delete("model_narrator")
    assert removed is not None and removed.name == "Narrator"
    assert not ours.exists() and clip.exists()
    assert library.get("model_narrator") is None
    assert library.delete("model_narrator") is None

    library.add(narrator(model_id="elsewhere", preview_path=clip))  # the user's own file
    library.delete("elsewhere")
    assert clip.exists()


def test_observers_hear_every_change(library: VoiceLibrary) -> None:
    calls: list[int] = []
    unsubscribe = library.subscribe(lambda: calls.append(1))
    library.add(narrator())
    library.rename("model_narrator", "X")
    library.mark_used("model_narrator", T0)
    library.mark_used("model_narrator", T0)  # no change: no announcement
    library.delete("model_narrator")
    assert len(calls) == 4
    unsubscribe()
    library.add(narrator())
    assert len(calls) == 4


def test_a_failing_observer_does_not_break_the_write(
    library: VoiceLibrary, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise RuntimeError("view bug")

    library.subscribe(broken)
    library.add(narrator())
    assert library.get("model_narrator") is not None
    assert "observer" in caplog.text


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "voices.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(VoiceLibraryError, match="cannot open the voice library"):
        VoiceLibrary(bad)


def test_a_library_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "voices.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(VoiceLibraryError, match="newer version"):
        VoiceLibrary(path)


def test_two_connections_see_each_others_writes(data: Path) -> None:
    """The app and the CLI open the same file at the same time."""
    app = VoiceLibrary(paths.voice_library_path(data))
    cli = VoiceLibrary(paths.voice_library_path(data))
    try:
        cli.add(narrator())
        assert app.get("model_narrator") is not None
        app.mark_used("model_narrator", T0)
        assert cli.get("model_narrator").activated_at == T0  # type: ignore[union-attr]
    finally:
        app.close()
        cli.close()
