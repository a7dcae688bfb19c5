"""A read-along EPUB 3: the book's text and audio in one file, with Media Overlays (SMIL)
that tell a reading app (Apple Books, Thorium) which sentence is heard when, so it can
highlight the text as the audio plays.

Layout inside the ZIP (``mimetype`` first, stored, as the OCF spec requires)::

    META-INF/container.xml
    EPUB/package.opf      OPF 3.0; media-overlay on each chapter, media:duration per
                          overlay and in total, media:active-class
    EPUB/nav.xhtml        the table of contents
    EPUB/style.css        the active-sentence highlight
    EPUB/ch{n}.xhtml      the chapter: its title, then paragraphs of sentence <span>s
    EPUB/ch{n}.smil       one <par> per sentence: its span and its clip of the audio
    EPUB/audio/ch{n}.m4a  the chapter's audio as given (AAC in MP4, or MP3)
    EPUB/cover.jpg|png    optional, the cover image

A sentence's id is ``c{chapter}s{sentence}``, both counted from 1, the sentence being the
chapter's :func:`~soundclone_desktop.core.book.sentences.sentence_spans` (so "3.12" in a
review is ``c3s12``); its clip comes from the chapter's captions
(:func:`~soundclone_desktop.core.book.sentence_clips.sentence_clips`). Pause markers are
dropped from the text shown. Written with :mod:`zipfile` (EbookLib is AGPL-3.0), under a
temporary name and renamed when complete.
"""

from __future__ import annotations

import contextlib
import re
import uuid
import zipfile
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from soundclone_desktop.audio.decode import exact_duration, probe
from soundclone_desktop.audio.errors import AudioError
from soundclone_desktop.core.audio_format import SNIFF_BYTES, sniff_audio
from soundclone_desktop.core.book.sentence_clips import SentenceClip, sentence_clips, spoken_text
from soundclone_desktop.core.book.sentences import paragraph_spans, sentence_spans
from soundclone_desktop.core.subtitles import Cue
from soundclone_desktop.store.atomic import replacing

__all__ = ["ACTIVE_CLASS", "ReadAlongChapter", "ReadAlongError", "write_read_along_epub"]

ACTIVE_CLASS = "-epub-media-overlay-active"
_AUDIO_TYPES = {"m4a": ("m4a", "audio/mp4"), "mp3": ("mp3", "audio/mpeg")}
_IMAGE_TYPES = ((b"\xff\xd8\xff", "jpg", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "png", "image/png"))
# Characters XML 1.0 does not allow (sentence splitting treats \x0b and \x0c as line breaks).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CSS = f"""\
body {{ line-height: 1.5; }}
h1 {{ margin-bottom: 1em; }}
.{ACTIVE_CLASS} {{ background-color: #ffe680; color: inherit; }}
"""


class ReadAlongError(Exception):
    """The EPUB could not be written; the message is a sentence for the user."""


@dataclass(frozen=True, slots=True)
class ReadAlongChapter:
    title: str
    text: str
    audio_path: Path
    cues: Sequence[Cue]  # sentence-level captions of ``audio_path``, times from its start


@dataclass(frozen=True, slots=True)
class _Built:
    number: int
    chapter: ReadAlongChapter
    audio_name: str
    audio_type: str
    clips: list[SentenceClip]
    duration_ms: int  # of the overlay: the sum of its clips


def write_read_along_epub(
    book_title: str,
    author: str,
    language: str,
    chapters: Sequence[ReadAlongChapter],
    out: Path,
    cover: Path | None = None,
) -> Path:
    """Write the EPUB to ``out`` (replaced atomically); returns ``out``."""
    if not chapters:
        raise ReadAlongError("A read-along book needs at least one chapter.")
    built = [_build(number, chapter) for number, chapter in enumerate(chapters, start=1)]
    image = _cover(cover) if cover is not None else None
    with _replacing(out) as temporary, zipfile.ZipFile(temporary, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip",
                         compress_type=zipfile.ZIP_STORED)  # fmt: skip

        def text(name: str, content: str) -> None:
            archive.writestr(name, content.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)

        text("META-INF/container.xml", _CONTAINER)
        text("EPUB/package.opf", _package(book_title, author, language, built, image))
        text("EPUB/nav.xhtml", _nav(book_title, language, built))
        text("EPUB/style.css", _CSS)
        for item in built:
            text(f"EPUB/ch{item.number}.xhtml", _chapter_xhtml(item, language))
            text(f"EPUB/ch{item.number}.smil", _smil(item))
            # Already compressed: stored, which also lets a reader seek in it.
            archive.write(item.chapter.audio_path, f"EPUB/audio/{item.audio_name}",
                          compress_type=zipfile.ZIP_STORED)  # fmt: skip
        if image is not None:
            data, extension, _ = image
            archive.writestr(f"EPUB/cover.{extension}", data, compress_type=zipfile.ZIP_STORED)
    return out


def _build(number: int, chapter: ReadAlongChapter) -> _Built:
    kind = _audio_kind(chapter.audio_path)
    if kind not in _AUDIO_TYPES:
        raise ReadAlongError(
            f"{chapter.audio_path.name} is not AAC (M4A) or MP3 audio, "
            "the formats reading apps play in an EPUB."
        )
    extension, media_type = _AUDIO_TYPES[kind]
    try:
        seconds = probe(chapter.audio_path).duration_s or exact_duration(chapter.audio_path)
    except AudioError as exc:
        raise ReadAlongError(str(exc)) from exc
    clips = [
        clip
        for clip in sentence_clips(chapter.text, chapter.cues, seconds * 1000.0)
        if round(clip.end_ms) > round(clip.begin_ms)  # an empty clip would not play
    ]
    total = sum(round(c.end_ms) - round(c.begin_ms) for c in clips)
    return _Built(number, chapter, f"ch{number}.{extension}", media_type, clips, total)


def _audio_kind(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return sniff_audio(handle.read(SNIFF_BYTES))
    except OSError as exc:
        raise ReadAlongError(f"Could not read {path.name}: {exc.strerror or exc}.") from exc


def _cover(path: Path) -> tuple[bytes, str, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadAlongError(
            f"Could not read the cover {path.name}: {exc.strerror or exc}."
        ) from exc
    for magic, extension, media_type in _IMAGE_TYPES:
        if data.startswith(magic):
            return data, extension, media_type
    raise ReadAlongError(f"The cover {path.name} is not a JPEG or PNG image.")


def clock(ms: float) -> str:
    """A SMIL full clock value, ``h:mm:ss.fff``."""
    whole = round(ms)
    hours, rest = divmod(whole, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _xml(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


_CONTAINER = """\
<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def _package(
    title: str,
    author: str,
    language: str,
    built: Sequence[_Built],
    image: tuple[bytes, str, str] | None,
) -> str:
    # The same book gets the same identifier, so a reading app replaces it on re-export.
    identifier = uuid.uuid5(uuid.NAMESPACE_URL, f"soundclone-read-along:{title}\n{author}")
    modified = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    meta = [
        f'    <dc:identifier id="pub-id">urn:uuid:{identifier}</dc:identifier>',
        f"    <dc:title>{_xml(title)}</dc:title>",
        f"    <dc:language>{_xml(language)}</dc:language>",
        f'    <meta property="dcterms:modified">{modified}</meta>',
        f'    <meta property="media:active-class">{ACTIVE_CLASS}</meta>',
        f'    <meta property="media:duration">{clock(sum(b.duration_ms for b in built))}</meta>',
    ]
    if author:
        meta.insert(2, f"    <dc:creator>{_xml(author)}</dc:creator>")
    manifest = [
        '    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
        '    <item id="css" href="style.css" media-type="text/css"/>',
    ]
    for b in built:
        n = b.number
        meta.append(f'    <meta property="media:duration" refines="#mo{n}">'
                    f"{clock(b.duration_ms)}</meta>")  # fmt: skip
        manifest += [
            f'    <item id="ch{n}" href="ch{n}.xhtml" media-type="application/xhtml+xml"'
            f' media-overlay="mo{n}"/>',
            f'    <item id="mo{n}" href="ch{n}.smil" media-type="application/smil+xml"/>',
            f'    <item id="au{n}" href="audio/{b.audio_name}" media-type="{b.audio_type}"/>',
        ]
    if image is not None:
        _, extension, media_type = image
        manifest.append(f'    <item id="cover" href="cover.{extension}" media-type="{media_type}"'
                        ' properties="cover-image"/>')  # fmt: skip
        meta.append('    <meta name="cover" content="cover"/>')  # EPUB 2 readers' cover
    spine = [f'    <itemref idref="ch{b.number}"/>' for b in built]
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"'
        f" unique-identifier=\"pub-id\" xml:lang={quoteattr(language)}>",
        '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">', *meta, "  </metadata>",
        "  <manifest>", *manifest, "  </manifest>",
        "  <spine>", *spine, "  </spine>",
        "</package>", "",
    ])  # fmt: skip


def _head(title: str, language: str) -> str:
    lang = quoteattr(language)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        f" lang={lang} xml:lang={lang}>\n"
        f'<head>\n  <meta charset="utf-8"/>\n  <title>{_xml(title)}</title>\n'
        '  <link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n'
    )


def _nav(title: str, language: str, built: Sequence[_Built]) -> str:
    heading = "目录" if language.lower().startswith("zh") else "Contents"
    items = "\n".join(
        f'      <li><a href="ch{b.number}.xhtml">{_xml(b.chapter.title)}</a></li>' for b in built
    )
    return (
        f"{_head(title, language)}<body>\n"
        f'  <nav epub:type="toc" id="toc">\n    <h1>{heading}</h1>\n    <ol>\n{items}\n'
        "    </ol>\n  </nav>\n</body>\n</html>\n"
    )


def _chapter_xhtml(item: _Built, language: str) -> str:
    text = item.chapter.text
    paragraph_starts = [start for start, _ in paragraph_spans(text)]
    paragraphs: dict[int, list[str]] = {}
    # Every sentence with words gets a span (clip or not), so ids never depend on timing.
    for index, (start, end) in enumerate(sentence_spans(text)):
        shown = _shown(text, start, end)
        if shown:
            paragraph = bisect_right(paragraph_starts, start)
            span = f'<span id="c{item.number}s{index + 1}">{_xml(shown)}</span>'
            paragraphs.setdefault(paragraph, []).append(span)
    body = "\n".join(f"    <p>{' '.join(spans)}</p>" for spans in paragraphs.values())
    return (
        f"{_head(item.chapter.title, language)}<body>\n"
        f'  <section epub:type="chapter" id="chapter{item.number}">\n'
        f"    <h1>{_xml(item.chapter.title)}</h1>\n{body}\n  </section>\n</body>\n</html>\n"
    )


def _shown(text: str, start: int, end: int) -> str:
    return " ".join(spoken_text(text[start:end]).split())


def _smil(item: _Built) -> str:
    n = item.number
    pars = "\n".join(
        f'      <par id="c{n}p{clip.index + 1}">'
        f'<text src="ch{n}.xhtml#c{n}s{clip.index + 1}"/>'
        f'<audio src="audio/{item.audio_name}" clipBegin="{clock(clip.begin_ms)}"'
        f' clipEnd="{clock(clip.end_ms)}"/></par>'
        for clip in item.clips
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops"'
        ' version="3.0">\n  <body>\n'
        f'    <seq id="c{n}seq" epub:textref="ch{n}.xhtml#chapter{n}" epub:type="chapter">\n'
        f"{pars}\n    </seq>\n  </body>\n</smil>\n"
    )


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """:func:`replacing` with an OSError worded for the user."""
    try:
        with replacing(target) as temporary:
            yield temporary
    except OSError as exc:
        raise ReadAlongError(f"Could not write {target}: {exc.strerror or exc}.") from exc
