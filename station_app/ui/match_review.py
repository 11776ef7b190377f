"""Reviewing the complaints proposed for one found child, and deciding.

Left: the ranked candidates with score and label. Right: the chosen pair side by side,
field by field, agreements in green and conflicts in red, with both main photos; then
confirm (the complaint becomes traced), reject (with a reason; never proposed again) or
undo. The services decide and audit everything; this window only shows and asks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import FoundRecord, MissingRecord
from station_app.matching.results import Ranking
from station_app.permissions import Action
from station_app.services import matching
from station_app.services.matching import PairReview
from station_app.ui.desk import Desk
from station_app.ui.i18n import QT_TRANSLATE_NOOP, translate
from station_app.ui.thumbnails import load_image
from station_app.ui.widgets import mark_data

VERDICT_COLOURS = {"for": QColor("#dff0d8"), "against": QColor("#f8d7da")}
LABELS = {
    "likely": QT_TRANSLATE_NOOP("MatchReview", "likely"),
    "possible": QT_TRANSLATE_NOOP("MatchReview", "possible"),
    "unlikely": QT_TRANSLATE_NOOP("MatchReview", "unlikely"),
}
FIELDS = {
    "name": QT_TRANSLATE_NOOP("MatchReview", "Name"),
    "face": QT_TRANSLATE_NOOP("MatchReview", "Face"),
    "sex": QT_TRANSLATE_NOOP("MatchReview", "Sex"),
    "age": QT_TRANSLATE_NOOP("MatchReview", "Age"),
    "height": QT_TRANSLATE_NOOP("MatchReview", "Height"),
    "complexion": QT_TRANSLATE_NOOP("MatchReview", "Complexion"),
    "marks": QT_TRANSLATE_NOOP("MatchReview", "Identification marks"),
    "clothing": QT_TRANSLATE_NOOP("MatchReview", "Clothing"),
    "languages": QT_TRANSLATE_NOOP("MatchReview", "Languages"),
    "place": QT_TRANSLATE_NOOP("MatchReview", "Place"),
    "time": QT_TRANSLATE_NOOP("MatchReview", "Dates"),
}
PHOTO_SIDE = 220


def _photo(record: FoundRecord | MissingRecord) -> QPixmap:
    main = next((p for p in record.photos if p.is_main), None)
    image = load_image(main.normalized_path) if main else QImage()
    if image.isNull():
        return QPixmap()
    return QPixmap.fromImage(image).scaled(
        PHOTO_SIDE, PHOTO_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )  # fmt: skip


class MatchReview(QWidget):
    """The review window of one found child."""

    def __init__(self, desk: Desk, found_id: str) -> None:
        super().__init__()
        self.setObjectName("matchReview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._desk = desk
        self.found_id = found_id
        self.ranking: Ranking | None = None
        self.review: PairReview | None = None
        self.heading = mark_data(QLabel())
        self.heading.setObjectName("reviewHeading")
        self.faces_note = mark_data(QLabel())
        self.candidates = QTableWidget(0, 5)
        self.candidates.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.candidates.verticalHeader().hide()
        self.candidates.itemSelectionChanged.connect(self._candidate_chosen)
        self.fields = QTableWidget(0, 4)
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.verticalHeader().hide()
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields.setWordWrap(True)
        self.complaint_photo = QLabel()
        self.found_photo = QLabel()
        self.decision = mark_data(QLabel())
        self.decision.setWordWrap(True)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.clicked.connect(self.confirm)
        self.reject_button = QPushButton()
        self.reject_button.setObjectName("rejectButton")
        self.reject_button.clicked.connect(self.reject)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo)
        may_decide = desk.may(Action.CONFIRM_MATCH)
        for button in (self.confirm_button, self.reject_button, self.undo_button):
            button.setVisible(may_decide)
            button.setEnabled(False)
        self._layout()
        self.resize(1200, 760)
        self.retranslate()

    def _layout(self) -> None:
        photos = QHBoxLayout()
        photos.addWidget(self.complaint_photo)
        photos.addWidget(self.found_photo)
        photos.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.decision, 1)
        for button in (self.confirm_button, self.reject_button, self.undo_button):
            buttons.addWidget(button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(photos)
        right_layout.addWidget(self.fields, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.candidates)
        splitter.addWidget(right)
        splitter.setSizes([420, 780])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.faces_note)
        layout.addWidget(splitter, 1)

    # -- loading --------------------------------------------------------------------------

    def load(self) -> None:
        app, user, found_id = self._desk.app, self._desk.user, self.found_id
        self._desk.run(
            self,
            self.tr("Finding matching complaints…"),
            lambda _token: matching.review_candidates(app, user, found_id),
            self.show_ranking,
        )

    def show_ranking(self, ranking: Ranking) -> None:
        self.ranking = ranking
        self.heading.setText(f"{ranking.query_case_number}  {ranking.query_ref}  "
                             f"{ranking.query_name}")  # fmt: skip
        self.faces_note.setText("" if ranking.faces_used else ranking.faces_note)
        self.candidates.setRowCount(len(ranking.candidates))
        for row, candidate in enumerate(ranking.candidates):
            values = (
                candidate.case_number,
                candidate.ref,
                candidate.name,
                f"{candidate.score:.0%}",
                translate("MatchReview", LABELS[candidate.label]),
            )
            for column, value in enumerate(values):
                self.candidates.setItem(row, column, QTableWidgetItem(value))
        if ranking.candidates:
            self.candidates.selectRow(0)
        else:
            self.decision.setText(self.tr("No open complaint could be this child."))

    def _candidate_chosen(self) -> None:
        rows = self.candidates.selectionModel().selectedRows()
        if not rows or self.ranking is None:
            return
        self._show_pair_of(self.ranking.candidates[rows[0].row()].record_id)

    def _show_pair_of(self, missing_id: str) -> None:
        app, user, found_id = self._desk.app, self._desk.user, self.found_id
        self._desk.tasks.run_db(
            lambda: matching.comparison(app, user, found_id, missing_id), self.show_pair
        )

    def show_pair(self, review: PairReview) -> None:
        self.review = review
        self.fields.setRowCount(len(review.rows))
        for row, field in enumerate(review.rows):
            label = translate("MatchReview", FIELDS.get(field.field, field.label))
            cells = (label, field.complaint, field.found, field.explanation)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                colour = VERDICT_COLOURS.get(field.verdict)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                self.fields.setItem(row, column, item)
        self.fields.resizeRowsToContents()
        self.complaint_photo.setPixmap(_photo(review.missing))
        self.found_photo.setPixmap(_photo(review.found))
        active = review.active_decision
        self.decision.setText(
            "; ".join(review.excluded_because)
            or (f"{active.decision}: {active.reason}" if active else "")
        )
        self.confirm_button.setEnabled(active is None)
        self.reject_button.setEnabled(active is None)
        self.undo_button.setEnabled(active is not None)

    # -- decisions ------------------------------------------------------------------------

    def confirm(self) -> None:
        if self.review is None:
            return
        app, user = self._desk.app, self._desk.user
        found_id, missing_id = self.found_id, self.review.missing.meta.id
        self._decide(lambda: matching.confirm_match(app, user, found_id, missing_id))

    def reject(self) -> None:
        if self.review is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Not this child"), self.tr("Why is this complaint not this child?")
        )
        if not ok or not reason.strip():
            return
        app, user = self._desk.app, self._desk.user
        found_id, missing_id = self.found_id, self.review.missing.meta.id
        self._decide(lambda: matching.reject_match(app, user, found_id, missing_id, reason))

    def undo(self) -> None:
        if self.review is None:
            return
        app, user = self._desk.app, self._desk.user
        found_id, missing_id = self.found_id, self.review.missing.meta.id
        self._decide(lambda: matching.undo_pair(app, user, found_id, missing_id))

    def _decide(self, work: Callable[[], object]) -> None:
        """Save the decision, then show the same pair again with the decision on it."""
        assert self.review is not None
        missing_id = self.review.missing.meta.id
        self._desk.run(self, self.tr("Saving the decision…"), lambda _token: work(),
                       lambda _decision: self._show_pair_of(missing_id))  # fmt: skip

    # -- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Matching complaints"))
        self.candidates.setHorizontalHeaderLabels(
            [self.tr("Case number"), self.tr("Ref"), self.tr("Name"), self.tr("Score"),
             self.tr("Label")]
        )  # fmt: skip
        self.fields.setHorizontalHeaderLabels(
            [self.tr("Particular"), self.tr("Complaint says"), self.tr("Found record says"),
             self.tr("What it means")]
        )  # fmt: skip
        self.confirm_button.setText(self.tr("&Confirm: this is the child"))
        self.reject_button.setText(self.tr("&Reject…"))
        self.undo_button.setText(self.tr("&Undo decision"))
        if self.ranking is not None:
            self.show_ranking(self.ranking)
