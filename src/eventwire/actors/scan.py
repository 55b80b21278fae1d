"""Find knowledge-base names, acronyms, adjectives and capitals in the token stream.

Longest match first over runs of tokens; German genitive -s is tolerated; a run that matches
nothing exactly may still match a person or state by its transliteration-blind sound key when
it is not an ordinary dictionary word (so "Koslow" finds "Kozlov" but "Lage" finds nobody).
"""

from __future__ import annotations

import functools

import simplemma

from eventwire.actors.context import TextView
from eventwire.actors.found import Found
from eventwire.kb.entities import Alias
from eventwire.model import MentionKind

NAME_KINDS = frozenset({"name", "short", "capital", "demonym"})


@functools.lru_cache(maxsize=50_000)
def is_dictionary_word(word: str, lang: str) -> bool:
    try:
        return bool(simplemma.is_known(word, lang=lang))
    except (ValueError, KeyError):
        return False


def _stopwords(view: TextView) -> frozenset[str]:
    return frozenset(view.pack.actors.name_stopwords)


def _accept(view: TextView, first: int, aliases: list[Alias], n: int = 2) -> list[Alias]:
    """Hits that fit the text: names capitalised, and no single function word ('Das')."""
    capital_start = view.is_capitalised(first)
    if n == 1 and view.word(first) in _stopwords(view):
        return [a for a in aliases if a.kind == "acronym" and a.surface == view.word(first)]
    return [
        a
        for a in aliases
        if a.kind in ("adjective", "acronym") or (capital_start and a.kind in NAME_KINDS)
    ]


def _name_run(view: TextView, i: int, limit: int) -> int:
    """How many tokens from ``i`` could belong to one name (capitalised words, particles)."""
    particles = view.pack.actors.name_particles
    n = 0
    sentence = view.tokens[i].sentence
    while i + n < len(view.tokens) and n < limit and view.tokens[i + n].sentence == sentence:
        w = view.word(i + n)
        if w[:1].isupper() or (n > 0 and w in particles and view.is_capitalised(i + n + 1)):
            n += 1
        else:
            break
    return n


def _rank(view: TextView, aliases: list[Alias]) -> tuple[str, ...]:
    kb = view.kb
    ids: list[str] = []
    for a in aliases:
        if a.entity_id not in ids:
            ids.append(a.entity_id)

    def weight(entity_id: str) -> tuple[int, int]:
        e = kb.entities[entity_id]
        current = 1 if e.type == "person" and view.day and e.role_on(view.day) else 0
        lang_ok = (
            1
            if any(a.entity_id == entity_id and a.lang in (view.lang, "any") for a in aliases)
            else 0
        )
        return (-current, -lang_ok)

    return tuple(sorted(ids, key=weight))


def _kind(aliases: list[Alias], exact: bool) -> MentionKind:
    kinds = {a.kind for a in aliases}
    for k in ("name", "acronym", "capital", "adjective", "demonym", "short"):
        if k in kinds:
            return "metonym" if k == "capital" else k
    return "name" if exact else "guessed"


def scan_sentence(view: TextView, first: int, last: int) -> list[Found]:
    """KB mentions among tokens ``first..last`` (one sentence)."""
    found: list[Found] = []
    kb = view.kb
    i = first
    while i <= last:
        if not view.is_word(i):
            i += 1
            continue
        run = _name_run(view, i, min(kb.max_tokens, last - i + 1))
        best: tuple[int, list[Alias], bool] | None = None
        for n in range(max(run, 1), 0, -1):
            surface = view.surface(i, i + n - 1)
            hits = _accept(view, i, kb.aliases(surface), n)
            bare = possessive_base(surface, view.lang)
            if not hits and bare:
                hits = [a for a in _accept(view, i, kb.aliases(bare), n) if a.kind in NAME_KINDS]
            if not hits and n == 1 and "-" in surface:
                hits = _hyphen_modifier(view, i)
            if not hits and n == 1 and view.word(i)[:1].islower():
                hits = _prefixed_adjective(view, i)
            if hits:
                best = (n, hits, True)
                break
        if best is None and run:
            for n in range(min(run, 3), 0, -1):
                words = [view.word(k) for k in range(i, i + n) if view.is_word(k)]
                if all(is_dictionary_word(w, view.lang) for w in words) or (
                    n == 1 and words and words[0] in _stopwords(view)
                ):
                    continue
                surface = view.surface(i, i + n - 1)
                hits = [a for a in kb.aliases(surface, sound=True) if a.kind in NAME_KINDS]
                bare = possessive_base(surface, view.lang)
                if not hits and bare:
                    hits = [a for a in kb.aliases(bare, sound=True) if a.kind in NAME_KINDS]
                if hits:
                    best = (n, hits, False)
                    break
        if best is None:
            i += 1
            continue
        n, hits, exact = best
        locative = view.low(i - 1) in view.pack.actors.locative_prepositions or _dateline(
            view, i, n
        )
        found.append(
            Found(
                first=i,
                last=i + n - 1,
                kind=_kind(hits, exact),
                candidates=_rank(view, hits),
                locative=locative,
            )
        )
        i += n
    return found


def possessive_base(surface: str, lang: str) -> str | None:
    """'Russlands' -> 'Russland', "Russia's" -> 'Russia': the name without its genitive."""
    if lang == "de" and surface.endswith("s") and len(surface) > 4:
        return surface[:-1]
    for ending in ("'s", "’s", "'", "’"):
        if surface.endswith(ending) and len(surface) > len(ending) + 1:
            return surface[: -len(ending)]
    return None


def _hyphen_modifier(view: TextView, i: int) -> list[Alias]:
    """'Iran-backed', 'Hamas-led', 'US-Präsident': the name before a hyphen."""
    head, _, rest = view.word(i).partition("-")
    if not head[:1].isupper() or not rest[:1].islower():
        return []  # 'US-Präsident' is a title, handled with the person
    return [
        a
        for a in view.kb.aliases(head)
        if a.kind in ("name", "acronym", "short") and (a.kind != "acronym" or a.surface == head)
    ]


def _dateline(view: TextView, i: int, n: int) -> bool:
    """'Paris/Kiew (Reuters) -', 'Luxemburg –': the place line that opens a wire story."""
    if view.tokens[i].sentence > 2 or view.tokens[i].start >= 400:
        return False
    at_start = i == 0 or not view.same_sentence(i - 1, i)
    if not at_start and view.word(i - 1) not in ("/",):
        return False
    # 'Paris/Kiew (Reuters) -', 'Belgrad, 16. März (Reuters) -', 'CAIRO, Feb 8 (Reuters) -'
    for k in range(i + n, min(len(view.tokens), i + n + 8)):
        word = view.word(k)
        if word in ("-", "–", "—", "("):
            return True
        if word[:1].islower() and word not in ("/",):
            return False
    return False


def _prefixed_adjective(view: TextView, i: int) -> list[Alias]:
    """'ostukrainische' -> ukrainisch: a region adjective names the state it lies in."""
    word = view.low(i)
    for prefix in view.pack.actors.adjective_prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) > 4:
            hits = [a for a in view.kb.aliases(word[len(prefix) :]) if a.kind == "adjective"]
            if hits:
                return hits
    return []
