"""What the user asked the delivery dialog for: a plain value handed to the worker thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from soundclone_desktop.core.delivery.profiles import DeliveryProfile
from soundclone_desktop.core.subtitles import SubtitleFormat


@dataclass(frozen=True, slots=True)
class BookDetails:
    """The M4B's metadata (prefilled from the book) and its cover."""

    title: str
    author: str = ""
    narrator: str = ""
    year: str = ""
    description: str = ""
    genre: str = ""
    cover: Path | None = None


@dataclass(frozen=True, slots=True)
class DeliveryRequest:
    book_folder: Path
    out: Path
    profile: DeliveryProfile
    channels: int = 1
    chapter_files: bool = True
    m4b: bool = False
    captions: SubtitleFormat | None = None
    epub: bool = False
    details: BookDetails = BookDetails("")
