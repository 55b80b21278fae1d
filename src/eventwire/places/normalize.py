"""One normalisation for place names, shared by the gazetteer build and lookups.

News spells the same place with and without accents ("Brüssel", "Bruessel" aside), with
typographic or straight apostrophes, with hyphens or spaces, upper or lower case. Index keys
and query keys must be produced by exactly the same function, or lookups silently miss; so
this module is the only place that decides what a key looks like, and the build script
imports it rather than re-implementing it.
"""

from __future__ import annotations

import unicodedata

NORMALIZATION_VERSION = 1
"""Bump when :func:`normalize` changes; the shipped data records the version it was built with."""

# Separators that become a space: hyphens and dashes, every apostrophe-like mark (German
# genitive "Paris'", English "Moscow's", Arabic 'ayn in "Ma'ale"), brackets, slashes.
_TO_SPACE = (
    "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphens, dashes, minus
    "'\u2019\u2018\u201a\u201b`\u00b4\u2032"  # apostrophes, primes
    "\u02bb\u02bc\u02b9\u02bd\u02be\u02bf"  # modifier-letter apostrophes ('ayn, hamza)
    "/\\()[]{}_,;:!?&+*\u00b7"
    '"\u201c\u201d\u201e\u00ab\u00bb'  # quotation marks
)
# Marks deleted outright: "St. Gallen" and "St Gallen" must meet, "D.C." and "DC" too.
_DELETE = ".\u2024"
# Latin letters that NFKD does not decompose into base letter + combining mark.
_LETTERS = {
    "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h",
    "ł": "l", "ŀ": "l", "ŧ": "t", "ƒ": "f", "ɨ": "i", "ʉ": "u", "ŋ": "ng", "ĸ": "k",
    "ə": "e", "ɛ": "e", "ɔ": "o", "ʃ": "sh", "ʒ": "zh", "ɣ": "gh",
}

_TABLE: dict[int, str | None] = {ord(c): " " for c in _TO_SPACE}
_TABLE.update({ord(c): None for c in _DELETE})
_TABLE.update({ord(k): v for k, v in _LETTERS.items()})


def normalize(text: str) -> str:
    """Return the lookup key for ``text``: casefolded, accent-free, ß as ss, single-spaced.

    Hyphens and apostrophes become spaces and full stops vanish, so "Sankt-Petersburg",
    "Moscow's" and "St. Gallen" give "sankt petersburg", "moscow s" and "st gallen".
    """
    folded = text.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(folded.translate(_TABLE).split())
