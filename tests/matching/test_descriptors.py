"""Facts from free-text marks, clothing, languages and complexion, compared across scripts."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from station_app.matching import descriptors as d
from station_app.matching.descriptors import (
    ClothingFact,
    FactComparison,
    MarkFact,
    clothing_weight,
    compare_clothing,
    compare_languages,
    compare_marks,
    complexion_closeness,
    normalise_languages,
    normalise_text,
    parse_clothing,
    parse_complexion,
    parse_marks,
)

Mark = tuple[str, str | None, str | None]


def marks(text: str) -> list[Mark]:
    return [(fact.kind, fact.body_part, fact.side) for fact in parse_marks(text)]


def compare_mark_texts(a: str, b: str) -> FactComparison:
    return compare_marks(parse_marks(a), parse_marks(b))


def compare_clothing_texts(a: str, b: str, days_apart: float = 0.0) -> FactComparison:
    return compare_clothing(parse_clothing(a), parse_clothing(b), days_apart)


def score(comparison: FactComparison) -> float:
    assert comparison.score is not None
    return comparison.score


# ------------------------------------------------------------------------------ normalisation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("आँख", "आंख"),  # chandrabindu / anusvara
        ("क़मीज़", "कमीज"),  # nukta
        ("सफ़ेद", "सफेद"),
        ("ठोड़ी", "ठोडी"),
        ("कन्धा", "कंधा"),  # class nasal half-letter / anusvara
        ("हिन्दी", "हिंदी"),
        ("फ्रॉक", "फ्राक"),  # candra o
        ("MOLE", "mole"),
        ("café", "cafe"),
        ("बा\u200dएं", "बाएं"),  # zero-width joiner
    ],
)
def test_normalise_text_folds_spelling_variants(a: str, b: str) -> None:
    assert normalise_text(a) == normalise_text(b)


# ------------------------------------------------------------------------------ marks: parsing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "बाएं गाल पर तिल, दाहिने हाथ पर जलने का निशान",
            [("mole", "cheek", "left"), ("burn", "hand", "right")],
        ),
        (
            "mole on left cheek; burn scar on right arm",
            [("mole", "cheek", "left"), ("burn", "arm", "right")],
        ),
        ("बाएं गाल पर तिल", [("mole", "cheek", "left")]),
        ("बाँए गाल पर तिल", [("mole", "cheek", "left")]),
        ("बायें गाल पर तिल", [("mole", "cheek", "left")]),
        ("mole on right cheek", [("mole", "cheek", "right")]),
        ("scar on forehead", [("scar", "forehead", None)]),
        ("माथे पर चोट का निशान", [("scar", "forehead", None)]),
        ("माथा पर पुराना निशान", [("scar", "forehead", None)]),
        ("stitch marks on the back of the head", [("scar", "head", None)]),
        ("Burnt mark on Right Arm", [("burn", "arm", "right")]),
        ("birth mark on back", [("birthmark", "back", None)]),
        ("पीठ पर जन्म का निशान", [("birthmark", "back", None)]),
        ("कन्धे पर लहसुन", [("birthmark", "shoulder", None)]),
        ("कंधे पर लहसुन", [("birthmark", "shoulder", None)]),
        ("दाहिने हाथ पर गोदना", [("tattoo", "hand", "right")]),
        ("name written on left hand", [("tattoo", "hand", "left")]),
        ("उल्टे हाथ पर RAM लिखा है", [("tattoo", "hand", "left")]),
        ("सीधे हाथ पर टैटू", [("tattoo", "hand", "right")]),
        ("नाक पर मस्सा", [("wart", "nose", None)]),
        ("wart on chin", [("wart", "chin", None)]),
        ("बाएँ घुटने पर कटे का निशान", [("cut", "knee", "left")]),
        ("ठोड़ी पर कट का निशान", [("cut", "chin", None)]),
        ("आगे का दांत टूटा है", [("missing_tooth", "teeth", None)]),
        ("one front tooth missing", [("missing_tooth", "teeth", None)]),
        ("six fingers on right hand", [("extra_finger", "hand", "right")]),
        ("छह उंगलियां", [("extra_finger", "hand", None)]),
        ("extra toe on left foot", [("extra_finger", "foot", "left")]),
        ("til on neck", [("mole", "neck", None)]),
        ("गर्दन पर काला तिल", [("mole", "neck", None)]),
        ("भौंह के ऊपर तिल", [("mole", "eyebrow", None)]),
        ("होंठ के ऊपर तिल", [("mole", "lip", None)]),
        ("पेट पर निशान", [("scar", "stomach", None)]),
        ("scar on belly", [("scar", "stomach", None)]),
        ("कलाई पर चोट का निशान", [("scar", "wrist", None)]),
        ("बाईं कोहनी पर जलने का निशान", [("burn", "elbow", "left")]),
        ("छाती पर तिल", [("mole", "chest", None)]),
        ("दाईं आँख के पास तिल", [("mole", "eye", "right")]),
        ("टांग पर निशान", [("scar", "leg", None)]),
        ("पैर की उंगली कटी है", [("cut", "toe", None)]),
        ("scar on finger of left hand", [("scar", "finger", "left")]),
        ("बाएं हाथ की उंगली पर निशान", [("scar", "finger", "left")]),
        ("mole on cheek near left ear", [("mole", "cheek", None)]),
        ("left side of face mole", [("mole", "face", "left")]),
        ("बाएं हाथ की कलाई पर तिल", [("mole", "wrist", "left")]),
        ("पैर के घुटने पर निशान", [("scar", "knee", None)]),
        ("कान के पास गाल पर तिल", [("mole", "cheek", None)]),
        ("सिर के पीछे चोट का निशान", [("scar", "head", None)]),
        ("Mole on Rt. cheek", [("mole", "cheek", "right")]),
        ("mole nr. left ear", [("mole", "ear", "left")]),
        ("right hand mein jalne ka nishan", [("burn", "hand", "right")]),
        ("Operation ka nishan pet par", [("scar", "stomach", None)]),
        ("mark of burn on hand", [("burn", "hand", None)]),
    ],
)
def test_parse_marks_single_and_paired_facts(text: str, expected: list[Mark]) -> None:
    assert marks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "mole on chin, wart on nose and scar on right knee",
            [("mole", "chin", None), ("wart", "nose", None), ("scar", "knee", "right")],
        ),
        (
            "बाएँ घुटने पर कटे का निशान तथा दाहिनी कोहनी पर तिल",
            [("cut", "knee", "left"), ("mole", "elbow", "right")],
        ),
        (
            "गाल पर तिल। माथे पर निशान।",
            [("mole", "cheek", None), ("scar", "forehead", None)],
        ),
        (
            "तिल बाएं गाल पर और माथे पर चोट",
            [("mole", "cheek", "left"), ("scar", "forehead", None)],
        ),
        (
            "mole on left cheek with a scar on the chin",
            [("mole", "cheek", "left"), ("scar", "chin", None)],
        ),
        (
            "बाएं गाल पर तिल दाहिने हाथ पर जलने का निशान",  # no separator at all
            [("mole", "cheek", "left"), ("burn", "hand", "right")],
        ),
        # a list of parts shares the kind: before it in English, after it in Hindi
        ("burn on right arm and left leg", [("burn", "arm", "right"), ("burn", "leg", "left")]),
        ("scar on forehead, chin", [("scar", "forehead", None), ("scar", "chin", None)]),
        ("गाल और ठोड़ी पर तिल", [("mole", "cheek", None), ("mole", "chin", None)]),
        ("mole on left and right cheek", [("mole", "cheek", "left"), ("mole", "cheek", "right")]),
        ("बाएं और दाएं गाल पर तिल", [("mole", "cheek", "left"), ("mole", "cheek", "right")]),
        ("burns on both hands", [("burn", "hand", "left"), ("burn", "hand", "right")]),
        ("दोनों घुटनों पर चोट के निशान", [("scar", "knee", "left"), ("scar", "knee", "right")]),
        # a Hindi list does not borrow an English-order kind backwards
        ("बाएं गाल पर तिल, दाहिने हाथ पर", [("mole", "cheek", "left"), ("other", "hand", "right")]),
        # a tooth is not carried to the next body part
        ("missing tooth, left knee", [("missing_tooth", "teeth", None), ("other", "knee", "left")]),
        # repeated in both languages: one fact
        ("तिल / mole on left cheek", [("mole", "cheek", "left")]),
        ("तिल (mole) बाएं गाल पर", [("mole", "cheek", "left")]),
        ("Mole on Rt. cheek, Lt. ear cut", [("mole", "cheek", "right"), ("cut", "ear", "left")]),
        (
            "बाएं हाथ की कलाई पर तिल और दाहिने पैर में छह उंगलियां",
            [("mole", "wrist", "left"), ("extra_finger", "foot", "right")],
        ),
    ],
)
def test_parse_marks_several_marks_per_text(text: str, expected: list[Mark]) -> None:
    assert marks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("चेहरे पर", [("other", "face", None)]),
        ("left arm", [("other", "arm", "left")]),
        ("something on the right knee", [("other", "knee", "right")]),
        ("tattoo", [("tattoo", None, None)]),
        ("मस्सा", [("wart", None, None)]),
    ],
)
def test_parse_marks_missing_kind_or_place(text: str, expected: list[Mark]) -> None:
    assert marks(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "no identification marks",
        "No marks",
        "कोई निशान नहीं",
        "पहचान चिह्न: कोई नहीं",
        "nil",
        "xyz qwerty 123",
        "।।,,;;...",
        "left and right",
        "🙂 😢",
        "बच्चा बहुत शांत है",
    ],
)
def test_parse_marks_finds_nothing(text: str) -> None:
    assert parse_marks(text) == ()


def test_parse_marks_accepts_none() -> None:
    assert parse_marks(None) == ()


def test_mark_fact_describe() -> None:
    assert MarkFact("mole", "cheek", "left").describe() == "mole on left cheek"
    assert MarkFact("scar", "forehead").describe() == "scar on forehead"
    assert MarkFact("mole", "face", "left").describe() == "mole on left side of face"
    assert MarkFact("missing_tooth", "teeth").describe() == "missing tooth"
    assert MarkFact("tattoo").describe() == "tattoo"
    assert MarkFact("other", "arm", "right").describe() == "unspecified mark on right arm"


# ------------------------------------------------------------------------------ marks: comparing


def test_the_bilingual_example_agrees_on_both_marks() -> None:
    result = compare_mark_texts(
        "बाएं गाल पर तिल, दाहिने हाथ पर जलने का निशान",
        "mole on left cheek; burn scar on right arm",
    )
    assert score(result) > 0.8
    assert len(result.agreements) == 2
    assert result.conflicts == ()
    assert "mole on left cheek in both" in result.agreements
    assert any("burn" in agreement for agreement in result.agreements)


def test_opposite_sides_are_a_mild_conflict() -> None:
    result = compare_mark_texts("बाएं गाल पर तिल", "mole on right cheek")
    assert -0.5 < score(result) < 0.0
    assert result.agreements == ()
    (conflict,) = result.conflicts
    assert "complaint says left" in conflict
    assert "found record says right" in conflict
    assert "confuse left and right" in conflict
    assert any("left and right" in note for note in result.notes)


def test_forehead_scar_agrees_across_languages() -> None:
    result = compare_mark_texts("scar on forehead", "माथे पर चोट का निशान")
    assert score(result) > 0.7
    assert result.agreements == ("scar on forehead in both",)


def test_mark_strength_order() -> None:
    exact = score(compare_mark_texts("mole on left cheek", "बाएं गाल पर तिल"))
    side_unknown = score(compare_mark_texts("mole on left cheek", "गाल पर तिल"))
    similar_kind = score(compare_mark_texts("mole on left cheek", "wart on left cheek"))
    opposite = score(compare_mark_texts("mole on left cheek", "mole on right cheek"))
    absent = score(compare_mark_texts("mole on left cheek", "burn on right knee"))
    different_kind = score(compare_mark_texts("mole on left cheek", "scar on left cheek"))
    assert exact > side_unknown > similar_kind > 0 > opposite
    assert -0.3 < absent < 0
    assert -0.3 < different_kind < 0


def test_side_known_to_one_record_is_a_good_agreement() -> None:
    result = compare_mark_texts("mole on left cheek", "mole on cheek")
    assert 0.4 < score(result) < 0.8
    (agreement,) = result.agreements
    assert "only the complaint gives the side: left" in agreement


def test_unmatched_mark_is_weak_evidence() -> None:
    result = compare_mark_texts("mole on left cheek, burn on right arm", "mole on left cheek")
    assert score(result) > 0.5
    assert "complaint: burn on right arm; found record has none there" in result.conflicts
    assert any("often not noticed" in note for note in result.notes)


def test_missing_mark_counts_less_than_an_agreement() -> None:
    full = score(compare_mark_texts("mole on left cheek", "mole on left cheek"))
    partial = score(compare_mark_texts("mole on left cheek", "mole on left cheek, scar on chin"))
    assert full > partial > 0.5


def test_best_pairing_is_chosen_for_repeated_kinds() -> None:
    result = compare_mark_texts("mole on right cheek", "mole on left cheek, mole on right cheek")
    assert "mole on right cheek in both" in result.agreements
    assert not any("confuse" in conflict for conflict in result.conflicts)


def test_nearby_part_agrees_less_than_the_same_part() -> None:
    same = score(compare_mark_texts("burn on right arm", "burn on right arm"))
    nearby = score(compare_mark_texts("burn on right arm", "दाहिने हाथ पर जलने का निशान"))
    far = score(compare_mark_texts("burn on right arm", "burn on right knee"))
    assert same > nearby > 0 > far


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("", "mole on left cheek"),
        ("mole on left cheek", ""),
        ("no marks", "तिल"),
        ("xyz", "abc"),
    ],
)
def test_compare_marks_without_facts_is_none(a: str, b: str) -> None:
    result = compare_mark_texts(a, b)
    assert result == FactComparison(None)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("बाएं गाल पर तिल, दाहिने हाथ पर जलने का निशान", "mole on left cheek; burn on right arm"),
        ("mole on left cheek", "mole on right cheek"),
        ("mole on left cheek, tattoo on hand", "scar on chin"),
        ("mole on cheek", "wart on left cheek, scar on knee"),
    ],
)
def test_compare_marks_is_symmetric_in_score(a: str, b: str) -> None:
    assert compare_mark_texts(a, b).score == compare_mark_texts(b, a).score


def test_compare_marks_labels() -> None:
    result = compare_marks(
        parse_marks("tattoo on right hand"),
        parse_marks("mole on chin"),
        labels=("first child", "second child"),
    )
    assert "first child: tattoo on right hand; second child has none there" in result.conflicts


def test_compare_marks_score_is_bounded() -> None:
    many = parse_marks(", ".join(f"scar on {part}" for part in d._BODY_PARTS))
    assert score(compare_marks(many, many)) <= 1.0
    other = parse_marks(", ".join(f"mole on left {part}" for part in d._BODY_PARTS))
    assert -1.0 <= score(compare_marks(many, other)) <= 1.0


# ------------------------------------------------------------------------------ clothing: parsing


Cloth = tuple[str, str | None]


def clothes(text: str) -> list[Cloth]:
    return [(fact.garment, fact.colour) for fact in parse_clothing(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("लाल टी-शर्ट और नीली जींस", [("t-shirt", "red"), ("jeans", "blue")]),
        ("red t-shirt, blue jeans", [("t-shirt", "red"), ("jeans", "blue")]),
        ("Red T Shirt & Blue Jeans", [("t-shirt", "red"), ("jeans", "blue")]),
        ("green tshirt", [("t-shirt", "green")]),
        ("सफ़ेद क़मीज़, काला पायजामा", [("shirt", "white"), ("pyjama", "black")]),
        ("सफेद कमीज तथा काला पजामा", [("shirt", "white"), ("pyjama", "black")]),
        ("shirt red pant blue", [("shirt", "red"), ("pant", "blue")]),
        ("शर्ट लाल रंग की, काली पैंट", [("shirt", "red"), ("pant", "black")]),
        ("पीली फ्रॉक और सफ़ेद जूते", [("frock", "yellow"), ("shoes", "white")]),
        ("हरी फ्रॉक", [("frock", "green")]),
        ("भूरा स्वेटर, नेवी ब्लू पैंट", [("sweater", "brown"), ("pant", "navy")]),
        ("गुलाबी कुर्ता", [("kurta", "pink")]),
        ("orange kurta white pyjama", [("kurta", "orange"), ("pyjama", "white")]),
        ("केसरिया कुर्ता", [("kurta", "orange")]),
        ("बैंगनी स्कर्ट", [("skirt", "purple")]),
        ("मैरून जैकेट", [("jacket", "maroon")]),
        ("grey half pant", [("shorts", "grey")]),
        ("नीला निक्कर", [("shorts", "blue")]),
        ("हाफ पैंट", [("shorts", None)]),
        ("स्कूल ड्रेस", [("school uniform", None)]),
        ("school uniform and black shoes", [("school uniform", None), ("shoes", "black")]),
        ("वर्दी", [("school uniform", None)]),
        ("हवाई चप्पल", [("chappal", None)]),
        ("लाल टोपी", [("cap", "red")]),
        ("cream sweater", [("sweater", "cream")]),
        ("black sandals", [("sandals", "black")]),
        ("saree", [("saree", None)]),
        ("लाल दुपट्टा", [("dupatta", "red")]),
        ("गुलाबी सलवार सूट", [("salwar", "pink"), ("kameez", "pink")]),
        ("pink salwar kameez", [("salwar", "pink"), ("kameez", "pink")]),
    ],
)
def test_parse_clothing(text: str, expected: list[Cloth]) -> None:
    assert clothes(text) == expected


def test_parse_clothing_shades_patterns_and_several_colours() -> None:
    assert parse_clothing("आसमानी शर्ट") == (ClothingFact("shirt", "blue", "light"),)
    assert parse_clothing("हल्का नीला शर्ट") == (ClothingFact("shirt", "blue", "light"),)
    assert parse_clothing("light blue shirt") == (ClothingFact("shirt", "blue", "light"),)
    assert parse_clothing("गहरी हरी टी-शर्ट") == (ClothingFact("t-shirt", "green", "dark"),)
    assert parse_clothing("red and white striped shirt") == (
        ClothingFact("shirt", "red", None, ("white",), "striped"),
    )
    assert parse_clothing("लाल और सफ़ेद धारीदार शर्ट") == (
        ClothingFact("shirt", "red", None, ("white",), "striped"),
    )
    assert parse_clothing("shirt red and white. jeans") == (
        ClothingFact("shirt", "red", None, ("white",)),
        ClothingFact("jeans"),
    )
    assert parse_clothing("चेक वाली नीली शर्ट") == (ClothingFact("shirt", "blue", pattern="checked"),)


def test_clothing_fact_describe() -> None:
    assert ClothingFact("shirt", "blue", "light").describe() == "light blue shirt"
    fact = ClothingFact("shirt", "red", None, ("white",), "striped")
    assert fact.describe() == "red and white striped shirt"
    assert fact.colours == ("red", "white")
    assert ClothingFact("jeans").describe() == "jeans"


@pytest.mark.parametrize("text", ["", "   ", "लाल", "red and blue", "xyz", "कपड़े पता नहीं", "🙂"])
def test_parse_clothing_finds_nothing(text: str) -> None:
    assert parse_clothing(text) == ()


def test_parse_clothing_accepts_none() -> None:
    assert parse_clothing(None) == ()


# ------------------------------------------------------------------------------ clothing: comparing


def test_same_clothes_agree_across_languages() -> None:
    result = compare_clothing_texts("लाल टी-शर्ट और नीली जींस", "red t-shirt, blue jeans")
    assert score(result) > 0.9
    assert result.agreements == ("red t-shirt in both", "blue jeans in both")
    assert result.conflicts == ()


def test_other_colour_is_a_mild_conflict_that_fades_with_time() -> None:
    same_day = compare_clothing_texts("लाल टी-शर्ट और नीली जींस", "green t-shirt")
    assert -0.5 < score(same_day) < -0.1
    (conflict,) = same_day.conflicts
    assert "complaint says red" in conflict
    assert "found record says green" in conflict
    month = compare_clothing_texts("लाल टी-शर्ट और नीली जींस", "green t-shirt", days_apart=30)
    assert score(same_day) < score(month) <= 0.0
    assert abs(score(month)) < 0.01
    assert any("30 days apart" in note and "week" in note for note in month.notes)


def test_agreement_also_fades_with_time() -> None:
    scores = [
        score(compare_clothing_texts("red t-shirt", "लाल टी-शर्ट", days_apart=days))
        for days in (0, 1, 3, 7, 30)
    ]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > 0.7
    assert scores[3] < 0.1


@pytest.mark.parametrize(
    ("days", "low", "high"),
    [(0, 1.0, 1.0), (1, 0.9, 1.0), (3, 0.45, 0.55), (7, 0.0, 0.1), (30, 0.0, 0.01)],
)
def test_clothing_weight(days: float, low: float, high: float) -> None:
    assert low <= clothing_weight(days) <= high
    assert clothing_weight(-days) == clothing_weight(days)


def test_clothing_weight_edges() -> None:
    assert clothing_weight(math.inf) == 0.0
    with pytest.raises(ValueError, match="NaN"):
        clothing_weight(math.nan)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("light blue shirt", "आसमानी कमीज", "agree"),
        ("blue shirt", "navy blue shirt", "agree"),  # related colours
        ("red frock", "maroon frock", "agree"),
        ("red frock", "red dress", "agree"),  # related garments
        ("red shirt", "red t-shirt", "agree"),
        ("black chappal", "black sandals", "agree"),
        ("jeans", "blue jeans", "agree"),  # colour known to one side
        ("red t-shirt", "blue t-shirt", "conflict"),
        ("red t-shirt", "pink frock", "conflict"),  # cannot have worn both
        ("white shirt", "black shoes", "neutral"),  # nothing comparable
        ("school uniform", "white shirt, blue pant", "neutral"),
    ],
)
def test_compare_clothing_cases(a: str, b: str, expected: str) -> None:
    value = score(compare_clothing_texts(a, b))
    if expected == "agree":
        assert value > 0.1
    elif expected == "conflict":
        assert -0.5 < value < 0
    else:
        assert value == 0.0


def test_related_colour_agrees_less_than_the_same_colour() -> None:
    same = score(compare_clothing_texts("blue shirt", "blue shirt"))
    related = score(compare_clothing_texts("blue shirt", "navy shirt"))
    unknown = score(compare_clothing_texts("blue shirt", "shirt"))
    assert same > related > unknown > 0


def test_compare_clothing_without_facts_is_none() -> None:
    assert compare_clothing_texts("", "red shirt") == FactComparison(None)
    assert compare_clothing_texts("red shirt", "xyz", days_apart=2) == FactComparison(None)


# ------------------------------------------------------------------------------ languages


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["Hindi"], {"hindi"}),
        (["हिंदी"], {"hindi"}),
        (["हिन्दी"], {"hindi"}),
        (["HINDI"], {"hindi"}),
        (["Bhojpuri", "भोजपुरी"], {"bhojpuri"}),
        (["हिंदी और भोजपुरी"], {"hindi", "bhojpuri"}),
        (["Hindi, Maithili"], {"hindi", "maithili"}),
        (["Bangla"], {"bengali"}),
        (["बंगाली"], {"bengali"}),
        (["बांग्ला"], {"bengali"}),
        (["उर्दू"], {"urdu"}),
        (["Oriya"], {"odia"}),
        (["उड़िया"], {"odia"}),
        (["Marwari"], {"rajasthani"}),
        (["अंग्रेज़ी"], {"english"}),
        (["speaks only Tamil"], {"tamil"}),
        (["थोड़ी थोड़ी हिंदी"], {"hindi"}),
        (["Santhali"], {"santali"}),
        (["Nepali", "Assamese", "Punjabi"], {"nepali", "assamese", "punjabi"}),
        (["Gujarati/Marathi"], {"gujarati", "marathi"}),
        (["Telugu", "Kannada", "Malayalam"], {"telugu", "kannada", "malayalam"}),
        (["Haryanvi", "Awadhi"], {"haryanvi", "awadhi"}),
        (["ho"], {"ho"}),  # canonical names come back unchanged
        (["sign language"], {"sign language"}),
        (["Klingon"], set()),
        ([""], set()),
        ([], set()),
    ],
)
def test_normalise_languages(items: list[str], expected: set[str]) -> None:
    assert normalise_languages(items) == frozenset(expected)


def test_normalise_languages_accepts_a_string_none_and_its_own_output() -> None:
    assert normalise_languages("Hindi, Bhojpuri") == {"hindi", "bhojpuri"}
    assert normalise_languages(None) == frozenset()
    once = normalise_languages(["हिंदी", "Bangla", "Sign language"])
    assert normalise_languages(once) == once


def test_shared_rare_language_is_stronger_than_shared_hindi() -> None:
    tamil = compare_languages(["Tamil"], ["तमिल"])
    hindi = compare_languages(["Hindi"], ["हिंदी"])
    assert score(tamil) > score(hindi) > 0
    assert any("Tamil" in agreement for agreement in tamil.agreements)


def test_unrelated_only_languages_conflict() -> None:
    result = compare_languages(["Tamil"], ["Bengali"])
    assert score(result) <= -0.5
    (conflict,) = result.conflicts
    assert "Tamil" in conflict
    assert "Bengali" in conflict


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        (["Hindi", "Bhojpuri"], ["Bhojpuri"], 0.6, 1.0),  # shared regional language
        (["Hindi", "Santali"], ["संथाली", "हिंदी"], 0.9, 1.0),
        (["Hindi"], ["Bhojpuri"], 0.0, 0.2),  # close kin: no conflict, little support
        (["Urdu"], ["Hindi"], 0.0, 0.2),
        (["Hindi"], ["English"], -0.5, -0.1),  # English involved: weaker conflict
        (["Hindi", "Tamil"], ["Hindi", "Bengali"], -0.1, 0.2),  # shared Hindi, clashing extras
        (["Hindi", "Bhojpuri"], ["Hindi"], 0.2, 0.4),  # the record just did not note Bhojpuri
        (["Marathi"], ["Konkani"], 0.0, 0.2),
    ],
)
def test_compare_languages_cases(a: list[str], b: list[str], low: float, high: float) -> None:
    assert low <= score(compare_languages(a, b)) <= high


@pytest.mark.parametrize(("a", "b"), [([], ["Hindi"]), (["Hindi"], []), (["xyz"], ["Hindi"])])
def test_compare_languages_without_facts_is_none(a: list[str], b: list[str]) -> None:
    assert compare_languages(a, b).score is None


# ------------------------------------------------------------------------------ complexion


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("fair", "fair", 1.0),
        ("fair", "wheatish", 0.6),
        ("wheatish", "brown", 0.6),
        ("brown", "dark", 0.6),
        ("fair", "brown", 0.1),
        ("wheatish", "dark", 0.1),
        ("fair", "dark", 0.0),
        ("dark", "fair", 0.0),
        ("गोरा", "Fair", 1.0),
        ("गोरी", "fair", 1.0),
        ("गेहुँआ रंग", "wheatish", 1.0),
        ("सांवली", "brown", 1.0),
        ("काला", "dark", 1.0),
        ("Wheatish complexion", "rang gora", 0.6),
    ],
)
def test_complexion_closeness(a: str, b: str, expected: float) -> None:
    assert complexion_closeness(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("a", "b"), [(None, "fair"), ("fair", None), (None, None), ("", "fair"), ("blah", "dark")]
)
def test_complexion_closeness_unknown_is_none(a: str | None, b: str | None) -> None:
    assert complexion_closeness(a, b) is None


def test_complexion_between_two_points_of_the_scale() -> None:
    closeness = complexion_closeness("fair wheatish", "wheatish")
    assert closeness is not None
    assert 0.6 < closeness < 1.0
    assert parse_complexion("fair wheatish") in ("fair", "wheatish")
    assert parse_complexion("सांवला") == "brown"
    assert parse_complexion("unknown") is None


def test_complexion_accepts_the_domain_enum() -> None:
    from station_app.domain import Complexion

    assert complexion_closeness(Complexion.FAIR, Complexion.WHEATISH) == pytest.approx(0.6)
    assert [parse_complexion(value) for value in Complexion] == [c.value for c in Complexion]


# ------------------------------------------------------------------------------ robustness


@settings(database=None, max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_parsers_never_fail_on_any_text(text: str) -> None:
    mark_facts = parse_marks(text)
    clothing_facts = parse_clothing(text)
    assert isinstance(mark_facts, tuple)
    assert isinstance(clothing_facts, tuple)
    assert parse_marks(text) == mark_facts  # deterministic
    assert normalise_languages([text]) <= set(d._LANGUAGES)
    comparison = compare_marks(mark_facts, mark_facts)
    assert comparison.score is None or -1.0 <= comparison.score <= 1.0
    closeness = complexion_closeness(text, "fair")
    assert closeness is None or 0.0 <= closeness <= 1.0


@settings(database=None, max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "बाएं",
                "दाहिने",
                "गाल",
                "हाथ",
                "पर",
                "तिल",
                "जलने",
                "का",
                "निशान",
                "और",
                ",",
                "mole",
                "left",
                "right",
                "cheek",
                "arm",
                "scar",
                "and",
                "both",
                "no",
                "near",
                "लाल",
                "नीली",
                "टी-शर्ट",
                "जींस",
                "red",
                "shirt",
                "frock",
                ".",
                "।",
            ]
        ),
        max_size=25,
    ),
    st.floats(min_value=0, max_value=365),
)
def test_comparisons_stay_in_range_on_word_salad(words: list[str], days: float) -> None:
    text = " ".join(words)
    for comparison in (
        compare_marks(parse_marks(text), parse_marks("mole on left cheek")),
        compare_clothing(parse_clothing(text), parse_clothing("red shirt"), days),
    ):
        assert comparison.score is None or -1.0 <= comparison.score <= 1.0


def test_lexicon_tables_are_consistent() -> None:
    parts = set(d._BODY_PARTS)
    for part, (parent, similarity) in d._PART_PARENT.items():
        assert {part, parent} <= parts
        assert 0 < similarity < 1
    assert parts >= d._PAIRED_PARTS
    assert parts >= set(d._DEFAULT_PART.values())
    assert set(d._KIND_LABELS) == set(d._MARK_KINDS) | {"other"}
    assert set(d._KIND_SPECIFICITY) == set(d._KIND_LABELS)
    for pair in d._KIND_SIMILARITY:
        assert pair <= set(d._MARK_KINDS)
    for pair in d._GARMENT_SIMILARITY:
        assert pair <= set(d._GARMENTS)
    for garments in d._GARMENT_SETS.values():
        assert set(garments) <= set(d._GARMENTS)
    for pair in d._COLOUR_SIMILARITY:
        assert pair <= set(d._COLOURS)
    for pair in d._LANGUAGE_KINSHIP:
        assert pair <= set(d._LANGUAGES)
