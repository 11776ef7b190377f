"""Work off the GUI thread: one serial worker for the database, a pool for CPU work.

Every database call goes through `run_db`, so SQLite sees one writer at a time, in the
order the officer acted. Photo decoding and other CPU work goes through `run_cpu`.
Results and errors come back on the GUI thread through a queued signal; a worker
never touches a widget. A worker logs an exception before passing it on; an error
with no handler of its own goes to the task manager's error handler.

Tests set `run_synchronously` so a task runs at once, in the caller's thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance, Slot

from station_app.errors import StationError

log = logging.getLogger(__name__)

T = TypeVar("T")
ErrorHandler = Callable[[BaseException], None]


class CancelToken(QObject):
    """Shared by an operation and its progress dialog: progress out, cancel in.

    `report` may be called from a worker thread; the signal is delivered queued.
    """

    progressed = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def report(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)


class _Relay(QObject):
    """Lives on the GUI thread; its own slots receive, queued, what a worker emits."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, task: Task[Any]) -> None:
        super().__init__()
        self._task = task
        self.succeeded.connect(self._on_succeeded)
        self.failed.connect(self._on_failed)

    @Slot(object)
    def _on_succeeded(self, result: Any) -> None:
        self._task.deliver(result)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self._task.fail(error)


class Task(Generic[T]):
    """A handle on work handed to a worker: its callbacks, and whether it has ended."""

    def __init__(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None,
        on_error: ErrorHandler,
        on_finally: Callable[[], None] | None,
    ) -> None:
        self.fn = fn
        self.finished = False
        self._on_done = on_done
        self._on_error = on_error
        self._on_finally = on_finally
        self.relay = _Relay(self)

    def execute(self) -> None:
        """Run the work (in whichever thread calls this) and emit its outcome."""
        try:
            result = self.fn()
        except BaseException as error:
            if isinstance(error, StationError):
                log.info("task ended with %s: %s", type(error).__name__, error)
            else:
                log.exception("task failed")
            self._hand_back(self.relay.failed, error)
        else:
            self._hand_back(self.relay.succeeded, result)

    def _hand_back(self, signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The app is closing and the receiver is gone: nobody is left to tell.
            log.info("a task ended after its window was closed; its result is dropped")

    def deliver(self, result: T) -> None:
        try:
            if self._on_done is not None:
                self._on_done(result)
        finally:
            self._finish()

    def fail(self, error: BaseException) -> None:
        try:
            self._on_error(error)
        finally:
            self._finish()

    def _finish(self) -> None:
        self.finished = True
        if self._on_finally is not None:
            self._on_finally()


class _Runnable(QRunnable):
    def __init__(self, task: Task[Any]) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.execute()


class TaskManager(QObject):
    """Hands work to the serial database worker or the CPU pool."""

    def __init__(self, error_handler: ErrorHandler, *, run_synchronously: bool = False) -> None:
        super().__init__()
        self.error_handler = error_handler
        self.run_synchronously = run_synchronously
        self._db = QThreadPool(self)
        self._db.setMaxThreadCount(1)
        self._cpu = QThreadPool(self)
        self._cpu.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount() - 1))
        self._pending: set[Task[Any]] = set()

    def run_db(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: ErrorHandler | None = None,
        on_finally: Callable[[], None] | None = None,
    ) -> Task[T]:
        """Run `fn` on the serial database worker, after every database task before it."""
        return self._start(self._db, fn, on_done, on_error, on_finally)

    def run_cpu(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: ErrorHandler | None = None,
        on_finally: Callable[[], None] | None = None,
    ) -> Task[T]:
        """Run `fn` on the CPU pool (photos, thumbnails): no database access there."""
        return self._start(self._cpu, fn, on_done, on_error, on_finally)

    def _start(
        self,
        pool: QThreadPool,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None,
        on_error: ErrorHandler | None,
        on_finally: Callable[[], None] | None,
    ) -> Task[T]:
        def finished() -> None:
            self._pending.discard(task)
            if on_finally is not None:
                on_finally()

        task = Task(fn, on_done, on_error or self.error_handler, finished)
        self._pending.add(task)
        if self.run_synchronously:
            task.execute()
        else:
            pool.start(_Runnable(task))
        return task

    def busy(self) -> bool:
        return bool(self._pending)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until both pools are idle (shutdown and tests); True if they are."""
        return self._db.waitForDone(msecs) and self._cpu.waitForDone(msecs)
