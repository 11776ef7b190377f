"""The worker pools for real (threads), not the synchronous mode the other tests use."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station_app.errors import StationError
from station_app.ui.tasks import TaskManager

pytestmark = pytest.mark.gui


def test_results_come_back_on_the_gui_thread_in_order(qapp: QApplication, qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    tasks = TaskManager(errors.append)
    gui_thread = threading.get_ident()
    ran_on: list[int] = []
    delivered: list[tuple[int, int]] = []

    def work(n: int) -> int:
        ran_on.append(threading.get_ident())
        time.sleep(0.01 * (3 - n))
        return n

    for n in range(3):
        tasks.run_db(
            lambda n=n: work(n),  # type: ignore[misc]
            lambda result: delivered.append((result, threading.get_ident())),
        )
    qtbot.waitUntil(lambda: len(delivered) == 3)

    assert [n for n, _ in delivered] == [0, 1, 2]
    assert {thread for _, thread in delivered} == {gui_thread}
    assert gui_thread not in ran_on
    assert errors == []
    assert tasks.wait_for_done()


def test_a_failure_reaches_the_error_handler_and_is_logged(
    qapp: QApplication, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    errors: list[BaseException] = []
    tasks = TaskManager(errors.append)

    def fails() -> None:
        raise ValueError("broken")

    def refused() -> None:
        raise StationError("not allowed")

    tasks.run_cpu(fails)
    tasks.run_db(refused)
    qtbot.waitUntil(lambda: len(errors) == 2)

    assert sorted(type(e).__name__ for e in errors) == ["StationError", "ValueError"]
    assert "task failed" in caplog.text
    assert not tasks.busy()
