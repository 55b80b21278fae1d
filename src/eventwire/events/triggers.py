"""Find event triggers in a sentence from the language pack's lexicon."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from eventwire.clauses import SentenceView
from eventwire.langpacks import load_pack
from eventwire.langpacks.schema import Trigger

MIN_COMPOUND_HEAD = 5


@dataclass(frozen=True, slots=True)
class TriggerHit:
    index: int
    trigger: Trigger
    particle: int | None = None


@dataclass(frozen=True)
class TriggerLexicon:
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    blocked: frozenset[str]

    @staticmethod
    @functools.cache
    def for_language(lang: str) -> TriggerLexicon:
        pack = load_pack(lang).events
        verbs: dict[str, list[Trigger]] = {}
        nouns: dict[str, list[Trigger]] = {}
        for t in pack.triggers:
            table = verbs if t.pos == "verb" else nouns
            table.setdefault(t.lemma.casefold(), []).append(t)
        return TriggerLexicon(
            {k: tuple(v) for k, v in verbs.items()}, {k: tuple(v) for k, v in nouns.items()},
            frozenset(b.casefold() for b in pack.blocked_compounds))

    def noun_triggers(self, word: str, lemma: str) -> tuple[Trigger, ...]:
        low = word.casefold()
        if low in self.blocked or lemma in self.blocked:
            return ()
        direct = self.nouns.get(lemma) or self.nouns.get(low)
        if direct:
            return direct
        for cut in range(2, len(lemma) - MIN_COMPOUND_HEAD + 1):
            head = lemma[cut:]
            if head in self.nouns:
                return self.nouns[head]
        return ()


def find_triggers(sv: SentenceView, lex: TriggerLexicon, first: int, last: int,
                  capitalised_nouns: bool) -> list[TriggerHit]:
    """Trigger tokens in ``first..last``; separable verbs need their particle in the clause."""
    hits: list[TriggerHit] = []
    for i in range(first, last + 1):
        word = sv.word(i)
        if not word[:1].isalpha():
            continue
        lemma = sv.lemma(i)
        is_noun_shape = word[0].isupper() if capitalised_nouns else True
        if is_noun_shape:
            for t in lex.noun_triggers(word, lemma):
                hits.append(TriggerHit(i, t))
                break
            if hits and hits[-1].index == i:
                continue
        if capitalised_nouns and word[0].isupper() and i != first:
            continue
        options = lex.verbs.get(lemma) or lex.verbs.get(word.casefold())
        if not options:
            continue
        _, clause_end = sv.clause_bounds(i)
        chosen: TriggerHit | None = None
        for t in sorted(options, key=lambda t: t.particle is None):
            if t.particle is None:
                chosen = TriggerHit(i, t)
                break
            particle = next((k for k in range(i + 1, clause_end + 1) if sv.low(k) == t.particle),
                            None)
            if particle is not None:
                chosen = TriggerHit(i, t, particle)
                break
        if chosen:
            hits.append(chosen)
    return hits
