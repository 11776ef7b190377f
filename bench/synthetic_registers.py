"""Synthetic registers for the matching benchmark: complaints, and found children written
down by another officer, in another script, with an estimated age, weeks or years later.

Every record is a pure function of (seed, index), so a million complaints need not be kept
in memory: `Registers.complaint_profile(i)` rebuilds complaint i whenever it is asked for.

What is realistic here, and what is not:
* Names come from tables of Hindi names in Devanagari with their usual Latin spellings
  (Pooja/Puja/पूजा, Mohd/Mohammad/मोहम्मद, Laxmi/Lakshmi/लक्ष्मी); complaints and found
  records pick a script and spelling independently. About 25 first names per sex, so each
  name recurs many times: same-name distractors are everywhere. 35% of found children give
  no name, 10% only a pet name (which the complaint lists as an alias half the time).
* Ages: families give completed years (sometimes a year off); found ages are an officer's
  estimate, a range around the true age with an error of sd 1.2 years. 10% of children are
  found a year or more later, grown (height and age).
* Marks, clothing and languages are written in Hindi or English, independently per record;
  a found record notes the mark 60% of the time and swaps left/right 10% of the time.
  Clothes only match when found within a few days.
* Photos: 80% of complaints, 95% of found children (photographed for the Child Welfare
  Committee); a photo gives one face vector.
* Faces are NOT real: each identity is a random point `centre + s * u` (u a random unit
  vector, s drawn so that different identities sit 0.6-0.9 apart), and each photo adds noise
  of length 0.24-0.36 (same identity 0.35-0.5 apart, like dlib on adults), plus a drift of
  0.06 per year between the photos (a growing child). This calibrates only the distance
  distributions, not real children's faces, whose distances are known to overlap more.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from station_app.domain import Complexion, FoundDetails, MissingDetails, Sex
from station_app.matching.profile import ChildProfile, FaceVector, profile_from_details

BOYS = [
    ("राजेश", "Rajesh"),
    ("अमित", "Amit"),
    ("मोहम्मद सलीम", "Mohd Salim|Mohammad Saleem|Md. Salim"),
    ("विकास", "Vikas|Vikash"),
    ("सूरज", "Suraj|Sooraj"),
    ("अंकित", "Ankit"),
    ("रोहित", "Rohit"),
    ("दीपक", "Deepak|Dipak"),
    ("आरिफ", "Arif|Aarif"),
    ("करण", "Karan"),
    ("मनोज", "Manoj"),
    ("इमरान", "Imran"),
    ("पवन", "Pawan|Pavan"),
    ("संजय", "Sanjay|Sanjai"),
    ("राहुल", "Rahul"),
    ("अजय", "Ajay|Ajai"),
    ("सुनील", "Sunil"),
    ("रमेश", "Ramesh"),
    ("राकेश", "Rakesh"),
    ("मोहम्मद इरफ़ान", "Mohammed Irfan|Mohd Irfan"),
    ("शिवम", "Shivam"),
    ("आकाश", "Aakash|Akash"),
    ("गोविंद", "Govind|Gobind"),
    ("लक्ष्मण", "Laxman|Lakshman"),
    ("सनी", "Sunny"),
]
GIRLS = [
    ("पूजा", "Pooja|Puja"),
    ("सुनीता", "Sunita|Sunitha"),
    ("प्रिया", "Priya"),
    ("आरती", "Aarti|Arti"),
    ("लक्ष्मी", "Laxmi|Lakshmi"),
    ("सलमा", "Salma"),
    ("काजल", "Kajal"),
    ("नेहा", "Neha"),
    ("रीना", "Reena|Rina"),
    ("शबनम", "Shabnam"),
    ("अनीता", "Anita|Aneeta"),
    ("ज्योति", "Jyoti"),
    ("मुस्कान", "Muskan|Muskaan"),
    ("खुशबू", "Khushboo|Khushbu"),
    ("रानी", "Rani"),
    ("सीमा", "Seema|Sima"),
    ("कविता", "Kavita|Kavitha"),
    ("निशा", "Nisha"),
    ("सोनम", "Sonam"),
    ("रुखसार", "Rukhsar"),
    ("गुड़िया", "Guriya|Gudiya"),
    ("मीना", "Meena|Mina"),
    ("सपना", "Sapna|Sapana"),
    ("कमला", "Kamla|Kamala"),
]
SURNAMES = [
    ("कुमार", "Kumar"),
    ("यादव", "Yadav"),
    ("वर्मा", "Verma|Varma"),
    ("मीणा", "Meena"),
    ("पटेल", "Patel"),
    ("खान", "Khan"),
    ("अंसारी", "Ansari"),
    ("सिंह", "Singh"),
    ("शर्मा", "Sharma"),
    ("कुशवाहा", "Kushwaha"),
    ("अहिरवार", "Ahirwar"),
]
GIRLS_SURNAMES = [("देवी", "Devi"), ("कुमारी", "Kumari")]
PET_NAMES = [
    ("गोलू", "Golu"),
    ("छोटू", "Chhotu|Chotu"),
    ("मुन्ना", "Munna"),
    ("गुड्डू", "Guddu"),
    ("बबलू", "Bablu"),
    ("सोनू", "Sonu"),
    ("पिंकी", "Pinky|Pinki"),
    ("मुन्नी", "Munni"),
]
MARK_KINDS = [
    ("तिल", "mole"),
    ("चोट का निशान", "scar"),
    ("जलने का निशान", "burn mark"),
    ("जन्म का निशान", "birthmark"),
    ("कटे का निशान", "cut mark"),
    ("मस्सा", "wart"),
]
MARK_PARTS = [
    ("गाल", "cheek", True),
    ("माथे", "forehead", False),
    ("हाथ", "hand", True),
    ("गर्दन", "neck", False),
    ("ठोड़ी", "chin", False),
    ("बांह", "arm", True),
    ("पैर", "leg", True),
    ("घुटने", "knee", True),
    ("कान", "ear", True),
]
SIDES = [("बाएं", "left"), ("दाहिने", "right")]
GARMENTS = [
    ("कमीज़", "shirt"),
    ("टी-शर्ट", "t-shirt"),
    ("जींस", "jeans"),
    ("निक्कर", "shorts"),
    ("पायजामा", "pyjama"),
    ("कुर्ता", "kurta"),
    ("फ्रॉक", "frock"),
    ("स्वेटर", "sweater"),
]
COLOURS = [
    ("लाल", "red"),
    ("नीला", "blue"),
    ("हरा", "green"),
    ("पीला", "yellow"),
    ("सफेद", "white"),
    ("काला", "black"),
    ("गुलाबी", "pink"),
    ("भूरा", "brown"),
]
PLACES = [  # district (English, Hindi), state (English, Hindi), languages spoken there
    ("Ratlam", "रतलाम", 0, ("Hindi", "Bhili")),
    ("Ujjain", "उज्जैन", 0, ("Hindi",)),
    ("Indore", "इंदौर", 0, ("Hindi",)),
    ("Bhopal", "भोपाल", 0, ("Hindi", "Urdu")),
    ("Neemuch", "नीमच", 0, ("Hindi",)),
    ("Jhabua", "झाबुआ", 0, ("Bhili", "Hindi")),
    ("Kota", "कोटा", 1, ("Hindi", "Rajasthani")),
    ("Jaipur", "जयपुर", 1, ("Hindi", "Rajasthani")),
    ("Gorakhpur", "गोरखपुर", 2, ("Hindi", "Bhojpuri")),
    ("Prayagraj", "प्रयागराज", 2, ("Hindi", "Awadhi")),
    ("Patna", "पटना", 3, ("Hindi", "Magahi")),
    ("Darbhanga", "दरभंगा", 3, ("Maithili", "Hindi")),
    ("Dahod", "दाहोद", 4, ("Gujarati", "Bhili")),
    ("Mumbai", "मुंबई", 5, ("Marathi", "Hindi")),
    ("Kolkata", "कोलकाता", 6, ("Bengali",)),
]
STATES = [
    ("Madhya Pradesh", "मध्य प्रदेश"),
    ("Rajasthan", "राजस्थान"),
    ("Uttar Pradesh", "उत्तर प्रदेश"),
    ("Bihar", "बिहार"),
    ("Gujarat", "गुजरात"),
    ("Maharashtra", "महाराष्ट्र"),
    ("West Bengal", "पश्चिम बंगाल"),
]
LANGUAGE_HINDI = {
    "Hindi": "हिंदी",
    "Bhili": "भीली",
    "Urdu": "उर्दू",
    "Rajasthani": "राजस्थानी",
    "Bhojpuri": "भोजपुरी",
    "Awadhi": "अवधी",
    "Magahi": "मगही",
    "Maithili": "मैथिली",
    "Gujarati": "गुजराती",
    "Marathi": "मराठी",
    "Bengali": "बंगाली",
}
STATIONS = ["railway station", "bus stand", "market", "platform 2", "temple"]
START = datetime(2019, 1, 1)
COMPLAINT_PHOTO = 0.8
"""Families give a photo with most complaints; poor families sometimes have none."""
FOUND_PHOTO = 0.95
"""A found child is photographed when produced before the Child Welfare Committee."""
FACE_SIZE = 128


@dataclass(frozen=True, slots=True)
class Child:
    """The truth about one child, from which both registers' records are written."""

    identity: int
    sex: Sex
    first: int
    surname: int | None
    pet: int | None
    age: float  # when last seen
    height: float
    complexion: int
    mark: tuple[int, int, int | None] | None
    clothes: tuple[tuple[int, int], ...]
    home: int
    languages: tuple[str, ...]
    last_seen: datetime


def _pick(text: str, rng: random.Random) -> str:
    return rng.choice(text.split("|"))


def _height(age: float) -> float:
    """A typical height (cm) at `age`: about 6 cm a year in childhood, a spurt after 11."""
    return 76 + 6.2 * min(age, 11) + 7.0 * max(0.0, min(age, 14) - 11) + 3.0 * max(0.0, age - 14)


class Registers:
    """`complaints` complaints; `found` found children, the first `with_complaint` share of
    them the same child as some complaint (each complaint used at most once)."""

    def __init__(self, seed: int, complaints: int, found: int, with_complaint: float = 0.7):
        self.seed = seed
        self.complaints = complaints
        self.found = found
        matched = round(found * with_complaint)
        self.truth = random.Random(seed).sample(range(complaints), matched)
        centre = np.random.default_rng([seed, 3]).normal(size=FACE_SIZE)
        self._centre = (centre * 0.6 / np.linalg.norm(centre)).astype(np.float64)

    # --- the truth ------------------------------------------------------------------------

    def child(self, identity: int) -> Child:
        rng = random.Random(self.seed * 1_000_003 + identity)
        sex = Sex.MALE if rng.random() < 0.55 else Sex.FEMALE
        names = BOYS if sex is Sex.MALE else GIRLS
        surnames = _surnames(sex)
        part = rng.randrange(len(MARK_PARTS))
        mark = None
        if rng.random() < 0.55:
            side = rng.randrange(2) if MARK_PARTS[part][2] else None
            mark = (rng.randrange(len(MARK_KINDS)), part, side)
        home = rng.randrange(len(PLACES))
        age = rng.uniform(2.0, 16.9)
        spoken = PLACES[home][3]
        return Child(
            identity=identity,
            sex=sex,
            first=rng.randrange(len(names)),
            surname=rng.randrange(len(surnames)) if rng.random() < 0.75 else None,
            pet=rng.randrange(len(PET_NAMES)) if rng.random() < 0.3 else None,
            age=age,
            height=_height(age) + rng.gauss(0, 4),
            complexion=rng.choices(range(4), weights=(2, 4, 3, 2))[0],
            mark=mark,
            clothes=tuple(
                (garment, rng.randrange(len(COLOURS)))
                for garment in rng.sample(range(len(GARMENTS)), rng.choice((1, 2)))
            ),
            home=home,
            languages=spoken[: rng.choice((1, len(spoken)))],
            last_seen=START + timedelta(days=rng.uniform(0, 1000), hours=rng.uniform(6, 20)),
        )

    def face(self, identity: int, photo: int, years: float = 0.0) -> FaceVector:
        """A synthetic face vector: the identity's point plus per-photo noise and drift."""
        # Distinct leading tags: numpy's SeedSequence reads [a, b, 0] as [a, b].
        own = np.random.default_rng([self.seed, 1, identity])
        direction = own.normal(size=FACE_SIZE)
        spread = own.uniform(0.30, 0.56)
        point = self._centre + direction * spread / np.linalg.norm(direction)
        noise = np.random.default_rng([self.seed, 2, identity, photo]).normal(size=FACE_SIZE)
        length = own.uniform(0.24, 0.36) + 0.06 * abs(years)
        vector: FaceVector = (point + noise * length / np.linalg.norm(noise)).astype(np.float32)
        return vector

    # --- complaints -----------------------------------------------------------------------

    def complaint(self, index: int) -> MissingDetails:
        child = self.child(index)
        rng = random.Random(self.seed * 7_919 + index)
        hindi = rng.random() < 0.5
        names = BOYS if child.sex is Sex.MALE else GIRLS
        pet = PET_NAMES[child.pet] if child.pet is not None and rng.random() < 0.5 else None
        district, district_hi, state, _ = PLACES[child.home]
        age = float(int(child.age) + (rng.choice((-1, 1)) if rng.random() < 0.1 else 0))
        return MissingDetails(
            ref=f"FIR {index}/{child.last_seen.year}",
            name=self._name(names[child.first], child.surname, child.sex, hindi, rng),
            aliases=(_text(pet, hindi, rng),) if pet else (),
            sex=child.sex,
            age_years=max(1.0, age) if rng.random() < 0.95 else None,
            height_cm=round(child.height + rng.gauss(0, 3)) if rng.random() < 0.7 else None,
            complexion=self._complexion(child.complexion, rng, 0.85, 0.05),
            marks=_mark_text(child.mark, hindi, rng) if rng.random() < 0.9 else "",
            clothing=_clothes_text(child.clothes, hindi) if rng.random() < 0.9 else "",
            languages=_languages(child.languages, hindi),
            district=district_hi if hindi else district,
            state=STATES[state][1 if hindi else 0],
            last_seen_at=child.last_seen,
            last_seen_place=f"{district_hi if hindi else district} {rng.choice(STATIONS)}",
            registered_at=child.last_seen + timedelta(hours=rng.uniform(3, 72)),
        )

    def complaint_faces(self, index: int) -> tuple[FaceVector, ...]:
        if random.Random(self.seed * 31 + index).random() < COMPLAINT_PHOTO:
            return (self.face(index, 0),)
        return ()

    def complaint_profile(self, index: int) -> ChildProfile:
        return profile_from_details(
            f"m{index}", f"SYN/M/{index}", self.complaint(index), self.complaint_faces(index)
        )

    def complaint_profiles(self, ids: Sequence[str]) -> list[ChildProfile]:
        """A loader for CandidateIndex: rebuild complaints from their ids ("m<index>"),
        without face vectors (the index holds those), as the app reads records back."""
        return [
            profile_from_details(
                record_id, f"SYN/M/{record_id[1:]}", self.complaint(int(record_id[1:]))
            )
            for record_id in ids
        ]

    # --- found children -------------------------------------------------------------------

    def true_complaint(self, index: int) -> int | None:
        return self.truth[index] if index < len(self.truth) else None

    def found_record(self, index: int) -> tuple[FoundDetails, tuple[FaceVector, ...]]:
        truth = self.true_complaint(index)
        identity = truth if truth is not None else self.complaints + index
        child = self.child(identity)
        rng = random.Random(self.seed * 104_729 + index)
        roll = rng.random()
        if roll < 0.6:
            days = rng.expovariate(1 / 8) + rng.uniform(0, 1)
        elif roll < 0.9:
            days = rng.uniform(30, 365)
        else:
            days = rng.uniform(365, 1500)
        found_at = child.last_seen + timedelta(days=days)
        years = days / 365.25
        details = self._found_details(index, child, found_at, years, rng)
        faces = (self.face(identity, 1, years),) if rng.random() < FOUND_PHOTO else ()
        return details, faces

    def _found_details(
        self, index: int, child: Child, found_at: datetime, years: float, rng: random.Random
    ) -> FoundDetails:
        hindi = rng.random() < 0.5
        names = BOYS if child.sex is Sex.MALE else GIRLS
        roll = rng.random()
        if roll < 0.35:
            name = ""
        elif roll < 0.45 and child.pet is not None:
            name = _text(PET_NAMES[child.pet], hindi, rng)
        else:
            surname = child.surname if rng.random() < 0.4 else None
            name = self._name(names[child.first], surname, child.sex, hindi, rng)
        true_age = child.age + years
        centre = max(1.0, true_age + rng.gauss(0, 1.2))
        width = rng.choice((2, 2, 3, 4))
        low = max(0.0, round(centre - width / 2))
        district, district_hi, state = self._found_place(child, rng)
        return FoundDetails(
            ref=f"GD {index}/{found_at.year}",
            name=name,
            sex=child.sex if rng.random() < 0.97 else Sex.UNKNOWN,
            age_years=round(centre) if rng.random() < 0.2 else None,
            age_min=low,
            age_max=low + width,
            height_cm=round(_height(true_age) + rng.gauss(0, 6)) if rng.random() < 0.5 else None,
            complexion=self._complexion(child.complexion, rng, 0.8, 0.3),
            marks=_found_mark(child.mark, hindi, rng),
            clothing=_clothes_text(child.clothes, hindi)
            if years * 365.25 < 4 and rng.random() < 0.7
            else _clothes_text(((rng.randrange(8), rng.randrange(8)),), hindi),
            languages=_languages(child.languages, hindi) if rng.random() < 0.6 else (),
            district=district_hi if hindi else district,
            state=STATES[state][1 if hindi else 0],
            found_at=found_at,
            found_place=f"{district_hi if hindi else district} {rng.choice(STATIONS)}",
            registered_at=found_at + timedelta(hours=rng.uniform(1, 12)),
        )

    def found_profile(self, index: int) -> ChildProfile:
        details, faces = self.found_record(index)
        return profile_from_details(f"f{index}", f"SYN/F/{index}", details, faces)

    # --- helpers --------------------------------------------------------------------------

    @staticmethod
    def _name(
        first: tuple[str, str], surname: int | None, sex: Sex, hindi: bool, rng: random.Random
    ) -> str:
        words = [_text(first, hindi, rng)]
        if surname is not None:
            words.append(_text(_surnames(sex)[surname], hindi, rng))
        return " ".join(words)

    @staticmethod
    def _complexion(
        true: int, rng: random.Random, recorded: float, neighbour: float
    ) -> Complexion | None:
        if rng.random() > recorded:
            return None
        if rng.random() < neighbour:
            true = min(3, max(0, true + rng.choice((-1, 1))))
        return list(Complexion)[true]

    @staticmethod
    def _found_place(child: Child, rng: random.Random) -> tuple[str, str, int]:
        roll = rng.random()
        if roll < 0.5:
            place = PLACES[child.home]
        elif roll < 0.8:
            same_state = [p for p in PLACES if p[2] == PLACES[child.home][2]]
            place = rng.choice(same_state)
        else:
            place = rng.choice(PLACES)
        return place[0], place[1], place[2]


def _surnames(sex: Sex) -> list[tuple[str, str]]:
    return SURNAMES + GIRLS_SURNAMES if sex is Sex.FEMALE else SURNAMES


def _text(pair: tuple[str, str], hindi: bool, rng: random.Random) -> str:
    return pair[0] if hindi else _pick(pair[1], rng)


def _mark_text(mark: tuple[int, int, int | None] | None, hindi: bool, rng: random.Random) -> str:
    if mark is None:
        return ""
    kind, part, side = mark
    kind_hi, kind_en = MARK_KINDS[kind]
    part_hi, part_en, _ = MARK_PARTS[part]
    if side is None:
        return f"{part_hi} पर {kind_hi}" if hindi else f"{kind_en} on {part_en}"
    side_hi, side_en = SIDES[side]
    return f"{side_hi} {part_hi} पर {kind_hi}" if hindi else f"{kind_en} on {side_en} {part_en}"


def _found_mark(mark: tuple[int, int, int | None] | None, hindi: bool, rng: random.Random) -> str:
    if mark is None or rng.random() > 0.6:
        return ""
    kind, part, side = mark
    if side is not None and rng.random() < 0.1:
        side = 1 - side  # left and right swapped
    return _mark_text((kind, part, side), hindi, rng)


def _clothes_text(clothes: tuple[tuple[int, int], ...], hindi: bool) -> str:
    items = [
        f"{COLOURS[c][0]} {GARMENTS[g][0]}" if hindi else f"{COLOURS[c][1]} {GARMENTS[g][1]}"
        for g, c in clothes
    ]
    return (" और " if hindi else " and ").join(items)


def _languages(languages: tuple[str, ...], hindi: bool) -> tuple[str, ...]:
    return tuple(LANGUAGE_HINDI[x] for x in languages) if hindi else languages
