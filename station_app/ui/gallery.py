"""The parents' identification gallery, full screen: photos only, no names or places.

Parents may look through the photos on their own; Esc and closing the window do nothing.
Only an officer's user name and password end it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QCloseEvent, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import Sex
from station_app.errors import StationError
from station_app.services import gallery
from station_app.services.gallery import AGE_BANDS, GalleryPhoto
from station_app.ui.desk import Desk
from station_app.ui.labels import choice_label
from station_app.ui.thumbnails import load_image

PHOTO_SIZE = QSize(260, 320)


class UnlockDialog(QDialog):
    """An officer's user name and password, to end the gallery."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Officer:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setWindowTitle(self.tr("End the gallery"))


class Gallery(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.setObjectName("gallery")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._desk = desk
        self._unlocked = False
        self.photos: list[GalleryPhoto] = []
        self.sex = QComboBox()
        self.sex.addItem("", None)
        for sex in (Sex.MALE, Sex.FEMALE):
            self.sex.addItem(choice_label(sex), sex)
        self.age = QComboBox()
        self.age.addItem("", None)
        for band in AGE_BANDS:
            self.age.addItem(band, band)
        self.sex.currentIndexChanged.connect(self.load)
        self.age.currentIndexChanged.connect(self.load)
        self.grid = QListWidget()
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setIconSize(PHOTO_SIZE)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.hint = QLabel()
        self.hint.setObjectName("galleryHint")
        self.leave_button = QPushButton()
        self.leave_button.clicked.connect(self.ask_to_leave)
        self.sex_label, self.age_label = QLabel(), QLabel()
        top = QHBoxLayout()
        for widget in (self.sex_label, self.sex, self.age_label, self.age):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.grid, 1)
        self.retranslate()

    def load(self) -> None:
        app, user = self._desk.app, self._desk.user
        chosen, band = self.sex.currentData(), self.age.currentData()
        sex = Sex(chosen) if chosen else None  # Qt hands the enum back as plain text
        self._desk.tasks.run_db(
            lambda: gallery.gallery_photos(app, user, sex, band), self.show_photos
        )

    def show_photos(self, photos: list[GalleryPhoto]) -> None:
        self.photos = photos
        self.grid.clear()
        for photo in photos:
            image = load_image(photo.image_path)
            icon = QIcon(QPixmap.fromImage(image)) if not image.isNull() else QIcon()
            self.grid.addItem(QListWidgetItem(icon, ""))

    def ask_to_leave(self) -> None:
        dialog = UnlockDialog(self)
        dialog.accepted.connect(lambda: self.try_unlock(dialog.username.text(),
                                                        dialog.password.text()))  # fmt: skip
        dialog.open()

    def try_unlock(self, username: str, password: str) -> bool:
        try:
            gallery.unlock_gallery(self._desk.app, username, password)
        except StationError as error:
            self.hint.setText(str(error))
            return False
        self._unlocked = True
        self.close()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            return  # a visitor must not be able to leave the gallery
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._unlocked:
            event.accept()
        else:
            event.ignore()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Photos of children found"))
        self.sex_label.setText(self.tr("Boy or girl:"))
        self.sex.setItemText(0, self.tr("All"))
        self.age_label.setText(self.tr("Age:"))
        self.age.setItemText(0, self.tr("All ages"))
        self.leave_button.setText(self.tr("End (officer only)…"))
        self.hint.setText(self.tr("If you recognise your child, tell the officer at the desk."))


def open_gallery(desk: Desk) -> Gallery:
    window = Gallery(desk)
    window.showFullScreen()
    window.load()
    return window
