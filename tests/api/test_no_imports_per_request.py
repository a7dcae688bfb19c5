"""A request made on the GUI thread must not search the disk for a module.

httpcore asks ``import sniffio`` on every request to learn which async library runs it;
without sniffio installed that import fails and walks ``sys.path`` each time (stat calls
on the GUI thread: seen in the stall samples of the 200-task benchmark). sniffio is a
dependency, so the import is answered from ``sys.modules`` after the first request.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

from soundclone_desktop.api import SoundCloneClient
from soundclone_desktop.demo.server import DemoServer
from tests.api.conftest import RunClient


class _ImportSpy(importlib.abc.MetaPathFinder):
    def __init__(self) -> None:
        self.asked: list[str] = []

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        self.asked.append(fullname)
        return None  # only watching: the other finders answer


def test_requests_after_the_first_import_nothing(
    demo_server: DemoServer, run_client: RunClient
) -> None:
    spy = _ImportSpy()

    async def body(client: SoundCloneClient) -> None:
        await client.get_balance()  # the first request may import what it needs
        sys.meta_path.insert(0, spy)
        try:
            for _ in range(3):
                await client.get_balance()
        finally:
            sys.meta_path.remove(spy)

    run_client(demo_server, body)
    assert spy.asked == []
