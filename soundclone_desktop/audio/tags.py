"""Tags: title, artist, album, track number and cover picture, written with mutagen after encoding.

Why mutagen and not PyAV's metadata: FFmpeg writes text tags but no cover art for these
muxers from a stream-less picture, and each format keeps pictures its own way (ID3 APIC,
MP4 ``covr``, FLAC PICTURE blocks, Opus' base64 ``METADATA_BLOCK_PICTURE``). mutagen is
pure Python and knows all of them.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mutagen import MutagenError, id3
from mutagen.flac import FLAC, Picture
from mutagen.mp4 import MP4, MP4Cover
from mutagen.oggopus import OggOpus
from mutagen.wave import WAVE

from .encode import Encoding
from .model import AudioError

__all__ = ["Tags", "read_tags", "write_tags"]

_FRONT_COVER = 3  # the picture type "front cover" (ID3 and FLAC agree)


@dataclass(frozen=True, slots=True)
class Tags:
    title: str | None = None
    artist: str | None = None
    album: str | None = None
    cover: bytes | None = None  # JPEG or PNG
    cover_mime: str = "image/jpeg"
    track: int | None = None  # the file's place in its album, from 1…
    tracks: int | None = None  # …of this many


def _track_text(tags: Tags) -> str | None:
    if tags.track is None:
        return None
    return f"{tags.track}/{tags.tracks}" if tags.tracks else str(tags.track)


def write_tags(path: Path, encoding: Encoding, tags: Tags) -> None:
    """Add ``tags`` to a file this app just wrote as ``encoding``."""
    try:
        if encoding in (Encoding.MP3, Encoding.WAV):
            _write_id3(path, encoding, tags)
        elif encoding is Encoding.M4A:
            _write_mp4(path, tags)
        else:
            _write_vorbis(path, encoding, tags)
    except (MutagenError, OSError) as exc:
        raise AudioError(f"Could not tag {path.name}: {exc}.") from exc


def _write_id3(path: Path, encoding: Encoding, tags: Tags) -> None:
    frames = id3.ID3() if encoding is Encoding.MP3 else None
    if encoding is Encoding.WAV:
        wave = WAVE(path)
        if wave.tags is None:
            wave.add_tags()
        assert wave.tags is not None
        frames = wave.tags
    assert frames is not None
    for frame_type, value in ((id3.TIT2, tags.title), (id3.TPE1, tags.artist),
                              (id3.TALB, tags.album), (id3.TRCK, _track_text(tags))):  # fmt: skip
        if value:
            frames.add(frame_type(encoding=id3.Encoding.UTF8, text=value))
    if tags.cover:
        frames.add(id3.APIC(encoding=id3.Encoding.UTF8, mime=tags.cover_mime,
                            type=_FRONT_COVER, desc="Cover", data=tags.cover))  # fmt: skip
    if encoding is Encoding.MP3:
        frames.save(path)
    else:
        wave.save()


def _write_mp4(path: Path, tags: Tags) -> None:
    mp4 = MP4(path)
    if mp4.tags is None:
        mp4.add_tags()
    assert mp4.tags is not None
    for key, value in (("\xa9nam", tags.title), ("\xa9ART", tags.artist), ("\xa9alb", tags.album)):
        if value:
            mp4.tags[key] = [value]
    if tags.track is not None:
        mp4.tags["trkn"] = [(tags.track, tags.tracks or 0)]
    if tags.cover:
        kind = MP4Cover.FORMAT_PNG if tags.cover_mime == "image/png" else MP4Cover.FORMAT_JPEG
        mp4.tags["covr"] = [MP4Cover(tags.cover, imageformat=kind)]
    mp4.save()


def _write_vorbis(path: Path, encoding: Encoding, tags: Tags) -> None:
    audio: Any = FLAC(path) if encoding is Encoding.FLAC else OggOpus(path)
    if audio.tags is None:
        audio.add_tags()
    comments = audio.tags
    assert comments is not None
    for key, value in (("title", tags.title), ("artist", tags.artist), ("album", tags.album)):
        if value:
            comments[key] = [value]
    if tags.track is not None:
        comments["tracknumber"] = [str(tags.track)]
        if tags.tracks:
            comments["tracktotal"] = [str(tags.tracks)]
    if tags.cover:
        picture = Picture()
        picture.type = _FRONT_COVER
        picture.mime = tags.cover_mime
        picture.data = tags.cover
        if isinstance(audio, FLAC):
            audio.clear_pictures()
            audio.add_picture(picture)
        else:
            comments["metadata_block_picture"] = [base64.b64encode(picture.write()).decode()]
    audio.save()


def read_tags(path: Path) -> Tags:
    """What :func:`write_tags` wrote (title, artist, album, whether a cover is there)."""
    import mutagen

    try:
        found = mutagen.File(path, easy=False)
    except MutagenError as exc:
        raise AudioError(f"Could not read the tags of {path.name}: {exc}.") from exc
    if found is None or found.tags is None:
        return Tags()
    raw = found.tags

    def text(*keys: str) -> str | None:
        for key in keys:
            try:
                present = key in raw
            except ValueError:  # Vorbis comments take ASCII keys only
                present = False
            if present:
                value = raw[key]
                values = getattr(value, "text", value)
                return str(values[0]) if values else None
        return None

    cover: bytes | None = None
    for key in list(raw.keys()):
        if key.startswith("APIC") or key == "covr":
            item = raw[key]
            cover = bytes(getattr(item, "data", None) or item[0])
    pictures = getattr(found, "pictures", None)
    if pictures:
        cover = bytes(pictures[0].data)
    if "metadata_block_picture" in raw:
        cover = Picture(base64.b64decode(raw["metadata_block_picture"][0])).data
    track, tracks = _track(raw, text("TRCK", "tracknumber"), text("tracktotal"))
    return Tags(
        title=text("TIT2", "\xa9nam", "title"),
        artist=text("TPE1", "\xa9ART", "artist"),
        album=text("TALB", "\xa9alb", "album"),
        cover=cover,
        track=track,
        tracks=tracks,
    )


def _track(raw: Any, number: str | None, total: str | None) -> tuple[int | None, int | None]:
    if raw.get("trkn"):
        first, count = raw["trkn"][0]
        return int(first), int(count) or None
    if number is None:
        return None, None
    head, _, tail = number.partition("/")
    try:
        return int(head), int(tail or total or 0) or None
    except ValueError:
        return None, None
