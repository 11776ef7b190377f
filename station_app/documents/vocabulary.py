"""Bilingual words the documents print: Hindi first, English after, as on police forms."""

from __future__ import annotations

from datetime import date, datetime

from station_app.domain import ChildDetails, Complexion, Sex

Bilingual = tuple[str, str]

SEX: dict[Sex, Bilingual] = {
    Sex.MALE: ("बालक", "Boy"),
    Sex.FEMALE: ("बालिका", "Girl"),
    Sex.OTHER: ("अन्य", "Other"),
    Sex.UNKNOWN: ("ज्ञात नहीं", "Not known"),
}

COMPLEXION: dict[Complexion, Bilingual] = {
    Complexion.FAIR: ("गोरा", "Fair"),
    Complexion.WHEATISH: ("गेहुँआ", "Wheatish"),
    Complexion.BROWN: ("साँवला", "Brown"),
    Complexion.DARK: ("गहरा साँवला", "Dark"),
}

ID_DOCUMENTS: dict[str, Bilingual] = {
    "aadhaar": ("आधार कार्ड", "Aadhaar card"),
    "voter_id": ("मतदाता पहचान पत्र", "Voter ID card"),
    "ration_card": ("राशन कार्ड", "Ration card"),
    "driving_licence": ("ड्राइविंग लाइसेंस", "Driving licence"),
    "passport": ("पासपोर्ट", "Passport"),
    "pan": ("पैन कार्ड", "PAN card"),
    "other": ("अन्य दस्तावेज़", "Other document"),
}

# Emergency 112 and Childline 1098 answer anywhere in India, day and night.
HELPLINES: Bilingual = (
    "आपातकालीन सेवा 112 · चाइल्डलाइन 1098",
    "Emergency 112 · Childline 1098",
)


def id_document(kind: str) -> Bilingual:
    """The printed name of an identity document: a known kind, else the text as given."""
    return ID_DOCUMENTS.get(kind.strip().lower(), (kind, kind))


def id_document_kind(text: str) -> str:
    """A known kind ('aadhaar') for what an officer typed ('Aadhaar', 'आधार कार्ड'), else text."""
    wanted = text.strip().lower().replace("-", "_").replace(" ", "_")
    for kind, (hindi, english) in ID_DOCUMENTS.items():
        if wanted in (kind, hindi.replace(" ", "_"), english.lower().replace(" ", "_")):
            return kind
    return text.strip()


def masked_id(kind: str, number: str) -> str:
    """An Aadhaar number shows only its last four digits (UIDAI's rule); others as given."""
    compact = "".join(number.split())
    if kind == "aadhaar" and len(compact) >= 4:
        return f"XXXX XXXX {compact[-4:]}"
    return number.strip()


def age_text(details: ChildDetails) -> Bilingual:
    """'9 वर्ष' / '9 years', or an estimated range, or empty if no age is known."""
    if details.age_years is not None:
        years = f"{details.age_years:g}"
    elif details.age_min is not None and details.age_max is not None:
        years = f"{details.age_min:g}–{details.age_max:g}"
    elif details.age_min is not None:
        years = f"{details.age_min:g}+"
    else:
        return ("", "")
    return f"{years} वर्ष", f"{years} years"


def when_text(value: datetime | date | None) -> str:
    """Dates as Indian forms write them: 03-04-2026, with 14:30 if there is a time."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    return value.strftime("%d-%m-%Y")


STATES_HINDI: dict[str, str] = {
    "andaman and nicobar islands": "अंडमान और निकोबार द्वीपसमूह",
    "andhra pradesh": "आंध्र प्रदेश",
    "arunachal pradesh": "अरुणाचल प्रदेश",
    "assam": "असम",
    "bihar": "बिहार",
    "chandigarh": "चंडीगढ़",
    "chhattisgarh": "छत्तीसगढ़",
    "dadra and nagar haveli and daman and diu": "दादरा और नगर हवेली और दमन और दीव",
    "delhi": "दिल्ली",
    "goa": "गोवा",
    "gujarat": "गुजरात",
    "haryana": "हरियाणा",
    "himachal pradesh": "हिमाचल प्रदेश",
    "jammu and kashmir": "जम्मू और कश्मीर",
    "jharkhand": "झारखंड",
    "karnataka": "कर्नाटक",
    "kerala": "केरल",
    "ladakh": "लद्दाख",
    "lakshadweep": "लक्षद्वीप",
    "madhya pradesh": "मध्य प्रदेश",
    "maharashtra": "महाराष्ट्र",
    "manipur": "मणिपुर",
    "meghalaya": "मेघालय",
    "mizoram": "मिज़ोरम",
    "nagaland": "नागालैंड",
    "odisha": "ओडिशा",
    "puducherry": "पुदुचेरी",
    "punjab": "पंजाब",
    "rajasthan": "राजस्थान",
    "sikkim": "सिक्किम",
    "tamil nadu": "तमिलनाडु",
    "telangana": "तेलंगाना",
    "tripura": "त्रिपुरा",
    "uttar pradesh": "उत्तर प्रदेश",
    "uttarakhand": "उत्तराखंड",
    "west bengal": "पश्चिम बंगाल",
}


def state_police(state: str) -> Bilingual:
    """'मध्य प्रदेश पुलिस' / 'MADHYA PRADESH POLICE' for the station's state."""
    hindi = STATES_HINDI.get(" ".join(state.lower().split()), state)
    return f"{hindi} पुलिस", f"{state.upper()} POLICE"
