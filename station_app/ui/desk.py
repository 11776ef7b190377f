"""What every window of a logged-in desk shares, and how it runs one user action.

`Desk.run` is the one way a window starts an operation: the work runs on the serial
database worker with a CancelToken, a Progress shows (busy cursor, then a dialog with
Cancel), and the result or error comes back on the GUI thread. An error goes to the
window's own handler if it gave one, else to a plain message (or the crash dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QWidget

from station_app.domain import UserInfo
from station_app.errors import Cancelled
from station_app.permissions import Action, allowed
from station_app.ui.error_dialogs import show_error
from station_app.ui.i18n import Translations
from station_app.ui.progress import Progress
from station_app.ui.settings import GuiSettings
from station_app.ui.tasks import CancelToken, Task, TaskManager

if TYPE_CHECKING:
    from station_app.app import App

T = TypeVar("T")


@dataclass
class Desk:
    app: App
    user: UserInfo
    tasks: TaskManager
    translations: Translations
    settings: GuiSettings

    def may(self, action: Action) -> bool:
        return allowed(self.user, action)

    def analyse_new_photos(self) -> None:
        """Find and encode the faces of photos not analysed yet, in the background.

        Queued behind the database work already asked for (so the photos just saved are
        there), then run in the CPU pool, where it holds up no other database work.
        """
        from station_app.services.faces import compute_pending_faces

        app = self.app

        def start(_: None) -> None:
            self.tasks.run_cpu(lambda: compute_pending_faces(app))

        self.tasks.run_db(lambda: None, start)

    def run(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[CancelToken], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task[T]:
        return run_operation(self.tasks, parent, label, work, on_done, on_error)


def run_operation(
    tasks: TaskManager,
    parent: QWidget | None,
    label: str,
    work: Callable[[CancelToken], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> Task[T]:
    """Run one user action off the GUI thread, with progress and cancel."""
    token = CancelToken()
    progress = Progress(parent, label, token)

    def guarded() -> T:
        if token.is_cancelled():
            raise Cancelled()
        return work(token)

    def done(result: T) -> None:
        progress.finish()
        on_done(result)

    def failed(error: BaseException) -> None:
        progress.finish()
        if on_error is not None:
            on_error(error)
        else:
            show_error(parent, error)

    return tasks.run_db(guarded, done, failed)
