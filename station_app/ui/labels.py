"""Translated names for the fields of a record and the values of its choices.

The English text is marked with QT_TRANSLATE_NOOP so lupdate collects it; the lookup
happens when a label is shown, so a language switch changes it.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime

from station_app.domain import (
    CaseType,
    Complexion,
    FoundStatus,
    Kind,
    MissingStatus,
    RegisterRow,
    Sex,
)
from station_app.ui.i18n import QT_TRANSLATE_NOOP, translate

FIELDS: dict[str, str] = {
    "ref": QT_TRANSLATE_NOOP("Fields", "Register no."),
    "case_number": QT_TRANSLATE_NOOP("Fields", "Case no."),
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "aliases": QT_TRANSLATE_NOOP("Fields", "Other names"),
    "sex": QT_TRANSLATE_NOOP("Fields", "Sex"),
    "age": QT_TRANSLATE_NOOP("Fields", "Age"),
    "age_years": QT_TRANSLATE_NOOP("Fields", "Age (years)"),
    "age_min": QT_TRANSLATE_NOOP("Fields", "Estimated age from"),
    "age_max": QT_TRANSLATE_NOOP("Fields", "Estimated age to"),
    "date_of_birth": QT_TRANSLATE_NOOP("Fields", "Date of birth"),
    "height_cm": QT_TRANSLATE_NOOP("Fields", "Height (cm)"),
    "complexion": QT_TRANSLATE_NOOP("Fields", "Complexion"),
    "build": QT_TRANSLATE_NOOP("Fields", "Build"),
    "hair": QT_TRANSLATE_NOOP("Fields", "Hair"),
    "eyes": QT_TRANSLATE_NOOP("Fields", "Eyes"),
    "marks": QT_TRANSLATE_NOOP("Fields", "Identification marks"),
    "clothing": QT_TRANSLATE_NOOP("Fields", "Clothing"),
    "languages": QT_TRANSLATE_NOOP("Fields", "Languages spoken"),
    "description": QT_TRANSLATE_NOOP("Fields", "Other description"),
    "district": QT_TRANSLATE_NOOP("Fields", "District"),
    "state": QT_TRANSLATE_NOOP("Fields", "State"),
    "photos": QT_TRANSLATE_NOOP("Fields", "Photos"),
    "photo": QT_TRANSLATE_NOOP("Fields", "Photo"),
    "full_name": QT_TRANSLATE_NOOP("Fields", "Full name"),
    "password_again": QT_TRANSLATE_NOOP("Fields", "Password again"),
    "registered_at": QT_TRANSLATE_NOOP("Fields", "Registered on"),
    "case_type": QT_TRANSLATE_NOOP("Fields", "Case type"),
    "fir_number": QT_TRANSLATE_NOOP("Fields", "FIR no."),
    "last_seen_at": QT_TRANSLATE_NOOP("Fields", "Last seen on"),
    "last_seen_place": QT_TRANSLATE_NOOP("Fields", "Last seen at (place)"),
    "guardian_name": QT_TRANSLATE_NOOP("Fields", "Guardian's name"),
    "guardian_relation": QT_TRANSLATE_NOOP("Fields", "Relation to the child"),
    "guardian_phone": QT_TRANSLATE_NOOP("Fields", "Phone"),
    "guardian_address": QT_TRANSLATE_NOOP("Fields", "Address"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "traced_at": QT_TRANSLATE_NOOP("Fields", "Traced on"),
    "gd_number": QT_TRANSLATE_NOOP("Fields", "GD no."),
    "found_at": QT_TRANSLATE_NOOP("Fields", "Found on"),
    "found_place": QT_TRANSLATE_NOOP("Fields", "Found at (place)"),
    "found_by": QT_TRANSLATE_NOOP("Fields", "Found by"),
    "custody": QT_TRANSLATE_NOOP("Fields", "Now in the care of"),
    "event_at": QT_TRANSLATE_NOOP("Fields", "Date"),
    "place": QT_TRANSLATE_NOOP("Fields", "Place"),
    "station_code": QT_TRANSLATE_NOOP("Fields", "Station"),
    "station_name": QT_TRANSLATE_NOOP("Fields", "Station name"),
    "username": QT_TRANSLATE_NOOP("Fields", "User name"),
    "password": QT_TRANSLATE_NOOP("Fields", "Password"),
    "created": QT_TRANSLATE_NOOP("Fields", "Created"),
    "updated": QT_TRANSLATE_NOOP("Fields", "Last changed"),
}

CHOICES: dict[enum.Enum, str] = {
    Sex.MALE: QT_TRANSLATE_NOOP("Choices", "Boy"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("Choices", "Girl"),
    Sex.OTHER: QT_TRANSLATE_NOOP("Choices", "Other"),
    Sex.UNKNOWN: QT_TRANSLATE_NOOP("Choices", "Not known"),
    Complexion.FAIR: QT_TRANSLATE_NOOP("Choices", "Fair"),
    Complexion.WHEATISH: QT_TRANSLATE_NOOP("Choices", "Wheatish"),
    Complexion.BROWN: QT_TRANSLATE_NOOP("Choices", "Brown"),
    Complexion.DARK: QT_TRANSLATE_NOOP("Choices", "Dark"),
    CaseType.MISSING: QT_TRANSLATE_NOOP("Choices", "Missing person"),
    CaseType.KIDNAPPING: QT_TRANSLATE_NOOP("Choices", "Kidnapping"),
    MissingStatus.OPEN: QT_TRANSLATE_NOOP("Choices", "Open"),
    MissingStatus.TRACED: QT_TRANSLATE_NOOP("Choices", "Traced"),
    MissingStatus.CLOSED: QT_TRANSLATE_NOOP("Choices", "Closed"),
    FoundStatus.UNCLAIMED: QT_TRANSLATE_NOOP("Choices", "Not yet claimed"),
    FoundStatus.IN_SHELTER: QT_TRANSLATE_NOOP("Choices", "In a shelter home"),
    FoundStatus.RESTORED: QT_TRANSLATE_NOOP("Choices", "Restored to family"),
    Kind.MISSING: QT_TRANSLATE_NOOP("Choices", "Missing children"),
    Kind.FOUND: QT_TRANSLATE_NOOP("Choices", "Found children"),
}

ACTIONS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("Actions", "Registered"),
    "update": QT_TRANSLATE_NOOP("Actions", "Changed"),
    "view": QT_TRANSLATE_NOOP("Actions", "Viewed"),
    "add_photo": QT_TRANSLATE_NOOP("Actions", "Photo added"),
    "add_photos": QT_TRANSLATE_NOOP("Actions", "Photos added"),
    "set_main_photo": QT_TRANSLATE_NOOP("Actions", "Main photo chosen"),
    "rotate_photo": QT_TRANSLATE_NOOP("Actions", "Photo turned"),
    "remove_photo": QT_TRANSLATE_NOOP("Actions", "Photo removed"),
    "import": QT_TRANSLATE_NOOP("Actions", "Imported"),
}

DATE_FORMAT = "dd-MM-yyyy"
DATETIME_FORMAT = "dd-MM-yyyy HH:mm"


def field_label(name: str) -> str:
    text = FIELDS.get(name)
    return translate("Fields", text) if text else name


def choice_label(value: enum.Enum | None) -> str:
    if value is None:
        return ""
    text = CHOICES.get(value)
    return translate("Choices", text) if text else str(value.value)


def status_label(kind: Kind, status: str) -> str:
    """The status column holds plain text; read it as the kind's status enum."""
    enum_type: type[MissingStatus] | type[FoundStatus] = (
        MissingStatus if kind is Kind.MISSING else FoundStatus
    )
    try:
        return choice_label(enum_type(status))
    except ValueError:
        return status


def action_label(action: str) -> str:
    text = ACTIONS.get(action)
    return translate("Actions", text) if text else action


def changed_fields_text(summary: str) -> str:
    """'changed age_years, name' (as the audit log writes it) with translated field names."""
    prefix = "changed "
    if not summary.startswith(prefix):
        return summary
    names = [part.strip() for part in summary[len(prefix) :].split(",")]
    return ", ".join(field_label(_GUARDIAN_COLUMNS.get(name, name)) for name in names)


_GUARDIAN_COLUMNS = {"guardian": "guardian_name"}


def age_text(row: RegisterRow) -> str:
    if row.age_years is not None:
        return f"{row.age_years:g}"
    if row.age_min is not None and row.age_max is not None:
        return f"{row.age_min:g}–{row.age_max:g}"
    if row.age_min is not None:
        return f"{row.age_min:g}+"
    return ""


def local_time(utc: datetime) -> datetime:
    """A system time (naive UTC, as stored) in this computer's time zone, naive."""
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def date_text(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.hour == 0 and value.minute == 0:
            return value.strftime("%d-%m-%Y")
        return value.strftime("%d-%m-%Y %H:%M")
    return value.strftime("%d-%m-%Y")
