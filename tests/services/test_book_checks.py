"""Automatic checks against the demo server's content faults: every injected fault is found.

A book of 48 segments (Chinese and English) is rendered through the demo's HTTP API with a
tiny client of the test's own (the demo is the oracle: what it did to which task is at
``/_demo/content-faults``), its files become takes, and :func:`check_chapter` is compared
with the record: recall for each kind, and false findings per segment.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from soundclone_desktop.core.book.checks import CheckKind, Finding
from soundclone_desktop.core.book.model import Book, BookSettings, Chapter, blank_params
from soundclone_desktop.core.book.sentences import sentence_spans
from soundclone_desktop.core.book.takes import Take
from soundclone_desktop.demo import DEMO_VOICE_ID, DemoConfig, DemoServer, ManualClock
from soundclone_desktop.services.book.checks import TakeMeasurement, book_medians, check_chapter
from soundclone_desktop.store.book import BookStore

DATA = Path(__file__).parent.parent / "data"
API = "/api/open-api/v1/"
SEED = 20261207
FAULTS = ("drop-sentence", "long-silence", "clip", "fast")


@dataclass
class Rendered:
    store: BookStore
    faults: list[dict[str, Any]]
    task_segments: dict[str, tuple[int, str, int]]  # task id -> chapter number, segment, start
    findings: list[Finding]
    segments: int


def _render_book(
    folder: Path, audio_format: str, faults: tuple[str, ...] = FAULTS, rate: float = 0.2
) -> Rendered:
    config = DemoConfig(
        audio_format=audio_format,
        content_faults=faults,
        content_fault_rate=rate,
        seed=SEED,
        task_seconds=1.0,
    )
    chapters = (
        Chapter("zh", "第一章", (DATA / "checks-zh.txt").read_text("utf-8")),
        Chapter("en", "Chapter two", (DATA / "checks-en.txt").read_text("utf-8")),
    )
    settings = BookSettings(params=blank_params(), target_chars=50)
    store = BookStore.create(
        folder / "book", Book(title="Checks", settings=settings, chapters=chapters)
    )
    tasks: dict[str, tuple[int, str, int]] = {}
    segments = 0
    with DemoServer(config, clock=ManualClock()) as server, httpx.Client(timeout=30) as http:
        auth = {"Authorization": f"Bearer {server.token}"}
        for number, chapter in enumerate(store.chapters(), 1):
            for row in store.rows(chapter.id):
                segment = row.segment
                if not segment.needs_task:
                    continue
                segments += 1
                body = {
                    "modelId": DEMO_VOICE_ID,
                    "soundVersion": "v2",
                    "contentText": segment.request_text,
                    "subtitleEnable": True,
                }
                created = http.post(
                    server.base_url + API + "soundCloning/audios", json=body, headers=auth
                )
                task_id = created.json()["data"]["id"]
                server.advance_clock(60)
                task = http.get(server.base_url + API + f"audios/{task_id}", headers=auth).json()[
                    "data"
                ]
                assert task["status"] == "completed", task
                audio = store.audio_path_for(task_id, f".{audio_format}")
                audio.write_bytes(http.get(task["audioUrl"]).content)
                captions = store.captions_path_for(task_id, ".json")
                captions.write_bytes(http.get(task["subtitleFile"]).content)
                store.add_take(
                    chapter.id,
                    segment.id,
                    Take(
                        id=task_id,
                        task_local_id=task_id,
                        audio_path=store.stored_path(audio),
                        subtitle_path=store.stored_path(captions),
                        duration=None,
                        created_at=time.time(),
                        fingerprint=row.fingerprint,
                        request_text=segment.request_text,
                    ),
                )
                start = segment.start + segment.text.find(segment.request_text)
                tasks[task_id] = (number, segment.id, start)
        faults = http.get(server.base_url + "/_demo/content-faults").json()
    cache: dict[str, TakeMeasurement] = {}
    medians = book_medians(store, cache)
    findings = [
        f
        for c in store.chapters()
        for f in check_chapter(store, c.id, medians=medians, cache=cache)
    ]
    return Rendered(store, faults, tasks, findings, segments)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rendered]:
    """All four faults at rate 0.2, as MP3: the service's default, lossy at the edges."""
    result = _render_book(tmp_path_factory.mktemp("checks"), "mp3")
    yield result
    result.store.close()


def test_drop_sentence_and_long_silence_alone_as_the_issue_asks(tmp_path: Path) -> None:
    """``--content-faults drop-sentence,long-silence`` at a known seed (WAV: quick)."""
    result = _render_book(tmp_path, "wav", ("drop-sentence", "long-silence"), 0.3)
    try:
        recall, false = _score(result)
        print("drop-sentence,long-silence only:", recall, "false", len(false))
        assert recall["drop-sentence"][1] >= 3 and recall["long-silence"][1] >= 3
        for kind in ("drop-sentence", "long-silence"):
            assert recall[kind][0] == recall[kind][1], recall
        assert len(false) * 20 <= result.segments, [f.to_json() for f in false]
    finally:
        result.store.close()


def _matches(fault: dict[str, Any], finding: Finding, rendered: Rendered) -> bool:
    number, segment, start = rendered.task_segments[fault["task_id"]]
    if finding.chapter != number or finding.segment != segment:
        return False
    kind = fault["kind"]
    if kind == "drop-sentence":
        text = rendered.store.chapters()[number - 1].text
        starts = [s for s, _ in sentence_spans(text)]
        sentence = sum(1 for s in starts if s <= start + fault["text_begin"])
        return finding.kind is CheckKind.MISSING_WORDS and finding.sentence == sentence
    if kind == "long-silence":
        # The silence heard starts with the natural gap before the inserted one.
        lead = fault["seconds"] - finding.seconds
        return finding.kind is CheckKind.LONG_SILENCE and -0.05 < lead < 1.0
    if kind == "clip":
        return finding.kind is CheckKind.CLIPPING and abs(finding.seconds - fault["seconds"]) < 0.05
    return finding.kind is CheckKind.RATE  # fast


def _score(rendered: Rendered) -> tuple[dict[str, tuple[int, int]], list[Finding]]:
    """Per kind: (faults found, faults applied); and the findings no fault explains."""
    applied = [f for f in rendered.faults if f["applied"]]
    recall: dict[str, tuple[int, int]] = {}
    explained: set[int] = set()
    for kind in FAULTS:
        of_kind = [f for f in applied if f["kind"] == kind]
        found = 0
        for fault in of_kind:
            hits = [
                i
                for i, finding in enumerate(rendered.findings)
                if _matches(fault, finding, rendered)
            ]
            explained.update(hits)
            found += bool(hits)
        recall[kind] = (found, len(of_kind))
    false = [f for i, f in enumerate(rendered.findings) if i not in explained]
    return recall, false


def test_the_book_has_enough_segments_and_faults(rendered: Rendered) -> None:
    assert rendered.segments >= 40
    applied = {f["kind"] for f in rendered.faults if f["applied"]}
    assert {"drop-sentence", "long-silence"} <= applied


def test_every_dropped_sentence_and_long_silence_is_found(rendered: Rendered) -> None:
    recall, _ = _score(rendered)
    for kind in ("drop-sentence", "long-silence"):
        found, total = recall[kind]
        assert found == total, (kind, recall, [f.to_json() for f in rendered.findings])


def test_at_most_one_false_finding_per_20_segments(rendered: Rendered) -> None:
    _, false = _score(rendered)
    assert len(false) * 20 <= rendered.segments, [f.to_json() for f in false]


def test_clipping_and_fast_are_found_too(rendered: Rendered) -> None:
    recall, _ = _score(rendered)
    print("recall", recall)  # the figures for the issue note (pytest -s)
    for kind in ("clip", "fast"):
        found, total = recall[kind]
        assert found == total, (kind, recall)


def test_findings_serialise_with_the_cli_keys(rendered: Rendered) -> None:
    assert rendered.findings
    for finding in rendered.findings:
        item = finding.to_json()
        assert {"kind", "chapter", "sentence", "seconds", "detail"} <= item.keys()
        assert item["kind"] in {k.value for k in CheckKind}
        assert item["chapter"] in (1, 2) and finding.sentence >= 1


def test_book_check_command_lists_the_same_findings(rendered: Rendered) -> None:
    """`soundclone book check BOOK --json`, as a user runs it, reports what the service found."""
    import json
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "soundclone_desktop.cli", "--json", "book", "check",
         str(rendered.store.folder)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)["findings"]
    expected = sorted((f.chapter, f.sentence, f.kind.value) for f in rendered.findings)
    assert sorted((i["chapter"], i["sentence"], i["kind"]) for i in listed) == expected
    for item in listed:
        assert {"kind", "chapter", "sentence", "seconds", "detail"} <= item.keys()
