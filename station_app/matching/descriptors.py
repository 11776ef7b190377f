"""Structured facts from free-text descriptions of a child, comparable across Hindi and English.

A complaint may say "बाएं गाल पर तिल, दाहिने हाथ पर जलने का निशान" and the found-child
record "mole on left cheek; burn scar on right arm". Matching needs facts, not words, so this
module turns identifying marks, clothing, spoken languages and complexion into small canonical
facts and compares them, explaining every agreement and conflict in plain English.

Everything is driven by the synonym tables below; the parsing is deliberately simple:

* Text is normalised (Unicode NFKC, nukta dropped, chandrabindu read as anusvara, a nasal
  half-letter before a consonant of its class read as anusvara, English case-folded), cut into
  *units* at separators (comma, semicolon, full stop, danda, "and", "और", "तथा", ...), and every
  unit is matched, longest phrase first, against a lexicon of phrases. Words not in a lexicon
  are ignored, so unknown text never fails, it just yields fewer facts.
* A few inflections are tried when a word is not found as written: English plurals and the
  Hindi oblique, plural and feminine endings (माथे -> माथा, नीली -> नीला, हाथों -> हाथ).

Comparisons return a :class:`FactComparison` whose score is in [-1, 1] (positive: the two
descriptions support the same child) or ``None`` when either side states nothing comparable.
By default the first argument is read as the complaint and the second as the found-child
record; pass ``labels`` to name them otherwise.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise, product
from typing import Final

__all__ = [
    "CLOTHING_HALF_LIFE_DAYS",
    "COMPLEXION_SCALE",
    "DEFAULT_LABELS",
    "ClothingFact",
    "FactComparison",
    "MarkFact",
    "clothing_weight",
    "compare_clothing",
    "compare_languages",
    "compare_marks",
    "complexion_closeness",
    "language_display_name",
    "normalise_languages",
    "normalise_text",
    "parse_clothing",
    "parse_complexion",
    "parse_marks",
]

DEFAULT_LABELS: Final[tuple[str, str]] = ("complaint", "found record")


# =============================================================================================
# Results
# =============================================================================================


@dataclass(frozen=True, slots=True)
class FactComparison:
    """The outcome of comparing one kind of fact between two records.

    ``score`` is in [-1, 1] (positive supports a match, negative speaks against it) or ``None``
    when either side had nothing to compare. ``agreements`` and ``conflicts`` are English
    sentences for the officer; ``notes`` say how much the evidence is worth and why.
    """

    score: float | None
    agreements: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MarkFact:
    """One identifying mark: what it is, where, and on which side of the body.

    ``body_part`` is ``None`` when the text names the mark but not where it is; ``side`` is
    ``None`` when no side was given (or the part has no sides, like the nose).
    """

    kind: str
    body_part: str | None = None
    side: str | None = None

    def describe(self) -> str:
        """Plain English, e.g. "mole on left cheek" or "missing tooth"."""
        label = _kind_label(self.kind)
        if self.body_part is None or (
            self.side is None and self.body_part == _DEFAULT_PART.get(self.kind)
        ):
            return label if self.side is None else f"{label} on {self.side} side"
        if self.side is not None and self.body_part not in _PAIRED_PARTS:
            return f"{label} on {self.side} side of {self.body_part}"
        return f"{label} on {_place(self.body_part, self.side)}"


@dataclass(frozen=True, slots=True)
class ClothingFact:
    """One garment and its colours.

    ``colour`` is the main colour (``None`` when not stated), ``shade`` is "light" or "dark"
    for the main colour, ``other_colours`` holds further colours ("red and white shirt") and
    ``pattern`` is striped, checked, printed, floral or plain when stated.
    """

    garment: str
    colour: str | None = None
    shade: str | None = None
    other_colours: tuple[str, ...] = ()
    pattern: str | None = None

    @property
    def colours(self) -> tuple[str, ...]:
        """All colours, main colour first."""
        return self.other_colours if self.colour is None else (self.colour, *self.other_colours)

    def describe(self) -> str:
        """Plain English, e.g. "light blue striped shirt"."""
        words: list[str] = []
        if self.colour is not None:
            words.append(self.colour if self.shade is None else f"{self.shade} {self.colour}")
        if self.other_colours:
            words = [" and ".join([*words, *self.other_colours])]
        if self.pattern is not None:
            words.append(self.pattern)
        words.append(self.garment)
        return " ".join(words)


# =============================================================================================
# Text normalisation and lexicon matching (shared by every kind of fact)
# =============================================================================================

_NUKTA: Final = "\u093c"
_CHARACTER_MAP: Final[Mapping[str, str]] = {
    "\u0901": "\u0902",  # chandrabindu -> anusvara (आँख -> आंख)
    "\u0949": "\u093e",  # candra o matra -> aa matra (फ्रॉक -> फ्राक)
    "\u0911": "\u0906",  # candra O -> आ (ऑरेंज -> आरेंज)
    "\u0945": "\u0947",  # candra e matra -> e matra
    "\u090d": "\u090f",  # candra E -> ए
    "\u200c": "",  # zero-width non-joiner
    "\u200d": "",  # zero-width joiner
    "\ufeff": "",  # byte-order mark
    "\u00ad": "",  # soft hyphen
    **{chr(0x0966 + digit): str(digit) for digit in range(10)},  # Devanagari digits
}
_TRANSLATION: Final = str.maketrans(dict(_CHARACTER_MAP))
# A nasal half-letter before a consonant of its own class is written either way: कंधा / कन्धा.
_HOMORGANIC_NASAL: Final = re.compile("ङ्(?=[कखगघ])|ञ्(?=[चछजझ])|ण्(?=[टठडढ])|न्(?=[तथदध])|म्(?=[पफबभ])")
_TOKEN: Final = re.compile(
    r"[a-z0-9]+"  # English / romanised words and numbers
    r"|[\u0900-\u0963\u0970-\u097f]+"  # Devanagari words (danda excluded)
    r"|[.;!?\n\r|\u0964\u0965]"  # sentence separators
    r"|[,&+/]"  # list separators
)
# Abbreviations whose full stop does not end a sentence: "Rt. cheek", "Lt. ear".
_ABBREVIATION_DOT: Final = re.compile(r"\b(rt|lt|nr)\.")
_SENTENCE_SEPARATORS: Final = frozenset({".", ";", "!", "?", "\n", "\r", "|", "।", "॥"})
_LIST_SEPARATORS: Final = frozenset(
    {",", "&", "+", "/", "and", "or", "plus", "और", "तथा", "एवं", "व", "या", "aur", "tatha"}
)
# Words dropped before matching: they carry nothing and would break up phrases.
_STOPWORDS: Final = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "is", "are", "was", "were", "has", "have"}
)
# Hindi endings tried when a word is not found as written: ending -> replacements.
_HINDI_ENDINGS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("ियों", ("ी",)),  # उंगलियों -> उंगली
    ("ियां", ("ी",)),  # उंगलियां -> उंगली
    ("ों", ("", "ा")),  # हाथों -> हाथ, घुटनों -> घुटना
    ("ें", ("", "ा")),  # आंखें -> आंख
    ("ीं", ("ा", "ी")),  # आंखीं, नीलीं (dialect) -> नीला
    ("ी", ("ा",)),  # नीली -> नीला
    ("े", ("ा",)),  # माथे -> माथा, नीले -> नीला
)


def normalise_text(text: str) -> str:
    """Fold spelling variants so that tables and input compare equal.

    NFKC, nukta removed (क़ -> क, ड़ -> ड), chandrabindu -> anusvara, candra vowels -> plain
    vowels, zero-width characters removed, Devanagari digits -> ASCII, Latin accents removed,
    case folded, and a class nasal before its consonant written as anusvara (न्ध -> ंध).
    """
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text))
    kept = "".join(ch for ch in decomposed if ch != _NUKTA and not ("\u0300" <= ch <= "\u036f"))
    return _HOMORGANIC_NASAL.sub("ं", kept.translate(_TRANSLATION).casefold())


def _word_forms(word: str) -> tuple[str, ...]:
    """The word as written first, then forms with common inflections undone."""
    forms = [word]
    if word.isascii():
        if len(word) > 4 and word.endswith("ies"):
            forms.append(word[:-3] + "y")
        if len(word) > 4 and word.endswith("es"):
            forms.append(word[:-2])
        if len(word) > 3 and word.endswith("s"):
            forms.append(word[:-1])
    else:
        for ending, replacements in _HINDI_ENDINGS:
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) >= 2:
                forms.extend(stem + replacement for replacement in replacements)
                break
    return tuple(dict.fromkeys(forms))


@dataclass(frozen=True, slots=True)
class _Tag:
    """What a matched phrase means: a role ("kind", "part", "colour", ...) and a value."""

    role: str
    value: str
    extra: str | None = None  # a side bound to a part, a shade bound to a colour


@dataclass(frozen=True, slots=True)
class _Item:
    """A matched phrase in a unit, in text order."""

    tags: tuple[_Tag, ...]
    devanagari: bool


@dataclass(frozen=True, slots=True)
class _Unit:
    """Words between two separators; ``listed`` when the separator before it was a list one."""

    words: tuple[str, ...]
    listed: bool


class _Lexicon:
    """Phrases (tuples of normalised words) mapped to tags, matched longest first."""

    def __init__(self, entries: Iterable[tuple[str, tuple[_Tag, ...]]]) -> None:
        self._phrases: dict[tuple[str, ...], tuple[_Tag, ...]] = {}
        for phrase, tags in entries:
            key = tuple(_words(phrase))
            if not key:
                raise ValueError(f"lexicon phrase {phrase!r} has no words")
            known = self._phrases.setdefault(key, tags)
            if known != tags:
                raise ValueError(f"lexicon phrase {phrase!r} means both {known} and {tags}")
        self._longest = max(len(key) for key in self._phrases)

    def match(self, words: Sequence[str]) -> list[_Item]:
        """Matched phrases in order; words that start no phrase are skipped."""
        forms = [_word_forms(word) for word in words]
        items: list[_Item] = []
        start = 0
        while start < len(words):
            found = self._longest_at(forms, start)
            if found is None:
                start += 1
                continue
            length, tags = found
            items.append(_Item(tags, devanagari=not words[start].isascii()))
            start += length
        return items

    def _longest_at(
        self, forms: Sequence[tuple[str, ...]], start: int
    ) -> tuple[int, tuple[_Tag, ...]] | None:
        for length in range(min(self._longest, len(forms) - start), 0, -1):
            for candidate in product(*forms[start : start + length]):
                tags = self._phrases.get(candidate)
                if tags is not None:
                    return length, tags
        return None


def _words(text: str) -> list[str]:
    """Normalised words of a text, separators and stopwords dropped."""
    return [
        token
        for token in _TOKEN.findall(normalise_text(text))
        if token not in _SENTENCE_SEPARATORS
        and token not in _LIST_SEPARATORS
        and token not in _STOPWORDS
    ]


def _units(text: str) -> list[_Unit]:
    """Cut text at separators; each unit remembers whether a list separator preceded it."""
    units: list[_Unit] = []
    current: list[str] = []
    listed = False
    separator_seen: str | None = None  # "list" or "sentence" since the last unit
    for token in _TOKEN.findall(_ABBREVIATION_DOT.sub(r"\1 ", normalise_text(text))):
        if token in _SENTENCE_SEPARATORS or token in _LIST_SEPARATORS:
            if current:
                units.append(_Unit(tuple(current), listed))
                current = []
                separator_seen = None
            if token in _SENTENCE_SEPARATORS or separator_seen == "sentence":
                separator_seen = "sentence"
            else:
                separator_seen = "list"
            continue
        if token in _STOPWORDS:
            continue
        if not current:
            listed = bool(units) and separator_seen == "list"
        current.append(token)
    if current:
        units.append(_Unit(tuple(current), listed))
    return units


def _entries(
    role: str, table: Mapping[str, Iterable[str]]
) -> Iterator[tuple[str, tuple[_Tag, ...]]]:
    """Lexicon entries for a table of canonical value -> phrases."""
    for value, phrases in table.items():
        for phrase in phrases:
            yield phrase, (_Tag(role, value),)


def _tanh_score(total: float) -> float:
    return round(math.tanh(total), 4)


def _clip(value: float) -> float:
    return round(max(-1.0, min(1.0, value)), 4)


# =============================================================================================
# Identifying marks
# =============================================================================================

# fmt: off
_MARK_KINDS: Final[Mapping[str, tuple[str, ...]]] = {
    "mole": (
        "mole", "til", "beauty spot", "beauty mark", "black dot", "kala til", "तिल", "काला तिल",
    ),
    "scar": (
        "scar", "mark", "stitch mark", "stitch", "stitches", "operation mark", "surgery mark",
        "injury mark", "injury", "wound mark", "nishan", "nishaan", "chot", "chot ka nishan",
        "निशान", "चिह्न", "चिन्ह", "चोट", "चोट का निशान", "टांका", "टांके", "टांके का निशान",
        "ऑपरेशन का निशान",
    ),
    "burn": (
        "burn", "burnt", "burned", "burn mark", "burn scar", "burnt mark", "jalne ka nishan",
        "jala", "जलने", "जला", "जलने का निशान", "जले का निशान", "जला हुआ निशान", "जलन का निशान",
    ),
    "cut": (
        "cut", "cut mark", "gash", "wound", "kata", "kate ka nishan", "कटा", "कटे का निशान",
        "कटा हुआ", "कट", "कट का निशान", "घाव",
    ),
    "birthmark": (
        "birthmark", "birth mark", "lahsun", "lehsun", "lahsan", "janam ka nishan", "लहसुन", "लहसन",
        "जन्म का निशान", "जन्म के निशान", "जन्म निशान", "जन्मचिह्न", "जन्म चिह्न", "जन्मजात निशान",
    ),
    "tattoo": (
        "tattoo", "tatoo", "tattooed", "tatto", "name written", "written", "godna", "gudna", "टैटू",
        "गोदना", "गुदना", "गोदा हुआ", "गुदा हुआ", "गुदवाया", "गोदवाया", "नाम लिखा", "लिखा हुआ",
        "लिखा",
    ),
    "wart": ("wart", "massa", "मस्सा"),
    "spot": ("spot", "patch", "white patch", "daag", "dhabba", "दाग", "धब्बा", "सफेद दाग"),
    "missing_tooth": (
        "missing tooth", "tooth missing", "missing teeth", "teeth missing", "broken tooth",
        "tooth broken", "broken teeth", "teeth broken", "gap in teeth", "chipped tooth",
        "दांत टूटा", "टूटा दांत", "टूटा हुआ दांत", "दांत नहीं", "दांत गायब", "दांत टूटा हुआ",
    ),
    "extra_finger": (
        "extra finger", "six fingers", "6 fingers", "polydactyly", "chhanga", "छह उंगली",
        "छः उंगली", "6 उंगली", "छह अंगुली", "छः अंगुली", "अतिरिक्त उंगली", "छंगा", "छंगी",
        "छह उंगलियां",
    ),
}
# Phrases that mean more than one thing at once.
_MARK_COMPOUNDS: Final[Mapping[str, tuple[_Tag, ...]]] = {
    "extra toe": (_Tag("kind", "extra_finger"), _Tag("part", "foot")),
    "six toes": (_Tag("kind", "extra_finger"), _Tag("part", "foot")),
    "6 toes": (_Tag("kind", "extra_finger"), _Tag("part", "foot")),
    "पैर में छह उंगली": (_Tag("kind", "extra_finger"), _Tag("part", "foot")),
    "उल्टे हाथ": (_Tag("part", "hand", "left"),),
    "उल्टा हाथ": (_Tag("part", "hand", "left"),),
    "उलटे हाथ": (_Tag("part", "hand", "left"),),
    "सीधे हाथ": (_Tag("part", "hand", "right"),),
    "सीधा हाथ": (_Tag("part", "hand", "right"),),
    "उल्टी तरफ": (_Tag("side", "left"),),
    "सीधी तरफ": (_Tag("side", "right"),),
}
_BODY_PARTS: Final[Mapping[str, tuple[str, ...]]] = {
    "cheek": ("cheek", "gaal", "gal", "गाल"),
    "forehead": ("forehead", "brow", "maatha", "matha", "mathe", "माथा", "माथे", "मस्तक", "ललाट"),
    "chin": ("chin", "thodi", "thuddi", "ठोड़ी", "ठोडी", "ठुड्डी", "ठोढ़ी"),
    "nose": ("nose", "naak", "nak", "नाक"),
    "ear": ("ear", "earlobe", "kaan", "kan", "कान"),
    "eye": ("eye", "eyelid", "aankh", "ankh", "आंख", "नेत्र", "पलक", "आंखों"),
    "eyebrow": ("eyebrow", "bhauh", "bhoh", "भौंह", "भौं", "भौह", "भौंहें", "भौहें"),
    "lip": ("lip", "honth", "hoth", "होंठ", "होठ", "ओंठ"),
    "mouth": ("mouth", "munh", "मुंह", "मुख"),
    "teeth": ("tooth", "teeth", "daant", "dant", "दांत"),
    "jaw": ("jaw", "jabda", "जबड़ा", "जबडा"),
    "temple": ("temple", "कनपटी"),
    "face": ("face", "chehra", "chehre", "चेहरा", "चेहरे", "मुखड़ा"),
    "head": ("head", "scalp", "सिर", "सर", "खोपड़ी", "back of head", "back of the head"),
    "neck": ("neck", "throat", "gardan", "gala", "गर्दन", "गरदन", "गला", "गले"),
    "chest": ("chest", "breast", "chhati", "chati", "छाती", "सीना", "सीने"),
    "back": ("back", "upper back", "lower back", "peeth", "pith", "पीठ"),
    "stomach": (
        "stomach", "belly", "abdomen", "tummy", "navel", "pet", "पेट", "नाभि",
    ),
    "waist": ("waist", "kamar", "कमर"),
    "hip": ("hip", "कूल्हा", "कूल्हे"),
    "buttock": ("buttock", "bottom", "नितंब"),
    "shoulder": ("shoulder", "kandha", "kandhe", "कंधा", "कंधे", "कन्धा"),
    "arm": (
        "arm", "forearm", "upper arm", "baanh", "banh", "bazu", "baju", "बांह", "बाजू", "भुजा",
    ),
    "elbow": ("elbow", "kohni", "कोहनी"),
    "wrist": ("wrist", "kalai", "कलाई"),
    "hand": (
        "hand", "palm", "back of hand", "back of the hand", "haath", "hath", "हाथ", "हथेली",
        "हाथ का पिछला हिस्सा",
    ),
    "finger": (
        "finger", "thumb", "ungli", "ungali", "anguli", "उंगली", "अंगुली", "ऊंगली", "अंगूठा",
        "हाथ की उंगली", "हाथ के अंगूठे", "हाथ का अंगूठा",
    ),
    "leg": (
        "leg", "calf", "shin", "taang", "tang", "paanv", "paon", "पैर", "टांग", "पांव", "पिंडली",
    ),
    "thigh": ("thigh", "jangh", "जांघ"),
    "knee": ("knee", "ghutna", "ghutne", "घुटना", "घुटने"),
    "ankle": ("ankle", "takhna", "टखना", "टखने"),
    "foot": ("foot", "feet", "heel", "sole", "एड़ी", "तलवा", "तलवे", "पैर का पंजा"),
    "toe": (
        "toe", "big toe", "पैर की उंगली", "पैर के अंगूठे", "पैर का अंगूठा", "पैर की अंगुली",
    ),
}
_SIDES: Final[Mapping[str, tuple[str, ...]]] = {
    "left": (
        "left", "lt", "baen", "baayen", "bayen", "baye", "bayan", "बायां", "बाएं", "बाईं", "बायें",
        "बाये", "बाई", "बायीं", "बायी", "बांया", "बाया", "बाएं तरफ", "बाए", "वाम", "बांए", "बांये",
        "बांयी", "बांई", "बाईं ओर", "बाएं ओर",
    ),
    "right": (
        "right", "rt", "dayen", "daayen", "daye", "dahine", "dahina", "दायां", "दाएं", "दाईं",
        "दायें", "दाये", "दाई", "दायीं", "दायी", "दांया", "दाया", "दाहिना", "दाहिने", "दाहिनी",
        "दाएं तरफ", "दाए", "दाहिन", "दांए", "दांये", "दांयी", "दांई", "दाईं ओर", "दाएं ओर",
    ),
    "both": ("both", "dono", "दोनों", "दोनो"),
}
_NEAR_WORDS: Final = (
    "near", "nr", "next to", "beside", "below", "above", "under", "behind", "close to",
    "पास", "के पास", "नीचे", "ऊपर", "बगल", "पीछे", "के नीचे", "के ऊपर",
)
# "X of Y" between two body parts names one place: "finger of left hand", "हाथ की कलाई".
_GENITIVES: Final = ("of", "का", "की", "के")
_NEGATIONS: Final = (
    "no", "not", "none", "nil", "without", "nahi", "nahin", "unknown", "नहीं", "नही", "ना", "बिना",
    "कोई नहीं", "पता नहीं", "मालूम नहीं",
)

# fmt: on
_MARK_LEXICON: Final = _Lexicon(
    [
        *_entries("kind", _MARK_KINDS),
        *_MARK_COMPOUNDS.items(),
        *_entries("part", _BODY_PARTS),
        *_entries("side", _SIDES),
        *((word, (_Tag("near", "near"),)) for word in _NEAR_WORDS),
        *((word, (_Tag("of", "of"),)) for word in _GENITIVES),
        *((word, (_Tag("neg", "neg"),)) for word in _NEGATIONS),
    ]
)

# fmt: off
_KIND_LABELS: Final[Mapping[str, str]] = {
    "mole": "mole",
    "scar": "scar",
    "burn": "burn",
    "cut": "cut mark",
    "birthmark": "birthmark",
    "tattoo": "tattoo",
    "wart": "wart",
    "spot": "spot",
    "missing_tooth": "missing tooth",
    "extra_finger": "extra finger",
    "other": "unspecified mark",
}
# When two kind words stand together ("burn scar", "तिल का निशान") the first listed here wins.
_KIND_SPECIFICITY: Final[tuple[str, ...]] = (
    "missing_tooth", "extra_finger", "burn", "cut", "birthmark", "tattoo", "mole", "wart", "spot",
    "scar", "other",
)
# Kinds that say where they are; they are never carried over to a neighbouring body part.
_DEFAULT_PART: Final[Mapping[str, str]] = {"missing_tooth": "teeth", "extra_finger": "hand"}
# How alike two different kinds are (witnesses mix them up).
_KIND_SIMILARITY: Final[Mapping[frozenset[str], float]] = {
    frozenset({"scar", "burn"}): 0.6,
    frozenset({"scar", "cut"}): 0.7,
    frozenset({"burn", "cut"}): 0.3,
    frozenset({"mole", "wart"}): 0.5,
    frozenset({"mole", "birthmark"}): 0.4,
    frozenset({"mole", "spot"}): 0.5,
    frozenset({"birthmark", "spot"}): 0.6,
    frozenset({"scar", "spot"}): 0.3,
    frozenset({"birthmark", "burn"}): 0.2,
}
_OTHER_KIND_SIMILARITY: Final = 0.4  # an unspecified mark against any kind of mark
# Each part's enclosing part and how alike the two are (हाथ is often the whole arm).
_PART_PARENT: Final[Mapping[str, tuple[str, float]]] = {
    "cheek": ("face", 0.6),
    "forehead": ("face", 0.6),
    "chin": ("face", 0.6),
    "nose": ("face", 0.6),
    "eye": ("face", 0.6),
    "eyebrow": ("eye", 0.6),
    "lip": ("mouth", 0.7),
    "teeth": ("mouth", 0.7),
    "mouth": ("face", 0.6),
    "jaw": ("face", 0.6),
    "temple": ("face", 0.6),
    "face": ("head", 0.5),
    "ear": ("head", 0.5),
    "finger": ("hand", 0.7),
    "hand": ("arm", 0.8),
    "wrist": ("arm", 0.7),
    "elbow": ("arm", 0.6),
    "toe": ("foot", 0.7),
    "foot": ("leg", 0.8),
    "ankle": ("leg", 0.6),
    "knee": ("leg", 0.6),
    "thigh": ("leg", 0.6),
}
# Parts that come in pairs: two records both silent about the side agree a little less.
_PAIRED_PARTS: Final = frozenset(
    {
        "cheek", "ear", "eye", "eyebrow", "temple", "shoulder", "arm", "elbow", "wrist", "hand",
        "finger", "hip", "buttock", "leg", "thigh", "knee", "ankle", "foot", "toe",
    }
)

# Contributions to the marks score (summed, then squashed with tanh).
_MARK_SAME_SIDE: Final = 1.0
_MARK_NO_SIDE_MIDLINE: Final = 1.0
_MARK_NO_SIDE_PAIRED: Final = 0.8
_MARK_ONE_SIDE_UNKNOWN: Final = 0.7
_MARK_OPPOSITE_SIDE: Final = -0.3  # mild: witnesses often swap left and right
_MARK_DIFFERENT_KIND_SAME_PLACE: Final = -0.2
_MARK_ABSENT: Final = -0.1  # weak: marks are often not noticed
_MARK_MIN_PAIRING: Final = 0.15
# fmt: on


@dataclass(slots=True)
class _Loc:
    part: str
    side: str | None = None
    near: bool = False


@dataclass(slots=True)
class _MarkGroup:
    kind: str | None
    locs: list[_Loc] = field(default_factory=list)
    loose_side: str | None = None


@dataclass(slots=True)
class _MarkUnit:
    groups: list[_MarkGroup]
    listed: bool
    order: str  # "kind_first", "kind_last", "kind_only", "no_kind" or "side_only"
    loose_side: str | None = None  # a side word with no body part after or before it


def parse_marks(text: str | None) -> tuple[MarkFact, ...]:
    """Identifying marks in Hindi or English free text, in order of mention.

    "बाएं गाल पर तिल, दाहिने हाथ पर जलने का निशान" ->
    (MarkFact("mole", "cheek", "left"), MarkFact("burn", "hand", "right")).
    A body part named without a kind of mark gives kind "other"; "on both hands" gives one
    fact per side; text saying there are no marks gives nothing.
    """
    if not text:
        return ()
    units = [
        unit for unit in (_mark_unit(u.words, u.listed) for u in _units(text)) if unit is not None
    ]
    _carry_kinds(units)
    facts = [fact for unit in units for group in unit.groups for fact in _group_facts(group)]
    return _most_specific(facts)


def _mark_unit(words: Sequence[str], listed: bool) -> _MarkUnit | None:
    items = _MARK_LEXICON.match(words)
    if not items or any(tag.role == "neg" for item in items for tag in item.tags):
        return None
    elements = _collapse_kinds(items)
    loose_sides = _bind_sides(elements)
    _join_genitives(elements)
    _mark_near(elements)
    groups, order = _group_marks(elements)
    loose_side = loose_sides[0] if loose_sides else None
    if not groups:
        return None if loose_side is None else _MarkUnit([], listed, "side_only", loose_side)
    if groups[0].kind is not None:
        groups[0].loose_side = loose_side
    return _MarkUnit(groups, listed, order, loose_side)


# An element is a kind name, a located part, a side word, or a "near" or "of" word (with a flag
# telling whether it was Devanagari).
_Element = tuple[str, str | _Loc | bool]


def _collapse_kinds(items: Sequence[_Item]) -> list[_Element]:
    """Flatten tags; neighbouring kind words become the most specific of them."""
    elements: list[_Element] = []
    for item in items:
        for tag in item.tags:
            if tag.role == "kind":
                previous = elements[-1] if elements else None
                if previous is not None and previous[0] == "kind":
                    assert isinstance(previous[1], str)
                    elements[-1] = ("kind", _more_specific(previous[1], tag.value))
                else:
                    elements.append(("kind", tag.value))
            elif tag.role == "part":
                elements.append(("part", _Loc(tag.value, tag.extra)))
            elif tag.role == "side":
                elements.append(("side", tag.value))
            elif tag.role == "near":
                elements.append(("near", item.devanagari))
            elif tag.role == "of" and elements and elements[-1][0] == "part":
                elements.append(("of", item.devanagari))
    return elements


def _more_specific(a: str, b: str) -> str:
    rank = {kind: index for index, kind in enumerate(_KIND_SPECIFICITY)}
    return a if rank.get(a, len(rank)) <= rank.get(b, len(rank)) else b


def _bind_sides(elements: list[_Element]) -> list[str]:
    """Give each side word to the next part (or else the previous one); return sides left over.

    Side words are removed from ``elements``.
    """
    loose: list[str] = []
    for index, (role, value) in enumerate(elements):
        if role != "side":
            continue
        assert isinstance(value, str)
        target = _neighbour_part(elements, index, +1) or _neighbour_part(elements, index, -1)
        if target is None:
            loose.append(value)
        else:
            target.side = value
    elements[:] = [element for element in elements if element[0] != "side"]
    return loose


def _neighbour_part(elements: Sequence[_Element], index: int, step: int) -> _Loc | None:
    """The nearest part in one direction without a kind or side word in between."""
    position = index + step
    while 0 <= position < len(elements):
        role, value = elements[position]
        if role in ("kind", "side"):
            return None
        if role == "part":
            assert isinstance(value, _Loc)
            return value if value.side is None else None
        position += step
    return None


def _join_genitives(elements: list[_Element]) -> None:
    """Merge "part of part" into one place and drop other "of" words.

    English names the precise part first ("finger of left hand"), Hindi last ("हाथ की कलाई").
    """
    joined: list[_Element] = []
    index = 0
    while index < len(elements):
        role, value = elements[index]
        following = elements[index + 1] if index + 1 < len(elements) else None
        if role != "of":
            joined.append(elements[index])
        elif following is not None and following[0] == "part" and joined[-1][0] == "part":
            outer, inner = joined[-1][1], following[1]
            assert isinstance(outer, _Loc) and isinstance(inner, _Loc)
            if not value:  # English: the first part is the precise one
                outer, inner = inner, outer
            joined[-1] = ("part", _Loc(inner.part, inner.side or outer.side, inner.near))
            index += 1
        index += 1
    elements[:] = joined


def _mark_near(elements: list[_Element]) -> None:
    """Flag parts used only as landmarks: "near the ear" / "कान के पास"; drop near words."""
    for index, (role, value) in enumerate(elements):
        if role != "near":
            continue
        position = index - 1 if value else index + 1  # Hindi postposition vs English preposition
        if 0 <= position < len(elements) and elements[position][0] == "part":
            landmark = elements[position][1]
            assert isinstance(landmark, _Loc)
            landmark.near = True
    elements[:] = [element for element in elements if element[0] != "near"]


def _group_marks(elements: Sequence[_Element]) -> tuple[list[_MarkGroup], str]:
    """Pair kinds with parts: English "mole on cheek" puts the kind first, Hindi last."""
    roles = [role for role, _ in elements]
    if "kind" not in roles:
        locs = [value for _, value in elements if isinstance(value, _Loc)]
        return ([_MarkGroup(None, locs)] if locs else []), "no_kind"
    if "part" not in roles:
        order = "kind_only"
    else:
        order = "kind_first" if roles.index("kind") < roles.index("part") else "kind_last"
    groups: list[_MarkGroup] = []
    pending: list[_Loc] = []
    for _, value in elements:
        if isinstance(value, _Loc):
            if order == "kind_first":
                groups[-1].locs.append(value)
            else:
                pending.append(value)
        elif isinstance(value, str):
            groups.append(_MarkGroup(value, pending if order != "kind_first" else []))
            pending = []
    if pending:  # parts after the last kind in Hindi order: say nothing about their kind
        groups.append(_MarkGroup(None, pending))
    return groups, order


def _carry_kinds(units: Sequence[_MarkUnit]) -> None:
    """Let a bare list of parts share a kind: "burn on right arm and left leg",
    "गाल और ठोड़ी पर तिल". Hindi kinds come after the list, English ones before it."""
    for index in range(len(units) - 2, -1, -1):
        unit, following = units[index], units[index + 1]
        if unit.order == "no_kind" and following.listed and following.order == "kind_last":
            kind = following.groups[0].kind
            if kind is not None and kind not in _DEFAULT_PART:
                unit.groups[0].kind = kind
                unit.order = "kind_last"
    for index in range(1, len(units)):
        unit, previous = units[index], units[index - 1]
        leading = previous.order in ("kind_first", "kind_only")
        if unit.order == "no_kind" and unit.listed and leading:
            kind = previous.groups[-1].kind
            if kind is not None and kind not in _DEFAULT_PART:
                unit.groups[0].kind = kind
                unit.order = "kind_first"
    _carry_sides(units)


def _carry_sides(units: Sequence[_MarkUnit]) -> None:
    """ "mole on left and right cheek", "बाएं और दाएं गाल पर तिल": a side with no part of its
    own goes with the part named next."""
    for unit, following in pairwise(units):
        if unit.loose_side is None or not following.listed or not following.groups:
            continue
        if any(group.locs for group in unit.groups) or not following.groups[0].locs:
            continue
        own_kind = unit.groups[0].kind if unit.groups else None
        if unit.order != "side_only" and own_kind != following.groups[0].kind:
            continue
        locs = following.groups[0].locs
        locs[:0] = [_Loc(loc.part, unit.loose_side) for loc in locs if loc.side != unit.loose_side]
        unit.groups = []


def _group_facts(group: _MarkGroup) -> list[MarkFact]:
    kind = group.kind or "other"
    locs = [loc for loc in group.locs if not loc.near] or group.locs
    locs = _merge_nested_parts(locs)
    if not locs:
        if group.kind is None:
            return []
        return [
            MarkFact(kind, _DEFAULT_PART.get(kind), side) for side in _expand_side(group.loose_side)
        ]
    return [
        MarkFact(kind, loc.part, side)
        for loc in locs
        for side in _expand_side(loc.side or group.loose_side)
    ]


def _expand_side(side: str | None) -> tuple[str | None, ...]:
    return ("left", "right") if side == "both" else (side,)


def _merge_nested_parts(locs: Sequence[_Loc]) -> list[_Loc]:
    """ "finger of left hand" is one place: keep the smaller part, take any side given."""
    merged: list[_Loc] = []
    for loc in locs:
        for index, kept in enumerate(merged):
            opposite = loc.side is not None and kept.side is not None and loc.side != kept.side
            if _part_depth(loc.part, kept.part) is not None and not opposite:
                inner, outer = (loc, kept) if _is_within(loc.part, kept.part) else (kept, loc)
                merged[index] = _Loc(inner.part, inner.side or outer.side, inner.near)
                break
        else:
            merged.append(_Loc(loc.part, loc.side, loc.near))
    return merged


def _ancestors(part: str) -> list[tuple[str, float]]:
    """Enclosing parts, nearest first, each with its similarity to ``part``."""
    chain: list[tuple[str, float]] = []
    similarity = 1.0
    while part in _PART_PARENT:
        part, step = _PART_PARENT[part]
        similarity *= step
        chain.append((part, similarity))
    return chain


def _is_within(inner: str, outer: str) -> bool:
    return any(part == outer for part, _ in _ancestors(inner))


def _part_depth(a: str, b: str) -> float | None:
    """Similarity of two parts when one encloses the other (or they are equal), else None."""
    if a == b:
        return 1.0
    for inner, outer in ((a, b), (b, a)):
        for part, similarity in _ancestors(inner):
            if part == outer:
                return similarity
    return None


def _most_specific(facts: Sequence[MarkFact]) -> tuple[MarkFact, ...]:
    """Drop repeats, and facts that another fact states more precisely."""
    unique = list(dict.fromkeys(facts))
    return tuple(fact for fact in unique if not any(_refines(other, fact) for other in unique))


def _refines(precise: MarkFact, vague: MarkFact) -> bool:
    if precise == vague or precise.kind != vague.kind:
        return False
    if vague.body_part is None or vague.body_part == _DEFAULT_PART.get(vague.kind):
        return precise.body_part is not None and vague.side in (None, precise.side)
    return precise.body_part == vague.body_part and vague.side is None and precise.side is not None


def _kind_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if "other" in (a, b):
        return _OTHER_KIND_SIMILARITY
    return _KIND_SIMILARITY.get(frozenset({a, b}), 0.0)


def _part_similarity(a: str | None, b: str | None) -> float:
    if a is None or b is None:
        return 0.5
    return _part_depth(a, b) or 0.0


def _place(part: str, side: str | None) -> str:
    return part if side is None else f"{side} {part}"


@dataclass(frozen=True, slots=True)
class _MarkPair:
    a: int
    b: int
    contribution: float
    rank: float  # greedy pairing takes the best-fitting pairs first
    message: str
    opposite_sides: bool = False


def compare_marks(
    a: Sequence[MarkFact],
    b: Sequence[MarkFact],
    *,
    labels: tuple[str, str] = DEFAULT_LABELS,
) -> FactComparison:
    """Compare two lists of marks (by default ``a`` is the complaint, ``b`` the found record).

    Same kind, part and side agree strongly; an unknown side still agrees well; opposite sides
    are a mild conflict (left and right are often swapped by witnesses); a mark described in
    only one record counts weakly against (marks are often not noticed).
    """
    if not a or not b:
        return FactComparison(None)
    la, lb = labels
    pairs = sorted(
        (pair for pair in _mark_pairs(a, b, labels) if pair is not None),
        key=lambda pair: (-pair.rank, pair.a, pair.b),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    total = 0.0
    agreements: list[str] = []
    conflicts: list[str] = []
    notes: list[str] = []
    for pair in pairs:
        if pair.a in used_a or pair.b in used_b:
            continue
        used_a.add(pair.a)
        used_b.add(pair.b)
        total += pair.contribution
        if pair.opposite_sides:
            conflicts.append(pair.message)
            if not notes:
                notes.append(
                    "opposite sides count only mildly against a match: "
                    "witnesses often confuse left and right"
                )
        else:
            agreements.append(pair.message)
    left_a = [index for index in range(len(a)) if index not in used_a]
    left_b = [index for index in range(len(b)) if index not in used_b]
    for index_a, index_b in _same_place_pairs(a, b, left_a, left_b):
        x, y = a[index_a], b[index_b]
        total += _MARK_DIFFERENT_KIND_SAME_PLACE
        conflicts.append(
            f"{_place(x.body_part or '', x.side or y.side)}: {la} says {_kind_label(x.kind)}, "
            f"{lb} says {_kind_label(y.kind)}"
        )
        left_a.remove(index_a)
        left_b.remove(index_b)
    for index in left_a:
        total += _MARK_ABSENT
        conflicts.append(f"{la}: {a[index].describe()}; {lb} has none there")
    for index in left_b:
        total += _MARK_ABSENT
        conflicts.append(f"{lb}: {b[index].describe()}; {la} has none there")
    if left_a or left_b:
        notes.append(
            "a mark described in only one record counts only weakly against a match: "
            "marks are often not noticed"
        )
    return FactComparison(_tanh_score(total), tuple(agreements), tuple(conflicts), tuple(notes))


def _kind_label(kind: str) -> str:
    return _KIND_LABELS.get(kind, kind.replace("_", " "))


def _mark_pairs(
    a: Sequence[MarkFact], b: Sequence[MarkFact], labels: tuple[str, str]
) -> Iterator[_MarkPair | None]:
    for index_a, x in enumerate(a):
        for index_b, y in enumerate(b):
            yield _mark_pair(index_a, x, index_b, y, labels)


def _mark_pair(
    index_a: int, x: MarkFact, index_b: int, y: MarkFact, labels: tuple[str, str]
) -> _MarkPair | None:
    """How two marks fit, or None when they are not about the same mark at all."""
    base = _kind_similarity(x.kind, y.kind) * _part_similarity(x.body_part, y.body_part)
    if base < _MARK_MIN_PAIRING:
        return None
    la, lb = labels
    same_mark = x.kind == y.kind and x.body_part == y.body_part and x.body_part is not None
    both = f"{la}: {x.describe()} ~ {lb}: {y.describe()} ({_similarity_reasons(x, y)})"
    if x.side is not None and y.side is not None and x.side != y.side:
        if same_mark:
            what = f"{_kind_label(x.kind)} on {x.body_part}: {la} says {x.side}, {lb} says {y.side}"
        else:
            what = f"{la}: {x.describe()}, {lb}: {y.describe()}: opposite sides"
        message = f"{what} (mild conflict: witnesses often confuse left and right)"
        return _MarkPair(index_a, index_b, _MARK_OPPOSITE_SIDE * base, 0.5 * base, message, True)
    if x.side == y.side:
        if x.side is not None:
            factor = _MARK_SAME_SIDE
        elif x.body_part in _PAIRED_PARTS:
            factor = _MARK_NO_SIDE_PAIRED
        else:
            factor = _MARK_NO_SIDE_MIDLINE
        message = f"{x.describe()} in both" if same_mark else both
        return _MarkPair(index_a, index_b, factor * base, factor * base, message)
    owner, side = (la, x.side) if x.side is not None else (lb, y.side)
    if same_mark:
        message = (
            f"{_kind_label(x.kind)} on {x.body_part} in both "
            f"(only the {owner} gives the side: {side})"
        )
    else:
        message = both
    contribution = _MARK_ONE_SIDE_UNKNOWN * base
    return _MarkPair(index_a, index_b, contribution, contribution, message)


def _similarity_reasons(x: MarkFact, y: MarkFact) -> str:
    reasons: list[str] = []
    if x.kind != y.kind:
        reasons.append("similar kind of mark")
    if x.body_part is None and y.body_part is None:
        reasons.append("place not stated")
    elif x.body_part is None or y.body_part is None:
        reasons.append("place stated in only one")
    elif x.body_part != y.body_part:
        reasons.append("nearby body part")
    if x.side != y.side:
        reasons.append("side stated in only one")
    return "; ".join(reasons) or "same"


def _same_place_pairs(
    a: Sequence[MarkFact], b: Sequence[MarkFact], left_a: Sequence[int], left_b: Sequence[int]
) -> list[tuple[int, int]]:
    """Unmatched marks of different kinds at the very same place in both records."""
    pairs: list[tuple[int, int]] = []
    taken: set[int] = set()
    for index_a in left_a:
        x = a[index_a]
        for index_b in left_b:
            y = b[index_b]
            if (
                index_b not in taken
                and x.body_part is not None
                and x.body_part == y.body_part
                and (x.side is None or y.side is None or x.side == y.side)
            ):
                pairs.append((index_a, index_b))
                taken.add(index_b)
                break
    return pairs


# =============================================================================================
# Clothing
# =============================================================================================

# fmt: off
# canonical garment -> (group of interchangeable garments, body slot, phrases)
_GARMENTS: Final[Mapping[str, tuple[str, str, tuple[str, ...]]]] = {
    "shirt": ("top", "upper", ("shirt", "kamiz shirt", "शर्ट", "कमीज", "कमीज़", "qamiz")),
    "t-shirt": (
        "top", "upper",
        ("t shirt", "tshirt", "tee", "tee shirt", "polo", "टी शर्ट", "टीशर्ट", "टी शर्ट"),
    ),
    "kurta": ("top", "upper", ("kurta", "kurti", "kurtha", "कुर्ता", "कुरता", "कुर्ती")),
    "kameez": ("top", "upper", ("kameez", "kamiz", "qameez", "kamij")),
    "top": ("top", "upper", ("top", "टॉप")),
    "vest": ("top", "upper", ("vest", "baniyan", "banian", "singlet", "बनियान", "बनियाइन")),
    "pyjama": (
        "bottom", "lower", ("pyjama", "pajama", "payjama", "paijama", "पजामा", "पायजामा", "पाजामा"),
    ),
    "pant": (
        "bottom", "lower",
        (
            "pant", "trouser", "full pant", "pantaloon", "lower", "track pant", "trackpant", "पैंट",
            "पेंट", "पतलून", "फुल पैंट", "लोअर", "ट्रैक पैंट",
        ),
    ),
    "jeans": ("bottom", "lower", ("jeans", "jean", "denim", "जींस", "जीन्स", "जीन")),
    "shorts": (
        "bottom", "lower",
        (
            "shorts", "half pant", "nikkar", "nikar", "knicker", "bermuda", "hafpant", "निक्कर",
            "निकर", "नेकर", "हाफ पैंट", "हाफ पेंट", "हाफपैंट", "चड्डी", "कच्छा",
        ),
    ),
    "salwar": ("bottom", "lower", ("salwar", "shalwar", "salwaar", "सलवार")),
    "skirt": ("bottom", "lower", ("skirt", "ghagra", "lehenga", "स्कर्ट", "घाघरा", "लहंगा")),
    "lungi": ("bottom", "lower", ("lungi", "dhoti", "लुंगी", "धोती")),
    "frock": ("onepiece", "full", ("frock", "फ्रॉक", "फ्राक")),
    "dress": ("onepiece", "full", ("dress", "gown", "one piece", "ड्रेस", "गाउन")),
    "saree": ("onepiece", "full", ("saree", "sari", "साड़ी")),
    "sweater": (
        "outer", "outer",
        ("sweater", "jersey", "pullover", "cardigan", "sweatshirt", "sweat shirt", "स्वेटर"),
    ),
    "jacket": (
        "outer", "outer",
        ("jacket", "coat", "hoodie", "blazer", "windcheater", "जैकेट", "कोट", "हुडी"),
    ),
    "school uniform": (
        "uniform", "uniform",
        (
            "school uniform", "school dress", "uniform", "स्कूल ड्रेस", "स्कूल की ड्रेस",
            "स्कूल यूनिफॉर्म", "यूनिफॉर्म", "वर्दी", "स्कूल वर्दी",
        ),
    ),
    "chappal": (
        "footwear", "feet",
        (
            "chappal", "slipper", "flip flop", "hawai chappal", "hawai", "चप्पल", "हवाई चप्पल",
            "स्लीपर",
        ),
    ),
    "sandals": ("footwear", "feet", ("sandal", "सैंडल", "सेंडल")),
    "shoes": (
        "footwear", "feet",
        ("shoe", "sneaker", "boot", "sports shoe", "जूते", "जूता", "जूती", "शूज", "बूट"),
    ),
    "socks": ("socks", "socks", ("sock", "socks", "मोजे", "मोजा", "जुराब")),
    "cap": ("headwear", "head", ("cap", "hat", "topi", "टोपी", "कैप")),
    "dupatta": (
        "neckwear", "neck",
        ("dupatta", "chunni", "chunri", "odhni", "stole", "दुपट्टा", "चुन्नी", "चुनरी", "ओढ़नी"),
    ),
    "scarf": ("neckwear", "neck", ("scarf", "muffler", "मफलर", "गमछा")),
}
# Phrases naming a set of garments at once; the colour applies to both.
_GARMENT_SETS: Final[Mapping[str, tuple[str, ...]]] = {
    "salwar kameez": ("salwar", "kameez"),
    "salwar suit": ("salwar", "kameez"),
    "suit": ("salwar", "kameez"),
    "सलवार सूट": ("salwar", "kameez"),
    "सलवार कमीज": ("salwar", "kameez"),
    "सूट": ("salwar", "kameez"),
    "kurta pyjama": ("kurta", "pyjama"),
    "कुर्ता पजामा": ("kurta", "pyjama"),
    "कुर्ता पायजामा": ("kurta", "pyjama"),
}
_GARMENT_SIMILARITY: Final[Mapping[frozenset[str], float]] = {
    frozenset({"shirt", "t-shirt"}): 0.7,
    frozenset({"shirt", "kameez"}): 0.7,
    frozenset({"kurta", "kameez"}): 0.8,
    frozenset({"pant", "jeans"}): 0.7,
    frozenset({"pant", "pyjama"}): 0.6,
    frozenset({"pyjama", "salwar"}): 0.6,
    frozenset({"frock", "dress"}): 0.8,
    frozenset({"chappal", "sandals"}): 0.8,
    frozenset({"sweater", "jacket"}): 0.7,
    frozenset({"skirt", "frock"}): 0.4,
    frozenset({"skirt", "dress"}): 0.4,
}
_GARMENT_GROUP_SIMILARITY: Final = 0.5
# Slots that cannot both be what a child wore on top (or below): a frock is not a t-shirt.
_CLASHING_SLOTS: Final = frozenset({frozenset({"upper", "full"}), frozenset({"lower", "full"})})

_COLOURS: Final[Mapping[str, tuple[str, ...]]] = {
    "red": ("red", "laal", "lal", "लाल", "रेड"),
    "blue": ("blue", "neela", "nila", "neeli", "नीला", "ब्लू"),
    "green": ("green", "hara", "hari", "हरा", "ग्रीन"),
    "yellow": ("yellow", "peela", "pila", "peeli", "पीला", "येलो"),
    "white": ("white", "safed", "safaid", "सफेद", "सफ़ेद", "व्हाइट", "वाइट", "श्वेत"),
    "black": ("black", "kala", "kaala", "kali", "काला", "ब्लैक"),
    "grey": ("grey", "gray", "slate", "स्लेटी", "सलेटी", "ग्रे", "धूसर"),
    "brown": (
        "brown", "chocolate", "coffee", "bhura", "भूरा", "ब्राउन", "कत्थई", "कॉफी", "चॉकलेटी",
    ),
    "pink": ("pink", "magenta", "gulabi", "गुलाबी", "पिंक", "रानी"),
    "orange": (
        "orange", "saffron", "narangi", "kesariya", "नारंगी", "केसरिया", "भगवा", "ऑरेंज", "संतरी",
    ),
    "purple": ("purple", "violet", "lavender", "baingani", "jamuni", "बैंगनी", "जामुनी", "पर्पल"),
    "maroon": ("maroon", "burgundy", "wine", "मैरून", "मेहरून", "महरून"),
    "cream": ("cream", "off white", "beige", "क्रीम", "ऑफ व्हाइट"),
    "navy": ("navy", "navy blue", "नेवी", "नेवी ब्लू"),
    "golden": ("golden", "gold", "सुनहरा", "गोल्डन"),
    "silver": ("silver", "सिल्वर", "चांदी", "रुपहला"),
    "khaki": ("khaki", "olive", "खाकी"),
    "multicolour": (
        "multicolour", "multicolor", "multi colour", "multi color", "colourful", "colorful",
        "रंग बिरंगा", "रंगबिरंगा",
    ),
}
# Colour words that carry a shade of their own.
_SHADED_COLOURS: Final[Mapping[str, tuple[str, str]]] = {
    "sky blue": ("blue", "light"),
    "aasmani": ("blue", "light"),
    "asmani": ("blue", "light"),
    "आसमानी": ("blue", "light"),
    "फिरोजी": ("blue", "light"),
    "turquoise": ("blue", "light"),
    "dark blue": ("blue", "dark"),
}
_SHADES: Final[Mapping[str, tuple[str, ...]]] = {
    "light": ("light", "pale", "halka", "हल्का"),
    "dark": ("dark", "deep", "gehra", "gahra", "गहरा", "गाढ़ा"),
}
_PATTERNS: Final[Mapping[str, tuple[str, ...]]] = {
    "striped": (
        "striped", "stripe", "stripes", "lining", "lines", "line wala", "धारीदार", "धारी",
        "लाइनिंग", "लाइन वाली", "लाइन वाला", "लाइनदार",
    ),
    "checked": ("checked", "check", "checks", "checkered", "चेक", "चेकदार", "खानेदार"),
    "printed": ("printed", "print", "प्रिंटेड", "प्रिंट", "छपा", "छपा हुआ"),
    "floral": ("floral", "flower", "flowered", "फूलदार", "फूलों वाला", "फूल वाला"),
    "plain": ("plain", "सादा"),
}
_COLOUR_SIMILARITY: Final[Mapping[frozenset[str], float]] = {
    frozenset({"blue", "navy"}): 0.6,
    frozenset({"red", "maroon"}): 0.6,
    frozenset({"red", "pink"}): 0.4,
    frozenset({"red", "orange"}): 0.4,
    frozenset({"white", "cream"}): 0.6,
    frozenset({"brown", "maroon"}): 0.4,
    frozenset({"yellow", "orange"}): 0.4,
    frozenset({"yellow", "golden"}): 0.6,
    frozenset({"purple", "pink"}): 0.4,
    frozenset({"grey", "black"}): 0.4,
    frozenset({"grey", "silver"}): 0.6,
    frozenset({"brown", "khaki"}): 0.5,
    frozenset({"green", "khaki"}): 0.4,
    frozenset({"cream", "yellow"}): 0.3,
}

# fmt: on
_CLOTHING_LEXICON: Final = _Lexicon(
    [
        *(
            (phrase, (_Tag("garment", garment),))
            for garment, (_, _, phrases) in _GARMENTS.items()
            for phrase in phrases
        ),
        *(
            (phrase, tuple(_Tag("garment", garment) for garment in garments))
            for phrase, garments in _GARMENT_SETS.items()
        ),
        *_entries("colour", _COLOURS),
        *(
            (phrase, (_Tag("colour", colour, shade),))
            for phrase, (colour, shade) in _SHADED_COLOURS.items()
        ),
        *_entries("shade", _SHADES),
        *_entries("pattern", _PATTERNS),
    ]
)

CLOTHING_HALF_LIFE_DAYS: Final = 3.0
"""Days apart at which clothing evidence is worth half; by about a week it is near nothing."""

_CLOTHING_SAME_COLOUR: Final = 1.0
_CLOTHING_RELATED_COLOUR: Final = 0.75  # times how alike the two colours are
_CLOTHING_COLOUR_UNKNOWN: Final = 0.25
_CLOTHING_DIFFERENT_COLOUR: Final = -0.35  # mild: clothes get changed
_CLOTHING_SAME_PATTERN: Final = 0.15
_CLOTHING_DIFFERENT_PATTERN: Final = -0.1
_CLOTHING_CLASH: Final = -0.2


@dataclass(frozen=True, slots=True)
class _Attr:
    """A colour (with its shade) or a pattern, waiting to be given to a garment."""

    role: str  # "colour" or "pattern"
    value: str
    shade: str | None = None


@dataclass(slots=True)
class _Garb:
    garments: tuple[str, ...]
    colours: list[tuple[str, str | None]] = field(default_factory=list)
    pattern: str | None = None

    def has(self, role: str) -> bool:
        return bool(self.colours) if role == "colour" else self.pattern is not None

    def wear(self, attributes: Iterable[_Attr]) -> None:
        for attribute in attributes:
            if attribute.role == "pattern":
                self.pattern = self.pattern or attribute.value
            elif (attribute.value, attribute.shade) not in self.colours:
                self.colours.append((attribute.value, attribute.shade))


def parse_clothing(text: str | None) -> tuple[ClothingFact, ...]:
    """Garments with colours, in Hindi or English: "लाल टी-शर्ट और नीली जींस" ->
    (ClothingFact("t-shirt", "red"), ClothingFact("jeans", "blue"))."""
    if not text:
        return ()
    garbs: list[_Garb] = []
    carried: list[_Attr] = []  # colours of a unit without a garment: "red and white shirt"
    for unit in _units(text):
        unit_garbs, loose = _clothing_unit(_CLOTHING_LEXICON.match(unit.words))
        if carried and not unit.listed and garbs:
            garbs[-1].wear(carried)  # "shirt red and white. ..."
        if carried and not unit.listed:
            carried = []
        if unit_garbs:
            unit_garbs[0].colours[:0] = [
                (attr.value, attr.shade) for attr in carried if attr.role == "colour"
            ]
            unit_garbs[0].wear(attr for attr in carried if attr.role == "pattern")
            carried = []
            garbs.extend(unit_garbs)
        else:
            carried.extend(loose)
    if carried and garbs:
        garbs[-1].wear(carried)
    facts = [_clothing_fact(garment, garb) for garb in garbs for garment in garb.garments]
    return tuple(dict.fromkeys(facts))


def _clothing_fact(garment: str, garb: _Garb) -> ClothingFact:
    if not garb.colours:
        return ClothingFact(garment, pattern=garb.pattern)
    (colour, shade), *others = garb.colours
    extra = tuple(dict.fromkeys(other for other, _ in others if other != colour))
    return ClothingFact(garment, colour, shade, extra, garb.pattern)


def _clothing_unit(items: Sequence[_Item]) -> tuple[list[_Garb], list[_Attr]]:
    """Garments of one unit with their colours; colours and patterns with no garment are
    returned apart.

    Colours and patterns go to the garment after them ("red shirt", "लाल शर्ट"); a garment
    with none before it takes the first one right after it ("shirt red", "शर्ट लाल रंग की").
    """
    sequence: list[_Attr | tuple[str, ...]] = []
    shade: str | None = None
    for item in items:
        garments = tuple(tag.value for tag in item.tags if tag.role == "garment")
        if garments:  # one phrase may name a set: "salwar suit"
            sequence.append(garments)
        for tag in item.tags:
            if tag.role == "colour":
                sequence.append(_Attr("colour", tag.value, tag.extra or shade))
            elif tag.role == "pattern":
                sequence.append(_Attr("pattern", tag.value))
        shade = next((tag.value for tag in item.tags if tag.role == "shade"), None)
    garbs: list[_Garb] = []
    waiting: list[_Attr] = []
    for element in sequence:
        if isinstance(element, tuple):
            garb = _Garb(element)
            garb.wear(waiting)
            waiting = []
            garbs.append(garb)
        elif garbs and not waiting and not garbs[-1].has(element.role):
            garbs[-1].wear([element])
        else:
            waiting.append(element)
    if garbs:
        garbs[-1].wear(attr for attr in waiting if not garbs[-1].has(attr.role))
        return garbs, []
    return garbs, waiting


def clothing_weight(days_apart: float) -> float:
    """How much clothing evidence is worth after ``days_apart`` days: 1 on the same day,
    0.5 after three days, under 0.1 after a week, next to nothing after a month."""
    if math.isnan(days_apart):
        raise ValueError("days_apart must be a number of days, not NaN")
    days = abs(days_apart)
    if math.isinf(days):
        return 0.0
    return 1.0 / (1.0 + (days / CLOTHING_HALF_LIFE_DAYS) ** 3)


def _garment_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    explicit = _GARMENT_SIMILARITY.get(frozenset({a, b}))
    if explicit is not None:
        return explicit
    same_group = _GARMENTS[a][0] == _GARMENTS[b][0]
    return _GARMENT_GROUP_SIMILARITY if same_group else 0.0


def _garments_clash(a: str, b: str) -> bool:
    return frozenset({_GARMENTS[a][1], _GARMENTS[b][1]}) in _CLASHING_SLOTS


def _colour_relation(x: ClothingFact, y: ClothingFact) -> tuple[str, float]:
    """("same" | "related" | "unknown" | "different", factor for related)."""
    colours_x, colours_y = set(x.colours), set(y.colours)
    if not colours_x or not colours_y or "multicolour" in colours_x | colours_y:
        return "unknown", 0.0
    if x.colour == y.colour:
        opposite_shades = x.shade is not None and y.shade is not None and x.shade != y.shade
        return ("related", 0.6) if opposite_shades else ("same", 1.0)
    if colours_x & colours_y:
        return "same", 0.8  # shares a colour, not the main one
    best = max(
        _COLOUR_SIMILARITY.get(frozenset({cx, cy}), 0.0) for cx in colours_x for cy in colours_y
    )
    return ("related", best) if best > 0 else ("different", 0.0)


@dataclass(frozen=True, slots=True)
class _ClothingPair:
    a: int
    b: int
    contribution: float
    rank: float
    message: str
    agrees: bool


def compare_clothing(
    a: Sequence[ClothingFact],
    b: Sequence[ClothingFact],
    days_apart: float = 0.0,
    *,
    labels: tuple[str, str] = DEFAULT_LABELS,
) -> FactComparison:
    """Compare clothing; ``days_apart`` is the time between the two descriptions.

    The same garment in the same colour agrees; the same garment in another colour is a mild
    conflict. Everything is weighted by :func:`clothing_weight`, since clothes get changed:
    after about a week clothing is worth next to nothing. Garments mentioned by only one side
    are ignored (descriptions are partial) unless they cannot have been worn together with what
    the other side describes (a frock against a t-shirt).
    """
    if not a or not b:
        return FactComparison(None)
    weight = clothing_weight(days_apart)
    pairs = sorted(
        (pair for pair in _clothing_pairs(a, b, labels) if pair is not None),
        key=lambda pair: (-pair.rank, pair.a, pair.b),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    total = 0.0
    agreements: list[str] = []
    conflicts: list[str] = []
    for pair in pairs:
        if pair.a in used_a or pair.b in used_b:
            continue
        used_a.add(pair.a)
        used_b.add(pair.b)
        total += pair.contribution
        (agreements if pair.agrees else conflicts).append(pair.message)
    for index_a, x in enumerate(a):
        if index_a in used_a:
            continue
        for index_b, y in enumerate(b):
            if index_b not in used_b and _garments_clash(x.garment, y.garment):
                used_a.add(index_a)
                used_b.add(index_b)
                total += _CLOTHING_CLASH
                conflicts.append(
                    f"{labels[0]}: {x.describe()}, {labels[1]}: {y.describe()} "
                    "(different kind of garment; clothes may have been changed)"
                )
                break
    notes: list[str] = []
    if not agreements and not conflicts:
        notes.append("no garment is described in both records")
    if weight < 0.95:
        notes.append(_fading_note(days_apart, weight))
    return FactComparison(
        _tanh_score(total * weight), tuple(agreements), tuple(conflicts), tuple(notes)
    )


def _fading_note(days_apart: float, weight: float) -> str:
    days = abs(days_apart)
    amount = "next to nothing" if weight < 0.1 else f"{weight:.0%} of its same-day value"
    return (
        f"the descriptions are {days:g} days apart and clothes are often changed, so clothing "
        f"counts for {amount} (it fades to near nothing after about a week)"
    )


def _clothing_pairs(
    a: Sequence[ClothingFact], b: Sequence[ClothingFact], labels: tuple[str, str]
) -> Iterator[_ClothingPair | None]:
    for index_a, x in enumerate(a):
        for index_b, y in enumerate(b):
            yield _clothing_pair(index_a, x, index_b, y, labels)


def _clothing_pair(
    index_a: int, x: ClothingFact, index_b: int, y: ClothingFact, labels: tuple[str, str]
) -> _ClothingPair | None:
    similarity = _garment_similarity(x.garment, y.garment)
    if similarity == 0.0:
        return None
    la, lb = labels
    relation, factor = _colour_relation(x, y)
    garment = x.garment if x.garment == y.garment else f"{x.garment} / {y.garment}"
    if relation == "different":
        contribution = _CLOTHING_DIFFERENT_COLOUR * similarity
        message = (
            f"{garment}: {la} says {_colour_words(x)}, {lb} says {_colour_words(y)} "
            "(mild conflict: clothes may have been changed)"
        )
        return _ClothingPair(index_a, index_b, contribution, similarity * 0.3, message, False)
    if relation == "unknown":
        contribution = _CLOTHING_COLOUR_UNKNOWN * similarity
        if not x.colours and not y.colours:
            reason = "colour not stated"
        elif not x.colours or not y.colours:
            reason = f"colour not stated by {la if not x.colours else lb}"
        else:
            reason = "multicoloured: colours cannot be compared"
        message = f"{garment} in both ({reason})"
    elif relation == "related":
        contribution = _CLOTHING_RELATED_COLOUR * factor * similarity
        message = f"{la}: {x.describe()} ~ {lb}: {y.describe()} (similar colour)"
    else:
        contribution = _CLOTHING_SAME_COLOUR * factor * similarity
        message = (
            f"{x.describe()} in both"
            if x.describe() == y.describe()
            else f"{la}: {x.describe()} ~ {lb}: {y.describe()}"
        )
    contribution += _pattern_contribution(x, y) * similarity
    return _ClothingPair(index_a, index_b, contribution, contribution, message, True)


def _pattern_contribution(x: ClothingFact, y: ClothingFact) -> float:
    if x.pattern is None or y.pattern is None:
        return 0.0
    return _CLOTHING_SAME_PATTERN if x.pattern == y.pattern else _CLOTHING_DIFFERENT_PATTERN


def _colour_words(fact: ClothingFact) -> str:
    if not fact.colours:
        return "no colour"
    main = fact.colour if fact.shade is None else f"{fact.shade} {fact.colour}"
    return " and ".join(str(colour) for colour in (main, *fact.other_colours))


# =============================================================================================
# Languages
# =============================================================================================

# fmt: off
# canonical language -> (evidence weight of sharing it, names in English, Hindi, romanised)
_LANGUAGES: Final[Mapping[str, tuple[float, tuple[str, ...]]]] = {
    "hindi": (0.3, ("hindi", "hindustani", "हिंदी", "हिन्दी", "हिंदुस्तानी")),
    "english": (0.25, ("english", "angrezi", "angreji", "अंग्रेजी", "अंग्रेज़ी", "इंग्लिश")),
    "urdu": (0.5, ("urdu", "उर्दू")),
    "bhojpuri": (0.65, ("bhojpuri", "भोजपुरी")),
    "maithili": (0.75, ("maithili", "मैथिली")),
    "magahi": (0.75, ("magahi", "magadhi", "मगही")),
    "awadhi": (0.7, ("awadhi", "avadhi", "अवधी")),
    "bengali": (0.7, ("bengali", "bangla", "bangali", "बंगाली", "बांग्ला", "बंगला")),
    "marathi": (0.7, ("marathi", "मराठी")),
    "gujarati": (0.75, ("gujarati", "gujrati", "गुजराती")),
    "punjabi": (0.65, ("punjabi", "panjabi", "पंजाबी")),
    "tamil": (0.8, ("tamil", "तमिल")),
    "telugu": (0.8, ("telugu", "तेलुगु", "तेलुगू")),
    "kannada": (0.8, ("kannada", "kannad", "कन्नड़")),
    "malayalam": (0.8, ("malayalam", "मलयालम")),
    "odia": (0.75, ("odia", "oriya", "ओडिया", "उड़िया", "ओड़िया")),
    "assamese": (0.8, ("assamese", "asamiya", "असमिया", "असमी")),
    "nepali": (0.75, ("nepali", "nepalese", "gorkhali", "नेपाली")),
    "rajasthani": (0.7, ("rajasthani", "marwari", "marwadi", "राजस्थानी", "मारवाड़ी")),
    "haryanvi": (0.65, ("haryanvi", "हरियाणवी")),
    "bundeli": (0.75, ("bundeli", "बुंदेली")),
    "chhattisgarhi": (0.75, ("chhattisgarhi", "छत्तीसगढ़ी")),
    "garhwali": (0.8, ("garhwali", "गढ़वाली")),
    "kumaoni": (0.8, ("kumaoni", "kumauni", "कुमाऊंनी")),
    "pahari": (0.8, ("pahari", "पहाड़ी")),
    "angika": (0.8, ("angika", "अंगिका")),
    "bajjika": (0.8, ("bajjika", "बज्जिका")),
    "nagpuri": (0.85, ("nagpuri", "sadri", "sadani", "नागपुरी", "सादरी")),
    "santali": (0.9, ("santali", "santhali", "संथाली", "संताली")),
    "kurukh": (0.9, ("kurukh", "kurux", "oraon", "कुड़ुख")),
    "mundari": (0.9, ("mundari", "मुंडारी")),
    "ho": (0.9, ("ho language", "हो भाषा")),
    "gondi": (0.9, ("gondi", "गोंडी")),
    "bhili": (0.9, ("bhili", "bhilodi", "भीली")),
    "konkani": (0.85, ("konkani", "कोंकणी")),
    "sindhi": (0.85, ("sindhi", "सिंधी")),
    "kashmiri": (0.85, ("kashmiri", "कश्मीरी")),
    "dogri": (0.85, ("dogri", "डोगरी")),
    "manipuri": (0.85, ("manipuri", "meitei", "meithei", "मणिपुरी")),
    "bodo": (0.9, ("bodo", "बोडो")),
    "khasi": (0.9, ("khasi", "खासी")),
    "garo": (0.9, ("garo", "गारो")),
    "mizo": (0.9, ("mizo", "मिज़ो")),
    "tulu": (0.85, ("tulu", "तुलु")),
    "sanskrit": (0.6, ("sanskrit", "संस्कृत")),
    "tibetan": (0.9, ("tibetan", "तिब्बती")),
    "sign language": (
        0.9, ("sign language", "isharon", "इशारों की भाषा", "इशारों में", "सांकेतिक भाषा"),
    ),
}
# How close two languages are: a witness may report one for the other, so no conflict.
_LANGUAGE_KINSHIP: Final[Mapping[frozenset[str], float]] = {
    frozenset(pair): closeness
    for closeness, pairs in {
        0.8: (("hindi", "urdu"),),
        0.7: (("hindi", "haryanvi"),),
        0.6: (
            ("hindi", "bhojpuri"), ("hindi", "awadhi"), ("hindi", "bundeli"),
            ("bhojpuri", "magahi"), ("maithili", "angika"), ("maithili", "bajjika"),
            ("bengali", "assamese"),
        ),
        0.5: (
            ("hindi", "rajasthani"), ("hindi", "chhattisgarhi"), ("hindi", "magahi"),
            ("hindi", "bajjika"), ("bhojpuri", "maithili"), ("bhojpuri", "awadhi"),
            ("bhojpuri", "bajjika"), ("maithili", "magahi"), ("tamil", "malayalam"),
            ("konkani", "marathi"), ("mundari", "santali"),
        ),
        0.4: (
            ("hindi", "maithili"), ("hindi", "garhwali"), ("hindi", "kumaoni"), ("hindi", "angika"),
            ("hindi", "nagpuri"), ("hindi", "pahari"), ("garhwali", "kumaoni"),
            ("bhojpuri", "angika"), ("bhojpuri", "nagpuri"), ("bengali", "odia"),
        ),
        0.3: (
            ("hindi", "punjabi"), ("hindi", "nepali"), ("urdu", "punjabi"), ("kannada", "telugu"),
            ("kannada", "tulu"), ("gujarati", "rajasthani"), ("hindi", "sanskrit"),
        ),
    }.items()
    for pair in pairs
}
# fmt: on
_RELATED_LANGUAGES: Final = 0.3  # kinship from which two languages are not a conflict
_LANGUAGE_MISMATCH: Final = 0.7  # only unrelated languages on the two sides
_LANGUAGE_MISMATCH_ENGLISH: Final = 0.35  # ... when English is involved (a school language)
_LANGUAGE_EXTRA_MISMATCH: Final = 0.2  # a shared language, but each side adds an unrelated one
_LANGUAGE_RELATED_ONLY: Final = 0.15  # per unit of kinship, when only related languages match

_LANGUAGE_LEXICON: Final = _Lexicon(
    (phrase, (_Tag("language", language),))
    for language, (_, names) in _LANGUAGES.items()
    for phrase in (*names, *((language,) if len(language) > 2 else ()))  # not a bare "ho"
)


def language_display_name(language: str) -> str:
    """ "sign language" -> "Sign Language"."""
    return language.title()


def normalise_languages(items: str | Iterable[str] | None) -> frozenset[str]:
    """Canonical language names in any script: ["Hindi", "भोजपुरी"] -> {"hindi", "bhojpuri"}.

    Items may hold several names ("Hindi, Bhojpuri", "हिंदी और भोजपुरी"); other words ("speaks
    little", "only") are ignored, and so are languages not in the table.
    """
    if items is None:
        return frozenset()
    texts = [items] if isinstance(items, str) else list(items)
    found: set[str] = set()
    for text in texts:
        if not isinstance(text, str):
            continue
        canonical = " ".join(_words(text))
        if canonical in _LANGUAGES:  # already canonical, as this function returns them
            found.add(canonical)
            continue
        for unit in _units(text):
            for item in _LANGUAGE_LEXICON.match(unit.words):
                found.update(tag.value for tag in item.tags)
    return frozenset(found)


def _kinship(a: str, b: str) -> float:
    return 1.0 if a == b else _LANGUAGE_KINSHIP.get(frozenset({a, b}), 0.0)


def compare_languages(
    a: str | Iterable[str] | None,
    b: str | Iterable[str] | None,
    *,
    labels: tuple[str, str] = DEFAULT_LABELS,
) -> FactComparison:
    """Compare spoken languages (raw names or canonical ones).

    A shared uncommon language (Tamil, Santali) is strong evidence, a shared Hindi weak; no
    language in common is a conflict unless the languages are close kin (Hindi / Bhojpuri),
    and a weaker one when English is involved.
    """
    langs_a, langs_b = normalise_languages(a), normalise_languages(b)
    if not langs_a or not langs_b:
        return FactComparison(None)
    la, lb = labels
    shared = sorted(langs_a & langs_b)
    agreements: list[str] = []
    conflicts: list[str] = []
    if shared:
        unshared = 1.0
        for language in shared:
            weight = _LANGUAGES[language][0]
            unshared *= 1.0 - weight
            agreements.append(f"both speak {language_display_name(language)} ({_rarity(weight)})")
        score = 1.0 - unshared
        extra_a = _unrelated_extras(langs_a - langs_b, langs_b)
        extra_b = _unrelated_extras(langs_b - langs_a, langs_a)
        if extra_a and extra_b:
            score -= _LANGUAGE_EXTRA_MISMATCH
            conflicts.append(
                f"{la} also lists {_names(extra_a)}, {lb} also lists {_names(extra_b)}"
            )
        return FactComparison(_clip(score), tuple(agreements), tuple(conflicts))
    best, x, y = max(
        ((_kinship(x, y), x, y) for x in sorted(langs_a) for y in sorted(langs_b)),
        key=lambda item: item[0],
    )
    if best >= _RELATED_LANGUAGES:
        agreements.append(
            f"{la}: {language_display_name(x)}, {lb}: {language_display_name(y)} (closely "
            "related languages; one is often reported for the other)"
        )
        return FactComparison(_clip(_LANGUAGE_RELATED_ONLY * best), tuple(agreements))
    english = "english" in langs_a | langs_b
    mismatch = _LANGUAGE_MISMATCH_ENGLISH if english else _LANGUAGE_MISMATCH
    conflicts.append(f"{la}: {_names(langs_a)}; {lb}: {_names(langs_b)} (no language in common)")
    notes = ("English is often learnt at school, so this conflict is weaker",) if english else ()
    return FactComparison(_clip(-mismatch), (), tuple(conflicts), notes)


def _unrelated_extras(extra: Iterable[str], other: Iterable[str]) -> list[str]:
    others = list(other)
    return sorted(
        language
        for language in extra
        if language != "english" and all(_kinship(language, o) < _RELATED_LANGUAGES for o in others)
    )


def _names(languages: Iterable[str]) -> str:
    return ", ".join(language_display_name(language) for language in sorted(languages))


def _rarity(weight: float) -> str:
    if weight >= 0.75:
        return "uncommon language: strong evidence"
    if weight >= 0.5:
        return "regional language: fair evidence"
    return "very common language: weak evidence"


# =============================================================================================
# Complexion
# =============================================================================================

COMPLEXION_SCALE: Final[tuple[str, ...]] = ("fair", "wheatish", "brown", "dark")
# fmt: off
_COMPLEXION_WORDS: Final[Mapping[float, tuple[str, ...]]] = {
    0.0: (
        "fair", "very fair", "light", "white", "pale", "gora", "gori", "गोरा", "साफ", "उजला", "गौर",
        "गौरवर्ण",
    ),
    1.0: (
        "wheatish", "wheat", "gehuan", "gehua", "gehuaa", "gehuwa", "गेहुंआ", "गेहुआ", "गेंहुआ",
        "गेहूंआ", "गेहुवा", "गेहूं", "गेंहुए", "गेहुएं",
    ),
    1.5: ("medium", "मध्यम"),
    2.0: (
        "brown", "brownish", "dusky", "tan", "sanwla", "sanwala", "saanwla", "sawla", "sanvla",
        "सांवला", "सावला", "सांवरा",
    ),
    3.0: ("dark", "very dark", "black", "kala", "kaala", "काला", "श्याम", "श्यामवर्ण"),
}
# fmt: on
_COMPLEXION_LEXICON: Final = _Lexicon(
    (phrase, (_Tag("complexion", str(position)),))
    for position, phrases in _COMPLEXION_WORDS.items()
    for phrase in phrases
)
# Closeness by distance on the scale; witness estimates of complexion are unreliable.
# fmt: off
_COMPLEXION_CLOSENESS: Final[tuple[tuple[float, float], ...]] = (
    (0.0, 1.0), (1.0, 0.6), (2.0, 0.1), (3.0, 0.0),
)
# fmt: on


def _complexion_position(text: str | None) -> float | None:
    """Position on the fair (0) .. dark (3) scale; two words are averaged ("fair wheatish")."""
    if not text:
        return None
    positions = [
        float(tag.value)
        for unit in _units(text)
        for item in _COMPLEXION_LEXICON.match(unit.words)
        for tag in item.tags
    ]
    return sum(positions) / len(positions) if positions else None


def parse_complexion(text: str | None) -> str | None:
    """The nearest point of the scale fair < wheatish < brown < dark, or None if unknown."""
    position = _complexion_position(text)
    if position is None:
        return None
    return COMPLEXION_SCALE[min(3, max(0, math.floor(position + 0.5)))]


def complexion_closeness(a: str | None, b: str | None) -> float | None:
    """How alike two complexions are, 1.0 (same) .. 0.0 (fair against dark); None if either is
    unknown. Neighbours on the scale score 0.6, two steps apart 0.1. Accepts the canonical
    names (or the ``Complexion`` enum) as well as free text in Hindi or English."""
    pa, pb = _complexion_position(a), _complexion_position(b)
    if pa is None or pb is None:
        return None
    distance = abs(pa - pb)
    for (d0, c0), (d1, c1) in pairwise(_COMPLEXION_CLOSENESS):
        if distance <= d1:
            return round(c0 + (c1 - c0) * (distance - d0) / (d1 - d0), 4)
    return 0.0
