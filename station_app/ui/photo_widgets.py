"""Photos on screen: picking new ones, a record's gallery, and a zoomable viewer.

Reading and checking a file (Pillow decodes it fully) happens on the CPU pool; only
finished QImages come back to the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImage,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import PhotoInfo
from station_app.errors import PhotoRejected
from station_app.photo_store import CheckedImage, check_image
from station_app.ui.messages import sentence
from station_app.ui.tasks import TaskManager
from station_app.ui.thumbnails import load_image
from station_app.ui.widgets import ErrorLabel

PICKER_ICON = QSize(96, 96)
GALLERY_ICON = QSize(132, 132)
IMAGE_PATTERNS = "*.jpg *.jpeg *.png *.bmp *.pgm *.webp *.JPG *.JPEG *.PNG"


@dataclass(frozen=True, slots=True)
class LoadedPhoto:
    image: CheckedImage
    preview: QImage


def read_photo(path: Path, size: QSize = PICKER_ICON) -> LoadedPhoto:
    """Read and check one file (CPU pool). Raises PhotoRejected with the reason."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise PhotoRejected(f"photo '{path.name}' does not exist") from error
    except OSError as error:
        raise PhotoRejected(f"{path.name} cannot be read ({error.strerror})") from error
    checked = check_image(data, path.name)
    preview = QImage.fromData(data)
    if not preview.isNull():
        preview = preview.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return LoadedPhoto(checked, preview)


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class PhotoPicker(QWidget):
    """New photos for a record: add with a file dialog or by dropping files here."""

    changed = Signal()

    def __init__(self, tasks: TaskManager) -> None:
        super().__init__()
        self.setObjectName("photoPicker")
        self._tasks = tasks
        self._images: list[CheckedImage] = []
        self._checking = 0
        self.list = QListWidget()
        self.list.setObjectName("newPhotos")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(PICKER_ICON)
        self.list.setFixedHeight(PICKER_ICON.height() + 36)
        self.list.setAcceptDrops(False)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addPhotos")
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeNewPhoto")
        self.remove_button.clicked.connect(self._remove_selected)
        self.error = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.setAcceptDrops(True)
        self.retranslate()

    def images(self) -> list[CheckedImage]:
        return list(self._images)

    def is_checking(self) -> bool:
        return self._checking > 0

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose photos of the child"),
            str(Path.home()),
            self.tr("Photos (%1)").replace("%1", IMAGE_PATTERNS),
        )
        self.add_files([Path(name) for name in names])

    def add_files(self, paths: Sequence[Path]) -> None:
        self.error.show_problem("")
        for path in paths:
            self._checking += 1
            self._tasks.run_cpu(
                lambda path=path: read_photo(path),  # type: ignore[misc]
                self._checked,
                self._rejected,
            )

    def _checked(self, loaded: LoadedPhoto) -> None:
        self._checking -= 1
        if any(image.sha256 == loaded.image.sha256 for image in self._images):
            return
        self._images.append(loaded.image)
        item = QListWidgetItem(QIcon(QPixmap.fromImage(loaded.preview)), loaded.image.original_name)
        item.setData(Qt.ItemDataRole.UserRole, loaded.image.sha256)
        self.list.addItem(item)
        self.changed.emit()

    def _rejected(self, error: BaseException) -> None:
        self._checking -= 1
        if not isinstance(error, PhotoRejected):
            raise error
        lines = [line for line in (self.error.text(), sentence(str(error))) if line]
        self.error.show_problem("\n".join(lines))

    def _remove_selected(self) -> None:
        for item in self.list.selectedItems():
            sha = item.data(Qt.ItemDataRole.UserRole)
            self._images = [image for image in self._images if image.sha256 != sha]
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.add_files(files)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add &photos…"))
        self.remove_button.setText(self.tr("Leave out the selected photo"))
        self.hint.setText(
            self.tr("Drop photo files here, or use the button. JPEG, PNG, BMP, PGM or WebP.")
        )


class PhotoGallery(QListWidget):
    """A stored record's photos, main photo first and marked."""

    def __init__(self, tasks: TaskManager) -> None:
        super().__init__()
        self.setObjectName("photoGallery")
        self._tasks = tasks
        self._photos: list[PhotoInfo] = []
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(GALLERY_ICON)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSpacing(6)
        self.setMinimumHeight(GALLERY_ICON.height() + 48)

    def set_photos(self, photos: Sequence[PhotoInfo]) -> None:
        selected = self.current_photo()
        self.clear()
        self._photos = sorted(photos, key=lambda p: (not p.is_main, p.position))
        for photo in self._photos:
            item = QListWidgetItem(self._caption(photo))
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            self.addItem(item)
            self._tasks.run_cpu(
                lambda path=photo.thumbnail_path: load_image(path, GALLERY_ICON),  # type: ignore[misc]
                lambda image, item=item: self._thumb(item, image),  # type: ignore[misc]
                lambda _error: None,
            )
        for row, photo in enumerate(self._photos):
            if selected is not None and photo.id == selected.id:
                self.setCurrentRow(row)
        if self.currentRow() < 0 and self._photos:
            self.setCurrentRow(0)

    def _caption(self, photo: PhotoInfo) -> str:
        return self.tr("★ Main photo") if photo.is_main else f"{photo.width} × {photo.height}"

    def _thumb(self, item: QListWidgetItem, image: QImage) -> None:
        if not image.isNull() and self.row(item) >= 0:
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def photos(self) -> list[PhotoInfo]:
        return list(self._photos)

    def current_photo(self) -> PhotoInfo | None:
        item = self.currentItem()
        if item is None:
            return None
        photo_id = item.data(Qt.ItemDataRole.UserRole)
        return next((p for p in self._photos if p.id == photo_id), None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            for index, photo in enumerate(self._photos):
                item = self.item(index)
                if item is not None:
                    item.setText(self._caption(photo))
        super().changeEvent(event)


class ZoomView(QGraphicsView):
    """Shows one image; the wheel with Ctrl (or the buttons) zooms, dragging pans."""

    zoomed = Signal(float)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("zoomView")
        self._scene = QGraphicsScene(self)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._item)
        self.setScene(self._scene)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._fit = True

    def set_image(self, image: QImage) -> None:
        self._item.setPixmap(QPixmap.fromImage(image))
        self._scene.setSceneRect(self._item.boundingRect())
        self.fit()

    def has_image(self) -> bool:
        return not self._item.pixmap().isNull()

    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom(self, factor: float) -> None:
        new = self.scale_factor() * factor
        if 0.05 <= new <= 16:
            self._fit = False
            self.scale(factor, factor)
            self.zoomed.emit(self.scale_factor())

    def actual_size(self) -> None:
        self._fit = False
        self.resetTransform()
        self.zoomed.emit(1.0)

    def fit(self) -> None:
        self._fit = True
        if self.has_image():
            self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoomed.emit(self.scale_factor())

    def resizeEvent(self, event: QObject) -> None:  # type: ignore[override]  # noqa: N802
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self._fit:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier or not self._fit:
            self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)
            event.accept()
        else:
            super().wheelEvent(event)
