"""Name handling for Hindi (Devanagari) and Latin-script names.

Pure Python, stdlib only. Four layers, each usable on its own:

* ``devanagari_to_latin`` - readable phonetic romanisation with Hindi schwa deletion.
* ``phonetic_key`` - a script-independent key for ONE name word; spelling variants collide
  (Pooja/Puja/पूजा -> ``puja``) while distinct names stay apart (Sunil/Sunita).
* ``name_words`` / ``split_aliases`` / ``search_key`` / ``query_keys`` - turn a full name
  into words and into a string searchable with SQL ``LIKE '% key%'``.
* ``compare_names`` - a graded, explained comparison of two names with their aliases.

Key design notes (``phonetic_key``):

* Devanagari is romanised first, so both scripts go through the same Latin rules: first
  letter-by-letter folds (the *written form*: kh -> k, w -> v, ee -> i, doubled letters
  once), then folds that look at the neighbours, for vowels that Latin script spells
  several ways: औ as au/ou/o (Rathour/Rathore), ऐ as ai/e (Quraishi/Qureshi), अ as e
  before h or r + consonant (Rehman, Mehak, Verma), -er/-ar and -endra/-inder
  (Ravinder/रविंदर, Surender/Surinder/सुरेंद्र), iya/ia (Priya/Pria), ऋ as ri/hri
  (Hrithik/ऋतिक), then medial 'a' deletion.
* Some words have two readings, and so more than one key (``phonetic_key`` is the first;
  ``compare_names`` and ``search_key`` use them all): ड़/ढ़ is r or d (गुड़िया is Guriya and
  Gudiya), and English spellings of Latin-script names are also read the Hindi way: a u
  before two consonants and a final y is अ (Sunny/सनी, Bunty/बंटी, Lucky/लकी), a final
  -ore is -or (Kishore/किशोर).
* ``search_key`` stores every key and every written form, so that the key of a typed
  prefix is a prefix of something stored ("Raje" -> ``raje`` / "Rajesh" -> ``rajes``;
  "Kuma" finds "Kumari", key ``kumri``; "Ver" finds "Verma", key ``varma``). Known misses:
  - a prefix typed with an 'a' the stored spelling lacks: "Kama" does not find "Kamla" or
    "कमला" (both ``kamla``), though it finds "Kamala";
  - a prefix typed in Latin script whose vowel only the next letters change, for a record
    written in Devanagari: "Ver" does not find "वर्मा" (``varma``), though "Verm" does;
  - whole-word canonical forms: "Muham" finds "Muhammad" but not "Mohammed";
  - ``oo`` -> ``u``: "Po" does not find "Pooja" (``puja``); "Poo" and "Pu" do;
  - ``y`` after a vowel becomes ``i`` unless a vowel follows: "Sanjay" does not find a
    one-word "Sanjaya";
  - ``ei`` -> ``e`` likewise depends on the next letter;
  - a query in Devanagari with ड़ finds only the r spelling in Latin script ("गुड़िया"
    finds "Guriya", not "Gudiya"); "Gudiya" and "Guriya" both find "गुड़िया".
* Known misses in comparison: Latin-script spellings that differ in a consonant are
  different names even when one Devanagari spelling stands behind both (Gudiya/Guriya,
  Rathod/Rathore: d and r are told apart, or Zahid would be Zahir); a Latin final 'a'
  against a Devanagari final schwa is a near miss (Srivastava/श्रीवास्तव).
* A word-final ``a`` is kept, because it often marks a different (usually female) name:
  Sunit/Sunita, Kamal/Kamla. ``compare_names`` grades that difference as a near miss.
* Keys are stored in the registers (``name_key``): when the rules change, raise
  ``SEARCH_KEY_VERSION``, and every stored key is rebuilt at the next start
  (station_app.search_keys); otherwise searches would miss records saved before.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from station_app.devanagari import DEVANAGARI_RE, NUKTA, devanagari_to_latin

__all__ = [
    "SEARCH_KEY_MAX_LENGTH",
    "SEARCH_KEY_VERSION",
    "MatchKind",
    "NameComparison",
    "compare_names",
    "devanagari_to_latin",
    "is_weak_key",
    "name_words",
    "phonetic_key",
    "query_keys",
    "search_key",
    "split_aliases",
    "word_keys",
]

# --------------------------------------------------------------------------------------
# Phonetic key
# --------------------------------------------------------------------------------------

_VOWELS: Final = "aeiou"
_TOKEN_RE: Final = re.compile(f"[{_VOWELS}]+|[^{_VOWELS}]+")
_OW_RE: Final = re.compile("ow(?![aeiouy])")  # Chowdhary, Chowhan: "ow" before a consonant is औ
_LETTER_FOLDS: Final = (
    ("x", "ks"), ("q", "k"), ("z", "j"), ("w", "v"), ("f", "p"), ("ck", "k"),
)  # fmt: skip
_VOWEL_FOLDS: Final = (("ee", "i"), ("ii", "i"), ("oo", "u"), ("uu", "u"), ("ou", "au"))
_H_AFTER_CONSONANT_RE: Final = re.compile("(?<=[kgcjtdpbs])h+")
_Y_AS_VOWEL_RE: Final = re.compile("(?<=[aeiou])y(?![aeiou])|y$")
_EI_RE: Final = re.compile("ei(?![aeiou])")
_DOUBLE_RE: Final = re.compile(r"(.)\1+")

# English spelling habits of Latin-script names, read the Hindi way. Each gives a second
# reading; the written one is kept as a variant, so nothing that matched before stops matching.
_CONSONANT_LETTER: Final = "[b-df-gj-np-tv-xz]"  # no h (sh, kh are one sound) and no y
_ENGLISH_SHORT_U_RE: Final = re.compile(f"u(?={_CONSONANT_LETTER}{{2,}}y$)")
"""u before two consonants and a final y is अ: Sunny/सनी, Bunty/बंटी, Lucky/लकी, Bubbly/बबली
(Munni, Guddu, with a final i or u, keep their उ)."""
_SILENT_E_RE: Final = re.compile("(?<=or)e$")  # Kishore/किशोर, Rathore/राठौर

# Flapped ड़ and ढ़ are written r or d in Latin script (Guriya/Gudiya, Gaur/Gaud); the key
# says r, as the romanisation does, and the d reading is a variant.
_FLAPS: Final = (("\u095c", "ड"), ("\u095d", "ढ"), ("ड\u093c", "ड"), ("ढ\u093c", "ढ"))

# Vowel spellings that depend on their neighbours, applied to keys of both scripts alike.
_CONTEXT_FOLDS: Final = (
    (re.compile("^hr(?=i)"), "r"),  # ऋ and हृ: Hrithik/Ritik/ऋतिक
    (re.compile("au"), "o"),  # औ: Rathour/Rathore, Maurya/Morya, Chauhan/Chohan
    (re.compile("(?<=[^aeiou])ai(?=[b-df-hj-np-tv-z])"), "e"),  # ऐ: Quraishi/Qureshi/क़ुरैशी
    (re.compile("e(?=h|r[b-df-hj-np-tv-z])"), "a"),  # Rehman/रहमान, Mehak, Verma/वर्मा, Pervez
    (re.compile("(?<=[^aeiou]{2})er$"), "ar"),  # Ravinder/रविंदर, Akhter/अख़्तर, Anwer/अनवर
    (re.compile("ndra$"), "ndar"),  # Chandra/Chander/चंदर, Surendra/Surender/सुरेंद्र
    (re.compile("endar$"), "indar"),  # Surender/Surinder, Mahendra/Mahinder
    (re.compile("(?<=i)y(?=[aeiou])"), ""),  # Priya/Pria, Sonia/Soniya, Gudia/गुड़िया
)

# Mohammad and its spellings and abbreviations, after the general rules have run.
_MOHAMMAD_KEY: Final = "mohmad"
_MOHAMMAD_RE: Final = re.compile("m[ou]h?m[ae]d|m[ou]?h?d")


@dataclass(frozen=True, slots=True)
class _KeyForms:
    """The keys of one word (the first is ``phonetic_key``; others come from readings such as
    ड़ as d or Sunny as सनी) and its written forms, before the rules that look ahead, which
    search keys also store so that typed prefixes find the word."""

    keys: tuple[str, ...]
    written: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.keys[0] if self.keys else ""


@lru_cache(maxsize=16384)
def phonetic_key(word: str) -> str:
    """Script-independent key of ONE name word ("" if it has no usable letters).

    Several words are run together, so split names with ``name_words`` first.
    """
    return _key_forms(word).key


@lru_cache(maxsize=16384)
def _key_forms(word: str) -> _KeyForms:
    readings = [letters for letters in _readings(word) if letters]
    written = tuple(dict.fromkeys(_written_form(letters) for letters in readings))
    return _KeyForms(tuple(dict.fromkeys(_key_of(form) for form in written)), written)


def _readings(word: str) -> tuple[str, ...]:
    """The word's letters as a-z, in each way it may be read (the usual reading first)."""
    if DEVANAGARI_RE.search(word):
        plain = word
        for flap, stop in _FLAPS:
            plain = plain.replace(flap, stop)
        texts = (word, plain) if plain != word else (word,)
        return tuple(_ascii_letters(devanagari_to_latin(text)) for text in texts)
    letters = _ascii_letters(word)
    hindi = _SILENT_E_RE.sub("", _ENGLISH_SHORT_U_RE.sub("a", letters))
    return (hindi, letters) if hindi != letters else (letters,)


def _ascii_letters(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if "a" <= c <= "z")


def _written_form(letters: str) -> str:
    """Letter-by-letter folds only, so the form of a typed prefix is a prefix of the form of
    the word."""
    form = _fold_vowels(_fold_consonants(_OW_RE.sub("au", letters)))
    return _DOUBLE_RE.sub(r"\1", form)


def _key_of(written: str) -> str:
    key = written
    for pattern, replacement in _CONTEXT_FOLDS:
        key = pattern.sub(replacement, key)
    if len(key) > 1:
        key = key.rstrip("h")  # Abdullah/Abdulla; only shortens, so prefixes still work
    key = _delete_medial_a(key)
    return _MOHAMMAD_KEY if _MOHAMMAD_RE.fullmatch(key) else key


def _fold_consonants(s: str) -> str:
    for old, new in _LETTER_FOLDS:
        s = s.replace(old, new)
    # Drops aspiration and folds sh/s, chh/ch: kh gh th dh ph bh jh sh -> k g t d p b j s.
    return _H_AFTER_CONSONANT_RE.sub("", s)


def _fold_vowels(s: str) -> str:
    for old, new in _VOWEL_FOLDS:
        s = s.replace(old, new)
    s = _Y_AS_VOWEL_RE.sub("i", s)  # Sanjay/Sanjai, Pinky/Pinki
    return _EI_RE.sub("e", s)  # Pandey/Pande/पांडे, Sheikh/शेख


def _delete_medial_a(key: str) -> str:
    """Drop an 'a' that Hindi would not pronounce, so written and unwritten schwas agree:
    Kamala/Kamla, Lakshami/Lakshmi, Rahaman/Rahman, Rachana/Rachna."""
    tokens = _TOKEN_RE.findall(key)
    deleted: set[int] = set()
    for t, token in enumerate(tokens):
        if token == "a" and _latin_schwa_deletable(tokens, t, deleted):
            deleted.add(t)
    return "".join(tok for t, tok in enumerate(tokens) if t not in deleted)


def _latin_schwa_deletable(tokens: list[str], t: int, deleted: set[int]) -> bool:
    """Like the Devanagari rule but allowing two consonants before the 'a' (Lakshami).
    ``tokens`` alternate vowel runs and consonant runs."""
    if t < 2 or t + 2 >= len(tokens) or (t - 2) in deleted:
        return False
    before, nxt = tokens[t - 1], tokens[t + 1]
    if len(before) > 2 or "y" in nxt:
        return False
    return len(nxt) == 1 or (len(nxt) == 2 and nxt[1] == "r")


# --------------------------------------------------------------------------------------
# Splitting names into words
# --------------------------------------------------------------------------------------

_RELATION_RE: Final = re.compile(
    r"(?i)\b[sdwcb]\s*[/.\\]\s*o\b|\b(?:son|daughter|wife|baby)\s+of\b"
    r"|(?<!\S)(?:पुत्र|पुत्री|पत्नी|पिता)(?!\S)"
)
_ALIAS_SEP_RE: Final = re.compile(
    r"(?i)[@/()\[\]]|(?<!\S)(?:urf|urff|alias|aka|a\.k\.a\.?|उर्फ\u093c?|उर्\u095e)(?!\S)"
)
# Whole-field placeholders, compared on letters only ("N/A", "n.a.", "Not known").
_PLACEHOLDER_NAMES: Final = frozenset(
    {"", "na", "nil", "none", "null", "unknown", "notknown", "notavailable", "nk"}
)

_DOT_CHARS: Final = frozenset(".॰")
_JOINERS: Final = frozenset("'’\u200c\u200d")

_HONORIFICS: Final = frozenset({
    "shri", "sri", "shree", "sree", "sh", "shrimati", "srimati", "smt", "sushri",
    "kumari", "km", "kum", "ku", "mr", "mrs", "ms", "miss", "master", "mst", "mussammat",
    "musammat", "mosammat", "late", "lt", "dr", "janab",
    "श्री", "श्रीमती", "श्रीमान", "सुश्री", "कुमारी", "कु", "स्व", "स्वर्गीय", "मास्टर",
    "मिस", "डॉ", "जनाब", "मोसम्मत", "मुसम्मात",
})  # fmt: skip
_FILLERS: Final = frozenset({
    "unknown", "unkown", "ajnat", "agyat", "agyaat", "anjan", "anjaan", "lawaris",
    "lavaris", "gumshuda", "nil", "null", "none", "na", "yrs", "yr", "years", "year",
    "saal", "ji", "balak", "balika", "ladka", "ladki", "boy", "girl", "child", "bachcha",
    "अज्ञात", "अनजान", "लावारिस", "गुमशुदा", "वर्ष", "साल", "जी", "बालक", "बालिका", "लड़का",
    "लड़की", "बच्चा", "बच्ची",
})  # fmt: skip
_MOHAMMAD_ABBREVIATIONS: Final = frozenset({"md", "mohd", "mhd", "muhd", "mohmd"})
_MOHAMMAD_DOTTED: Final = frozenset({"mo", "mu", "मो", "मु", "मोह"})


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    dotted: bool  # followed by "." (abbreviation)

    @property
    def plain(self) -> str:
        return self.text.casefold().replace(NUKTA, "")


def split_aliases(name: str) -> tuple[list[str], list[list[str]]]:
    """Split ``name`` into its main words and the words of each alias.

    Aliases are introduced by urf/alias/aka/उर्फ/@, by "/" or in brackets:
    "Ramesh Kumar urf Guddu" -> (["Ramesh", "Kumar"], [["Guddu"]]). Text after a
    relation marker (s/o, d/o, पुत्र ...) is dropped.
    """
    main, aliases = _parse(name)
    return list(main), [list(alias) for alias in aliases]


def name_words(name: str) -> list[str]:
    """All words of a name, in order, with honorifics and fillers dropped and alias
    markers removed ("Smt. Sunita Devi urf Munni" -> ["Sunita", "Devi", "Munni"])."""
    main, aliases = _parse(name)
    return [*main, *(word for alias in aliases for word in alias)]


@lru_cache(maxsize=4096)
def _parse(name: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    text = unicodedata.normalize("NFC", name).strip()
    if "".join(c for c in text.casefold() if c.isalpha()) in _PLACEHOLDER_NAMES:
        return (), ()
    relation = _RELATION_RE.search(text)
    if relation:
        text = text[: relation.start()]
    parts = [_clean_part(part) for part in _ALIAS_SEP_RE.split(text)]
    main, *aliases = parts
    return main, tuple(alias for alias in aliases if alias)


def _clean_part(part: str) -> tuple[str, ...]:
    tokens = [tok for tok in _tokenise(part) if tok.plain not in _FILLERS]
    while len(tokens) > 1 and tokens[0].plain in _HONORIFICS:
        tokens.pop(0)
    return tuple(_expand_abbreviation(tok) for tok in tokens)


def _tokenise(text: str) -> list[_Token]:
    """Words are runs of letters and combining marks; everything else separates."""
    tokens: list[_Token] = []
    current: list[str] = []
    for ch in [*text, " "]:
        if unicodedata.category(ch)[0] in "LM":
            current.append(ch)
        elif ch in _JOINERS and current:
            continue
        elif current:
            tokens.append(_Token("".join(current), ch in _DOT_CHARS))
            current = []
    return tokens


def _expand_abbreviation(token: _Token) -> str:
    plain = token.plain
    if plain in _MOHAMMAD_ABBREVIATIONS or (token.dotted and plain in _MOHAMMAD_DOTTED):
        return "मोहम्मद" if DEVANAGARI_RE.search(plain) else "Mohammad"
    return token.text


# --------------------------------------------------------------------------------------
# Search keys
# --------------------------------------------------------------------------------------


SEARCH_KEY_MAX_LENGTH: Final = 400  # the name_key column is VARCHAR(400)
# Raise whenever search_key would give any name a different key: every stored key is
# then rebuilt once, at the next start (station_app.search_keys).
SEARCH_KEY_VERSION: Final = 2


def search_key(name: str, aliases: Sequence[str]) -> str:
    """Keys of every word of the name and aliases, each preceded by a space, for SQL
    ``LIKE '% key%'`` (a prefix match on any word): "राजेश कुमार" -> " rajes kumar".

    A word's other keys follow (गुड़िया is also stored as Gudiya's key), then its written
    forms where they differ from its keys (" kamla kamala" for Kamala), so that prefixes
    typed with a medial 'a' or the letters as written still match. At most
    ``SEARCH_KEY_MAX_LENGTH`` characters, dropping whole trailing keys (the written forms
    go last); "" when there are no words.
    """
    words = [*name_words(name), *(w for alias in aliases for w in name_words(alias))]
    forms = [_key_forms(word) for word in words]
    keys = [form.key for form in forms]
    keys += [key for form in forms for key in form.keys[1:]]
    keys += [written for form in forms for written in form.written]
    result = ""
    for key in dict.fromkeys(key for key in keys if key):
        if len(result) + len(key) + 1 > SEARCH_KEY_MAX_LENGTH:
            break
        result += f" {key}"
    return result


def query_keys(text: str) -> list[str]:
    """Keys of the words a user typed; a record matches when every key matches a word
    (``name_key LIKE '% key%'`` for each key)."""
    return _unique_keys(name_words(text))


def _unique_keys(words: Iterable[str]) -> list[str]:
    keys = (phonetic_key(word) for word in words)
    return list(dict.fromkeys(key for key in keys if key))


# --------------------------------------------------------------------------------------
# Comparing two names
# --------------------------------------------------------------------------------------

MatchKind = Literal[
    "exact", "phonetic", "first_name_only", "alias", "partial", "different", "no_name"
]


@dataclass(frozen=True, slots=True)
class NameComparison:
    score: float | None  # in [0, 1]; None when either side has no name at all
    kind: MatchKind
    explanation: str


_FIRST_NAME_ONLY_SCORE: Final = 0.85
_ALIAS_FACTOR: Final = 0.8
_WEAK_WORD_GAP_SCORE: Final = 0.95  # all real words match; only Kumar/Devi/order differ
_SUBSET_SCORE: Final = 0.85
_SHARED_FIRST_SCORE: Final = 0.5
_SHARED_OTHER_SCORE: Final = 0.35
_EXTRA_SHARED_BONUS: Final = 0.1
_PARTIAL_CAP: Final = 0.7

_WEAK_WORDS: Final = (
    "kumar", "kumari", "devi", "bai", "ben", "begum", "begam", "khatoon", "bibi", "singh",
    "kaur", "mohammad",
)  # fmt: skip


@lru_cache(maxsize=1)
def _weak_keys() -> frozenset[str]:
    return frozenset(phonetic_key(word) for word in _WEAK_WORDS)


def is_weak_key(key: str) -> bool:
    """A key too common or too short to tell children apart (Kumar, Devi, Singh...)."""
    return len(key) < 2 or key in _weak_keys()


def word_keys(word: str) -> tuple[str, ...]:
    """Every key of one name word: ``phonetic_key`` first, then its other readings
    (गुड़िया is also Gudiya's key; Sunny is also सनी's)."""
    return _key_forms(word).keys


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    key: str  # phonetic_key
    keys: tuple[str, ...]  # key first, then the keys of other readings

    @property
    def weak(self) -> bool:
        """Kumar, Devi, Singh, Mohammad ... and initials carry little identity."""
        return len(self.key) < 2 or self.key in _weak_keys()

    @property
    def devanagari(self) -> bool:
        return DEVANAGARI_RE.search(self.text) is not None


_Form = tuple[_Word, ...]


@dataclass(frozen=True, slots=True)
class _FormMatch:
    score: float
    kind: MatchKind
    left: str
    right: str
    reason: str

    def explain(self) -> str:
        if self.kind == "different":
            return f"{self.left} vs {self.right}: {self.reason}"
        return f"{self.left} ~ {self.right} ({self.reason})"


@dataclass(frozen=True, slots=True)
class _Side:
    primary: _Form
    aliases: tuple[_Form, ...] = ()


def compare_names(
    a_name: str, a_aliases: Sequence[str], b_name: str, b_aliases: Sequence[str]
) -> NameComparison:
    """Compare two people's names (with aliases) and explain the result in plain English.

    Scores: 1.0 same words (any script or spelling); ~0.95 same words ignoring Kumar/Devi or
    word order; 0.85 first name only on one side; 0.8 x the score through an alias;
    0.35-0.7 some words shared; 0.6/0.4 near-miss spellings; 0.0 different names.
    """
    a, b = _side(a_name, a_aliases), _side(b_name, b_aliases)
    if not a.primary or not b.primary:
        which = "either record" if not a.primary and not b.primary else "one record"
        return NameComparison(None, "no_name", f"No name recorded on {which}")
    best = _compare_forms(a.primary, b.primary)
    score, kind, explanation = best.score, best.kind, best.explain()
    for via, match in _alias_matches(a, b):
        alias_score = round(_ALIAS_FACTOR * match.score, 3)
        if alias_score > score:
            score, kind = alias_score, "alias"
            explanation = f"{match.left} ~ {match.right} ({via}; {match.reason})"
    return NameComparison(score, kind, explanation)


def _side(name: str, aliases: Sequence[str]) -> _Side:
    forms = [_form(words) for words in _all_forms(name, aliases)]
    forms = [form for form in forms if form]
    if not forms:
        return _Side(())
    return _Side(forms[0], tuple(forms[1:]))


def _all_forms(name: str, aliases: Sequence[str]) -> list[tuple[str, ...]]:
    main, inline_aliases = _parse(name)
    forms = [main, *inline_aliases]
    for alias in aliases:
        alias_main, alias_aliases = _parse(alias)
        forms.extend([alias_main, *alias_aliases])
    return forms


def _form(words: Iterable[str]) -> _Form:
    forms = [(text, _key_forms(text)) for text in words]
    return tuple(_Word(text, form.key, form.keys) for text, form in forms if form.keys)


def _alias_matches(a: _Side, b: _Side) -> Iterable[tuple[str, _FormMatch]]:
    a_name, b_name = _display(a.primary), _display(b.primary)
    for alias in a.aliases:
        yield f"alias of {a_name}", _compare_forms(alias, b.primary)
    for alias in b.aliases:
        yield f"alias of {b_name}", _compare_forms(a.primary, alias)
    for a_alias in a.aliases:
        for b_alias in b.aliases:
            yield f"aliases of {a_name} and {b_name}", _compare_forms(a_alias, b_alias)


def _display(form: _Form) -> str:
    return " ".join(word.text for word in form)


def _significant(a: _Form, b: _Form) -> tuple[_Form, _Form]:
    """Drop weak words unless that would leave a side empty ("Kumar" alone is a name)."""
    a_strong = tuple(w for w in a if not w.weak)
    b_strong = tuple(w for w in b if not w.weak)
    if a_strong and b_strong:
        return a_strong, b_strong
    return a, b


_Pair = tuple[int, int, float]


def _pair_words(a: _Form, b: _Form) -> list[_Pair]:
    """Greedy best pairing; for equal similarity prefer words in the same position."""
    candidates = [
        (i, j, sim)
        for i, wa in enumerate(a)
        for j, wb in enumerate(b)
        if (sim := _word_similarity(wa.keys, wb.keys)) > 0
    ]
    candidates.sort(key=lambda c: (-c[2], abs(c[0] - c[1]), c[0]))
    pairs: list[_Pair] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i, j, sim in candidates:
        if i not in used_a and j not in used_b:
            pairs.append((i, j, sim))
            used_a.add(i)
            used_b.add(j)
    return sorted(pairs)


def _compare_forms(a_all: _Form, b_all: _Form) -> _FormMatch:
    a, b = _significant(a_all, b_all)
    pairs = _pair_words(a, b)
    left, right = _display(a_all), _display(b_all)
    if not pairs:
        return _FormMatch(0.0, "different", left, right, "different names")
    quality = sum(sim for _, _, sim in pairs) / len(pairs)
    exact_pairs = sum(1 for _, _, sim in pairs if sim == 1.0)
    first_matched = any(i == 0 and j == 0 for i, j, _ in pairs)
    if len(pairs) == len(a) == len(b):
        return _full_match(a_all, b_all, a, b, pairs, quality)
    if len(pairs) in (len(a), len(b)) and first_matched:
        return _subset_match(a, b, left, right, quality)
    base = _SHARED_FIRST_SCORE if first_matched else _SHARED_OTHER_SCORE
    score = min(_PARTIAL_CAP, base + _EXTRA_SHARED_BONUS * max(0, exact_pairs - 1)) * quality
    shared = ", ".join(_pair_text(a[i], b[j], sim) for i, j, sim in pairs)
    return _FormMatch(round(score, 3), "partial", left, right, f"only {shared} in common")


def _pair_text(a: _Word, b: _Word, sim: float) -> str:
    if sim < 1.0:
        return f"{a.text} ≈ {b.text}"
    return a.text if a.text.casefold() == b.text.casefold() else f"{a.text} ~ {b.text}"


def _full_match(
    a_all: _Form, b_all: _Form, a: _Form, b: _Form, pairs: list[_Pair], quality: float
) -> _FormMatch:
    left, right = _display(a_all), _display(b_all)
    if quality < 1.0:
        reason = "similar spelling, possibly the same name"
        return _FormMatch(round(quality, 3), "partial", left, right, reason)
    if [w.text.casefold() for w in a_all] == [w.text.casefold() for w in b_all]:
        return _FormMatch(1.0, "exact", left, right, "same name")
    reason = _same_words_reason(a, b, pairs)
    in_order = all(i == j for i, j, _ in pairs)
    if in_order and len(a_all) == len(b_all) and all(map(_same_name, a_all, b_all)):
        return _FormMatch(1.0, "phonetic", left, right, reason)
    if not in_order:
        reason += ", words in another order"
    extra = _unmatched_weak_words(a_all, b_all)
    if extra:
        reason += f", ignoring {extra}"
    return _FormMatch(_WEAK_WORD_GAP_SCORE, "phonetic", left, right, reason)


def _same_words_reason(a: _Form, b: _Form, pairs: list[_Pair]) -> str:
    if any(a[i].devanagari != b[j].devanagari for i, j, _ in pairs):
        return "same name in another script"
    if any(a[i].text.casefold() != b[j].text.casefold() for i, j, _ in pairs):
        return "spelling variant"
    return "same name"


def _same_name(a: _Word, b: _Word) -> bool:
    return a.key == b.key or _word_similarity(a.keys, b.keys) == 1.0


def _unmatched_weak_words(a_all: _Form, b_all: _Form) -> str:
    extra = [w.text for w in a_all if not any(_same_name(w, other) for other in b_all)]
    extra += [w.text for w in b_all if not any(_same_name(w, other) for other in a_all)]
    return ", ".join(dict.fromkeys(extra))


def _subset_match(a: _Form, b: _Form, left: str, right: str, quality: float) -> _FormMatch:
    shorter = min(len(a), len(b))
    if shorter == 1:
        score = round(_FIRST_NAME_ONLY_SCORE * quality, 3)
        reason = "first name matches; the other record has only a first name"
        return _FormMatch(score, "first_name_only", left, right, reason)
    reason = "all words of the shorter name match; the longer one has more words"
    return _FormMatch(round(_SUBSET_SCORE * quality, 3), "partial", left, right, reason)


# Near misses on keys: vowel slips are cheap, consonant changes are not (Ramesh/Rakesh).
_VOWEL_INDEL_COST: Final = 0.5
_CHEAP_SUBSTITUTIONS: Final = frozenset({frozenset("ae"), frozenset("bv")})
_VOWEL_SUB_COST: Final = 1.0
_CONSONANT_COST: Final = 1.5


@lru_cache(maxsize=16384)
def _word_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """1.0 when the words share a key (one name, perhaps read two ways), else the best near
    miss between their keys."""
    if not set(a).isdisjoint(b):
        return 1.0
    return max(_key_similarity(x, y) for x in a for y in b)


@lru_cache(maxsize=16384)
def _key_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    shorter = min(len(a), len(b))
    distance = _weighted_distance(a, b)
    if distance <= 0.5 and shorter >= 3:
        return 0.6
    if distance <= 1.0 and shorter >= 5:
        return 0.4
    return 0.0


def _indel_cost(c: str) -> float:
    return _VOWEL_INDEL_COST if c in _VOWELS else _CONSONANT_COST


def _substitution_cost(x: str, y: str) -> float:
    if x == y:
        return 0.0
    if frozenset((x, y)) in _CHEAP_SUBSTITUTIONS:
        return 0.5
    if x in _VOWELS and y in _VOWELS:
        return _VOWEL_SUB_COST
    return _CONSONANT_COST


def _weighted_distance(a: str, b: str) -> float:
    previous = [0.0]
    for y in b:
        previous.append(previous[-1] + _indel_cost(y))
    for x in a:
        current = [previous[0] + _indel_cost(x)]
        for j, y in enumerate(b, start=1):
            current.append(
                min(
                    previous[j] + _indel_cost(x),
                    current[j - 1] + _indel_cost(y),
                    previous[j - 1] + _substitution_cost(x, y),
                )
            )
        previous = current
    return previous[-1]
