"""A demo station full of realistic records, so a newcomer sees the app working.

The children are invented; their photos are drawn portraits made here (no real child's
face is shipped). Some found children are the same child as a complaint, written the
way a different officer would write it (other script, estimated age, other words), so
matching has something true to find.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw

from station_app.app import App, open_app
from station_app.domain import (
    CaseType,
    Complexion,
    FoundDetails,
    FoundStatus,
    Guardian,
    MissingDetails,
    MissingStatus,
    Sex,
    UserInfo,
)
from station_app.photo_store import CheckedImage, check_image
from station_app.services import registers, station

DEMO_USER = "demo"
DEMO_PASSWORD = "muskaan-demo"
DEMO_STATION = ("RTM01", "GRP Thana Ratlam Junction", "Ratlam", "Madhya Pradesh")

BOYS = [
    ("राजेश", "Rajesh"),
    ("अमित", "Amit"),
    ("मोहम्मद सलीम", "Mohd Salim"),
    ("विकास", "Vikash"),
    ("सूरज", "Suraj"),
    ("अंकित", "Ankit"),
    ("रोहित", "Rohit"),
    ("गोलू", "Golu"),
    ("आरिफ", "Arif"),
    ("दीपक", "Deepak"),
    ("सनी", "Sunny"),
    ("करण", "Karan"),
    ("मनोज", "Manoj"),
    ("इमरान", "Imran"),
    ("पवन", "Pawan"),
]
GIRLS = [
    ("पूजा", "Pooja"),
    ("सुनीता", "Sunita"),
    ("प्रिया", "Priya"),
    ("आरती", "Aarti"),
    ("लक्ष्मी", "Laxmi"),
    ("सलमा", "Salma"),
    ("काजल", "Kajal"),
    ("नेहा", "Neha"),
    ("रीना", "Reena"),
    ("शबनम", "Shabnam"),
    ("अनीता", "Anita"),
    ("ज्योति", "Jyoti"),
    ("मुस्कान", "Muskan"),
    ("खुशबू", "Khushboo"),
    ("रानी", "Rani"),
]
SURNAMES = [
    ("कुमार", "Kumar"),
    ("यादव", "Yadav"),
    ("वर्मा", "Verma"),
    ("मीणा", "Meena"),
    ("अहिरवार", "Ahirwar"),
    ("पटेल", "Patel"),
    ("", ""),
]
MUSLIM_FIRST = {"Mohd Salim", "Arif", "Imran", "Salma", "Shabnam"}
MUSLIM_SURNAMES = [("खान", "Khan"), ("अंसारी", "Ansari"), ("कुरैशी", "Qureshi"), ("", "")]
PLACES = [
    ("रतलाम जंक्शन प्लेटफॉर्म 4", "Ratlam Junction platform 4"),
    ("नीमच बस स्टैंड", "Neemuch bus stand"),
    ("जावरा रोड बाज़ार", "Jaora Road market"),
    ("उज्जैन रेलवे स्टेशन", "Ujjain railway station"),
    ("इंदौर सरवटे बस स्टैंड", "Indore Sarwate bus stand"),
    ("मंदसौर हाट", "Mandsaur weekly market"),
]
MARKS = [
    ("बाएं गाल पर तिल", "mole on left cheek"),
    ("माथे पर चोट का निशान", "scar on forehead"),
    ("दाहिने हाथ पर जलने का निशान", "burn mark on right hand"),
    ("गर्दन पर जन्म का निशान", "birthmark on neck"),
    ("", ""),
]
CLOTHES = [
    ("लाल टी-शर्ट और नीली जींस", "red t-shirt and blue jeans"),
    ("सफेद कमीज़, खाकी निक्कर (स्कूल ड्रेस)", "white shirt, khaki shorts (school uniform)"),
    ("गुलाबी फ्रॉक", "pink frock"),
    ("हरा कुर्ता पायजामा", "green kurta pyjama"),
    ("पीली सलवार कमीज़", "yellow salwar kameez"),
]
LANGUAGES = [["Hindi"], ["Hindi", "Malvi"], ["Hindi", "Urdu"], ["Bhili", "Hindi"], ["Bengali"]]
RELATIONS = [("पिता", "father"), ("माता", "mother"), ("चाचा", "uncle"), ("दादी", "grandmother")]
SKIN = {
    Complexion.FAIR: (236, 200, 170),
    Complexion.WHEATISH: (214, 170, 128),
    Complexion.BROWN: (176, 124, 84),
    Complexion.DARK: (120, 80, 52),
}
SHELTERS = [
    "बाल गृह रतलाम (Children's Home, Ratlam)",
    "Childline shelter, Ujjain",
    "सखी वन स्टॉप सेंटर, इंदौर",
]


@dataclass(frozen=True, slots=True)
class DemoLogin:
    home: Path
    username: str
    password: str


def portrait(rng: random.Random, complexion: Complexion, sex: Sex, shirt: tuple[int, ...]) -> bytes:
    """A simple drawn portrait: face, hair, eyes, shirt. Different for every seed."""
    image = Image.new("RGB", (360, 440), tuple(rng.randint(200, 240) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    skin = tuple(max(0, min(255, c + rng.randint(-10, 10))) for c in SKIN[complexion])
    draw.rectangle((40, 330, 320, 440), fill=shirt)
    draw.rectangle((150, 280, 210, 340), fill=skin)
    width = rng.randint(150, 180)
    draw.ellipse((180 - width // 2, 90, 180 + width // 2, 310), fill=skin)
    hair = (rng.randint(10, 50),) * 3
    draw.chord((180 - width // 2 - 6, 70, 180 + width // 2 + 6, 220), 180, 360, fill=hair)
    if sex is Sex.FEMALE:
        draw.rectangle((180 - width // 2 - 8, 140, 180 - width // 2 + 14, 330), fill=hair)
        draw.rectangle((180 + width // 2 - 14, 140, 180 + width // 2 + 8, 330), fill=hair)
    eye_y = rng.randint(185, 200)
    for x in (150, 210):
        draw.ellipse((x - 9, eye_y - 6, x + 9, eye_y + 6), fill=(250, 250, 250))
        draw.ellipse((x - 4, eye_y - 4, x + 4, eye_y + 4), fill=(40, 25, 15))
    draw.line((180, eye_y + 10, 174, eye_y + 40), fill=tuple(c - 40 for c in skin), width=3)
    draw.arc((155, eye_y + 45, 205, eye_y + 70), 20, 160, fill=(150, 60, 60), width=4)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def _photo(
    rng: random.Random, complexion: Complexion, sex: Sex, label: str, identity: str = ""
) -> CheckedImage:
    """A portrait; the same `identity` draws the same face (in other clothes)."""
    shirt = tuple(rng.randint(30, 220) for _ in range(3))
    face = random.Random(identity) if identity else rng
    return check_image(portrait(face, complexion, sex, shirt), f"{label}.jpg")


def _child(rng: random.Random, index: int) -> tuple[Sex, str, str, Complexion]:
    sex = Sex.MALE if index % 2 else Sex.FEMALE
    first = rng.choice(BOYS if sex is Sex.MALE else GIRLS)
    last = rng.choice(MUSLIM_SURNAMES if first[1] in MUSLIM_FIRST else SURNAMES)
    hindi = f"{first[0]} {last[0]}".strip()
    english = f"{first[1]} {last[1]}".strip()
    return sex, hindi, english, rng.choice(list(Complexion))


def _missing(rng: random.Random, index: int, now: datetime) -> tuple[MissingDetails, bool]:
    sex, hindi, english, complexion = _child(rng, index)
    in_hindi = rng.random() < 0.6
    place = rng.choice(PLACES)
    mark = rng.choice(MARKS)
    clothes = rng.choice(CLOTHES)
    relation = rng.choice(RELATIONS)
    last_seen = now - timedelta(days=rng.randint(3, 300), hours=rng.randint(0, 12))
    age = rng.randint(3, 17)
    traced = rng.random() < 0.3
    return MissingDetails(
        ref=f"FIR {100 + index}/{last_seen.year}",
        name=hindi if in_hindi else english,
        aliases=(rng.choice(["राजू", "गुड्डू", "मुन्नी", "छोटू", "Babli"]),) if index % 5 == 0 else (),
        sex=sex,
        age_years=float(age),
        height_cm=float(75 + age * 6 + rng.randint(-6, 6)),
        complexion=complexion,
        build=rng.choice(["दुबला", "slim", "medium", "सामान्य"]),
        hair=rng.choice(["काले छोटे बाल", "short black hair", "long black hair, two plaits"]),
        eyes=rng.choice(["काली", "brown", "dark brown"]),
        marks=mark[0] if in_hindi else mark[1],
        clothing=clothes[0] if in_hindi else clothes[1],
        languages=tuple(rng.choice(LANGUAGES)),
        description="घर से नाराज़ होकर निकला/निकली" if in_hindi else "left home after a quarrel",
        district=DEMO_STATION[2],
        state=DEMO_STATION[3],
        registered_at=last_seen + timedelta(hours=rng.randint(4, 40)),
        case_type=CaseType.KIDNAPPING if age < 16 and rng.random() < 0.5 else CaseType.MISSING,
        fir_number=f"{100 + index}/{last_seen.year} u/s 137(2) BNS",
        last_seen_at=last_seen,
        last_seen_place=place[0] if in_hindi else place[1],
        guardian=Guardian(
            name=f"{rng.choice(BOYS)[0]} {rng.choice(SURNAMES)[0]}".strip()
            if in_hindi
            else f"{rng.choice(BOYS)[1]} {rng.choice(SURNAMES)[1]}".strip(),
            relation=relation[0] if in_hindi else relation[1],
            phone=f"9{rng.randint(100000000, 999999999)}",
            address=rng.choice(["ग्राम बांगरोद, तहसील रतलाम", "Ward 12, Station Road, Ratlam"]),
        ),
        status=MissingStatus.TRACED if traced else MissingStatus.OPEN,
        traced_at=min(now, last_seen + timedelta(days=rng.randint(1, 60))) if traced else None,
    ), in_hindi


def _found_from(
    rng: random.Random, index: int, complaint: MissingDetails, now: datetime
) -> FoundDetails:
    """The same child as `complaint`, as another officer would have written it down."""
    assert complaint.last_seen_at is not None and complaint.age_years is not None
    found_at = min(
        now - timedelta(hours=2), complaint.last_seen_at + timedelta(days=rng.randint(1, 20))
    )
    age = complaint.age_years
    return FoundDetails(
        ref=f"GD {300 + index}",
        name="" if rng.random() < 0.3 else complaint.name,
        sex=complaint.sex,
        age_min=max(0.0, age - 2),
        age_max=age + 2,
        height_cm=(complaint.height_cm or 120) + rng.randint(-5, 5),
        complexion=complaint.complexion,
        marks=complaint.marks,
        clothing=complaint.clothing,
        languages=complaint.languages,
        description="बच्चा घबराया हुआ था, नाम नहीं बता पाया" if not complaint.name else "",
        district=rng.choice(["Ujjain", "Indore", "Ratlam"]),
        state=DEMO_STATION[3],
        registered_at=found_at + timedelta(hours=1),
        gd_number=f"GD {300 + index}",
        found_at=found_at,
        found_place=rng.choice(PLACES)[1],
        found_by=rng.choice(["RPF constable", "Childline 1098", "राहगीर (citizen)"]),
        custody=rng.choice(SHELTERS),
        status=FoundStatus.IN_SHELTER,
    )


def _unknown_found(rng: random.Random, index: int, now: datetime) -> FoundDetails:
    sex, hindi, english, complexion = _child(rng, index + 1000)
    found_at = now - timedelta(days=rng.randint(1, 120))
    age = rng.randint(4, 15)
    return FoundDetails(
        ref=f"GD {500 + index}",
        name=rng.choice([hindi, english, ""]),
        sex=sex,
        age_min=float(age - 1),
        age_max=float(age + 2),
        complexion=complexion,
        clothing=rng.choice(CLOTHES)[1],
        languages=tuple(rng.choice(LANGUAGES)),
        district="Ratlam",
        state=DEMO_STATION[3],
        registered_at=found_at + timedelta(hours=2),
        found_at=found_at,
        found_place=rng.choice(PLACES)[0],
        found_by="GRP patrol",
        custody=rng.choice(SHELTERS),
        status=FoundStatus.UNCLAIMED,
    )


def populate(app: App, user: UserInfo, missing_count: int = 40, seed: int = 7) -> None:
    rng = random.Random(seed)
    now = datetime.now().replace(microsecond=0)
    open_complaints = []
    for index in range(missing_count):
        details, _ = _missing(rng, index, now)
        photo = _photo(
            rng, details.complexion or Complexion.BROWN, details.sex, details.ref, details.ref
        )
        registers.register(app, user, details, [photo] if index % 4 else [])
        if details.status is MissingStatus.OPEN:
            open_complaints.append(details)
    for index, complaint in enumerate(open_complaints[: len(open_complaints) // 2]):
        found = _found_from(rng, index, complaint, now)
        photo = _photo(
            rng, found.complexion or Complexion.BROWN, found.sex, found.ref, complaint.ref
        )
        registers.register(app, user, found, [photo])
    for index in range(missing_count // 4):
        found = _unknown_found(rng, index, now)
        photo = _photo(rng, found.complexion or Complexion.BROWN, found.sex, found.ref)
        registers.register(app, user, replace(found), [photo] if index % 2 else [])


def ensure_demo(home: Path) -> DemoLogin:
    """Open (or make, the first time) a demo station in `home`."""
    app = open_app(str(home))
    try:
        if app.local_station() is None:
            code, name, district, state = DEMO_STATION
            _, admin = station.init_station(
                app, code, name, district, state, DEMO_USER, DEMO_PASSWORD, "SI Demo Sharma"
            )
            populate(app, admin)
    finally:
        app.close()
    return DemoLogin(home, DEMO_USER, DEMO_PASSWORD)
