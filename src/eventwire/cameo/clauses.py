"""Who did it to whom: comma clauses, subjects, objects, the passive and negation.

These rules stand in for the constituency parse PETRARCH used. Short comma-delimited
clauses are dropped as PETRARCH's ``comma_*`` options do; the source is the first actor of the
verb's clause (a verb after ``and`` shares the subject of the verb before it); the target is
the first actor after the verb; ``was opposed by X`` makes X the source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.cameo.mentions import Member, Unit
from eventwire.cameo.tokens import (
    AUXILIARIES,
    BE_FORMS,
    NEGATORS,
    SOFT_ADVERBS,
    SUBORDINATORS,
    Token,
)
from eventwire.cameo.verbspot import VerbHit

CLAUSE_PUNCT = frozenset({",", ";", ":", "--", "(", ")", "``"})


@dataclass(frozen=True)
class CommaOptions:
    """Clause lengths (in words, an actor phrase counting as one) that are dropped; 0 = off."""

    min: int = 2
    max: int = 8
    bmin: int = 0
    bmax: int = 0
    emin: int = 2
    emax: int = 8


def clauses_to_drop(
    tokens: Sequence[Token], units: Sequence[Unit], verbs: Sequence[VerbHit], opts: CommaOptions
) -> set[int]:
    """Token indices of comma clauses to drop: internal ones, and verbless first/last ones."""
    in_unit = {i for u in units for i in range(u.start, u.end)}
    commas = [i for i, t in enumerate(tokens) if t.up == "," and i not in in_unit]
    if not commas:
        return set()
    end = len(tokens) - (1 if tokens and tokens[-1].up in (".", "!", "?") else 0)
    bounds = [-1, *commas, end]
    segments = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
    verb_at = {v.index for v in verbs}
    drop: set[int] = set()
    for k, (a, b) in enumerate(segments):
        size = _size(units, a, b)
        if k == 0:
            if opts.bmax and opts.bmin <= size <= opts.bmax and not verb_at & set(range(a, b)):
                drop |= set(range(a, b + 1))
        elif k == len(segments) - 1:
            if opts.emax and opts.emin <= size <= opts.emax and not verb_at & set(range(a, b)):
                drop |= set(range(a - 1, b))
        elif opts.max and opts.min <= size <= opts.max:
            drop |= set(range(a, b + 1))
    return drop


def _size(units: Sequence[Unit], a: int, b: int) -> int:
    coded = [u for u in units if u.coded and a <= u.start and u.end <= b]
    return b - a - sum(u.end - u.start - 1 for u in coded)


def is_boundary(token: Token) -> bool:
    return token.up in CLAUSE_PUNCT or token.up in SUBORDINATORS


class Roles:
    """Default source and target of each verb in one sentence."""

    def __init__(self, tokens: Sequence[Token], units: Sequence[Unit], verbs: Sequence[VerbHit]):
        self.tokens = tokens
        self.units = sorted(units, key=lambda u: u.start)
        self.verbs = list(verbs)
        self._subjects: dict[int, Unit | None] = {}
        self._in_unit = {j for u in self.units for j in range(u.start, u.end)}

    def clause_start(self, i: int) -> int:
        """First token of the clause holding token ``i`` (after a comma or a subordinator)."""
        j = i - 1
        while j >= 0 and not (is_boundary(self.tokens[j]) and j not in self._in_unit):
            j -= 1
        return j + 1

    def subject(self, verb: VerbHit) -> Unit | None:
        if verb.index not in self._subjects:
            self._subjects[verb.index] = None  # guards against cycles
            self._subjects[verb.index] = self._find_subject(verb)
        return self._subjects[verb.index]

    def _find_subject(self, verb: VerbHit) -> Unit | None:
        start = self.clause_start(verb.start)
        earlier = [v for v in self.verbs if start <= v.start and v.end <= verb.start]
        if earlier:
            last = earlier[-1]
            between = [u for u in self.units
                       if u.coded and last.end <= u.start and u.end <= verb.start]
            conj = [i for i in range(last.end, verb.start)
                    if self.tokens[i].up in ("AND", "BUT") and i not in self._in_unit]
            if conj and not any(u.start > conj[-1] for u in between):
                return self.subject(last)  # "condemned ... and promised": a shared subject
            return between[-1] if between else self.subject(last)
        for unit in self.units:
            if unit.coded and start <= unit.start and unit.end <= verb.start:
                return unit
        if any(start <= u.start and u.end <= verb.start for u in self.units):
            return None
        return self._earlier_clause_subject(start)

    def _earlier_clause_subject(self, start: int) -> Unit | None:
        """``Freedonia's minister, in remarks on Monday, urged``: the subject before the aside."""
        while start > 0 and self.tokens[start - 1].up in CLAUSE_PUNCT:
            previous = self.clause_start(start - 1)
            head = next((u for u in self.units if u.start == previous), None)
            if head is not None and head.coded:
                return head
            start = previous
        return None

    def first_after(self, pos: int, exclude: Sequence[Unit]) -> Unit | None:
        """The first actor after ``pos``, not beyond a comma that opens a new clause."""
        limit = self.new_clause_after(pos)
        for unit in self.units:
            if (unit.coded and pos <= unit.start < limit
                    and not any(x.start <= unit.start < x.end for x in exclude)):
                return unit
        return None

    def new_clause_after(self, pos: int) -> int:
        """Index of the first comma after ``pos`` followed by the subject of its own verb
        (``..., a senior official said``); the sentence length if there is none."""
        for i in range(pos, len(self.tokens)):
            if self.tokens[i].up != ",":
                continue
            head = next((u for u in self.units if u.start == i + 1 and u.coded), None)
            if head is not None and any(
                v.start >= head.end and self.subject(v) is head for v in self.verbs
            ):
                return i
        return len(self.tokens)

    def first_before(self, unit: Unit) -> Unit | None:
        return next((u for u in self.units if u.coded and u.end <= unit.start), None)

    def passive_agent(self, verb: VerbHit) -> Unit | None:
        """X in ``... was (fiercely) opposed (earlier) by X``; None if not a passive.

        The agent is the first actor after a ``by`` in the verb's clause.
        """
        if not verb.form.participle:
            return None
        j, seen_be = verb.start - 1, False
        for _ in range(3):
            if j < 0:
                break
            up = self.tokens[j].up
            if up in BE_FORMS:
                seen_be = True
                break
            if not (up.endswith("LY") or up in NEGATORS or up in SOFT_ADVERBS):
                break
            j -= 1
        if not seen_be:
            return None
        for k in range(verb.end, self.new_clause_after(verb.end)):
            up = self.tokens[k].up
            if up in CLAUSE_PUNCT or (up in SUBORDINATORS and up != "AFTER"):
                return None
            if up == "BY":
                agent = next((u for u in self.units if u.start == k + 1 and u.coded), None)
                if agent is not None:
                    return agent
        return None

    def phrase_before(self, verb: VerbHit) -> Unit | None:
        """The first noun phrase of the verb's clause, coded or not (for new actors)."""
        start = self.clause_start(verb.start)
        return next((u for u in self.units if start <= u.start and u.end <= verb.start), None)

    def phrase_after(self, pos: int) -> Unit | None:
        limit = self.new_clause_after(pos)
        return next((u for u in self.units if pos <= u.start < limit), None)

    def new_actor(self, unit: Unit | None, max_words: int) -> Unit | None:
        """PETRARCH's ``new_actor_length``: a phrase outside the dictionary becomes an actor
        named by its words (``"THE MINISTRY OF MAGIC"``) if it has at most ``max_words``."""
        if unit is None or max_words <= 0:
            return unit
        if unit.coded:
            named = [m if m.codes else self._named(m.start, m.end, max_words) for m in unit.members]
            return Unit(unit.start, unit.end, [m for m in named if m is not None])
        end = unit.end
        following = next((u for u in self.units if u.start == end + 1), None)
        if following is not None and self.tokens[end].up == "OF" and not following.coded:
            end = following.end  # "the Ministry of Magic"
        member = self._named(unit.start, end, max_words)
        return Unit(unit.start, end, [member]) if member else None

    def _named(self, start: int, end: int, max_words: int) -> Member | None:
        words = [t.up for t in self.tokens[start:end] if t.is_word and not t.up.startswith("'")]
        if not words or len(words) > max_words:
            return None
        return Member(('"' + " ".join(words) + '"',), start=start, end=end)

    def governs_verb(self, verb: VerbHit) -> bool:
        """Is the verb an auxiliary-like head of another verb (``will attack``, ``wants to
        attack``, ``would not provide``)? Then the other verb names the event."""
        starts = {v.start for v in self.verbs}
        k = verb.end
        for _ in range(3):
            if k >= len(self.tokens):
                return False
            if k in starts:
                return True
            up = self.tokens[k].up
            if not (up in NEGATORS or up in SOFT_ADVERBS or up in ("TO", "BE", "HAVE")
                    or up.endswith("LY")):
                return False
            k += 1
        return False

    def negated(self, verb: VerbHit) -> bool:
        """A not/n't/never in the auxiliaries right before the verb."""
        j = verb.start - 1
        for _ in range(4):
            if j < 0:
                return False
            up = self.tokens[j].up
            if up in NEGATORS:
                return True
            if not (up in AUXILIARIES or up in SOFT_ADVERBS or up.endswith("LY") or up == "TO"):
                return False
            j -= 1
        return False
