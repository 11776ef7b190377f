"""Small photos for tables and strips, decoded on the CPU pool and kept in a bounded cache.

A QImage may be made on any thread; it becomes a QPixmap on the GUI thread when it
arrives. `ready(path)` tells the models to repaint the rows that show it.

Photo files are read through the open station's photo store, which decrypts them in an
encrypted station: never hand a photo path straight to Qt.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

from station_app.errors import StationError
from station_app.ui.tasks import TaskManager

THUMB_SIZE = QSize(44, 44)
MAX_CACHED = 800

_read_photo: Callable[[str], bytes] = lambda path: Path(path).read_bytes()  # noqa: E731


def read_photos_with(reader: Callable[[str], bytes]) -> None:
    """Read photo files through `reader` (the open station's PhotoStore.read) from now on."""
    global _read_photo
    _read_photo = reader


def load_image(path: str, size: QSize | None = None) -> QImage:
    """Decode the photo file `path`, scaled to fit `size` (thread-safe). Null if unreadable."""
    try:
        data = _read_photo(path)
    except (OSError, StationError):
        return QImage()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    original = reader.size()
    if size is not None and original.isValid():
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
