"""The printed report's headings and labels, in Hindi and in English."""

from __future__ import annotations

from dataclasses import dataclass

from station_app.domain import CaseType
from station_app.statistics.figures import AgeBand
from station_app.statistics.sentences import Language


@dataclass(frozen=True, slots=True)
class Wording:
    title: str
    subtitle: str
    period: str
    station: str
    progress_heading: str
    chart_heading: str
    sentences_heading: str
    case_type_heading: str
    age_heading: str
    found_heading: str
    month: str
    registered: str
    traced: str
    boys: str
    girls: str
    total: str
    total_row: str
    pending: str
    median_days: str
    case_type: str
    age_band: str
    received: str
    restored: str
    in_shelter: str
    notes: str
    signature: str
    officer: str
    footer: str
    case_types: dict[CaseType, str]
    age_bands: dict[AgeBand, str]


HINDI = Wording(
    title="ऑपरेशन मुस्कान",
    subtitle="गुमशुदा बच्चों की तलाश: मासिक प्रगति प्रतिवेदन",
    period="अवधि: %s",
    station="थाना: %s (%s), जिला %s, %s",
    progress_heading="1. माहवार प्रगति",
    chart_heading="2. माहवार तलाश किए गए बालक एवं बालिकाएँ",
    sentences_heading="3. माहवार विवरण",
    case_type_heading="4. प्रकरण के प्रकार अनुसार (पूरी अवधि)",
    age_heading="5. दर्ज होते समय की आयु अनुसार (पूरी अवधि)",
    found_heading="6. मिले हुए (लावारिस) बच्चे",
    month="माह",
    registered="दर्ज प्रकरण",
    traced="तलाश किए गए बच्चे",
    boys="बालक",
    girls="बालिका",
    total="कुल",
    total_row="योग",
    pending="माह के अंत में लंबित",
    median_days="तलाश में लगे दिन (माध्यिका)",
    case_type="प्रकरण का प्रकार",
    age_band="आयु वर्ग",
    received="थाने में प्राप्त",
    restored="परिजनों को सुपुर्द",
    in_shelter="अभी बाल गृह में",
    notes=(
        "टिप्पणी: दर्ज प्रकरण उस माह में दर्ज गुमशुदगी/अपहरण के प्रकरण हैं; तलाश किए गए "
        "बच्चों में वे भी गिने गए हैं जिनके प्रकरण पहले के माहों में दर्ज हुए थे। "
        "कुल में अन्य या अज्ञात लिंग के बच्चे भी शामिल हैं। लंबित: माह के अंत तक दर्ज, "
        "परंतु तब तक तलाश या बंद न हुए प्रकरण।"
    ),
    signature="हस्ताक्षर एवं मुहर",
    officer="थाना प्रभारी",
    footer="मुस्कान स्टेशन द्वारा %s को तैयार · पृष्ठ %d",
    case_types={CaseType.MISSING: "गुमशुदगी", CaseType.KIDNAPPING: "अपहरण"},
    age_bands={
        AgeBand.UP_TO_5: "0–5 वर्ष",
        AgeBand.FROM_6_TO_11: "6–11 वर्ष",
        AgeBand.FROM_12_TO_14: "12–14 वर्ष",
        AgeBand.FROM_15_TO_17: "15–17 वर्ष",
        AgeBand.ADULT: "18 वर्ष या अधिक",
        AgeBand.UNKNOWN: "आयु अज्ञात",
    },
)

ENGLISH = Wording(
    title="Operation Muskaan",
    subtitle="Tracing of missing children: monthly progress report",
    period="Period: %s",
    station="Police station: %s (%s), district %s, %s",
    progress_heading="1. Progress month by month",
    chart_heading="2. Boys and girls traced each month",
    sentences_heading="3. Month by month in words",
    case_type_heading="4. By type of case (whole period)",
    age_heading="5. By age when registered (whole period)",
    found_heading="6. Children found",
    month="Month",
    registered="Registered",
    traced="Traced",
    boys="Boys",
    girls="Girls",
    total="Total",
    total_row="Total",
    pending="Pending at month end",
    median_days="Median days to trace",
    case_type="Type of case",
    age_band="Age group",
    received="Received at the station",
    restored="Restored to family",
    in_shelter="In a shelter home now",
    notes=(
        "Notes: Registered counts the missing and kidnapping cases registered in the month; "
        "Traced counts the children traced in the month, including those whose cases were "
        "registered in earlier months. Totals include children of other or unrecorded sex. "
        "Pending: registered by the end of the month and not traced or closed by then."
    ),
    signature="Signature and seal",
    officer="Station House Officer",
    footer="Prepared by Muskaan Station on %s · page %d",
    case_types={CaseType.MISSING: "Missing", CaseType.KIDNAPPING: "Kidnapping"},
    age_bands={
        AgeBand.UP_TO_5: "0–5 years",
        AgeBand.FROM_6_TO_11: "6–11 years",
        AgeBand.FROM_12_TO_14: "12–14 years",
        AgeBand.FROM_15_TO_17: "15–17 years",
        AgeBand.ADULT: "18 or over",
        AgeBand.UNKNOWN: "Age not known",
    },
)


def wording(language: Language) -> Wording:
    return HINDI if language == "hi" else ENGLISH
