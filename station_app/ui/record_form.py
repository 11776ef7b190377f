"""The form to register or edit a missing report or a found child.

Each field's problem is shown beside it while the officer types, using the same
rules the services apply (validation.check_details). Enter saves, Esc cancels (asking
first if something was typed). Saving runs on the database worker; an edit passes the
version it started from, so a change someone else saved meanwhile is not overwritten.
"""

from __future__ import annotations

import itertools
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import (
    ChildDetails,
    ChildRecord,
    FoundDetails,
    Guardian,
    Kind,
    MissingDetails,
)
from station_app.errors import InvalidInput, Problem
from station_app.services import registers
from station_app.ui.desk import Desk
from station_app.ui.form_fields import (
    GROUPS,
    FieldSpec,
    NotANumber,
    Value,
    make_widget,
    read_value,
    write_value,
)
from station_app.ui.i18n import translate
from station_app.ui.labels import field_label
from station_app.ui.messages import problem_text
from station_app.ui.photo_widgets import PhotoPicker
from station_app.ui.widgets import ChoiceBox, DateField, ErrorLabel
from station_app.validation import check_details

CHECK_PAUSE_MS = 250
_GUARDIAN_FIELDS = {
    "guardian_name": "name",
    "guardian_relation": "relation",
    "guardian_phone": "phone",
    "guardian_address": "address",
}


class RecordForm(QDialog):
    """Register a new child (`record` None) or edit `record`."""

    saved = Signal(object)

    def __init__(self, desk: Desk, kind: Kind, record: ChildRecord | None = None) -> None:
        super().__init__()
        self.setObjectName("recordForm")
        self._desk = desk
        self.kind = kind
        self.record = record
        self._specs: dict[str, FieldSpec] = {}
        self._widgets: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._errors: dict[str, ErrorLabel] = {}
        self._groups: list[tuple[QGroupBox, str]] = []
        self._touched: set[str] = set()
        self._show_all = False
        self._saving = False
        self._confirm: QMessageBox | None = None
        self.general_error = ErrorLabel()
        self.general_error.setObjectName("formError")
        self.photos = PhotoPicker(desk.tasks)
        self.photos_box = QGroupBox()
        QVBoxLayout(self.photos_box).addWidget(self.photos)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("saveButton")
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(CHECK_PAUSE_MS)
        self._check.timeout.connect(self.check)
        self._build()
        # Enter anywhere in the form saves: Save is the one default button (set once it
        # is inside the dialog), and no other button may take that role.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        save.setAutoDefault(True)
        save.setDefault(True)
        blank = MissingDetails(ref="") if kind is Kind.MISSING else FoundDetails(ref="")
        self._fill(record.details if record is not None else blank)
        self._initial = self._snapshot()
        self.retranslate()
        self.resize(1120, 780)
        first = self._widgets["name"]
        first.setFocus()

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        groups = GROUPS[self.kind]
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        for position, group in enumerate(groups):
            box = self._group_box(group.key, group.fields)
            self._groups.append((box, group.title))
            (left if position < 2 else right).addWidget(box)
        right.addWidget(self.photos_box)
        left.addStretch(1)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.general_error)
        body_layout.addLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.photos.changed.connect(self._changed_photos)
        self._chain_tab_order()

    def _group_box(self, key: str, specs: tuple[FieldSpec, ...]) -> QGroupBox:
        box = QGroupBox()
        box.setObjectName(f"group_{key}")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in specs:
            widget = make_widget(spec)
            widget.setObjectName(f"field_{spec.name}")
            label = QLabel()
            label.setBuddy(widget)
            error = ErrorLabel()
            error.setObjectName(f"error_{spec.name}")
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(widget)
            cell.addWidget(error)
            form.addRow(label, cell)
            self._specs[spec.name] = spec
            self._widgets[spec.name] = widget
            self._labels[spec.name] = label
            self._errors[spec.name] = error
            self._watch(spec.name, widget)
        return box

    def _watch(self, name: str, widget: QWidget) -> None:
        def touched(*_args: Any) -> None:
            self._touched.add(name)
            self._check.start()

        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(touched)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(touched)
        elif isinstance(widget, DateField):
            widget.changed.connect(touched)
        elif isinstance(widget, ChoiceBox):
            widget.activated.connect(touched)

    def _chain_tab_order(self) -> None:
        order = [self._widgets[spec.name] for g in GROUPS[self.kind] for spec in g.fields]
        order = [w.focusProxy() or w for w in order]
        order.append(self.photos.add_button)
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # -- values ---------------------------------------------------------------------------

    def _fill(self, details: ChildDetails) -> None:
        for name, spec in self._specs.items():
            write_value(spec, self._widgets[name], self._value_of(details, name))

    @staticmethod
    def _value_of(details: ChildDetails, name: str) -> Value:
        if name in _GUARDIAN_FIELDS and isinstance(details, MissingDetails):
            value: Value = getattr(details.guardian, _GUARDIAN_FIELDS[name])
            return value
        result: Value = getattr(details, name)
        return result

    def _snapshot(self) -> tuple[object, ...]:
        values: list[object] = []
        for name, spec in self._specs.items():
            try:
                values.append(read_value(spec, self._widgets[name]))
            except NotANumber as error:
                values.append(str(error))
        return (*values, len(self.photos.images()))

    def is_dirty(self) -> bool:
        return self._snapshot() != self._initial

    def details(self) -> tuple[ChildDetails | None, list[Problem]]:
        """The details the form holds, or the problems that stop us building them."""
        values: dict[str, Any] = {}
        problems: list[Problem] = []
        for name, spec in self._specs.items():
            try:
                values[name] = read_value(spec, self._widgets[name])
            except NotANumber as error:
                problems.append(Problem(f"'{error}' is not a number", field=name))
        if problems:
            return None, problems
        if self.record is not None:
            self._keep_seconds(values, self.record.details)
        guardian = Guardian(
            **{attr: values.pop(col) for col, attr in _GUARDIAN_FIELDS.items() if col in values}
        )
        cls: type[MissingDetails] | type[FoundDetails] = (
            MissingDetails if self.kind is Kind.MISSING else FoundDetails
        )
        allowed = {f.name for f in dataclass_fields(cls)}
        kwargs = {k: v for k, v in values.items() if k in allowed}
        if cls is MissingDetails:
            kwargs["guardian"] = guardian
        details = cls(**kwargs)
        if self.record is not None and details.registered_at is None:
            details = replace(details, registered_at=self.record.details.registered_at)
        return details, []

    def _keep_seconds(self, values: dict[str, Any], original: ChildDetails) -> None:
        """A time shown to the minute and left alone keeps its stored seconds."""
        for name, spec in self._specs.items():
            before = self._value_of(original, name)
            after = values.get(name)
            if (
                spec.kind == "datetime"
                and isinstance(before, datetime)
                and before.replace(second=0, microsecond=0) == after
            ):
                values[name] = before

    # -- checking -------------------------------------------------------------------------

    def check(self) -> list[Problem]:
        """Show each field's problems beside it; return all of them."""
        details, problems = self.details()
        if details is not None:
            problems = check_details(details)
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem_text(problem, with_field=False))
        for name, error in self._errors.items():
            shown = self._show_all or name in self._touched
            error.show_problem("\n".join(by_field.get(name, [])) if shown else "")
        general = [problem_text(p) for p in problems if p.field not in self._errors]
        self.general_error.show_problem("\n".join(general) if self._show_all else "")
        return problems

    def show_problems(self, problems: list[Problem]) -> None:
        for name, error in self._errors.items():
            error.show_problem(
                "\n".join(problem_text(p, with_field=False) for p in problems if p.field == name)
            )
        general = [problem_text(p) for p in problems if p.field not in self._errors]
        self.general_error.show_problem("\n".join(general))
        first = next((p.field for p in problems if p.field in self._widgets), None)
        if first:
            self._widgets[first].setFocus()

    def _changed_photos(self) -> None:
        self._check.start()

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        if self._saving:
            return
        self._show_all = True
        self._check.stop()
        problems = self.check()
        if problems:
            self.show_problems(problems)
            return
        if self.photos.is_checking():
            self.general_error.show_problem(self.tr("Wait: the photos are still being checked."))
            return
        details, _ = self.details()
        assert details is not None
        images = self.photos.images()
        app, user, record = self._desk.app, self._desk.user, self.record
        self._saving = True
        self.buttons.setEnabled(False)

        def work(_token: object) -> ChildRecord:
            if record is None:
                return registers.register(app, user, details, images)
            return registers.update(app, user, record.meta.id, details, record.meta.version, images)

        self._desk.run(self, self.tr("Saving…"), work, self._saved, self._failed)

    def _saved(self, record: ChildRecord) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        self.record = record
        self._initial = self._snapshot()
        if record.photos:
            self._desk.analyse_new_photos()
        self.saved.emit(record)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        if isinstance(error, InvalidInput):
            self.show_problems(error.problems)
            return
        from station_app.ui.error_dialogs import show_error

        show_error(self, error)

    def reject(self) -> None:
        if self._saving:
            return
        if not self.is_dirty() or self._confirm is not None:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Close without saving?"),
            self.tr("What you typed in this form has not been saved. Close it anyway?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmDiscard")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self._confirm = box
        box.finished.connect(self._confirmed)
        box.open()

    def _confirmed(self, result: int) -> None:
        box, self._confirm = self._confirm, None
        if box is not None and box.clickedButton() is box.button(
            QMessageBox.StandardButton.Discard
        ):
            super().reject()
        del result

    # -- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.record is None:
            title = (
                self.tr("Register a missing child")
                if self.kind is Kind.MISSING
                else self.tr("Register a found child")
            )
        else:
            title = self.tr("Edit %1").replace("%1", self.record.meta.case_number)
        self.setWindowTitle(title)
        for box, group_title in self._groups:
            box.setTitle(translate("Groups", group_title))
        self.photos_box.setTitle(
            self.tr("Photos") if self.record is None else self.tr("Add photos")
        )
        for name, label in self._labels.items():
            label.setText(field_label(name) + (" *" if name == "ref" else ""))
        self._widgets["aliases"].setToolTip(self.tr("Separate several with commas"))
        self._widgets["languages"].setToolTip(self.tr("Separate several with commas"))
        self.check()
