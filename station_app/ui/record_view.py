"""Everything about one child: the details, the photos, and who did what when."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import AuditEntry, ChildRecord, Kind, MissingDetails
from station_app.permissions import Action
from station_app.photo_store import CheckedImage
from station_app.services import handover, registers
from station_app.services import photos as photo_service
from station_app.ui.desk import Desk
from station_app.ui.form_fields import GROUPS, Group
from station_app.ui.handover_dialog import HandoverDialog
from station_app.ui.i18n import translate
from station_app.ui.labels import (
    action_label,
    changed_fields_text,
    choice_label,
    date_text,
    field_label,
    local_time,
)
from station_app.ui.match_review import MatchReview
from station_app.ui.photo_viewer import PhotoViewer
from station_app.ui.photo_widgets import (
    IMAGE_PATTERNS,
    LoadedPhoto,
    PhotoGallery,
    dropped_files,
    read_photo,
)
from station_app.ui.print_preview import DocumentPrinting
from station_app.ui.record_form import RecordForm
from station_app.ui.widgets import ErrorLabel, mark_data


@dataclass(frozen=True, slots=True)
class Loaded:
    record: ChildRecord
    history: list[AuditEntry]
    certificate: str | None = None


def display_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return choice_label(value)
    if isinstance(value, datetime | date):
        return date_text(value)
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class RecordView(QWidget):
    """A window on one record; `changed` tells the registers to refresh."""

    changed = Signal(object)

    def __init__(self, desk: Desk, record_id: str) -> None:
        super().__init__()
        self.setObjectName("recordView")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._desk = desk
        self.record_id = record_id
        self.record: ChildRecord | None = None
        self.history: list[AuditEntry] = []
        self.form: RecordForm | None = None
        self.viewer: PhotoViewer | None = None
        self._value_labels: dict[str, QLabel] = {}
        self._field_labels: dict[str, QLabel] = {}
        self._group_boxes: list[tuple[QGroupBox, str]] = []
        self._pending_photos = 0
        self._new_images: list[CheckedImage] = []

        self.heading = mark_data(QLabel())
        self.heading.setObjectName("recordHeading")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget()
        self.details_page = QScrollArea()
        self.details_page.setWidgetResizable(True)
        self.photos_page = QWidget()
        self.history_page = QWidget()
        self.tabs.addTab(self.details_page, "")
        self.tabs.addTab(self.photos_page, "")
        self.tabs.addTab(self.history_page, "")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editButton")
        self.edit_button.clicked.connect(self.edit)
        self.edit_button.setEnabled(False)
        self.edit_button.setVisible(desk.may(Action.EDIT))
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        self.printing = DocumentPrinting(desk, self)
        self.poster_button = QPushButton()
        self.poster_button.setObjectName("posterButton")
        self.poster_button.clicked.connect(lambda: self.printing.print_notice(self.record_id))
        self.poster_button.setEnabled(False)
        self.poster_button.setVisible(desk.may(Action.REGISTER))
        self.handover_button = QPushButton()
        self.handover_button.setObjectName("handoverButton")
        self.handover_button.clicked.connect(self.handover)
        self.handover_button.setVisible(False)
        self.certificate: str | None = None
        self.match_button = QPushButton()
        self.match_button.setObjectName("matchButton")
        self.match_button.clicked.connect(self.review_matches)
        self.match_button.setVisible(False)
        self.review: MatchReview | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.match_button)
        buttons.addWidget(self.poster_button)
        buttons.addWidget(self.handover_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._build_photos_page()
        self._build_history_page()
        self.resize(980, 760)
        self.retranslate()

    # -- pages ----------------------------------------------------------------------------

    def _build_details(self, kind: Kind) -> None:
        body = QWidget()
        columns = QHBoxLayout(body)
        left, right = QVBoxLayout(), QVBoxLayout()
        meta = Group("meta", "", ())
        for position, group in enumerate((*GROUPS[kind], meta)):
            box = QGroupBox()
            form = QFormLayout(box)
            names = [s.name for s in group.fields] or ["case_number", "created", "updated"]
            for name in names:
                label = QLabel()
                value = mark_data(QLabel())
                value.setObjectName(f"value_{name}")
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(label, value)
                self._field_labels[name] = label
                self._value_labels[name] = value
            self._group_boxes.append((box, group.title))
            (left if position < 2 else right).addWidget(box)
        left.addStretch(1)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.details_page.setWidget(body)

    def _build_photos_page(self) -> None:
        self.gallery = PhotoGallery(self._desk.tasks)
        self.gallery.itemDoubleClicked.connect(lambda _item: self.view_photo())
        self.gallery.currentItemChanged.connect(lambda *_: self._sync_photo_buttons())
        self.photo_buttons: dict[str, QPushButton] = {}
        actions: dict[str, Callable[[], None]] = {
            "view": self.view_photo,
            "add": self.choose_photos,
            "main": self.make_main,
            "left": lambda: self.turn(-90),
            "right": lambda: self.turn(90),
            "remove": self.remove_photo,
        }
        bar = QHBoxLayout()
        for key, slot in actions.items():
            button = QPushButton()
            button.setObjectName(f"photo_{key}")
            button.clicked.connect(slot)
            if key != "view":
                button.setVisible(self._desk.may(Action.EDIT))
            self.photo_buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.photo_error = ErrorLabel()
        self.photo_hint = QLabel()
        self.photo_hint.setProperty("role", "hint")
        layout = QVBoxLayout(self.photos_page)
        layout.addWidget(self.gallery, 1)
        layout.addWidget(self.photo_hint)
        layout.addLayout(bar)
        layout.addWidget(self.photo_error)
        self.photos_page.setAcceptDrops(self._desk.may(Action.EDIT))
        self.photos_page.dragEnterEvent = self._drag_enter  # type: ignore[method-assign]
        self.photos_page.dropEvent = self._drop  # type: ignore[method-assign]

    def _build_history_page(self) -> None:
        self.history_table = QTableWidget(0, 4)
        self.history_table.setObjectName("historyTable")
        self.history_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history_table.verticalHeader().setVisible(False)
        self.history_table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch
        )
        self.history_table.setColumnWidth(0, 150)
        self.history_table.setColumnWidth(1, 110)
        self.history_table.setColumnWidth(2, 170)
        self.show_views = QCheckBox()
        self.show_views.toggled.connect(lambda _on: self._fill_history())
        layout = QVBoxLayout(self.history_page)
        layout.addWidget(self.history_table, 1)
        layout.addWidget(self.show_views)

    # -- loading --------------------------------------------------------------------------

    def load(self) -> None:
        app, user, record_id = self._desk.app, self._desk.user, self.record_id

        def work(_token: object) -> Loaded:
            record = registers.get(app, user, record_id)
            history = registers.record_history(app, user, record_id)
            return Loaded(record, history, handover.certificate_of(app, user, record_id))

        self._desk.run(self, self.tr("Opening the record…"), work, self._loaded, self._load_failed)

    def _load_failed(self, error: BaseException) -> None:
        from station_app.ui.error_dialogs import show_error

        show_error(self.parentWidget(), error)
        self.close()

    def _loaded(self, loaded: Loaded) -> None:
        self.history = loaded.history
        self.certificate = loaded.certificate
        self.show_record(loaded.record)

    def reload_history(self) -> None:
        app, user, record_id = self._desk.app, self._desk.user, self.record_id
        self._desk.tasks.run_db(
            lambda: registers.record_history(app, user, record_id), self._history_loaded
        )

    def _history_loaded(self, history: list[AuditEntry]) -> None:
        self.history = history
        self._fill_history()

    def show_record(self, record: ChildRecord) -> None:
        if self.record is None:
            self._build_details(record.meta.kind)
        self.record = record
        self.edit_button.setEnabled(True)
        self.poster_button.setEnabled(self._desk.may(Action.REGISTER))
        is_complaint = record.meta.kind is Kind.MISSING
        self.match_button.setVisible(not is_complaint)
        self.handover_button.setVisible(
            self._desk.may(Action.ISSUE_HANDOVER) and (is_complaint or bool(self.certificate))
        )
        self.gallery.set_photos(record.photos)
        if self.viewer is not None and self.viewer.isVisible():
            current = self.viewer.current()
            self.viewer.set_photos(self.gallery.photos(), current.id if current else "")
        self._sync_photo_buttons()
        self.retranslate()

    # -- actions --------------------------------------------------------------------------

    def review_matches(self) -> None:
        """The complaints that could be this found child, ranked, to confirm or reject."""
        self.review = MatchReview(self._desk, self.record_id)
        self.review.show()
        self.review.load()

    def handover(self) -> None:
        """Issue the certificate for this complaint, or print a copy of the one issued."""
        if self.record is None:
            return
        if self.certificate:
            self.printing.reprint_certificate(self.certificate)
            return
        app, user, record_id = self._desk.app, self._desk.user, self.record_id
        reference = self.record.meta.case_number
        self._desk.tasks.run_db(
            lambda: handover.confirmed_found_child(app, user, record_id),
            lambda found: self._open_handover(reference, found or ""),
        )

    def _open_handover(self, missing_ref: str, found_ref: str) -> None:
        dialog = HandoverDialog(self._desk, missing_ref, found_ref, self)
        dialog.accepted.connect(self.load)
        dialog.accepted.connect(lambda: self.changed.emit(self.record))
        dialog.open()

    def edit(self) -> None:
        if self.record is None:
            return
        if self.form is not None and self.form.isVisible():
            self.form.raise_()
            self.form.activateWindow()
            return
        self.form = RecordForm(self._desk, self.record.meta.kind, self.record)
        self.form.saved.connect(self._edited)
        self.form.open()

    def _edited(self, record: ChildRecord) -> None:
        self.show_record(record)
        self.reload_history()
        self.changed.emit(record)

    def view_photo(self) -> None:
        photos = self.gallery.photos()
        current = self.gallery.current_photo()
        if not photos or current is None:
            return
        self.viewer = PhotoViewer(
            self._desk.tasks, photos, photos.index(current), self._desk.may(Action.EDIT)
        )
        self.viewer.turn_requested.connect(self._turn_photo)
        self.viewer.show()

    def choose_photos(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose photos of the child"),
            str(Path.home()),
            self.tr("Photos (%1)").replace("%1", IMAGE_PATTERNS),
        )
        self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> None:
        """Check the files on the CPU pool, then attach the good ones in one operation."""
        if not paths:
            return
        self.photo_error.show_problem("")
        self._pending_photos = len(paths)
        self._new_images = []
        for path in paths:
            self._desk.tasks.run_cpu(
                lambda path=path: read_photo(path),  # type: ignore[misc]
                self._photo_checked,
                self._photo_rejected,
            )

    def _photo_checked(self, loaded: LoadedPhoto) -> None:
        self._new_images.append(loaded.image)
        self._photo_done()

    def _photo_rejected(self, error: BaseException) -> None:
        from station_app.ui.messages import error_text

        text = error_text(error)
        if text is None:
            raise error
        lines = [line for line in (self.photo_error.text(), text) if line]
        self.photo_error.show_problem("\n".join(lines))
        self._photo_done()

    def _photo_done(self) -> None:
        self._pending_photos -= 1
        if self._pending_photos > 0 or not self._new_images:
            return
        images, self._new_images = self._new_images, []
        app, user, record_id = self._desk.app, self._desk.user, self.record_id
        self._photo_operation(
            self.tr("Adding photos…"),
            lambda: photo_service.add_photos(app, user, record_id, images),
        )
        self._desk.analyse_new_photos()

    def make_main(self) -> None:
        photo = self.gallery.current_photo()
        if photo is not None and not photo.is_main:
            app, user = self._desk.app, self._desk.user
            self._photo_operation(
                self.tr("Saving…"), lambda: photo_service.set_main_photo(app, user, photo.id)
            )

    def turn(self, degrees: int) -> None:
        photo = self.gallery.current_photo()
        if photo is not None:
            self._turn_photo(photo.id, degrees)

    def _turn_photo(self, photo_id: str, degrees: int) -> None:
        app, user = self._desk.app, self._desk.user
        self._photo_operation(
            self.tr("Turning the photo…"),
            lambda: photo_service.rotate_photo(app, user, photo_id, degrees),
        )

    def remove_photo(self) -> None:
        photo = self.gallery.current_photo()
        if photo is not None:
            app, user = self._desk.app, self._desk.user
            self._photo_operation(
                self.tr("Removing the photo…"),
                lambda: photo_service.remove_photo(app, user, photo.id),
            )

    def _photo_operation(self, label: str, work: Callable[[], ChildRecord]) -> None:
        self._desk.run(self, label, lambda _token: work(), self._photo_changed)

    def _photo_changed(self, record: ChildRecord) -> None:
        self.show_record(record)
        self.reload_history()
        self.changed.emit(record)

    def _sync_photo_buttons(self) -> None:
        photo = self.gallery.current_photo()
        for key in ("view", "left", "right", "remove"):
            self.photo_buttons[key].setEnabled(photo is not None)
        self.photo_buttons["main"].setEnabled(photo is not None and not photo.is_main)

    def _drag_enter(self, event: QDragEnterEvent) -> None:
        if dropped_files(event):
            event.acceptProposedAction()

    def _drop(self, event: QDropEvent) -> None:
        files = dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.add_files(files)

    # -- text -----------------------------------------------------------------------------

    def _fill_values(self) -> None:
        record = self.record
        if record is None:
            return
        details = record.details
        for name, label in self._value_labels.items():
            if name.startswith("guardian_") and isinstance(details, MissingDetails):
                value: object = getattr(details.guardian, name.removeprefix("guardian_"))
            elif name == "case_number":
                value = record.meta.case_number
            elif name == "created":
                value = f"{date_text(local_time(record.meta.created_at))}, {record.meta.created_by}"
            elif name == "updated":
                value = f"{date_text(local_time(record.meta.updated_at))}, {record.meta.updated_by}"
            else:
                value = getattr(details, name, None)
            label.setText(display_value(value))
        name = details.name or "—"
        self.heading.setText(f"<b>{record.meta.case_number}</b> &nbsp; {details.ref} &nbsp; {name}")

    def _fill_history(self) -> None:
        entries = [e for e in self.history if self.show_views.isChecked() or e.action != "view"]
        self.history_table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                date_text(local_time(entry.at)),
                entry.username,
                action_label(entry.action),
                changed_fields_text(entry.summary),
            )
            for column, text in enumerate(cells):
                self.history_table.setItem(row, column, QTableWidgetItem(text))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        record = self.record
        title = record.meta.case_number if record else ""
        self.setWindowTitle(self.tr("Record %1").replace("%1", title))
        self.tabs.setTabText(0, self.tr("Details"))
        self.tabs.setTabText(
            1, self.tr("Photos (%1)").replace("%1", str(len(self.gallery.photos())))
        )
        self.tabs.setTabText(2, self.tr("History"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.match_button.setText(self.tr("Find &matching complaints…"))
        is_found = self.record is not None and self.record.meta.kind is Kind.FOUND
        self.poster_button.setText(
            self.tr("Print found-child &notice…") if is_found else self.tr("Print &poster…")
        )
        self.handover_button.setText(
            self.tr("Print a &copy of the certificate…")
            if self.certificate
            else self.tr("&Hand over to the family…")
        )
        self.close_button.setText(self.tr("Close"))
        texts = {
            "view": self.tr("View full size"),
            "add": self.tr("Add photos…"),
            "main": self.tr("Make main photo"),
            "left": self.tr("Turn left"),
            "right": self.tr("Turn right"),
            "remove": self.tr("Remove photo"),
        }
        for key, text in texts.items():
            self.photo_buttons[key].setText(text)
        self.photo_hint.setText(
            self.tr("Double-click a photo to see it full size. Drop files here to add them.")
        )
        self.show_views.setText(self.tr("Also show who only looked at the record"))
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")]
        )
        for box, group_title in self._group_boxes:
            box.setTitle(translate("Groups", group_title) if group_title else self.tr("Record"))
        for name, label in self._field_labels.items():
            label.setText(field_label(name) + ":")
        self._fill_values()
        self._fill_history()
