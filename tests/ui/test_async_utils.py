"""async_slot and signal_to_future on the session's qasync loop (driven from sync tests)."""

from __future__ import annotations

import asyncio
import gc
import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton

from soundclone_desktop.ui.common import async_utils
from soundclone_desktop.ui.common.async_utils import async_slot, signal_to_future

pytestmark = pytest.mark.gui


class Owner(QObject):
    ping = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[object] = []
        self.errors: list[BaseException] = []
        self.gate = asyncio.Event()

    def report_error(self, exc: BaseException) -> None:
        self.errors.append(exc)

    @async_slot
    async def run(self) -> str:
        self.calls.append("run")
        await asyncio.sleep(0.01)
        return "done"

    @async_slot
    async def with_arg(self, value: int) -> None:
        self.calls.append(value)

    @async_slot(exclusive=True)
    async def slow(self) -> None:
        self.calls.append("slow")
        await self.gate.wait()

    @async_slot
    async def boom(self) -> None:
        await asyncio.sleep(0)
        raise ValueError("broken")

    @async_slot
    async def cancelled(self) -> None:
        raise asyncio.CancelledError


def test_slot_returns_a_task_that_finishes(aloop, qtbot) -> None:
    owner = Owner()
    task = owner.run()
    assert isinstance(task, asyncio.Task)
    qtbot.waitUntil(task.done, timeout=2000)
    assert task.result() == "done"


def test_extra_signal_arguments_are_dropped(aloop, qtbot) -> None:
    owner = Owner()
    button = QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(owner.run)  # clicked(bool) into a slot that takes no argument
    button.click()
    qtbot.waitUntil(lambda: owner.calls == ["run"], timeout=2000)


def test_signal_arguments_reach_the_coroutine(aloop, qtbot) -> None:
    owner = Owner()
    owner.ping.connect(owner.with_arg)
    owner.ping.emit(7)
    qtbot.waitUntil(lambda: owner.calls == [7], timeout=2000)


def test_tasks_are_kept_alive_while_running(aloop, qtbot) -> None:
    owner = Owner()
    task = owner.slow()
    assert task in async_utils.pending_tasks()
    del task
    gc.collect()  # qasync 0.28 would lose an unreferenced task here
    assert async_utils.pending_tasks()
    owner.gate.set()
    qtbot.waitUntil(lambda: not async_utils.pending_tasks(), timeout=2000)
    assert owner.calls == ["slow"]


def test_exclusive_refuses_reentry_while_busy(aloop, qtbot) -> None:
    owner = Owner()
    first = owner.slow()
    second = owner.slow()
    assert first is not None and second is None
    assert owner.slow.is_busy(owner)
    owner.gate.set()
    qtbot.waitUntil(first.done, timeout=2000)
    assert not owner.slow.is_busy(owner)
    third = owner.slow()
    assert third is not None
    qtbot.waitUntil(third.done, timeout=2000)
    assert owner.calls == ["slow", "slow"]


def test_exclusive_is_per_instance(aloop, qtbot) -> None:
    a, b = Owner(), Owner()
    assert a.slow() is not None
    assert b.slow() is not None
    a.gate.set()
    b.gate.set()
    qtbot.waitUntil(lambda: not async_utils.pending_tasks(), timeout=2000)


def test_errors_go_to_the_owner_reporter(aloop, qtbot) -> None:
    owner = Owner()
    task = owner.boom()
    qtbot.waitUntil(lambda: bool(owner.errors), timeout=2000)
    assert isinstance(owner.errors[0], ValueError)
    assert task.done()


def test_errors_without_owner_reporter_go_to_the_default(aloop, qtbot) -> None:
    seen: list[BaseException] = []

    @async_slot
    async def module_level() -> None:
        raise KeyError("x")

    async_utils.set_error_reporter(seen.append)
    try:
        module_level()  # a zero-argument module-level slot works (qasync 0.28 fails here)
        qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    finally:
        async_utils.set_error_reporter(None)
    assert isinstance(seen[0], KeyError)


def test_errors_fall_back_to_excepthook(aloop, qtbot, monkeypatch) -> None:
    hooked: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: hooked.append(kind))

    @async_slot
    async def failing() -> None:
        raise RuntimeError("nobody listens")

    failing()
    qtbot.waitUntil(lambda: bool(hooked), timeout=2000)
    assert hooked == [RuntimeError]


def test_cancellation_is_silent(aloop, qtbot, monkeypatch) -> None:
    hooked: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda *a: hooked.append(a))
    owner = Owner()
    task = owner.cancelled()
    qtbot.waitUntil(task.done, timeout=2000)
    assert task.cancelled()
    assert owner.errors == [] and hooked == []


def test_cancel_all_stops_running_slots(aloop, qtbot) -> None:
    owner = Owner()
    task = owner.slow()
    async_utils.cancel_all()
    qtbot.waitUntil(task.done, timeout=2000)
    assert task.cancelled()


def test_signal_to_future_resolves_with_the_arguments(aloop, qtbot) -> None:
    owner = Owner()
    future = signal_to_future(owner.ping)
    owner.ping.emit(3)
    qtbot.waitUntil(future.done, timeout=2000)
    assert future.result() == (3,)
    owner.ping.emit(4)  # disconnected after the first emission: no error, no change
    assert future.result() == (3,)


def test_a_coroutine_can_await_a_signal(aloop, qtbot) -> None:
    owner = Owner()
    results: list[tuple[object, ...]] = []
    listening: list[bool] = []

    async def waiter() -> None:
        future = signal_to_future(owner.ping)
        listening.append(True)
        results.append(await future)

    task = async_utils.spawn(waiter())
    qtbot.waitUntil(lambda: bool(listening), timeout=1000)
    owner.ping.emit(9)
    qtbot.waitUntil(task.done, timeout=2000)
    assert results == [(9,)]
