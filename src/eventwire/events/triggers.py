"""Find event triggers in a sentence from the language pack's lexicon."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from eventwire.clauses import SentenceView
from eventwire.langpacks import load_pack
from eventwire.langpacks.schema import Trigger

MIN_COMPOUND_HEAD = 5
PLURAL_ENDINGS = ("en", "n", "e", "s")


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
            {k: tuple(v) for k, v in verbs.items()},
            {k: tuple(v) for k, v in nouns.items()},
            frozenset(b.casefold() for b in pack.blocked_compounds),
        )

    def noun_triggers(self, word: str, lemma: str) -> tuple[Trigger, ...]:
        low = word.casefold()
        if low in self.blocked or lemma in self.blocked:
            return ()
        direct = self.nouns.get(lemma) or self.nouns.get(low)
        if direct:
            return direct
        forms = [lemma] + [low[: -len(e)] for e in PLURAL_ENDINGS if low.endswith(e)]
        for form in forms:
            for cut in range(2, len(form) - MIN_COMPOUND_HEAD + 1):
                head = form[cut:]
                if head in self.nouns and head not in self.blocked:
                    return self.nouns[head]
        return ()


def find_triggers(
    sv: SentenceView, lex: TriggerLexicon, first: int, last: int, capitalised_nouns: bool
) -> list[TriggerHit]:
    """Trigger tokens in ``first..last``; separable verbs need their particle in the clause."""
    hits: list[TriggerHit] = []
    for i in range(first, last + 1):
        word = sv.word(i)
        if not word[:1].isalpha():
            continue
        lemma = sv.lemma(i)
        is_noun_shape = word[0].isupper() if capitalised_nouns else True
        if is_noun_shape:
            for t in _in_context(sv, i, lex.noun_triggers(word, lemma)):
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
        for t in sorted(_in_context(sv, i, options), key=lambda t: t.particle is None):
            if t.particle is None:
                chosen = TriggerHit(i, t)
                break
            particle = next(
                (k for k in range(i + 1, clause_end + 1) if sv.low(k) == t.particle), None
            )
            if particle is not None:
                chosen = TriggerHit(i, t, particle)
                break
        if chosen:
            hits.append(chosen)
    return hits


def _in_context(sv: SentenceView, i: int, options: tuple[Trigger, ...]) -> list[Trigger]:
    """Readings whose context words appear in the sentence first, then the plain readings;
    readings cancelled by a word in the clause drop out."""
    if not options or not any(t.context_words or t.excluded_words for t in options):
        return list(options)
    first, last = sv.ranges[sv.tokens[i].sentence]
    lemmas = {sv.lemma(k) for k in range(first, last + 1)} | {
        sv.low(k) for k in range(first, last + 1)
    }
    start, end = sv.clause_bounds(i)
    clause = {sv.lemma(k) for k in range(start, end + 1)} | {
        sv.low(k) for k in range(start, end + 1)
    }
    usable = [t for t in options if not clause & set(t.excluded_words)]
    specific = [t for t in usable if t.context_words and lemmas & set(t.context_words)]
    return specific + [t for t in usable if not t.context_words]
