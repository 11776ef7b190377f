"""Progress of a long batch operation, as (done, total) in thousandths, made of phases."""

from __future__ import annotations

from collections.abc import Callable

from station_app.errors import Cancelled

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
SCALE = 1_000_000


class Ticker:
    """Reports progress through phases of known weight; checks for cancel as it goes.

    Each phase has a share of the whole (its weight) and a size in its own units (rows,
    bytes); `advance` moves within the current phase. Callbacks fire only when the
    figure moves by a thousandth, so a row-by-row loop does not flood a progress dialog.
    """

    def __init__(
        self, progress: ProgressCallback | None, should_cancel: CancelCheck | None
    ) -> None:
        self._progress = progress
        self._should_cancel = should_cancel
        self._base = 0.0
        self._weight = 0.0
        self._size = 1
        self._done = 0
        self._last = -1

    def phase(self, weight: float, size: int) -> None:
        self._base += self._weight
        self._weight = weight
        self._size = max(size, 1)
        self._done = 0
        self._emit()

    def advance(self, amount: int = 1) -> None:
        self._done += amount
        self._emit()

    def check_cancel(self) -> None:
        if self._should_cancel is not None and self._should_cancel():
            raise Cancelled()

    def finish(self) -> None:
        if self._progress is not None:
            self._progress(SCALE, SCALE)

    def _emit(self) -> None:
        fraction = self._base + self._weight * min(self._done / self._size, 1.0)
        now = int(min(fraction, 1.0) * SCALE)
        if now // 1000 != self._last // 1000:
            self._last = now
            self.check_cancel()
            if self._progress is not None:
                self._progress(now, SCALE)
