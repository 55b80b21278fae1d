"""Find knowledge-base names, acronyms, adjectives and capitals in the token stream.

Longest match first over runs of tokens; German genitive -s is tolerated; a run that matches
nothing exactly may still match a person or state by its transliteration-blind sound key when
it is not an ordinary dictionary word (so "Koslow" finds "Kozlov" but "Lage" finds nobody).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import simplemma

from eventwire.actors.context import TextView
from eventwire.actors.found import Found
from eventwire.dateline import opens_dateline
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
    return view.pack_words.stopwords


def _accept(view: TextView, surface: str, aliases: list[Alias], n: int = 2) -> list[Alias]:
    """Hits that fit the text: names capitalised, and no single function word ('Das')."""
    capital_start = surface[:1].isupper()
    if n == 1 and surface in _stopwords(view):
        return [a for a in aliases if a.kind == "acronym" and a.surface == surface]
    return [
        a
        for a in aliases
        if a.kind in ("adjective", "acronym") or (capital_start and a.kind in NAME_KINDS)
    ]


def _name_run(view: TextView, i: int, limit: int) -> int:
    """How many tokens from ``i`` could belong to one name (capitalised words, particles)."""
    particles = view.pack.actors.name_particles
    n = 0
    while n < limit and view.same_sentence(i, i + n):
        w = view.word(i + n)
        if w[:1].isupper() or (n > 0 and w in particles and view.is_capitalised(i + n + 1)):
            n += 1
        else:
            break
    return n


def _rank(view: TextView, aliases: Sequence[Alias]) -> tuple[str, ...]:
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


def _kind(aliases: Sequence[Alias], exact: bool) -> MentionKind:
    kinds = {a.kind for a in aliases}
    for k in ("name", "acronym", "capital", "adjective", "demonym", "short"):
        if k in kinds:
            return "metonym" if k == "capital" else k
    return "name" if exact else "guessed"


def scan_sentence(view: TextView, first: int, last: int) -> list[Found]:
    """KB mentions among tokens ``first..last`` (one sentence)."""
    found: list[Found] = []
    kb = view.kb
    words, alpha, capitalised = view.words, view.alpha, view.capitalised
    i = first
    while i <= last:
        if not alpha[i]:
            i += 1
            continue
        # only a capitalised word starts a name run ('von' and 'al' continue one)
        run = _name_run(view, i, min(kb.max_tokens, last - i + 1)) if capitalised[i] else 0
        best: tuple[int, tuple[Alias, ...], bool] | None = None
        for n in range(max(run, 1), 0, -1):
            # one token's surface is its text
            surface = words[i] if n == 1 else view.surface(i, i + n - 1)
            hits = _exact_hits(view, surface, n == 1)
            if hits:
                best = (n, hits, True)
                break
        if best is None and run:
            for n in range(min(run, 3), 0, -1):
                hits = _sound_hits(view, i, n)
                if hits:
                    best = (n, hits, False)
                    break
        if best is None:
            i += 1
            continue
        n, hits, exact = best
        if _surname_before_other_name(view, i, n, hits, last):
            i += 1  # 'Maia Kowalczyk' is not Rodrigo Maia: another person's name goes on
            continue
        locative = view.low(i - 1) in view.pack.actors.locative_prepositions or opens_dateline(
            view.tokens, i, i + n
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


def _surname_before_other_name(
    view: TextView, i: int, n: int, hits: tuple[Alias, ...], last: int
) -> bool:
    """A single word known only as someone's surname, followed by a capitalised word that is
    no dictionary word and no name the KB knows: a first name of somebody else."""
    nxt = i + n
    if n != 1 or nxt > last or not view.capitalised[nxt] or not view.alpha[nxt]:
        return False
    if any(a.kind != "short" for a in hits):
        return False
    word = view.words[nxt]
    if word in _stopwords(view) or is_dictionary_word(word, view.lang):
        return False
    return not _exact_hits(view, word, True)


def _exact_hits(view: TextView, surface: str, single: bool) -> tuple[Alias, ...]:
    """KB aliases that fit ``surface`` as written (``single``: one token), memoised: the
    answer depends only on the surface, and most tokens are ordinary words asked again and
    again."""
    table = view.memo.exact_word if single else view.memo.exact_run
    hits = table.data.get(surface)
    if hits is None:
        hits = table.put(surface, tuple(_find_exact(view, surface, single)))
    return hits


def _find_exact(view: TextView, surface: str, single: bool) -> list[Alias]:
    kb = view.kb
    n = 1 if single else 2
    hits = _accept(view, surface, kb.aliases(surface), n)
    bare = possessive_base(surface, view.lang)
    if not hits and bare:
        hits = [a for a in _accept(view, surface, kb.aliases(bare), n) if a.kind in NAME_KINDS]
    if not hits and single and "-" in surface:
        hits = _hyphen_modifier(view, surface)
    if not hits and single and surface[:1].islower():
        hits = _prefixed_adjective(view, surface.casefold())
    return hits


def _sound_hits(view: TextView, i: int, n: int) -> tuple[Alias, ...]:
    """Names that sound like tokens ``i..i+n-1`` where these are not all dictionary words,
    memoised by the tokens and their surface."""
    if n == 1:
        word = view.words[i]
        hits = view.memo.sound_word.data.get(word)
        if hits is None:
            hits = view.memo.sound_word.put(word, tuple(_find_sound(view, word, (word,))))
        return hits
    key = (view.surface(i, i + n - 1), tuple(view.words[i : i + n]))
    hits = view.memo.sound_run.data.get(key)
    if hits is None:
        hits = view.memo.sound_run.put(key, tuple(_find_sound(view, *key)))
    return hits


def _find_sound(view: TextView, surface: str, tokens: tuple[str, ...]) -> list[Alias]:
    words = [w for w in tokens if w[:1].isalpha()]
    if all(is_dictionary_word(w, view.lang) for w in words) or (
        len(tokens) == 1 and words and words[0] in _stopwords(view)
    ):
        return []
    kb = view.kb
    hits = [a for a in kb.aliases(surface, sound=True) if a.kind in NAME_KINDS]
    bare = possessive_base(surface, view.lang)
    if not hits and bare:
        hits = [a for a in kb.aliases(bare, sound=True) if a.kind in NAME_KINDS]
    return hits


def possessive_base(surface: str, lang: str) -> str | None:
    """'Russlands' -> 'Russland', "Russia's" -> 'Russia': the name without its genitive."""
    if lang == "de" and surface.endswith("s") and len(surface) > 4:
        return surface[:-1]
    for ending in ("'s", "’s", "'", "’"):
        if surface.endswith(ending) and len(surface) > len(ending) + 1:
            return surface[: -len(ending)]
    return None


def _hyphen_modifier(view: TextView, word: str) -> list[Alias]:
    """'Iran-backed', 'Hamas-led', 'US-Präsident': the name before a hyphen."""
    head, _, rest = word.partition("-")
    if not head[:1].isupper() or not rest[:1].islower():
        return []  # 'US-Präsident' is a title, handled with the person
    return [
        a
        for a in view.kb.aliases(head)
        if a.kind in ("name", "acronym", "short") and (a.kind != "acronym" or a.surface == head)
    ]


def _prefixed_adjective(view: TextView, word: str) -> list[Alias]:
    """'ostukrainische' -> ukrainisch: a region adjective names the state it lies in (``word``
    is lower-cased)."""
    for prefix in view.pack.actors.adjective_prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) > 4:
            hits = [a for a in view.kb.aliases(word[len(prefix) :]) if a.kind == "adjective"]
            if hits:
                return hits
    return []
