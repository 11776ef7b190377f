"""Devanagari to Latin letters, for Hindi names: a readable phonetic romanisation with
Hindi schwa deletion ("राजेश कुमार" -> "rajesh kumar"), the first step of every name
comparison in names.py. Pure Python, stdlib only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

__all__ = ["DEVANAGARI_RE", "NUKTA", "devanagari_to_latin"]

_VIRAMA: Final = "\u094d"
NUKTA: Final = "\u093c"
_ANUSVARA: Final = "\u0902"
_CHANDRABINDU: Final = "\u0901"
_VISARGA: Final = "\u0903"
_OM: Final = "\u0950"

_CONSONANTS: Final[dict[str, str]] = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n",
    "च": "ch", "छ": "chh", "ज": "j", "झ": "jh", "ञ": "n",
    "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n",
    "त": "t", "थ": "th", "द": "d", "ध": "dh", "न": "n",
    "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m",
    "य": "y", "र": "r", "ल": "l", "ळ": "l", "व": "v",
    "श": "sh", "ष": "sh", "स": "s", "ह": "h",
}  # fmt: skip

# Consonant + nukta (Urdu/Persian sounds and the flapped ड़/ढ़).
_NUKTA_CONSONANTS: Final[dict[str, str]] = {
    "क": "q", "ख": "kh", "ग": "gh", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f",
}  # fmt: skip

# Precomposed nukta letters, expanded so the parser only sees base + nukta.
_PRECOMPOSED: Final = str.maketrans({
    "\u0929": "न\u093c", "\u0931": "र\u093c", "\u0934": "ळ\u093c",
    "\u0958": "क\u093c", "\u0959": "ख\u093c", "\u095a": "ग\u093c", "\u095b": "ज\u093c",
    "\u095c": "ड\u093c", "\u095d": "ढ\u093c", "\u095e": "फ\u093c", "\u095f": "य\u093c",
})  # fmt: skip

# Long and short vowels are both written short, as in common Hindi romanisation
# (सुनीता -> sunita, पूजा -> puja).
_INDEPENDENT_VOWELS: Final[dict[str, str]] = {
    "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ॠ": "ri",
    "ऌ": "li", "ए": "e", "ऐ": "ai", "ओ": "o", "औ": "au", "ऑ": "o", "ऍ": "e", "ऎ": "e",
    "ऒ": "o",
}  # fmt: skip

_MATRAS: Final[dict[str, str]] = {
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "ॄ": "ri", "ॢ": "li",
    "े": "e", "ै": "ai", "ो": "o", "ौ": "au", "ॉ": "o", "ॅ": "e", "ॆ": "e", "ॊ": "o",
}  # fmt: skip

_SYMBOLS: Final = str.maketrans(
    {**{chr(0x0966 + d): str(d) for d in range(10)}, "।": ".", "॥": ".", "॰": "."}
)

_LABIALS: Final = frozenset("पफबभम")
_NASALS: Final = frozenset("ङञणनम")
_SEMIVOWELS: Final = frozenset("यरलव")

_DEVA_LETTERS: Final = "\u0900-\u0963\u0971-\u097f"
_DEVA_WORD_RE: Final = re.compile(f"[\u200c\u200d]*[{_DEVA_LETTERS}][{_DEVA_LETTERS}\u200c\u200d]*")
DEVANAGARI_RE: Final = re.compile("[\u0900-\u097f]")

_PhoneKind = Literal["C", "V", "S", "N", "X"]  # consonant, vowel, schwa, nasal, other


@dataclass(slots=True)
class _Phone:
    kind: _PhoneKind
    text: str
    char: str = ""  # the Devanagari consonant, for cluster and place rules
    deleted: bool = False

    @property
    def is_vowel(self) -> bool:
        return self.kind in ("V", "S") and not self.deleted


def devanagari_to_latin(text: str) -> str:
    """Romanise the Devanagari parts of ``text``; everything else is returned unchanged.

    >>> devanagari_to_latin("राजेश कुमार")
    'rajesh kumar'
    """
    if not DEVANAGARI_RE.search(text):
        return text
    text = text.translate(_PRECOMPOSED).replace("ज्ञ", "ग्य")  # ज्ञ is said "gy" in Hindi
    text = _DEVA_WORD_RE.sub(lambda m: _romanise_word(m.group()), text)
    return text.translate(_SYMBOLS)


def _romanise_word(word: str) -> str:
    phones = _parse_devanagari(word)
    if phones:
        _delete_final_schwa(phones)
        _delete_medial_schwas(phones)
    return _render(phones)


def _parse_devanagari(word: str) -> list[_Phone]:
    phones: list[_Phone] = []
    i = 0
    while i < len(word):
        ch = word[i]
        i += 1
        if ch in _CONSONANTS:
            i = _parse_consonant(word, i, ch, phones)
        elif ch in _INDEPENDENT_VOWELS:
            phones.append(_Phone("V", _INDEPENDENT_VOWELS[ch]))
        elif ch in _MATRAS:  # a stray vowel sign; keep its sound
            phones.append(_Phone("V", _MATRAS[ch]))
        elif ch in (_ANUSVARA, _CHANDRABINDU):
            phones.append(_Phone("N", "n"))
        elif ch == _VISARGA:
            phones.append(_Phone("X", "h"))
        elif ch == _OM:
            phones.append(_Phone("V", "om"))
        # anything else (lone nukta or virama, avagraha, ZWJ/ZWNJ) is silent
    return phones


def _parse_consonant(word: str, i: int, ch: str, phones: list[_Phone]) -> int:
    """Append a consonant and its vowel (matra, none after virama, else schwa)."""
    text = _CONSONANTS[ch]
    if i < len(word) and word[i] == NUKTA:
        text = _NUKTA_CONSONANTS.get(ch, text)
        i += 1
    phones.append(_Phone("C", text, ch))
    nxt = word[i] if i < len(word) else ""
    if nxt in _MATRAS:
        phones.append(_Phone("V", _MATRAS[nxt]))
        return i + 1
    if nxt == _VIRAMA:
        return i + 1
    phones.append(_Phone("S", "a"))
    return i


def _delete_final_schwa(phones: list[_Phone]) -> None:
    last = phones[-1]
    if last.kind != "S" or not any(p.is_vowel for p in phones[:-1]):
        return  # no schwa at the end, or it is the only vowel (न -> na)
    cluster: list[str] = []
    for p in reversed(phones[:-1]):
        if p.kind != "C":
            break
        cluster.insert(0, p.char)
    if len(cluster) < 2 or not _cluster_keeps_final_schwa(cluster):
        last.deleted = True


def _cluster_keeps_final_schwa(cluster: list[str]) -> bool:
    """Final conjuncts usually keep the 'a' (Krishna, Gupta, Chandra, Aditya), except
    nasal + stop and r + consonant (Anand, Hemant, Siddharth, Parth)."""
    if cluster[-1] in _SEMIVOWELS:
        return True
    return cluster[0] != "र" and cluster[0] not in _NASALS


def _delete_medial_schwas(phones: list[_Phone]) -> None:
    """Ohala's rule V C _ C V, scanned left to right so two neighbours are never both
    deleted; left-to-right suits compound names (हेमलता -> hemlata, मनमोहन -> manmohan)."""
    for i, phone in enumerate(phones):
        if phone.kind == "S" and not phone.deleted and _medial_schwa_deletable(phones, i):
            phone.deleted = True


def _medial_schwa_deletable(phones: list[_Phone], i: int) -> bool:
    if i < 2 or i + 2 >= len(phones):
        return False
    before, nxt = phones[i - 1], phones[i + 1]
    if before.kind != "C" or not phones[i - 2].is_vowel:
        return False
    if nxt.kind != "C" or nxt.char == "य":  # विजया stays vijaya
        return False
    after = phones[i + 2]
    if after.is_vowel:
        return True
    # stop + r counts as one onset: हरप्रीत -> harprit, शिवप्रसाद -> shivprasad
    return after.char == "र" and i + 3 < len(phones) and phones[i + 3].is_vowel


def _render(phones: list[_Phone]) -> str:
    out: list[str] = []
    for i, phone in enumerate(phones):
        if phone.deleted:
            continue
        if phone.kind == "N":
            nxt = phones[i + 1] if i + 1 < len(phones) else None
            out.append(_nasal_before(nxt.char if nxt else ""))
        else:
            out.append(phone.text)
    return "".join(out)


def _nasal_before(consonant: str) -> str:
    if consonant in _LABIALS:
        return "m"
    return "ng" if consonant == "ह" else "n"  # सिंह -> singh
