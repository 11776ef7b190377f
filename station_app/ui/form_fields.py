"""The fields of a record form: which widget each field uses and how it is read back.

The groups follow the order a complaint is taken down at the desk: the child, how
the child looks, when and where last seen (or found), the guardian, and the case
papers. Every field of the import format is here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from station_app.domain import (
    CaseType,
    Complexion,
    FoundStatus,
    Kind,
    MissingStatus,
    Sex,
)
from station_app.ui.i18n import QT_TRANSLATE_NOOP
from station_app.ui.widgets import ChoiceBox, DateField

FieldKind = Literal["text", "long", "number", "list", "date", "datetime", "choice"]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: FieldKind = "text"
    choices: type[enum.Enum] | None = None
    blank: bool = False


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    title: str
    fields: tuple[FieldSpec, ...]


_CHILD = Group(
    "child",
    QT_TRANSLATE_NOOP("Groups", "The child"),
    (
        FieldSpec("name"),
        FieldSpec("aliases", "list"),
        FieldSpec("sex", "choice", Sex),
        FieldSpec("age_years", "number"),
        FieldSpec("age_min", "number"),
        FieldSpec("age_max", "number"),
        FieldSpec("date_of_birth", "date"),
        FieldSpec("languages", "list"),
    ),
)
_LOOKS = Group(
    "description",
    QT_TRANSLATE_NOOP("Groups", "Description"),
    (
        FieldSpec("height_cm", "number"),
        FieldSpec("complexion", "choice", Complexion, blank=True),
        FieldSpec("build"),
        FieldSpec("hair"),
        FieldSpec("eyes"),
        FieldSpec("marks"),
        FieldSpec("clothing"),
        FieldSpec("description", "long"),
    ),
)
_LAST_SEEN = Group(
    "event",
    QT_TRANSLATE_NOOP("Groups", "Last seen"),
    (
        FieldSpec("last_seen_at", "datetime"),
        FieldSpec("last_seen_place"),
        FieldSpec("district"),
        FieldSpec("state"),
    ),
)
_FOUND = Group(
    "event",
    QT_TRANSLATE_NOOP("Groups", "Where and when found"),
    (
        FieldSpec("found_at", "datetime"),
        FieldSpec("found_place"),
        FieldSpec("found_by"),
        FieldSpec("custody"),
        FieldSpec("district"),
        FieldSpec("state"),
    ),
)
_GUARDIAN = Group(
    "guardian",
    QT_TRANSLATE_NOOP("Groups", "Guardian (who reported)"),
    (
        FieldSpec("guardian_name"),
        FieldSpec("guardian_relation"),
        FieldSpec("guardian_phone"),
        FieldSpec("guardian_address", "long"),
    ),
)
_MISSING_PAPERS = Group(
    "papers",
    QT_TRANSLATE_NOOP("Groups", "Case papers"),
    (
        FieldSpec("ref"),
        FieldSpec("case_type", "choice", CaseType),
        FieldSpec("fir_number"),
        FieldSpec("status", "choice", MissingStatus),
        FieldSpec("traced_at", "datetime"),
        FieldSpec("registered_at", "datetime"),
    ),
)
_FOUND_PAPERS = Group(
    "papers",
    QT_TRANSLATE_NOOP("Groups", "Case papers"),
    (
        FieldSpec("ref"),
        FieldSpec("gd_number"),
        FieldSpec("status", "choice", FoundStatus),
        FieldSpec("registered_at", "datetime"),
    ),
)

GROUPS: dict[Kind, tuple[Group, ...]] = {
    Kind.MISSING: (_CHILD, _LOOKS, _LAST_SEEN, _GUARDIAN, _MISSING_PAPERS),
    Kind.FOUND: (_CHILD, _LOOKS, _FOUND, _FOUND_PAPERS),
}

Value = str | float | tuple[str, ...] | date | datetime | enum.Enum | None


def make_widget(spec: FieldSpec) -> QWidget:
    if spec.kind == "long":
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(64)
        return edit
    if spec.kind in ("date", "datetime"):
        return DateField(with_time=spec.kind == "datetime")
    if spec.kind == "choice":
        assert spec.choices is not None
        return ChoiceBox(list(spec.choices), blank=spec.blank)
    line = QLineEdit()
    if spec.kind == "number":
        line.setMaximumWidth(110)
    return line


class NotANumber(ValueError):
    pass


def read_value(spec: FieldSpec, widget: QWidget) -> Value:
    """The field's value as the details object wants it. Raises NotANumber."""
    if isinstance(widget, DateField):
        return widget.date_value() if spec.kind == "date" else widget.datetime_value()
    if isinstance(widget, ChoiceBox):
        value: enum.Enum | None = widget.value()
        return value
    text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else _line(widget).text()
    text = text.strip()
    if spec.kind == "number":
        return parse_number(text)
    if spec.kind == "list":
        return tuple(part.strip() for part in text.replace("،", ",").split(",") if part.strip())
    return text


def parse_number(text: str) -> float | None:
    if not text:
        return None
    cleaned = text.replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        value, ok = QLocale().toDouble(text)
        if ok:
            return value
        raise NotANumber(text) from None


def write_value(spec: FieldSpec, widget: QWidget, value: Value) -> None:
    if isinstance(widget, DateField):
        widget.set_value(value if isinstance(value, date) else None)
    elif isinstance(widget, ChoiceBox):
        widget.set_value(value if isinstance(value, enum.Enum) else None)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value or ""))
    else:
        _line(widget).setText(_text(value))


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _line(widget: QWidget) -> QLineEdit:
    assert isinstance(widget, QLineEdit)
    return widget
