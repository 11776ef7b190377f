"""Tests for station_app.names: romanisation, phonetic keys, name splitting, search keys
and name comparison."""

from __future__ import annotations

import itertools
import re
import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.names import (
    SEARCH_KEY_MAX_LENGTH,
    NameComparison,
    compare_names,
    devanagari_to_latin,
    name_words,
    phonetic_key,
    query_keys,
    search_key,
    split_aliases,
)

# ----------------------------------------------------------------------------------------
# devanagari_to_latin
# ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hindi", "latin"),
    [
        ("राजेश", "rajesh"),
        ("सुनीता", "sunita"),
        ("कमल", "kamal"),
        ("पूजा", "puja"),
        ("मोहम्मद", "mohammad"),
        ("विकास", "vikas"),
        ("लक्ष्मी", "lakshmi"),
        ("अमित", "amit"),
        ("रमेश", "ramesh"),
        ("गुड्डू", "guddu"),
        ("प्रिया", "priya"),
        ("सलमा", "salma"),
        ("अंकित", "ankit"),
    ],
)
def test_romanises_required_examples(hindi: str, latin: str) -> None:
    assert devanagari_to_latin(hindi) == latin


@pytest.mark.parametrize("latin", ["aarti", "arti"])
def test_aarti_is_one_of_the_accepted_forms(latin: str) -> None:
    assert devanagari_to_latin("आरती") in {"aarti", "arti"}
    assert phonetic_key(devanagari_to_latin("आरती")) == phonetic_key(latin)


@pytest.mark.parametrize(
    ("hindi", "latin"),
    [
        # schwa deletion: final, medial (VC_CV), compounds, stop + r onsets
        ("कमला", "kamla"),
        ("रचना", "rachna"),
        ("जगदीश", "jagdish"),
        ("शबनम", "shabnam"),
        ("रहमान", "rahman"),
        ("असलम", "aslam"),
        ("भरत", "bharat"),
        ("अजय", "ajay"),
        ("हेमलता", "hemlata"),
        ("मनमोहन", "manmohan"),
        ("हरप्रीत", "harprit"),
        ("शिवप्रसाद", "shivprasad"),
        ("विजया", "vijaya"),
        ("अर्चना", "archana"),
        # final conjuncts keep their 'a' except nasal + stop and r + consonant
        ("कृष्ण", "krishna"),
        ("गुप्त", "gupta"),
        ("नरेन्द्र", "narendra"),
        ("आदित्य", "aditya"),
        ("आनन्द", "anand"),
        ("हेमन्त", "hemant"),
        ("सिद्धार्थ", "siddharth"),
        # single-syllable words keep the schwa
        ("न", "na"),
        # anusvara and chandrabindu
        ("आनंद", "anand"),
        ("संजय", "sanjay"),
        ("चंपा", "champa"),
        ("अंबिका", "ambika"),
        ("सिंह", "singh"),
        ("चाँद", "chand"),
        ("गंगा", "ganga"),
        # visarga, virama, conjuncts
        ("दुःख", "duhkh"),
        ("अमित्", "amit"),
        ("ज्ञान", "gyan"),
        ("क्षमा", "kshama"),
        ("श्री", "shri"),
        # nukta, precomposed and combining
        ("क़ासिम", "qasim"),
        ("\u0958\u093e\u0938\u093f\u092e", "qasim"),
        ("ज़ोया", "zoya"),
        ("फ़ातिमा", "fatima"),
        ("बड़ा", "bara"),
        # vowels
        ("ऐश्वर्या", "aishvarya"),
        ("गौरव", "gaurav"),
        ("डॉली", "doli"),
        ("ऋषि", "rishi"),
    ],
)
def test_romanises_devanagari(hindi: str, latin: str) -> None:
    assert devanagari_to_latin(hindi) == latin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("Rajesh Kumar", "Rajesh Kumar"),
        ("José Müller-Lüdenscheidt", "José Müller-Lüdenscheidt"),
        ("O'Brien, Jr.", "O'Brien, Jr."),
        ("१२३४५६७८९०", "1234567890"),
        ("राजेश कुमार", "rajesh kumar"),
        ("Ram राम, 12 वर्ष।", "Ram ram, 12 varsh."),
        ("राजेश/Rajesh", "rajesh/Rajesh"),
    ],
)
def test_romanisation_leaves_other_text_alone(text: str, expected: str) -> None:
    assert devanagari_to_latin(text) == expected


def test_romanisation_ignores_stray_marks() -> None:
    assert devanagari_to_latin("\u094dराम\u200d") == "ram"
    assert devanagari_to_latin("\u093c") == ""


# ----------------------------------------------------------------------------------------
# phonetic_key
# ----------------------------------------------------------------------------------------

SAME_NAME_GROUPS = [
    ("Rajesh", "राजेश", "RAJESH", "rajesh"),
    ("Pooja", "Puja", "पूजा"),
    ("Vikas", "Vikash", "विकास"),
    ("Mohd", "Md", "Mohammad", "Mohammed", "Muhammad", "Mohamed", "Mohmmad", "मोहम्मद", "मुहम्मद"),
    ("Sunita", "Suneeta", "Sunitha", "सुनीता"),
    ("Lakshmi", "Laxmi", "Lakshami", "लक्ष्मी"),
    ("Aarti", "Arti", "Aarthi", "आरती"),
    ("Deepak", "Dipak", "दीपक"),
    ("Sanjay", "Sanjai", "संजय"),
    ("Kavita", "Kavitha", "कविता"),
    ("Shabnam", "Sabnam", "शबनम"),
    ("Zoya", "Joya", "ज़ोया", "जोया"),
    ("Vinod", "Winod", "विनोद"),
    ("Kamala", "Kamla", "कमला"),
    ("Rahman", "Rahaman", "रहमान"),
    ("Gaurav", "Gourav", "गौरव"),
    ("Saurabh", "Sourabh", "सौरभ"),
    ("Chhotu", "Chotu", "छोटू"),
    ("Pandey", "Pande", "पांडेय", "पाण्डेय", "पांडे"),
    ("Sheikh", "शेख"),
    ("Singh", "सिंह"),
    ("Farhana", "फरहाना", "फ़रहाना"),
    ("Fatima", "Phatima", "फ़ातिमा", "फातिमा"),
    ("Abdullah", "Abdulla", "अब्दुल्ला"),
    ("Harpreet", "हरप्रीत"),
    ("Siddharth", "Sidharth", "सिद्धार्थ"),
    ("Krishna", "कृष्ण"),
    ("Guddu", "Gudu", "गुड्डू"),
    ("Jagdish", "Jagadish", "जगदीश"),
    ("Bhagwati", "Bhagvati", "भगवती"),
    ("Rachna", "Rachana", "रचना"),
    ("Ajay", "Ajai", "अजय"),
    ("Qasim", "Kasim", "क़ासिम"),
    ("Pinky", "Pinki", "पिंकी"),
    ("Sweety", "Sweeti", "स्वीटी"),
    ("Kumar", "कुमार"),
    ("Kumari", "कुमारी"),
]


def _pairs_within_groups() -> Iterator[tuple[str, str]]:
    for group in SAME_NAME_GROUPS:
        yield from itertools.combinations(group, 2)


@pytest.mark.parametrize(("a", "b"), list(_pairs_within_groups()))
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert phonetic_key(a) == phonetic_key(b) != ""


DISTINCT_NAMES = [
    ("Ram", "Rahul"),
    ("Amit", "Anita"),
    ("Sunil", "Sunita"),
    ("Ravi", "Rani"),
    ("Mohan", "Sohan"),
    ("Pooja", "Puneet"),
    ("Raju", "Rajesh"),
    ("Ramesh", "Rakesh"),
    ("Ramesh", "Suresh"),
    ("Mahesh", "Mukesh"),
    ("Kamal", "Kamla"),
    ("Amit", "Amita"),
    ("Sunit", "Sunita"),
    ("Ram", "Rama"),
    ("Mohammad", "Mahmood"),
    ("Rekha", "Rakhi"),
    ("Seema", "Soma"),
    ("Anil", "Anjali"),
    ("Mona", "Meena"),
    ("राम", "रमा"),
    ("सुनील", "सुनीता"),
]


@pytest.mark.parametrize(("a", "b"), DISTINCT_NAMES)
def test_distinct_names_keep_distinct_keys(a: str, b: str) -> None:
    assert phonetic_key(a) != phonetic_key(b)


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Rajesh", "rajes"),
        ("Pooja", "puja"),
        ("Lakshmi", "laksmi"),
        ("Mohammed", "mohmad"),
        ("Sanjay", "sanjai"),
        ("Kumar", "kumar"),
        ("Xavier", "ksavier"),
        ("Lucky", "laki"),  # English spelling of लकी: u before two consonants and a final y
        ("Bunty", "banti"),
        ("Verma", "varma"),
        ("Gaurav", "gorav"),
        ("Priya", "pria"),
        ("Surender", "surindar"),
        ("Kishore", "kisor"),
        ("गुड़िया", "guria"),  # ड़ is r in the key; the d reading is a variant
    ],
)
def test_key_examples(word: str, key: str) -> None:
    assert phonetic_key(word) == key


@pytest.mark.parametrize("word", ["", " ", "...", "123", "१२३", "-", "@", "\u094d"])
def test_key_of_nothing_is_empty(word: str) -> None:
    assert phonetic_key(word) == ""


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rajesh", " rajesh. "),
        ("Rajesh", "RAJESH"),
        ("José", "Jose"),
        ("D'Souza", "DSouza"),
        ("Lakshmi", "Lakṣmī"),
    ],
)
def test_key_ignores_case_accents_and_punctuation(a: str, b: str) -> None:
    assert phonetic_key(a) == phonetic_key(b)


def test_key_is_cached() -> None:
    phonetic_key.cache_clear()
    phonetic_key("Rajesh")
    phonetic_key("Rajesh")
    assert phonetic_key.cache_info().hits >= 1


@pytest.mark.parametrize(
    ("prefix", "full"),
    [
        ("Raje", "Rajesh"),
        ("Raj", "Rajesh"),
        ("Vik", "Vikash"),
        ("Vikas", "Vikash"),
        ("Lax", "Lakshmi"),
        ("Laks", "Laxmi"),
        ("Poo", "Pooja"),
        ("Pu", "Pooja"),
        ("Sun", "Sunita"),
        ("Sunee", "Sunita"),
        ("Deep", "Dipak"),
        ("Shab", "Shabnam"),
        ("Moh", "Mohammed"),
        ("Sanja", "Sanjay"),
        ("Kavith", "Kavitha"),
        ("Abdullah", "Abdullah Khan"),
        ("Sneh", "Snehlata"),
        ("Chh", "Chhotu"),
        ("राजे", "Rajesh"),
        ("राज", "राजेश"),
        ("मोह", "Mohammad"),
        ("कम", "कमला"),
    ],
)
def test_key_of_a_prefix_is_a_prefix_of_the_key(prefix: str, full: str) -> None:
    assert phonetic_key(full).startswith(phonetic_key(prefix))


# ----------------------------------------------------------------------------------------
# name_words and split_aliases
# ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Rajesh Kumar", ["Rajesh", "Kumar"]),
        ("  Rajesh   Kumar  ", ["Rajesh", "Kumar"]),
        ("Shri Rajesh Kumar", ["Rajesh", "Kumar"]),
        ("Sh. Rajesh", ["Rajesh"]),
        ("Smt. Sunita Devi", ["Sunita", "Devi"]),
        ("Kumari Pooja", ["Pooja"]),
        ("Km. Pooja", ["Pooja"]),
        ("Late Shri Ram Lal", ["Ram", "Lal"]),
        ("Master Rahul", ["Rahul"]),
        ("Mst. Shabnam", ["Shabnam"]),
        ("Sunita Kumari", ["Sunita", "Kumari"]),  # a trailing Kumari is part of the name
        ("Kumari", ["Kumari"]),  # never drop the only word
        ("Shri", ["Shri"]),
        ("Md. Salim", ["Mohammad", "Salim"]),
        ("Md Salim", ["Mohammad", "Salim"]),
        ("MOHD. Rafiq", ["Mohammad", "Rafiq"]),
        ("Md.Rafiq", ["Mohammad", "Rafiq"]),
        ("मो. सलीम", ["मोहम्मद", "सलीम"]),
        ("मो॰ सलीम", ["मोहम्मद", "सलीम"]),
        ("Ramesh urf Ramu", ["Ramesh", "Ramu"]),
        ("Ramesh URF Ramu", ["Ramesh", "Ramu"]),
        ("Ramesh alias Ramu", ["Ramesh", "Ramu"]),
        ("Ramesh @ Ramu", ["Ramesh", "Ramu"]),
        ("Ramesh@Ramu", ["Ramesh", "Ramu"]),
        ("Ramesh (Guddu)", ["Ramesh", "Guddu"]),
        ("Pooja/Puja", ["Pooja", "Puja"]),
        ("Raju urf Pappu alias Bablu", ["Raju", "Pappu", "Bablu"]),
        ("Surface", ["Surface"]),  # "urf" inside a word is not a marker
        ("श्री राजेश कुमार", ["राजेश", "कुमार"]),
        ("श्रीमती सुनीता देवी", ["सुनीता", "देवी"]),
        ("कुमारी पूजा", ["पूजा"]),
        ("राजेश उर्फ राजू", ["राजेश", "राजू"]),
        ("राजेश उर्फ़ राजू", ["राजेश", "राजू"]),
        ("राजेश उर्\u095e राजू", ["राजेश", "राजू"]),
        ("Ramesh s/o Suresh", ["Ramesh"]),
        ("Ramesh S/O Suresh Kumar", ["Ramesh"]),
        ("Pooja d/o Ram Lal", ["Pooja"]),
        ("Ramesh son of Suresh", ["Ramesh"]),
        ("रमेश पुत्र सुरेश", ["रमेश"]),
        ("R.K. Sharma", ["R", "K", "Sharma"]),
        ("Rajesh Kumar, 10 yrs", ["Rajesh", "Kumar"]),
        ("Ram-Prasad", ["Ram", "Prasad"]),
        ("D'Souza", ["DSouza"]),
        ("Rajesh राजेश", ["Rajesh", "राजेश"]),
        ("अज्ञात बालक", []),
        ("Unknown boy", []),
        ("Baby of Sunita", []),
        ("Unknown", []),
        ("N/A", []),
        ("n.a.", []),
        ("-", []),
        ("", []),
        ("   ", []),
        ("123", []),
    ],
)
def test_name_words(name: str, words: list[str]) -> None:
    assert name_words(name) == words


@pytest.mark.parametrize(
    ("name", "main", "aliases"),
    [
        ("Ramesh Kumar urf Guddu", ["Ramesh", "Kumar"], [["Guddu"]]),
        ("Ramesh (Guddu) urf Pappu", ["Ramesh"], [["Guddu"], ["Pappu"]]),
        ("urf Guddu", [], [["Guddu"]]),
        ("Ramesh urf", ["Ramesh"], []),
        ("Ramesh", ["Ramesh"], []),
        ("", [], []),
    ],
)
def test_split_aliases(name: str, main: list[str], aliases: list[list[str]]) -> None:
    assert split_aliases(name) == (main, aliases)


# ----------------------------------------------------------------------------------------
# search_key and query_keys
# ----------------------------------------------------------------------------------------


def _finds(record_key: str, query: str) -> bool:
    """What the register does: every query key must match ``name_key LIKE '% key%'``."""
    keys = query_keys(query)
    return bool(keys) and all(f" {key}" in record_key for key in keys)


@pytest.mark.parametrize(
    ("name", "aliases", "expected"),
    [
        ("Rajesh Kumar", ["Ramu"], " rajes kumar ramu"),
        ("राजेश कुमार", [], " rajes kumar"),
        ("Shri Rajesh Kumar urf Ramu", [], " rajes kumar ramu"),
        ("Rajesh", ["राजेश", "Rajesh"], " rajes"),
        ("", [], ""),
        ("Unknown", ["N/A"], ""),
        ("", ["Guddu"], " gudu"),
        ("Kamala", [], " kamla kamala"),
        ("Kamala Kumari", [], " kamla kumri kamala kumari"),
    ],
)
def test_search_key(name: str, aliases: list[str], expected: str) -> None:
    assert search_key(name, aliases) == expected


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Rajesh", ["rajes"]),
        ("राजेश", ["rajes"]),
        ("Rajesh Kumar", ["rajes", "kumar"]),
        ("Shri Rajesh", ["rajes"]),
        ("Md Salim", ["mohmad", "salim"]),
        ("Rajesh rajesh RAJESH", ["rajes"]),
        ("Raje", ["raje"]),
        ("", []),
        ("   ", []),
        ("?!", []),
    ],
)
def test_query_keys(text: str, keys: list[str]) -> None:
    assert query_keys(text) == keys


@pytest.mark.parametrize(
    ("query", "name", "aliases"),
    [
        ("Rajesh", "राजेश कुमार", []),
        ("राजेश", "Rajesh Kumar", []),
        ("puja", "Pooja", []),
        ("Pooja", "पूजा", []),
        ("Raje", "Rajesh", []),
        ("राजे", "Rajesh", []),
        ("kumar", "Rajesh Kumar", []),
        ("Rajesh Kumar", "Kumar Rajesh", []),
        ("Guddu", "Ramesh", ["Guddu"]),
        ("Guddu", "Ramesh urf Guddu", []),
        ("Laxmi", "लक्ष्मी", []),
        ("Lakshami", "Laxmi Devi", []),
        ("Vikash", "विकास", []),
        ("Mohd", "मोहम्मद सलीम", []),
        ("Muhammad", "Md. Salim", []),
        ("Moha", "Mohammed Rafiq", []),
        ("Kuma", "Sunita Kumari", []),
        ("Kama", "Kamala", []),
        ("Kavitha", "कविता", []),
        ("Shri Rajesh", "Rajesh", []),
    ],
)
def test_search_finds(query: str, name: str, aliases: list[str]) -> None:
    assert _finds(search_key(name, aliases), query)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Rahul", "Ram"),
        ("Sunil", "Sunita"),
        ("Rani", "Ravi"),
        ("Sohan", "Mohan"),
        ("Rajesh", "Raju"),
        ("Rajesh Sharma", "Rajesh Verma"),
        ("jesh", "Rajesh"),  # prefixes of words only, not infixes
        ("Ramesh", "Rakesh"),
    ],
)
def test_search_does_not_find(query: str, name: str) -> None:
    assert not _finds(search_key(name, []), query)


def test_search_key_fits_the_column() -> None:
    aliases = [f"Alias{n} Nickname{n} Kamala{n}" for n in range(60)]
    key = search_key("Rajesh Kumar", aliases)
    assert len(key) <= SEARCH_KEY_MAX_LENGTH
    assert key.startswith(" rajes kumar alias")
    assert all(f" {k}" in key for k in ("rajes", "kumar"))


def test_search_contract_in_sql() -> None:
    records = [
        ("राजेश कुमार", ()),
        ("Rajesh Kumar", ()),
        ("Pooja", ()),
        ("Ramesh", ("Guddu",)),
        ("Sunita Devi", ()),
        ("Raju", ()),
    ]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE child (name TEXT, name_key TEXT)")
    db.executemany(
        "INSERT INTO child VALUES (?, ?)",
        [(name, search_key(name, aliases)) for name, aliases in records],
    )

    def search(text: str) -> set[str]:
        keys = query_keys(text)
        where = " AND ".join("name_key LIKE ?" for _ in keys)
        rows = db.execute(f"SELECT name FROM child WHERE {where}", [f"% {k}%" for k in keys])
        return {row[0] for row in rows}

    assert search("Rajesh") == {"राजेश कुमार", "Rajesh Kumar"}
    assert search("राजेश") == {"राजेश कुमार", "Rajesh Kumar"}
    assert search("puja") == {"Pooja"}
    assert search("Raje") == {"राजेश कुमार", "Rajesh Kumar"}
    assert search("Raj") == {"राजेश कुमार", "Rajesh Kumar", "Raju"}
    assert search("guddu") == {"Ramesh"}
    assert search("Suneeta") == {"Sunita Devi"}
    assert search("kumar rajesh") == {"राजेश कुमार", "Rajesh Kumar"}


# ----------------------------------------------------------------------------------------
# compare_names
# ----------------------------------------------------------------------------------------


def _cmp(
    a: str, b: str, a_aliases: tuple[str, ...] = (), b_aliases: tuple[str, ...] = ()
) -> NameComparison:
    return compare_names(a, a_aliases, b, b_aliases)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rajesh Kumar", "Rajesh Kumar"),
        ("rajesh kumar", "RAJESH KUMAR"),
        ("Shri Rajesh Kumar", "Rajesh Kumar"),
        ("राजेश", "राजेश"),
        ("Md. Salim", "Mohammad Salim"),
    ],
)
def test_exact(a: str, b: str) -> None:
    result = _cmp(a, b)
    assert (result.score, result.kind) == (1.0, "exact")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("राजेश", "Rajesh"),
        ("राजेश कुमार", "Rajesh Kumar"),
        ("Pooja", "Puja"),
        ("पूजा", "Pooja"),
        ("Sunita", "Sunitha"),
        ("Lakshmi", "Laxmi"),
        ("Mohd Salim", "मोहम्मद सलीम"),
        ("Muhammad Rafiq", "Mohammed Rafiq"),
        ("Harpreet Singh", "हरप्रीत सिंह"),
        ("Vikash Kumar", "Vikas Kumar"),
    ],
)
def test_phonetic_full_match(a: str, b: str) -> None:
    result = _cmp(a, b)
    assert (result.score, result.kind) == (1.0, "phonetic")
    assert _cmp(b, a).score == 1.0


def test_explanation_for_another_script() -> None:
    assert _cmp("राजेश", "Rajesh").explanation == "राजेश ~ Rajesh (same name in another script)"
    assert _cmp("Pooja", "Puja").explanation == "Pooja ~ Puja (spelling variant)"
    assert _cmp("Rajesh", "Rajesh").explanation == "Rajesh ~ Rajesh (same name)"


@pytest.mark.parametrize(
    ("a", "b", "ignored"),
    [
        ("Rajesh Kumar", "Rajesh", "Kumar"),
        ("Sunita Devi", "सुनीता", "Devi"),
        ("Md Salim", "Salim", "Mohammad"),
        ("Harpreet Kaur", "Harpreet", "Kaur"),
    ],
)
def test_weak_words_barely_matter(a: str, b: str, ignored: str) -> None:
    result = _cmp(a, b)
    assert result.kind == "phonetic"
    assert result.score == pytest.approx(0.95)
    assert f"ignoring {ignored}" in result.explanation


def test_word_order_barely_matters() -> None:
    result = _cmp("Sharma Rajesh", "Rajesh Sharma")
    assert result.kind == "phonetic"
    assert result.score == pytest.approx(0.95)
    assert "another order" in result.explanation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rajesh Sharma", "Rajesh"),
        ("Rajesh", "Rajesh Sharma"),
        ("राजेश शर्मा", "Rajesh"),
        ("Rajesh Kumar Sharma", "Rajesh Kumar"),
    ],
)
def test_first_name_only(a: str, b: str) -> None:
    result = _cmp(a, b)
    assert result.kind == "first_name_only"
    assert result.score == pytest.approx(0.85)
    assert "only a first name" in result.explanation


@pytest.mark.parametrize(
    ("a", "a_aliases", "b", "b_aliases"),
    [
        ("Ramesh urf Guddu", (), "Guddu", ()),
        ("Ramesh", ("Guddu",), "Guddu", ()),
        ("Guddu", (), "Rakesh Kumar", ("Guddu",)),
        ("Ramesh", ("Guddu",), "Suresh", ("गुड्डू",)),
        ("Ramesh @ Pappu", (), "पप्पू", ()),
    ],
)
def test_alias(a: str, a_aliases: tuple[str, ...], b: str, b_aliases: tuple[str, ...]) -> None:
    result = compare_names(a, a_aliases, b, b_aliases)
    assert result.kind == "alias"
    assert result.score == pytest.approx(0.8)
    assert "alias" in result.explanation


def test_alias_does_not_beat_a_better_main_match() -> None:
    result = compare_names("Rajesh", ["Guddu"], "Rajesh", ["Guddu"])
    assert (result.kind, result.score) == ("exact", 1.0)


def test_record_with_only_an_alias_uses_it_as_its_name() -> None:
    assert _cmp("", "Guddu", a_aliases=("Guddu",)).score == 1.0


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("Rajesh Sharma", "Rajesh Verma", 0.45, 0.55),  # shared first name
        ("Rajesh Sharma", "Mukesh Sharma", 0.3, 0.4),  # shared surname only
        ("Sharma", "Rajesh Sharma", 0.3, 0.4),
        ("Ram Prasad Yadav", "Ram Prasad Verma", 0.55, 0.7),  # two shared words
        ("Ram Prasad Yadav", "Ram Prasad", 0.8, 0.9),  # surname missing
        ("Salim", "Selim", 0.5, 0.7),  # near miss: a/e
        ("Anand", "Ananda", 0.5, 0.7),  # near miss: final a
        ("Vinod", "Binod", 0.5, 0.7),  # near miss: b/v
        ("Kamal", "Kamla", 0.3, 0.5),  # two vowel slips
        ("Selim Ali", "Salim Khan", 0.2, 0.4),
    ],
)
def test_partial_scores_are_graded(a: str, b: str, low: float, high: float) -> None:
    result = _cmp(a, b)
    assert result.kind == "partial"
    assert result.score is not None
    assert low <= result.score <= high


@pytest.mark.parametrize(
    ("a", "b"),
    [
        *DISTINCT_NAMES[:10],
        ("Rajesh", "Suresh"),
        ("Ramesh Kumar", "Rakesh Kumar"),
        ("Mohammad Rafiq", "Mohammad Salim"),
        ("राजेश", "सुरेश"),
        ("Mona", "Meena"),
    ],
)
def test_different(a: str, b: str) -> None:
    result = _cmp(a, b)
    assert (result.score, result.kind) == (0.0, "different")
    assert "different names" in result.explanation


def test_ramesh_rakesh_is_low() -> None:
    score = _cmp("Ramesh", "Rakesh").score
    assert score is not None and score < 0.3


@pytest.mark.parametrize(
    ("a", "a_aliases", "b", "b_aliases"),
    [
        ("", (), "Rajesh", ()),
        ("Rajesh", (), "", ()),
        ("", (), "", ()),
        ("Unknown", ("N/A",), "Rajesh", ()),
        ("अज्ञात", (), "Rajesh", ()),
        ("...", (), "Rajesh", ()),
        ("Baby of Sunita", (), "Sunita", ()),
    ],
)
def test_no_name(a: str, a_aliases: tuple[str, ...], b: str, b_aliases: tuple[str, ...]) -> None:
    result = compare_names(a, a_aliases, b, b_aliases)
    assert (result.score, result.kind) == (None, "no_name")
    assert result.explanation.startswith("No name recorded")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rajesh Kumar", "राजेश"),
        ("Ramesh urf Guddu", "Guddu Kumar"),
        ("Sunita", "Sunil"),
        ("Ram Prasad", "Prasad Ram Yadav"),
        ("R. K. Sharma", "Rajesh Kumar Sharma"),
        ("Kumar", "Rajesh Kumar"),
    ],
)
def test_comparison_is_symmetric_and_in_range(a: str, b: str) -> None:
    forward, backward = _cmp(a, b), _cmp(b, a)
    assert forward.score == backward.score
    assert forward.kind == backward.kind
    assert forward.score is not None and 0.0 <= forward.score <= 1.0
    assert forward.explanation


def test_comparison_is_frozen() -> None:
    result = _cmp("Rajesh", "Rajesh")
    with pytest.raises(AttributeError):
        result.score = 0.5  # type: ignore[misc]


# ----------------------------------------------------------------------------------------
# Common North Indian names in both scripts
# ----------------------------------------------------------------------------------------

# Each row is one name: its Devanagari spelling and the Latin spellings met in registers.
# Every two spellings in a row must be judged the same name. A Devanagari spelling may head
# two rows when Latin script writes one of its sounds two ways that are themselves different
# letters (ड़ is Gudiya or Guriya; Gudiya vs Guriya typed in Latin is a consonant change).
COMMON_NAMES: list[tuple[str, ...]] = [
    # boys
    ("राजेश", "Rajesh", "Rajesh"),
    ("रमेश", "Ramesh"),
    ("सुरेश", "Suresh"),
    ("महेश", "Mahesh"),
    ("मोहन", "Mohan"),
    ("रोहन", "Rohan"),
    ("राहुल", "Rahul"),
    ("अमित", "Amit"),
    ("सुनील", "Sunil"),
    ("विकास", "Vikas", "Vikash", "Wikas"),
    ("दीपक", "Deepak", "Dipak"),
    ("संजय", "Sanjay", "Sanjai"),
    ("विजय", "Vijay", "Vijai", "Wijay"),
    ("किशोर", "Kishore", "Kishor"),
    ("सूरज", "Suraj", "Sooraj"),
    ("गोविंद", "Govind", "Gowind", "गोविन्द"),
    ("आकाश", "Aakash", "Akash"),
    ("शिवम", "Shivam", "Sivam"),
    ("राजू", "Raju", "Rajoo"),
    ("रामू", "Ramu", "Ramoo"),
    ("सनी", "Sunny", "Sani", "सन्नी"),
    ("बंटी", "Bunty", "Banty"),
    ("लकी", "Lucky", "Lacky"),
    ("गुड्डू", "Guddu", "Gudu", "Guddoo"),
    ("बबलू", "Bablu", "Babloo"),
    ("मुन्ना", "Munna"),
    ("छोटू", "Chhotu", "Chotu"),
    ("गोलू", "Golu", "Goloo"),
    ("पप्पू", "Pappu", "Pappoo"),
    ("मोहम्मद", "Mohammad", "Mohammed", "Muhammad", "Mohd", "Md"),
    ("शाहरुख", "Shahrukh", "शाहरुख़"),
    ("सलमान", "Salman"),
    ("इमरान", "Imran"),
    ("इरफ़ान", "Irfan", "इरफान"),
    ("आरिफ़", "Arif", "Aarif"),
    ("समीर", "Sameer", "Samir"),
    ("रहमान", "Rahman", "Rehman", "Rahaman"),
    ("महबूब", "Mehboob", "Mahboob", "Mehbub"),
    ("परवेज़", "Parvez", "Pervez", "Parvej"),
    ("शहज़ाद", "Shahzad", "Shehzad"),
    ("ऋतिक", "Ritik", "Hrithik", "Hritik", "Rithik", "हृतिक"),
    ("लक्ष्मण", "Laxman", "Lakshman"),
    ("सिद्धार्थ", "Siddharth", "Sidharth"),
    ("सुरेंद्र", "Surendra", "Surender", "Surinder", "सुरेन्द्र", "सुरिंदर"),
    ("नरेंद्र", "Narendra", "Narender"),
    ("रविंदर", "Ravinder", "Ravindar", "Ravindra"),
    ("धर्मेंद्र", "Dharmendra", "Dharmender"),
    ("चंद्र", "Chandra", "Chander"),
    ("अख़्तर", "Akhtar", "Akhter"),
    ("अनवर", "Anwar", "Anwer"),
    ("गौरव", "Gaurav", "Gourav"),
    # girls
    ("पूजा", "Pooja", "Puja"),
    ("सुनीता", "Sunita", "Suneeta", "Sunitha"),
    ("सरिता", "Sarita", "Saritha"),
    ("अनीता", "Anita", "Aneeta"),
    ("लक्ष्मी", "Lakshmi", "Laxmi"),
    ("खुशी", "Khushi", "Kushi", "Khushee"),
    ("प्रिया", "Priya", "Pria"),
    ("आरती", "Aarti", "Arti", "Aarthi"),
    ("मुन्नी", "Munni", "Muni"),
    ("गुड़िया", "Gudiya", "Gudia", "Guddiya", "गुडिया"),
    ("गुड़िया", "Guriya", "Guria"),
    ("सोनिया", "Sonia", "Soniya"),
    ("नाज़िया", "Nazia", "Naziya", "Najiya"),
    ("दीया", "Diya", "Dia"),
    ("पिंकी", "Pinky", "Pinki"),
    ("स्वीटी", "Sweety", "Sweeti"),
    ("डॉली", "Dolly", "Doly"),
    ("काजल", "Kajal"),
    ("नेहा", "Neha"),
    ("रीना", "Reena", "Rina"),
    ("सीमा", "Seema", "Sima"),
    ("ज्योति", "Jyoti", "Jyothi"),
    ("मुस्कान", "Muskan", "Muskaan"),
    ("खुशबू", "Khushboo", "Khushbu"),
    ("रुखसार", "Rukhsar", "Rukhsaar"),
    ("सपना", "Sapna", "Sapana"),
    ("रेशमा", "Reshma"),
    ("फ़ातिमा", "Fatima", "Phatima"),
    ("परवीन", "Parveen", "Perveen", "Parvin"),
    ("महक", "Mahak", "Mehak"),
    ("तमन्ना", "Tamanna", "Tamana"),
    ("चाँदनी", "Chandni", "Chaandni"),
    ("बबली", "Bubbly", "Babli"),
    ("गीता", "Geeta", "Gita"),
    ("सविता", "Savita", "Savitha"),
    # surnames
    ("वर्मा", "Verma", "Varma"),
    ("शर्मा", "Sharma"),
    ("यादव", "Yadav"),
    ("चौधरी", "Chaudhary", "Choudhary", "Chaudhari", "Chaudhry", "Chowdhary"),
    ("चौहान", "Chauhan", "Chouhan", "Chohan"),
    ("राठौड़", "Rathod"),
    ("राठौड़", "Rathore", "Rathour", "Rathaur", "राठौर"),
    ("मौर्य", "Maurya", "Morya"),
    ("तिवारी", "Tiwari", "Tiwary"),
    ("मिश्रा", "Mishra", "Misra"),
    ("गुप्ता", "Gupta"),
    ("श्रीवास्तव", "Shrivastav", "Srivastav"),
    ("पांडे", "Pandey", "Pande", "पाण्डेय"),
    ("दुबे", "Dubey", "Dube"),
    ("सक्सेना", "Saxena", "Saksena"),
    ("कुशवाहा", "Kushwaha", "Kushvaha"),
    ("अहिरवार", "Ahirwar"),
    ("अंसारी", "Ansari"),
    ("ख़ान", "Khan", "खान"),
    ("क़ुरैशी", "Qureshi", "Kureshi", "Quraishi", "कुरैशी"),
    ("सहगल", "Sehgal", "Sahgal"),
    ("मेहता", "Mehta"),
    ("कपूर", "Kapoor", "Kapur"),
    ("द्विवेदी", "Dwivedi", "Dvivedi"),
    ("जायसवाल", "Jaiswal", "Jayswal"),
    ("गौड़", "Gaur"),
    ("गौड़", "Gaud"),
    ("सिंह", "Singh"),
    ("कौर", "Kaur"),
    ("पटेल", "Patel"),
    ("मीणा", "Meena", "Mina", "मीना"),
]

# Clearly different names: nothing in common.
DIFFERENT_COMMON_NAMES = [
    ("Sunita", "Sarita"),
    ("Rohan", "Mohan"),
    ("Raju", "Ramu"),
    ("राजू", "रामू"),
    ("सुनीता", "सरिता"),
    ("Usha", "Asha"),  # उ and अ stay apart; only an English "Sunny" spelling reads u as अ
    ("उषा", "आशा"),
    ("Munni", "मन्नी"),
    ("Zahid", "Zahir"),  # Latin d and r stay apart; only ड़ is read both ways
    ("Esha", "Aisha"),
    ("Neha", "Nisha"),
    ("Imran", "Irfan"),
    ("Arif", "Asif"),
    ("Sonu", "Monu"),
    ("Sunny", "Sonu"),
    ("Sunny", "Sunil"),
    ("Bunty", "Bittu"),
    ("Priya", "Piya"),
    ("Diya", "Riya"),
    ("Sonia", "Sonam"),
    ("Nazia", "Nazma"),
    ("Akhtar", "Anwar"),
    ("Verma", "Sharma"),
    ("Verma", "Varun"),
    ("Yadav", "Jadhav"),
    ("Gaurav", "Saurabh"),
    ("Kishore", "Kishan"),
    ("Rehman", "Raman"),
    ("Mehta", "Mohit"),
    ("Surender", "Surjeet"),
    ("Shivam", "Shubham"),
    ("Rathore", "Rathi"),
]

# Different names one vowel apart: a graded near miss, never the same name.
NEAR_BUT_DIFFERENT_NAMES = [
    ("Pooja", "Puja", "same"),  # control: a spelling variant
    ("Amit", "Amita", "near"),
    ("Kishor", "Kishori", "near"),
    ("Ankit", "Ankita", "near"),
    ("Aisha", "Asha", "near"),
    ("Gudiya", "Guddi", "near"),
]


def _pairs_of(groups: list[tuple[str, ...]]) -> list[tuple[str, str]]:
    pairs = (pair for group in groups for pair in itertools.combinations(group, 2))
    return list(dict.fromkeys(pair for pair in pairs if pair[0] != pair[1]))


def test_the_common_names_table_is_large_enough() -> None:
    assert len({group[0] for group in COMMON_NAMES}) >= 60
    assert len(_pairs_of(COMMON_NAMES)) >= 250


@pytest.mark.parametrize(("a", "b"), _pairs_of(COMMON_NAMES))
def test_common_names_are_the_same_across_scripts_and_spellings(a: str, b: str) -> None:
    result = _cmp(a, b)
    assert (result.score, result.kind) in {(1.0, "phonetic"), (1.0, "exact")}, result
    assert _cmp(b, a).score == 1.0


@pytest.mark.parametrize(("a", "b"), DIFFERENT_COMMON_NAMES)
def test_different_common_names_stay_different(a: str, b: str) -> None:
    assert (_cmp(a, b).score, _cmp(b, a).score) == (0.0, 0.0)


@pytest.mark.parametrize(("a", "b", "verdict"), NEAR_BUT_DIFFERENT_NAMES)
def test_one_vowel_apart_is_a_near_miss(a: str, b: str, verdict: str) -> None:
    score = _cmp(a, b).score
    assert score is not None
    assert (score == 1.0) if verdict == "same" else (0.3 <= score <= 0.6)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sunny Verma", "सनी वर्मा"),
        ("Guriya Kumari", "गुड़िया कुमारी"),
        ("Gudiya Kumari", "गुड़िया कुमारी"),
        ("Kishore Rathore", "किशोर राठौड़"),
        ("Surinder Singh", "सुरेंद्र सिंह"),
        ("Mohd Shahrukh Qureshi", "मोहम्मद शाहरुख़ क़ुरैशी"),
    ],
)
def test_full_names_in_both_scripts(a: str, b: str) -> None:
    result = _cmp(a, b)
    assert (result.score, result.kind) == (1.0, "phonetic")
    assert result.explanation.endswith("(same name in another script)")


def test_a_second_reading_does_not_count_as_an_extra_word() -> None:
    result = _cmp("Guriya Devi", "गुड़िया")
    assert result.score == pytest.approx(0.95)
    assert result.explanation.endswith("ignoring Devi)")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Verma", "वर्मा"),
        ("वर्मा", "Verma"),
        ("Sunny", "सनी"),
        ("सनी", "Sunny"),
        ("Gudiya", "गुड़िया"),
        ("Guriya", "गुड़िया"),
        ("Kishore", "किशोर"),
        ("Surinder", "सुरेंद्र"),
        ("Rathore", "राठौड़"),
        ("Rathod", "राठौड़"),
        ("Chowdhary", "चौधरी"),
        # prefixes typed as the word is written
        ("Sun", "Sunny"),
        ("Luck", "Lucky"),
        ("Ver", "Verma"),
        ("Ga", "Gaurav"),
        ("Ga", "गौरव"),
        ("Priy", "प्रिया"),
        ("Surend", "सुरेंद्र"),
        ("Naren", "Narendra"),
        ("Kisho", "Kishore"),
    ],
)
def test_search_finds_common_names(query: str, name: str) -> None:
    assert _finds(search_key(name, []), query)


def test_search_key_stores_other_readings_and_written_forms() -> None:
    assert search_key("गुड़िया", []) == " guria gudia guriya gudiya"
    assert search_key("Sunny", []) == " sani suni"
    assert search_key("Verma Verma", ["वर्मा"]) == " varma verma"


# ----------------------------------------------------------------------------------------
# Properties over arbitrary input
# ----------------------------------------------------------------------------------------

_DEVANAGARI_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0900, max_codepoint=0x097F),
        st.sampled_from(" .-@/()\u200c\u200d"),
    ),
    max_size=30,
)
_ANY_TEXT = st.one_of(_DEVANAGARI_TEXT, st.text(max_size=40))


@given(_ANY_TEXT)
def test_romanisation_removes_all_devanagari(text: str) -> None:
    assert not re.search("[\u0900-\u097f]", devanagari_to_latin(text))


@given(_ANY_TEXT)
def test_keys_are_plain_ascii(text: str) -> None:
    assert re.fullmatch("[a-z]*", phonetic_key(text))
    assert all(re.fullmatch("[a-z]+", key) for key in query_keys(text))
    assert re.fullmatch("( [a-z]+)*", search_key(text, [text]))


@given(_ANY_TEXT)
def test_a_name_matches_itself(text: str) -> None:
    result = compare_names(text, [], text, [])
    assert (result.score, result.kind) in {(1.0, "exact"), (None, "no_name")}


@given(_ANY_TEXT, _ANY_TEXT)
def test_scores_stay_in_range(a: str, b: str) -> None:
    result = compare_names(a, [b], b, [a])
    assert result.score is None or 0.0 <= result.score <= 1.0
    assert result.explanation


@pytest.mark.parametrize(
    ("a", "b", "explanation"),
    [
        ("Rajesh Sharma", "Rajesh Verma", "Rajesh Sharma ~ Rajesh Verma (only Rajesh in common)"),
        ("राजेश शर्मा", "Rajesh Verma", "राजेश शर्मा ~ Rajesh Verma (only राजेश ~ Rajesh in common)"),
        ("Selim Ali", "Salim Khan", "Selim Ali ~ Salim Khan (only Selim ≈ Salim in common)"),
        ("Rehman Ali", "Rahman Khan", "Rehman Ali ~ Rahman Khan (only Rehman ~ Rahman in common)"),
        ("Ramesh", "Suresh", "Ramesh vs Suresh: different names"),
        ("Ramesh urf Guddu", "Guddu", "Guddu ~ Guddu (alias of Ramesh; same name)"),
    ],
)
def test_partial_explanations(a: str, b: str, explanation: str) -> None:
    assert _cmp(a, b).explanation == explanation
