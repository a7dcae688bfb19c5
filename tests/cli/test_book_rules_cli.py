"""`soundclone book rules`: list, add and remove pronunciation rules from a terminal; a rule
marks exactly the rendered segments whose sent text it changes as stale."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.cli import processes

pytestmark = __import__("pytest").mark.slow

NOVEL = (
    "第一章 开端\n\n银行的行长走进大厅。\n\n天气很好。\n\n"
    "第二章 相遇\n\n他们在街上相遇。\n\n没有人说话。\n\n"
    "第三章 结局\n\n行长最后离开了。\n\n故事结束了。\n"
)


def cli(tmp_path: Path, *argv: object) -> subprocess.CompletedProcess[str]:
    return processes.run([str(a) for a in argv], cwd=tmp_path, timeout=180)


def data(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(result, dict)
    return result


def test_rules_add_list_remove_and_staleness(tmp_path: Path) -> None:
    (tmp_path / "novel.txt").write_text(NOVEL, encoding="utf-8")
    book = tmp_path / "novel.scbook"
    data(
        cli(tmp_path, "--json", "book", "import", "novel.txt", "-o", book, "--target-chars", "10")
    )  # fmt: skip  (one paragraph per segment)
    rendered = cli(tmp_path, "--demo", "book", "render", book)
    assert rendered.returncode == 0, rendered.stderr
    listed = data(cli(tmp_path, "--json", "book", "rules", book, "list"))
    assert (listed["rules"], listed["stale_segments"]) == ([], 0)

    added = data(cli(tmp_path, "--json", "book", "rules", book, "add", "行长", "航长"))
    assert added["rules"] == [
        {"id": 1, "from": "行长", "to": "航长", "regex": False, "chapter": None, "enabled": True}
    ]
    assert added["stale_segments"] == 2  # the two paragraphs that say 行长, nothing else

    scoped = data(cli(tmp_path, "--json", "book", "rules", book, "add", "天气", "天汽",
                      "--chapter", "2"))  # fmt: skip
    assert scoped["rules"][1]["chapter"] == 2
    assert scoped["stale_segments"] == 2  # 天气 is in chapter 1 only: no new stale segment

    bad = cli(tmp_path, "book", "rules", book, "add", "(", "x", "--regex")
    assert bad.returncode == 2 and "find:" in bad.stderr

    removed = data(cli(tmp_path, "--json", "book", "rules", book, "remove", "1"))
    assert [r["id"] for r in removed["rules"]] == [2]
    assert removed["stale_segments"] == 0  # the takes match what would be sent again
