"""Rewrites of a looked-up text that name the same thing: inflection, articles, other scripts.

A lookup tries the text as given first; these forms are only second chances, so they can
never displace an exact hit. Word lists (articles, title connectors) come from the language
packs; what is here is orthography that holds across languages.
"""

from __future__ import annotations

import functools
import re

from eventwire.errors import UnsupportedLanguageError
from eventwire.langpacks import load_pack

# Cyrillic letters (Russian, Ukrainian, Belarusian) in a plain English-style romanisation; the
# sound key then makes it meet the German and French spellings too (Козлов -> kozlov = Koslow).
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi",
     "ye", "g", "u"],
    strict=True,
))
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# German 'dsch' is English 'j' (Dschihad/jihad, Kim Dschong Un/Kim Jong Un).
_DSCH = re.compile(r"dsch", re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def determiners(lang: str | None) -> frozenset[str]:
    """Articles and determiners of a language pack (none for languages without a pack)."""
    if not lang:
        return frozenset()
    try:
        return frozenset(load_pack(lang).actors.determiners)
    except UnsupportedLanguageError:
        return frozenset()


@functools.lru_cache(maxsize=8)
def connectors(lang: str | None) -> frozenset[str]:
    """Words that join a title to its complement: 'of', 'des', 'für'."""
    if not lang:
        return frozenset()
    try:
        return frozenset(w.casefold() for w in load_pack(lang).actors.title_connectors)
    except UnsupportedLanguageError:
        return frozenset()


def without_article(text: str, lang: str | None) -> str:
    """'der Kreml' -> 'Kreml', 'the Kremlin' -> 'Kremlin'; unchanged when there is none."""
    first, _, rest = text.partition(" ")
    return rest if rest and first.casefold() in determiners(lang) else text


def uninflected(text: str) -> list[str]:
    """Base forms of a possessive or German genitive: Putins, Russia's, Scholz', des Kremls."""
    forms = []
    bare = _POSSESSIVE.sub("", text)
    if bare != text:
        forms.append(bare)
    if text.endswith("s") and len(text) > 3:
        forms.append(text[:-1])
        if text.endswith("es") and len(text) > 5:
            forms.append(text[:-2])
    return forms


def romanised(text: str) -> str | None:
    """Latin spelling of a Cyrillic text, or None when there is no Cyrillic in it."""
    if not any("\u0400" <= c <= "\u04ff" for c in text):
        return None
    out = []
    for c in text:
        low = c.lower()
        latin = _CYRILLIC.get(low)
        if latin is None:
            out.append(c)
        else:
            out.append(latin.capitalize() if c != low else latin)
    return "".join(out)


def spelling_variants(text: str) -> list[str]:
    """Other romanisations of the same name, for the sound-key fallback."""
    forms = []
    latin = romanised(text)
    if latin:
        forms.append(latin)
    if _DSCH.search(text):
        forms.append(_DSCH.sub(lambda m: "J" if m.group(0)[0].isupper() else "j", text))
    return forms
