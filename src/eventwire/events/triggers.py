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
    compounds: bool = False
    particle_window: int | None = None

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
            pack.compound_heads,
            pack.particle_window,
        )

    def verb_triggers(self, word: str, lemma: str) -> tuple[Trigger, ...]:
        """Readings of a verb form; when the lemmatiser kept an inflected form ('heading',
        'shelled'), the regular stems of its -ing/-ed ending are tried as well."""
        low = word.casefold()
        found = self.verbs.get(lemma) or self.verbs.get(low)
        if found or lemma != low:
            return found or ()
        for stem in _regular_stems(low):
            if stem in self.verbs:
                return self.verbs[stem]
        return ()

    def noun_triggers(self, word: str, lemma: str) -> tuple[Trigger, ...]:
        low = word.casefold()
        if low in self.blocked or lemma in self.blocked:
            return ()
        direct = self.nouns.get(lemma) or self.nouns.get(low)
        if direct:
            return direct
        if not self.compounds:
            return ()
        forms = [lemma] + [low[: -len(e)] for e in PLURAL_ENDINGS if low.endswith(e)]
        for form in forms:
            for cut in range(2, len(form) - MIN_COMPOUND_HEAD + 1):
                head = form[cut:]
                if head in self.nouns and head not in self.blocked:
                    return self.nouns[head]
        return ()


def _regular_stems(word: str) -> list[str]:
    """'heading' -> head, 'shelled' -> shell, 'hoped' -> hope: stems of regular inflections."""
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            stems = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])
            return stems
    return []


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
        if capitalised_nouns:
            is_noun_shape = word[0].isupper()
        else:
            is_noun_shape = _nominal_context(sv, i) or not lex.verb_triggers(word, lemma)
        if is_noun_shape:
            for t in _in_context(sv, i, lex.noun_triggers(word, lemma)):
                hits.append(TriggerHit(i, t))
                break
            if hits and hits[-1].index == i:
                continue
        if capitalised_nouns and word[0].isupper() and i != first:
            continue
        if not capitalised_nouns and sv.parsed(i) and sv.tokens[i].dep == "compound":
            continue  # 'a Philippine supply boat': a noun modifying a noun names no event
        options = lex.verb_triggers(word, lemma)
        if not options:
            continue
        _, clause_end = sv.clause_bounds(i)
        chosen: TriggerHit | None = None
        for t in sorted(_in_context(sv, i, options), key=lambda t: t.particle is None):
            if t.particle is None:
                chosen = TriggerHit(i, t)
                break
            reach = (
                clause_end
                if lex.particle_window is None
                else min(clause_end, i + lex.particle_window)
            )
            particle = next((k for k in range(i + 1, reach + 1) if sv.low(k) == t.particle), None)
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
    specific = [
        t
        for t in usable
        if t.context_words and (clause if t.context_in_clause else lemmas) & set(t.context_words)
    ]
    return specific + [t for t in usable if not t.context_words]


NOMINAL_ENDINGS = (
    "al",
    "ive",
    "ful",
    "ous",
    "ic",
    "an",
    "ary",
    "ian",
    "ese",
    "ish",
    "led",
    "backed",
    "scale",
    "wide",
)


def _nominal_context(sv: SentenceView, i: int) -> bool:
    """In English a word like 'attack' is a noun after 'the', 'an', 'its', 'Russian',
    'deadly', a number or a preposition, and a verb otherwise. A parse's POS tag decides
    where there is one ('held talks', 'the strikes killed')."""
    if sv.parsed(i):
        return sv.tokens[i].pos in ("NOUN", "PROPN")
    prev = sv.word(i - 1)
    low = prev.casefold()
    if not prev or prev in (",", ";", ":", "(", "—", "–"):
        return False
    if low in sv.determiners or low in sv.preps or low.endswith(("'s", "’s")):
        return True
    word = sv.low(i)
    if word.endswith(("ed", "ing")) or (word != sv.lemma(i) and not word.endswith("s")):
        return False  # 'attacked', 'met': verb forms
    if prev[:1].isdigit() or (prev[:1].isupper() and word == sv.lemma(i)):
        return True  # 'Russian attack', '3 strikes'
    return low.endswith(NOMINAL_ENDINGS)
