"""Matching a verb's patterns against the words around it.

Elements after the verb are looked for left to right from the verb, elements before it right
to left; a tight element must be the very next thing, an open one may come later. Actor slots
(``$ + % ^``) match whole noun-phrase units. Among the patterns that match, the one that
matched the most words wins (the dictionary order breaks ties), as PETRARCH's "longer
patterns first".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from eventwire.cameo.mentions import Unit
from eventwire.cameo.patterns import Element, Pattern
from eventwire.cameo.tokens import DETERMINERS, Token

Assign = tuple[str, Unit] | None
MAX_GAP = 5  # words an open connector may skip: patterns describe the verb's own phrases


@dataclass
class Sentence:
    """Tokens and units of one sentence, with lookups the matcher needs."""

    tokens: Sequence[Token]
    units: Sequence[Unit]
    synsets: dict[str, list[tuple[str, ...]]]
    _starts: dict[int, Unit] = field(default_factory=dict)
    _ends: dict[int, Unit] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._starts = {u.start: u for u in self.units}
        self._ends = {u.end: u for u in self.units}

    def unit_from(self, i: int) -> Unit | None:
        """The unit starting at ``i``, or the one whose determiners end there (``their|^``)."""
        found = self._starts.get(i)
        if found is None:
            for unit in self.units:
                if unit.start < i < unit.end and all(
                    t.up in DETERMINERS for t in self.tokens[unit.start:i]
                ):
                    return unit
        return found

    def unit_to(self, i: int) -> Unit | None:
        return self._ends.get(i)


@dataclass
class Match:
    pattern: Pattern
    roles: dict[str, Unit]
    skipped: list[Unit]
    words: int
    compound_before: bool

    @property
    def score(self) -> tuple[int, int, int]:
        return self.words, len(self.pattern.before) + len(self.pattern.after), -self.pattern.line


def best_match(patterns: Sequence[Pattern], s: Sentence, start: int, end: int) -> Match | None:
    """The most specific pattern matching around the verb span ``start:end``."""
    best: Match | None = None
    for pattern in patterns:
        after = _forward(s, pattern.after, 0, end, ())
        if after is None:
            continue
        before = _backward(s, pattern.before, 0, start, ())
        if before is None:
            continue
        assigns = [a for a in (*after, *before) if a is not None]
        roles = {kind: unit for kind, unit in assigns if kind != "skip"}
        words = _words(s, pattern)
        found = Match(
            pattern, roles, [u for k, u in assigns if k == "skip"], words,
            any(e.kind == "compound" for e in pattern.before),
        )
        if best is None or found.score > best.score:
            best = found
    return best


def _words(s: Sentence, pattern: Pattern) -> int:
    total = 0
    for e in (*pattern.before, *pattern.after):
        if e.kind == "word":
            total += 1
        elif e.kind == "synset":
            total += max((len(m) for m in s.synsets.get(e.value, ())), default=1)
    return total


def _forward(
    s: Sentence, elems: Sequence[Element], k: int, pos: int, got: tuple[Assign, ...]
) -> tuple[Assign, ...] | None:
    if k == len(elems):
        return got
    e = elems[k]
    places = [pos] if e.tight else range(pos, min(len(s.tokens), pos + MAX_GAP + 1))
    for at in places:
        for end, assign in _step_forward(s, e, at):
            done = _forward(s, elems, k + 1, end, (*got, assign))
            if done is not None:
                return done
    return None


def _backward(
    s: Sentence, elems: Sequence[Element], k: int, pos: int, got: tuple[Assign, ...]
) -> tuple[Assign, ...] | None:
    if k == len(elems):
        return got
    e = elems[k]
    places = [pos] if e.tight else range(pos, max(0, pos - MAX_GAP - 1), -1)
    for at in places:
        for start, assign in _step_backward(s, e, at):
            done = _backward(s, elems, k + 1, start, (*got, assign))
            if done is not None:
                return done
    return None


def _unit_ok(e: Element, unit: Unit | None) -> bool:
    if unit is None:
        return False
    if e.kind == "skip":
        return True
    if e.kind == "compound":
        return unit.compound
    return unit.coded


def _step_forward(s: Sentence, e: Element, at: int) -> Iterator[tuple[int, Assign]]:
    if at >= len(s.tokens):
        return
    if e.kind == "word":
        if s.tokens[at].up == e.value:
            yield at + 1, None
    elif e.kind == "synset":
        for member in s.synsets.get(e.value, ()):
            if tuple(t.up for t in s.tokens[at:at + len(member)]) == member:
                yield at + len(member), None
    else:
        unit = s.unit_from(at)
        if unit is not None and _unit_ok(e, unit):
            yield unit.end, (e.kind, unit)


def _step_backward(s: Sentence, e: Element, at: int) -> Iterator[tuple[int, Assign]]:
    if at <= 0:
        return
    if e.kind == "word":
        if s.tokens[at - 1].up == e.value:
            yield at - 1, None
    elif e.kind == "synset":
        for member in s.synsets.get(e.value, ()):
            start = at - len(member)
            if start >= 0 and tuple(t.up for t in s.tokens[start:at]) == member:
                yield start, None
    else:
        unit = s.unit_to(at)
        if unit is not None and _unit_ok(e, unit):
            yield unit.start, (e.kind, unit)
