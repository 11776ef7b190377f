"""A child's description as printed on public appeals: only what helps someone recognise them."""

from __future__ import annotations

from station_app.documents.blocks import Fact
from station_app.documents.vocabulary import COMPLEXION, SEX, age_text
from station_app.domain import ChildDetails


def _both(hindi: str, english: str) -> str:
    return f"{hindi} / {english}" if hindi and hindi != english else english


def description_facts(details: ChildDetails, age_label: tuple[str, str]) -> list[Fact]:
    """Age, sex, height, complexion, hair, clothing, marks, languages: those that are known."""
    age = age_text(details)
    facts = [
        Fact(*age_label, _both(*age)),
        Fact("लिंग", "Sex", _both(*SEX[details.sex])),
    ]
    if details.height_cm:
        facts.append(Fact("कद", "Height", f"{details.height_cm:g} सेमी / {details.height_cm:g} cm"))
    if details.complexion is not None:
        facts.append(Fact("रंग", "Complexion", _both(*COMPLEXION[details.complexion])))
    optional = (
        ("build", "कद-काठी", "Build"),
        ("hair", "बाल", "Hair"),
        ("eyes", "आँखें", "Eyes"),
        ("clothing", "पहनावा", "Clothing"),
        ("marks", "पहचान चिह्न", "Identification marks"),
    )
    for attribute, hindi, english in optional:
        value = str(getattr(details, attribute)).strip()
        if value:
            facts.append(Fact(hindi, english, value))
    if details.languages:
        facts.append(Fact("भाषा", "Languages", ", ".join(details.languages)))
    return [f for f in facts if f.value]
