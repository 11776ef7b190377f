"""Small photos for tables and strips, decoded on the CPU pool and kept in a bounded cache.

A QImage may be made on any thread; it becomes a QPixmap on the GUI thread when it
arrives. `ready(path)` tells the models to repaint the rows that show it.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

from station_app.ui.tasks import TaskManager

THUMB_SIZE = QSize(44, 44)
MAX_CACHED = 800


def load_image(path: str, size: QSize) -> QImage:
    """Decode `path` scaled to fit `size` (thread-safe). A null image if unreadable."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid():
        reader.setScaledSize(original.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class ThumbnailCache(QObject):
    ready = Signal(str)

    def __init__(self, tasks: TaskManager, size: QSize = THUMB_SIZE) -> None:
        super().__init__()
        self._tasks = tasks
        self._size = size
        self._pixmaps: OrderedDict[str, QPixmap | None] = OrderedDict()
        self._loading: set[str] = set()

    def get(self, path: str) -> QPixmap | None:
        if path in self._pixmaps:
            self._pixmaps.move_to_end(path)
            return self._pixmaps[path]
        if path not in self._loading:
            self._loading.add(path)
            size = self._size
            self._tasks.run_cpu(
                lambda: load_image(path, size),
                lambda image: self._arrived(path, image),
                lambda _error: self._arrived(path, QImage()),
            )
        return self._pixmaps.get(path)

    def _arrived(self, path: str, image: QImage) -> None:
        self._loading.discard(path)
        self._pixmaps[path] = None if image.isNull() else QPixmap.fromImage(image)
        while len(self._pixmaps) > MAX_CACHED:
            self._pixmaps.popitem(last=False)
        self.ready.emit(path)
