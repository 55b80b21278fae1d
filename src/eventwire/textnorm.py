"""String normalisation shared by every matcher.

Two keys: :func:`fold` makes case, accents and punctuation irrelevant (Pjöngjang = pjongjang);
:func:`sound_key` also makes transliteration conventions irrelevant, so that a German spelling of
a Russian or Korean name meets its English spelling (Koslow = Kozlov, Selenskyj = Zelensky,
Pjöngjang = Pyongyang). Both are pure and cached because they run on every token n-gram.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")
# Ordered rewrites from German, English and French romanisation to one skeleton. Each pair is
# (pattern, replacement); the order matters (longer clusters first).
_SOUND_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"\b[ae][lsrdtzn]\b", "al"),  # Arabic article: al-Sisi = el-Sisi = as-Sadr
        (r"dsch", "J"),
        (r"dj", "J"),
        (r"tsch", "C"),
        (r"sch", "S"),
        (r"tch", "C"),
        (r"zh", "S"),
        (r"sh", "S"),
        (r"ch", "C"),
        (r"kh", "C"),
        (r"ts", "s"),
        (r"ou", "u"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"ck", "k"),
        (r"q", "k"),
        (r"x", "ks"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"w", "v"),
        (r"z", "s"),
        (r"j", "y"),
        (r"y", "i"),
        (r"ie\b", "i"),
        (r"ij\b", "i"),
        (r"ii", "i"),
        (r"ei", "ai"),
        (r"e(?=[aou])", "i"),
        (r"er\b", "r"),
        (r"h\b", ""),
        (r"(\w)\1", r"\1"),
    )
)


@functools.lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-folded, accent-free, punctuation-free text with single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("ß", "ss")
    return " ".join(_NON_WORD.sub(" ", text).split())


@functools.lru_cache(maxsize=200_000)
def sound_key(text: str) -> str:
    """A transliteration-blind key: equal for Koslow/Kozlov, Peskow/Peskov, Dmitri/Dmitry."""
    key = fold(text).replace("_", " ")
    for pattern, repl in _SOUND_RULES:
        key = pattern.sub(repl, key)
    return key.lower()
