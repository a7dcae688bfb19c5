"""The render queue sends the text with the pronunciation rules applied (issue 15), against
the real demo server: its request log and ledger are the oracle. The chapter keeps the text
as written, and the captions returned for the sent text land on the text as written."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import cast

from soundclone_desktop.core.book.model import Book, BookSettings, Chapter, blank_params
from soundclone_desktop.core.book.pronunciation import align_to_written, apply_rules
from soundclone_desktop.core.book.takes import RenderStatus
from soundclone_desktop.core.subtitles import parse_subtitles
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.book_render import StopReason
from soundclone_desktop.store.book.store import BookStore
from tests.services.book_render_harness import rig

CREATE_PATH = "/api/open-api/v1/soundCloning/audios"
MakeServer = Callable[..., DemoServer]
# The paragraph whose sent text is longer is not the last: a misplaced caption would show.
PARAGRAPHS = ["银行行长今天来了。", "行长说LV不变。", "天气很好，我们去公园散步。"]


def make_book() -> Book:
    params = replace(blank_params(), model_id=DEMO_VOICE_ID, subtitles=True)
    settings = BookSettings(params=params, target_chars=5)  # one segment per paragraph
    chapters = tuple(
        Chapter(f"c{n}", f"第{n}章", "\n\n".join(f"第{n}段{p}" for p in PARAGRAPHS))
        for n in (1, 2, 3)
    )
    return Book("书", settings=settings, chapters=chapters)


def test_a_rule_is_sent_billed_and_captioned_on_the_text_as_written(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    demo = make_demo_server(audio_format="wav", task_seconds=0.3)
    folder = tmp_path / "B.scbook"
    with BookStore.create(folder, make_book()) as store:
        store.add_rule("行长", "航长")
        store.add_rule("LV", "Level", chapter_id="c2")

    async def main() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            plan = r.queue.plan()
            assert plan.tasks == 9
            result = await r.queue.run(plan)
            assert result.stop is StopReason.ALL_DONE and not result.failed
            book = r.store.book
            sent: list[str] = []
            for chapter in book.chapters:
                assert chapter.text.count("行长") == 2 and "航长" not in chapter.text
                for row in book.rows(chapter.id):
                    assert row.status.kind is RenderStatus.RENDERED
                    take = row.state.chosen
                    assert take is not None and take.request_text == row.params.text
                    sent.append(row.params.text)
                    assert take.subtitle_path is not None and row.applied is not None
                    captions = parse_subtitles(r.store.resolve(take.subtitle_path).read_bytes())
                    offset = row.segment.start + row.segment.text.index(row.segment.request_text)
                    alignments = align_to_written(captions, row.applied)
                    for cue, alignment in zip(captions.cues, alignments, strict=True):
                        assert alignment.cue is not None
                        start, end = alignment.cue.start + offset, alignment.cue.end + offset
                        spoken = chapter.text[start:end]  # on the text as written ...
                        assert "航长" not in spoken and "Level" not in spoken
                        # ... exactly the words the cue says, as written (行长, LV)
                        as_sent = apply_rules(spoken, book.rules, chapter.id).sent
                        assert as_sent.strip() == cue.text.strip()
                        if "航长" in cue.text:
                            assert "行长" in spoken
            texts = sorted(
                str(cast("dict[str, object]", e["json"])["contentText"])
                for e in demo.requests_log()
                if e["method"] == "POST" and e["path"] == CREATE_PATH
            )
            assert texts == sorted(sent)
            assert sum("航长" in t for t in texts) == 6 and not any("行长" in t for t in texts)
            assert sum("Level" in t for t in texts) == 1 and sum("LV" in t for t in texts) == 2
            charges = [
                e
                for e in demo.ledger()
                if e["kind"] == "charge" and e["item"] == "sound-cloning-audio"
            ]
            assert sum(int(str(e["chars"])) for e in charges) == plan.billable_chars
            # The written text has 3 characters fewer than sent ("LV" → "Level" once).
            written = sum(
                row.segment.billable_chars for c in book.chapters for row in book.rows(c.id)
            )
            assert plan.billable_chars == written + 3

    asyncio.run(asyncio.wait_for(main(), 120))
