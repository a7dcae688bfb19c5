"""The import review's words: chapter kinds, clean-up rules, findings, error sentences."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

from soundclone_desktop.core.book.chapters import compile_heading_pattern
from soundclone_desktop.core.book.cleanup import CleanupRule
from soundclone_desktop.core.book.findings import FindingKind
from soundclone_desktop.core.book.manuscript import ChapterKind
from soundclone_desktop.i18n import translate
from soundclone_desktop.manuscripts import ManuscriptError, ManuscriptErrorCode

CTX = "BookImport"


def fill(template: str, *values: object) -> str:
    """``%1``, ``%2``… replaced in one pass (a value holding ``%2`` stays as it is)."""
    return re.sub(r"%(\d)", lambda match: str(values[int(match.group(1)) - 1]), template)


def kind_text(kind: ChapterKind) -> str:
    return {
        ChapterKind.FRONT_MATTER: translate(CTX, "Front matter"),
        ChapterKind.BODY: translate(CTX, "Chapter"),
        ChapterKind.BACK_MATTER: translate(CTX, "Back matter"),
    }[kind]


def rule_text(rule: CleanupRule) -> str:
    return {
        CleanupRule.PAGE_NUMBER: translate(CTX, "Page numbers"),
        CleanupRule.RUNNING_HEADER: translate(CTX, "Running headers"),
        CleanupRule.HYPHENATION: translate(CTX, "Hyphenation at line ends"),
        CleanupRule.FOOTNOTE_MARKER: translate(CTX, "Footnote markers"),
        CleanupRule.LINE_WRAP: translate(CTX, "Hard line wraps"),
    }[rule]


def finding_kind_text(kind: FindingKind) -> str:
    return {
        FindingKind.CONTROL: translate(CTX, "control character"),
        FindingKind.FORMAT: translate(CTX, "invisible formatting mark"),
        FindingKind.PRIVATE_USE: translate(CTX, "private-use character"),
        FindingKind.SURROGATE: translate(CTX, "broken character"),
        FindingKind.UNASSIGNED: translate(CTX, "unassigned character"),
        FindingKind.REPLACEMENT: translate(CTX, "replacement character (undecodable bytes)"),
    }[kind]


def visible(text: str) -> str:
    """Show what clean-up changes: line breaks, tabs, form feeds and spaces made visible."""
    if not text:
        return translate(CTX, "(nothing)")
    return (
        text.replace(" ", "␣").replace("\t", "⇥").replace("\f", "␌").replace("\n", "↵")
    ).replace("\u3000", "□")


def _error_translations() -> dict[ManuscriptErrorCode, str]:
    # Spelled out so that lupdate finds every source string.
    return {
        ManuscriptErrorCode.NOT_FOUND: translate(
            CTX, "“%1” could not be found. It may have been moved or deleted."
        ),
        ManuscriptErrorCode.UNREADABLE: translate(
            CTX, "“%1” could not be read. Check that you may open it."
        ),
        ManuscriptErrorCode.TOO_LARGE: translate(
            CTX,
            "“%1” is too large to be a book's text (the limit is 50 MB). Remove pictures or "
            "split the book, and import it again.",
        ),
        ManuscriptErrorCode.UNKNOWN_FORMAT: translate(
            CTX,
            "“%1” cannot be imported. Books can be imported from .epub, .docx, .md and .txt files.",
        ),
        ManuscriptErrorCode.NOT_TEXT: translate(
            CTX,
            "“%1” is not readable text. Save it as UTF-8 (or GB18030) plain text and import it "
            "again.",
        ),
        ManuscriptErrorCode.CORRUPT: translate(
            CTX, "“%1” is damaged. Download or export it again, and import it again."
        ),
        ManuscriptErrorCode.DRM: translate(
            CTX,
            "“%1” is copy-protected (DRM). Only EPUB files without copy protection can be "
            "imported.",
        ),
        ManuscriptErrorCode.EMPTY: translate(
            CTX, "“%1” holds no text. Check that it is the right file."
        ),
        ManuscriptErrorCode.NO_TEXT: translate(
            CTX, "“%1” holds only pictures (a scanned book?), no text to read aloud."
        ),
    }


def error_sentence(error: ManuscriptError) -> str:
    """The sentence for ``error``: in English the reader's own (it says more: sizes, the kind
    of file found); in another language the translated sentence for its code."""
    translated = _error_translations().get(error.code)
    if translated is None or QLocale().language() == QLocale.Language.English:
        return str(error)
    return fill(translated, error.path.name)


def pattern_problem(source: str) -> str:
    """Why the heading pattern cannot be used ("" when it can; empty means the built-in
    patterns). In English core's sentence, else the translated one."""
    if not source.strip():
        return ""
    try:
        compile_heading_pattern(source)
    except ValueError as exc:
        if QLocale().language() == QLocale.Language.English:
            return str(exc)
        try:
            re.compile(source)
        except re.error as detail:
            return fill(
                translate(
                    CTX,
                    "The heading pattern is not a valid regular expression: %1 at position %2.",
                ),
                detail.msg,
                detail.pos,
            )
        return str(exc)
    return ""
