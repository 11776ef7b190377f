"""The found-child notice for newspapers and shelters: a child is safe, the family is sought.

Where the child is kept (the shelter) is deliberately not printed: the notice asks
people to call the station, which checks who they are before anyone meets the child.
"""

from __future__ import annotations

from datetime import datetime

from station_app.documents.appeal_layout import Appeal, appeal_pdf
from station_app.documents.blocks import Fact
from station_app.documents.child_facts import description_facts
from station_app.documents.vocabulary import when_text
from station_app.domain import FoundDetails, RecordMeta, StationInfo
from station_app.pdf.styles import NAVY

TITLE = ("बच्चा मिला है", "FOUND CHILD")


def found_notice_pdf(
    station: StationInfo,
    meta: RecordMeta,
    details: FoundDetails,
    photo: bytes,
    contact: str,
    printed_at: datetime,
) -> bytes:
    found = ", ".join(p for p in (when_text(details.found_at), details.found_place) if p)
    reference = f"प्रकरण / Case {meta.case_number}"
    if details.gd_number:
        reference += f" · GD {details.gd_number}"
    appeal = Appeal(
        colour=NAVY,
        title=TITLE,
        tagline=("परिजनों की तलाश: परिवार को खोजने में मदद करें", "Help us find the family"),
        station=station,
        photo=photo,
        name=details.name,
        name_label=("बच्चे द्वारा बताया गया नाम", "Name as given by the child"),
        facts=description_facts(details, ("अनुमानित आयु", "Estimated age")),
        highlight=Fact("कब और कहाँ मिला", "Found on and at", found),
        description=details.description,
        request=(
            "यह बच्चा सुरक्षित है और देखरेख में है। यदि आप इस बच्चे या इसके परिवार को पहचानते "
            "हैं, तो कृपया थाने से संपर्क करें।",
            "This child is safe and in care. If you know the child or the family, "
            "please contact the police station.",
        ),
        contact=contact,
        reference=reference,
        printed_at=printed_at,
        document_title=f"बच्चा मिला है / Found child: {meta.case_number}",
    )
    return appeal_pdf(appeal)
