"""Place names without a preposition before them, where the gazetteer alone is safe enough.

"in Leipzig" is a place by its preposition; "Leipzig, Dresden und Halle" or "Hamburg bleibt
teuer" are not marked that way. Two cues stand in for the preposition: a list that joins the
word to a place already found ("Dresden" after "in Leipzig,"), or a large city whose name is
not a known given name, with no article before it ("die Ära" is a noun; Ära is also a town)
and no capitalised word after it ("Paris Hilton", "Chicago Bulls"). Each test is a dict or set
probe per capitalised token.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from eventwire.model import Token
from eventwire.places.gazetteer import Gazetteer

BIG_CITY = 100_000  # inhabitants; smaller towns share their names with people too often
LIST_JOINERS = frozenset({",", "und", "oder", "sowie", "bis", "–", "-", "/"})


@dataclass(frozen=True)
class BareCues:
    """What the rules must know besides the gazetteer: words that rule a place out."""

    determiners: frozenset[str]
    given_names: Collection[str]
    stop_words: frozenset[str]


def _word(tokens: list[Token], i: int) -> str:
    return tokens[i].text if 0 <= i < len(tokens) else ""


def _candidate_word(tokens: list[Token], i: int, cues: BareCues) -> bool:
    w = _word(tokens, i)
    return len(w) > 2 and w[:1].isupper() and w.isalpha() and w not in cues.stop_words


def listed_places(
    tokens: list[Token], first: int, last: int, placed: set[int], gazetteer: Gazetteer,
    cues: BareCues
) -> list[int]:
    """Single-token places joined by a list word to a place already found in the sentence."""
    found: list[int] = []
    if not any(first <= k <= last for k in placed):
        return found  # nothing to join a name to
    changed = True
    known = set(placed)
    while changed:  # 'in Leipzig, Dresden, Halle und Jena': grow the list both ways
        changed = False
        for i in range(first, last + 1):
            if i in known or not _candidate_word(tokens, i, cues):
                continue
            neighbours = (i - 2, i + 2)
            joined = any(
                n in known and _word(tokens, (n + i) // 2) in LIST_JOINERS for n in neighbours
            )
            if joined and gazetteer.lookup(tokens[i].text, allow_ambiguous=False):
                known.add(i)
                found.append(i)
                changed = True
    return found




    return False


def big_cities(
    tokens: list[Token], first: int, last: int, taken: set[int], gazetteer: Gazetteer,
    cues: BareCues
) -> list[int]:
    """Single tokens naming a city of BIG_CITY inhabitants or more, outside any other name."""
    found: list[int] = []
    for i in range(first, last + 1):
        if i in taken or not _candidate_word(tokens, i, cues):
            continue
        w = tokens[i].text
        if w in cues.given_names or _word(tokens, i - 1).casefold() in cues.determiners:
            continue
        after = _word(tokens, i + 1) if i + 1 <= last else ""
        if after[:1].isupper() or (i > first and _word(tokens, i - 1)[:1].isupper()):
            continue  # part of a longer name: 'Chicago Bulls', 'Borussia Dortmund'
        cities = gazetteer.lookup(w, allow_ambiguous=False)
        if cities and cities[0].population >= BIG_CITY:
            found.append(i)
    return found
