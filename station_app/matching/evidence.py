"""The detailed comparison of one pair: every particular scored, weighed and explained.

A pair is (complaint, found record), or (this complaint, other complaint) when looking for
duplicate complaints. Numeric particulars reuse numeric.numeric_terms, so the explained score
agrees with the first pass that put the pair on the short list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from station_app.domain import Kind, Sex
from station_app.faces import face_evidence
from station_app.matching import grading, text_facts
from station_app.matching.columns import Columns
from station_app.matching.descriptors import FactComparison
from station_app.matching.exclusions import Direction
from station_app.matching.features import features, place_code
from station_app.matching.numeric import Terms, numeric_terms
from station_app.matching.profile import ChildProfile
from station_app.matching.results import Evidence
from station_app.names import name_words, phonetic_key

WEIGHTS = {
    "name": 3.0,
    "face": 3.0,
    "marks": 2.5,
    "age": 2.0,
    "clothing": 1.5,
    "languages": 1.5,
    "height": 1.0,
    "complexion": 1.0,
    "place": 1.0,
    "time": 1.5,
    "sex": 1.0,
}
"""How much each particular can move the combined score (see scorer.combine)."""
PLACE_WORDS_SHARED = 0.3
"""Added when the two places share a telling word besides the district ("Sarwate")."""
_SEX_WORDS = {Sex.MALE: "boy", Sex.FEMALE: "girl", Sex.OTHER: "other"}


@dataclass(frozen=True, slots=True)
class Pair:
    """`first` is the complaint; `second` the found child, or another complaint."""

    first: ChildProfile
    second: ChildProfile

    @property
    def duplicate(self) -> bool:
        return self.second.kind is Kind.MISSING

    @property
    def labels(self) -> text_facts.Labels:
        if self.duplicate:
            return ("this complaint", "other complaint")
        return ("complaint", "found record")

    def terms(self) -> Terms:
        """Numeric terms with the second record as the query: the same numbers either way."""
        direction = Direction.MISSING_TO_MISSING if self.duplicate else Direction.FOUND_TO_MISSING
        row = Columns.of([(features(self.first), bool(self.first.faces))])
        return numeric_terms(direction, features(self.second), row)


def pair_evidence(
    pair: Pair, terms: Terms, face_distance: float | None, face_note: str
) -> list[Evidence]:
    """Every particular of the pair, in the order the review screen shows them. `terms` are
    the pair's numeric terms (Pair.terms)."""
    return [
        _name(pair),
        _face(face_distance, face_note),
        _sex(pair, terms),
        _age(pair, terms),
        _height(pair, terms),
        _complexion(pair, terms),
        _marks(pair),
        _clothing(pair, terms),
        _languages(pair),
        _place(pair, terms),
        _time(pair, terms),
    ]


def _evidence(field: str, score: float, explanation: str) -> Evidence:
    return Evidence(field, round(max(-1.0, min(1.0, float(score))), 4), WEIGHTS[field], explanation)


def _absent(pair: Pair, field: str, what: str, first_known: bool, second_known: bool) -> Evidence:
    first, second = pair.labels
    if not first_known and not second_known:
        where = "either record"
    else:
        where = f"the {second}" if first_known else f"the {first}"
    return _evidence(field, 0.0, f"{what} not recorded on {where}")


def _name(pair: Pair) -> Evidence:
    a, b = pair.first, pair.second
    result = text_facts.names(a.name, a.aliases, b.name, b.aliases)
    if result.score is None:
        evidence = _absent(pair, "name", "Name", bool(name_words(a.name)), bool(name_words(b.name)))
        if not pair.duplicate and name_words(a.name) and not name_words(b.name):
            note = " (a young or frightened child often cannot tell it)"
            evidence = _evidence("name", 0.0, evidence.explanation + note)
        return evidence
    if result.kind == "different" and (
        text_facts.pet_name_only(a.name) or text_facts.pet_name_only(b.name)
    ):
        note = " (a common pet name: the family may not have listed it, so this counts for nothing)"
        return _evidence("name", 0.0, result.explanation + note)
    return _evidence("name", grading.NAME.at(result.score), result.explanation)


def _face(distance: float | None, note: str) -> Evidence:
    if distance is None:
        return _evidence("face", 0.0, note)
    _, text = face_evidence(distance)
    return _evidence("face", grading.FACE.at(distance), text)


def _sex(pair: Pair, terms: Terms) -> Evidence:
    a, b = pair.first.sex, pair.second.sex
    first, second = pair.labels
    if Sex.UNKNOWN in (a, b):
        known = (a is not Sex.UNKNOWN, b is not Sex.UNKNOWN)
        return _absent(pair, "sex", "Sex", *known)
    if a is b:
        return _evidence("sex", terms.scores["sex"][0], f"both {_SEX_WORDS[a]}s")
    if Sex.OTHER in (a, b):
        return _evidence("sex", 0.0, f"{first}: {_SEX_WORDS[a]}, {second}: {_SEX_WORDS[b]}")
    return _evidence(
        "sex", -1.0, f"{first}: {_SEX_WORDS[a]}, {second}: {_SEX_WORDS[b]} (rules the pair out)"
    )


def _age(pair: Pair, terms: Terms) -> Evidence:
    a, b = pair.first, pair.second
    if a.age is None or b.age is None:
        return _absent(pair, "age", "Age", a.age is not None, b.age is not None)
    first, second = pair.labels
    years = float(terms.years[0])  # added to the first record's age at the second's time
    gap = float(terms.age_gap[0])
    grown = ""
    if years >= 0.1:
        grown = f", so {a.age.low + years:.1f}-{a.age.high + years:.1f} by then"
    estimated = "estimated " if b.age_estimated and not pair.duplicate else ""
    text = f"{first}: {a.age.describe()} when last seen{grown}; {second}: {estimated}"
    text += f"{b.age.describe()}"
    if gap <= 0:
        verdict = "consistent"
    elif terms.age_out[0]:
        verdict = f"{gap:.1f} years apart, more than any estimate allows: rules the pair out"
    else:
        verdict = f"{gap:.1f} years apart"
    return _evidence("age", terms.scores["age"][0], f"{text} ({verdict})")


def _height(pair: Pair, terms: Terms) -> Evidence:
    a, b = pair.first.height_cm, pair.second.height_cm
    if not a or not b:
        return _absent(pair, "height", "Height", bool(a), bool(b))
    first, second = pair.labels
    years = abs(float(terms.years[0]))
    allowance = f" (up to {grading.GROWTH_CM_PER_YEAR * years:.0f} cm growth allowed)"
    text = f"{first}: {a:g} cm; {second}: {b:g} cm"
    if years >= 0.1:
        text += allowance
    gap = float(terms.height_gap[0])
    verdict = "consistent" if gap <= 0 else f"{gap:.0f} cm beyond growth and a guessed height"
    return _evidence("height", terms.scores["height"][0], f"{text}: {verdict}")


def _complexion(pair: Pair, terms: Terms) -> Evidence:
    a, b = pair.first.complexion, pair.second.complexion
    if a is None or b is None:
        return _absent(pair, "complexion", "Complexion", a is not None, b is not None)
    closeness = text_facts.complexions(a, b)
    if a == b:
        text = f"both {a}"
    elif closeness is not None and closeness >= 0.5:
        text = f"{a} / {b}: neighbouring shades, often described either way"
    else:
        text = f"{a} / {b}: shades too far apart to be confused easily"
    return _evidence("complexion", terms.scores["complexion"][0], text)


def _marks(pair: Pair) -> Evidence:
    a, b = pair.first, pair.second
    result = text_facts.marks(a.marks, b.marks, pair.labels)
    return _facts("marks", result, pair, a.marks_text, b.marks_text)


def _clothing(pair: Pair, terms: Terms) -> Evidence:
    a, b = pair.first, pair.second
    days = round(abs(float(terms.days[0])), 1)
    result = text_facts.clothing(a.clothing, b.clothing, days, pair.labels)
    return _facts("clothing", result, pair, a.clothing_text, b.clothing_text)


def _languages(pair: Pair) -> Evidence:
    a, b = pair.first, pair.second
    result = text_facts.languages(a.languages, b.languages, pair.labels)
    first, second = ", ".join(sorted(a.languages)), ", ".join(sorted(b.languages))
    return _facts("languages", result, pair, first, second)


def _facts(field: str, result: FactComparison, pair: Pair, first: str, second: str) -> Evidence:
    if result.score is None:
        what = field.capitalize()
        if first.strip() and second.strip():
            return _evidence(field, 0.0, f"{what} written on both but not comparable: read them")
        return _absent(pair, field, what, bool(first.strip()), bool(second.strip()))
    parts = [*result.agreements, *result.conflicts, *result.notes]
    return _evidence(field, result.score, "; ".join(parts))


def _place(pair: Pair, terms: Terms) -> Evidence:
    a, b = pair.first, pair.second
    first, second = pair.labels
    score = float(terms.scores["place"][0])
    parts = []
    same_state = bool(a.state) and place_code(a.state) == place_code(b.state)
    if a.district and place_code(a.district) == place_code(b.district):
        parts.append(f"both in {_both(a.district, b.district)} district")
    elif a.district and b.district:
        parts.append(f"different districts ({first}: {a.district}, {second}: {b.district})")
    if not parts or not parts[0].startswith("both"):
        if same_state:
            parts.append(f"same state ({_both(a.state, b.state)})")
        elif a.state and b.state:
            far = "" if pair.duplicate else "; children travel far by train"
            parts.append(f"different states ({a.state} / {b.state}{far})")
    # The district's own name in the place text ("Ratlam station") was counted above.
    districts = text_facts.place_keys(a.district) | text_facts.place_keys(b.district)
    shared = (text_facts.place_keys(a.place) & text_facts.place_keys(b.place)) - districts
    if shared:
        score += PLACE_WORDS_SHARED
        words = [w for w in name_words(f"{a.place} {b.place}") if phonetic_key(w) in shared]
        parts.append(f"both places mention {', '.join(dict.fromkeys(words))}")
    if not parts:
        return _evidence("place", 0.0, "Places not recorded well enough to compare")
    return _evidence("place", score, "; ".join(parts))


def _both(a: str, b: str) -> str:
    return a if a.casefold() == b.casefold() else f"{a} / {b}"


def _time(pair: Pair, terms: Terms) -> Evidence:
    a, b = pair.first, pair.second
    days = float(terms.days[0])  # second's event minus first's
    caveat = "" if a.event_exact and b.event_exact else " (a date is only the registration date)"
    if pair.duplicate:
        dates = f"{_day(a.event_at)} / {_day(b.event_at)}"
        apart = "on the same day" if abs(days) < 1 else f"{_span(abs(days))} apart"
        text = f"last seen {apart} ({dates})"
    elif abs(days) < 1:
        text = f"found the same day as last seen ({_day(b.event_at)})"
    elif days > 0:
        text = f"found {_span(days)} after last seen ({_day(a.event_at)} → {_day(b.event_at)})"
    else:
        text = f"found {_span(-days)} before the last-seen date ({_day(a.event_at)})"
    return _evidence("time", terms.scores["time"][0], text + caveat)


_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(at: datetime) -> str:
    """13 Mar 2026 (strftime is ten times slower, and this runs for every candidate)."""
    return f"{at.day:02d} {_MONTHS[at.month]} {at.year}"


def _span(days: float) -> str:
    if days < 60:
        return f"{days:.0f} day{'s' if round(days) != 1 else ''}"
    if days < 730:
        return f"{days / 30.44:.0f} months"
    return f"{days / 365.25:.1f} years"
