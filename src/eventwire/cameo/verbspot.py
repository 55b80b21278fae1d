"""Finding dictionary verbs in a sentence and telling them from the nouns they resemble.

PETRARCH knew from the parse that ``an attack`` is a noun; from plain text a short look to the
left does most of that work: a determiner (through adjectives) makes a noun, ``to``, an
auxiliary or a plural subject makes a verb. Past forms are verbs unless a determiner precedes
them directly (``the affected villages``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.cameo.mentions import Hit, is_breaker
from eventwire.cameo.tokens import (
    AUXILIARIES,
    DETERMINERS,
    IRREGULAR_PAST,
    NEGATORS,
    NUMBERS,
    PREPOSITIONS,
    PRONOUNS,
    SUBORDINATORS,
    Token,
)
from eventwire.cameo.verbs import VerbDictionary, VerbForm

_VERBAL_LEFT = AUXILIARIES | NEGATORS | PRONOUNS | SUBORDINATORS | {"TO"}


@dataclass(frozen=True)
class VerbHit:
    """A verb in the sentence: the verb word and the span including its particles."""

    index: int
    start: int
    end: int
    form: VerbForm


def find_verbs(
    tokens: Sequence[Token], verbs: VerbDictionary, hits: Sequence[Hit]
) -> list[VerbHit]:
    """Verbs outside actor and agent phrases; multi-word verbs win over their parts."""
    covered = {i for h in hits for i in range(h.start, h.end)}
    hit_start = {i: h.start for h in hits for i in range(h.start, h.end)}
    candidates: list[VerbHit] = []
    title_case = _title_case(tokens)
    for i, token in enumerate(tokens):
        if i in covered or (not title_case and _proper_name(tokens, i)):
            continue
        best: VerbHit | None = None
        for form in verbs.forms.get(token.up, ()):
            start, end = i - len(form.before), i + 1 + len(form.after)
            if start < 0 or end > len(tokens):
                continue
            if [t.up for t in tokens[start:i]] != list(form.before):
                continue
            if [t.up for t in tokens[i + 1:end]] != list(form.after):
                continue
            if best is None or end - start > best.end - best.start:
                best = VerbHit(i, start, end, form)
        if best is not None and not _nominal(tokens, best, hit_start):
            candidates.append(best)
    chosen: list[VerbHit] = []
    taken: set[int] = set()
    for hit in sorted(candidates, key=lambda h: h.start - h.end):
        span = set(range(hit.start, hit.end))
        if not span & taken:
            chosen.append(hit)
            taken |= span
    return sorted(chosen, key=lambda h: h.start)


def _determiner(up: str) -> bool:
    return up in DETERMINERS or up in NUMBERS or up[:1].isdigit()


def _title_case(tokens: Sequence[Token]) -> bool:
    """A headline-style sentence, where capitals say nothing about names."""
    words = [t.text for t in tokens if t.text[:1].isalpha()]
    return len(words) > 2 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def _proper_name(tokens: Sequence[Token], i: int) -> bool:
    """A capitalised word inside a sentence is a name (``Free Tibet``), not a verb."""
    if i == 0 or not tokens[i].text[:1].isupper():
        return False
    return tokens[i - 1].up not in (".", ":", "``", '"', "(", "--") and tokens[i - 1].is_word


def _kind(form: VerbForm) -> str:
    word = form.word
    if word.endswith("ING"):
        return "ing"
    if word.endswith("ED") or word in IRREGULAR_PAST or (form.participle and word != form.base):
        return "past"
    return "base" if word == form.base else "s"


def _nominal(tokens: Sequence[Token], verb: VerbHit, hit_start: dict[int, int]) -> bool:
    """Does the verb form stand where a noun would (``an attack``, ``their meeting``)?"""
    j = verb.start - 1
    if j < 0:
        return False
    prev = tokens[j].up
    kind = _kind(verb.form)
    if _determiner(prev):
        return True
    if prev in _VERBAL_LEFT or kind == "past":
        return False
    if kind == "base" and len(prev) > 3 and prev.endswith("S") and not prev.endswith("SS"):
        return False  # a plural subject: "the two countries agree"
    crossed = False  # an actor or agent phrase lies between the verb and what we look at
    for _ in range(4):
        if j < 0:
            return False
        up = tokens[j].up
        if _determiner(up):
            # "and the Central African Republic agree": a compound subject, so a verb
            return not (crossed and j > 0 and tokens[j - 1].up in ("AND", "OR", "NOR"))
        if j in hit_start:
            if kind == "s":
                return False  # "the government condemns"
            crossed = True
            j = hit_start[j] - 1
        elif is_breaker(tokens[j]):
            return up in PREPOSITIONS and up != "TO" and kind != "ing" and not crossed
        else:
            j -= 1
    return False
