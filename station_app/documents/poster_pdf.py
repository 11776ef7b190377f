"""The missing-child poster (गुमशुदा की तलाश / MISSING), one A4 page for walls and stations."""

from __future__ import annotations

from datetime import datetime

from station_app.documents.appeal_layout import Appeal, appeal_pdf
from station_app.documents.blocks import Fact
from station_app.documents.child_facts import description_facts
from station_app.documents.vocabulary import when_text
from station_app.domain import MissingDetails, RecordMeta, StationInfo
from station_app.pdf.styles import ALERT

TITLE = ("गुमशुदा की तलाश", "MISSING")


def missing_poster_pdf(
    station: StationInfo,
    meta: RecordMeta,
    details: MissingDetails,
    photo: bytes,
    contact: str,
    printed_at: datetime,
) -> bytes:
    seen = ", ".join(p for p in (when_text(details.last_seen_at), details.last_seen_place) if p)
    reference = f"प्रकरण / Case {meta.case_number}"
    if details.fir_number:
        reference += f" · FIR {details.fir_number}"
    appeal = Appeal(
        colour=ALERT,
        title=TITLE,
        tagline=("इस बच्चे को खोजने में मदद करें", "Help us find this child"),
        station=station,
        photo=photo,
        name=details.name,
        name_label=("नाम", "Name"),
        facts=description_facts(details, ("आयु", "Age")),
        highlight=Fact("अंतिम बार देखा गया", "Last seen", seen),
        description=details.description,
        request=(
            "यदि आपने इस बच्चे को देखा है या इसके बारे में कोई भी जानकारी है, तो कृपया तुरंत "
            "संपर्क करें। सूचना देने वाले की पहचान गोपनीय रखी जाएगी।",
            "If you have seen this child or know anything about them, please call at once. "
            "Your identity will be kept confidential.",
        ),
        contact=contact,
        reference=reference,
        printed_at=printed_at,
        document_title=f"गुमशुदा की तलाश / Missing: {details.name or meta.case_number}",
    )
    return appeal_pdf(appeal)
