"""One photo of a child, full size: zoom, fit, turn, and step through the others."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from station_app.domain import PhotoInfo
from station_app.ui.photo_widgets import ZoomView
from station_app.ui.tasks import TaskManager
from station_app.ui.thumbnails import load_image
from station_app.ui.widgets import mark_data

FULL_SIZE = QSize(4000, 4000)


class PhotoViewer(QDialog):
    """Shows `photos[index]`; turning asks the owner (which saves it) via `turn_requested`."""

    turn_requested = Signal(str, int)

    def __init__(
        self, tasks: TaskManager, photos: Sequence[PhotoInfo], index: int, can_turn: bool
    ) -> None:
        super().__init__()
        self.setObjectName("photoViewer")
        self._tasks = tasks
        self._photos = list(photos)
        self._index = index
        self.view = ZoomView()
        self.view.zoomed.connect(self._show_zoom)
        self.caption = mark_data(QLabel())
        self.zoom_label = QLabel()
        self.buttons: dict[str, QPushButton] = {}
        actions = {
            "previous": (self._previous, QKeySequence.StandardKey.Back),
            "next": (self._next, QKeySequence.StandardKey.Forward),
            "zoom_in": (lambda: self.view.zoom(1.25), QKeySequence.StandardKey.ZoomIn),
            "zoom_out": (lambda: self.view.zoom(0.8), QKeySequence.StandardKey.ZoomOut),
            "fit": (self.view.fit, None),
            "actual": (self.view.actual_size, None),
            "turn_left": (lambda: self._turn(-90), None),
            "turn_right": (lambda: self._turn(90), None),
        }
        bar = QHBoxLayout()
        for key, (slot, shortcut) in actions.items():
            button = QPushButton()
            button.setObjectName(f"viewer_{key}")
            button.clicked.connect(slot)
            if shortcut is not None:
                button.setShortcut(QKeySequence(shortcut))
            if key.startswith("turn"):
                button.setVisible(can_turn)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.zoom_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
        self.resize(900, 760)
        self.retranslate()
        self._load()

    def set_photos(self, photos: Sequence[PhotoInfo], photo_id: str) -> None:
        """The record changed (e.g. a photo was turned): show `photo_id` afresh."""
        self._photos = list(photos)
        ids = [p.id for p in self._photos]
        self._index = ids.index(photo_id) if photo_id in ids else 0
        self._load()

    def current(self) -> PhotoInfo | None:
        return self._photos[self._index] if self._photos else None

    def _load(self) -> None:
        photo = self.current()
        if photo is None:
            self.close()
            return
        self.caption.setText(
            f"{self._index + 1} / {len(self._photos)}   {photo.original_name}   "
            f"{photo.width} × {photo.height}"
        )
        self.buttons["previous"].setEnabled(self._index > 0)
        self.buttons["next"].setEnabled(self._index < len(self._photos) - 1)
        path = photo.normalized_path
        self._tasks.run_cpu(lambda: load_image(path, FULL_SIZE), self._loaded, lambda _e: None)

    def _loaded(self, image: QImage) -> None:
        self.view.set_image(image)

    def _previous(self) -> None:
        if self._index > 0:
            self._index -= 1
            self._load()

    def _next(self) -> None:
        if self._index < len(self._photos) - 1:
            self._index += 1
            self._load()

    def _turn(self, degrees: int) -> None:
        photo = self.current()
        if photo is not None:
            self.turn_requested.emit(photo.id, degrees)

    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(f"{factor * 100:.0f}%")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Photo"))
        texts = {
            "previous": self.tr("◀ Previous"),
            "next": self.tr("Next ▶"),
            "zoom_in": self.tr("Zoom in"),
            "zoom_out": self.tr("Zoom out"),
            "fit": self.tr("Fit to window"),
            "actual": self.tr("Actual size"),
            "turn_left": self.tr("Turn left"),
            "turn_right": self.tr("Turn right"),
        }
        for key, text in texts.items():
            self.buttons[key].setText(text)
