"""PFIF 1.4 names, and its time format (UTC, 'YYYY-MM-DDThh:mm:ssZ').

The registers keep event times as the station's wall-clock time (the desk's own time
zone: IST in India) and system times as naive UTC; PFIF wants UTC throughout.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

NS = "http://zesty.ca/pfif/1.4"
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PFIF_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")


def tag(name: str) -> str:
    return f"{{{NS}}}{name}"


def clean(text: str) -> str:
    """Text XML can carry: control characters (from old registers) dropped."""
    return _XML_UNSAFE.sub("", text)


def utc_text(moment: datetime) -> str:
    """A naive UTC system time in PFIF form."""
    return moment.replace(microsecond=0).isoformat() + "Z"


def local_to_utc_text(moment: datetime) -> str:
    """A station wall-clock time in PFIF form."""
    return utc_text(moment.astimezone(UTC).replace(tzinfo=None))


def parse_utc(text: str) -> datetime:
    """A PFIF time as naive UTC; ValueError if it is not one."""
    text = text.strip()
    if not _PFIF_TIME.fullmatch(text):
        raise ValueError(f"'{text}' is not a PFIF time (YYYY-MM-DDThh:mm:ssZ)")
    return datetime.fromisoformat(text[:-1] + "+00:00").astimezone(UTC).replace(tzinfo=None)


def utc_to_local(moment: datetime) -> datetime:
    """A naive UTC time as the desk's wall-clock time."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None, microsecond=0)


def record_domain(station_code: str) -> str:
    """The 'domain' part of the PFIF record ids this station writes."""
    return f"{station_code.lower()}.muskaan-station"
