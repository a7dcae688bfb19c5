"""The import review's words: chapter kinds, clean-up rules, findings, error sentences."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

from soundclone_desktop.core.book.chapters import compile_heading_pattern
from soundclone_desktop.core.book.cleanup import CleanupRule
from soundclone_desktop.core.book.findings import FindingKind
from soundclone_desktop.core.book.manuscript import ChapterKind
from soundclone_desktop.i18n import translate

CTX = "BookImport"


def fill(template: str, *values: object) -> str:
    """``%1``, ``%2``… replaced in one pass (a value holding ``%2`` stays as it is)."""
    return re.sub(r"%(\d)", lambda match: str(values[int(match.group(1)) - 1]), template)


def manuscript_file_filter() -> str:
    return fill(translate(CTX, "Manuscripts (%1)"), "*.txt *.md *.markdown *.docx *.epub")


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
