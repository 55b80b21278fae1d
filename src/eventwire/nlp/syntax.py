"""Questions about a dependency parse stored on eventwire tokens (``Token.head``/``dep``/``pos``).

The labels are those of spaCy's English models (ClearNLP style: nsubj, nsubjpass, dobj, dative,
pobj, agent, conj, appos, relcl, xcomp ...). Everything here is plain index arithmetic so that
:mod:`eventwire.clauses` can ask "who is the subject of this verb" without importing a parser.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.model import Token

VERBAL = frozenset({"VERB", "AUX"})
SUBJECTS = ("nsubj", "nsubjpass")
OBJECTS = ("dobj", "dative", "iobj")
RELATIVES = frozenset({"who", "whom", "which", "that"})
# Subject pronouns of a relative clause that point to the subject of the clause around it.
MATRIX_PRONOUNS = frozenset({"it", "they"})
AUXILIARIES = frozenset({"aux", "auxpass", "neg"})


class Parse:
    """Head and children lookups over the tokens of one document."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.kids: list[list[int]] = [[] for _ in tokens]
        for i, t in enumerate(tokens):
            if t.head is not None and t.head != i:
                self.kids[t.head].append(i)
        self._edges: dict[int, tuple[int, int]] = {}

    def parsed(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].dep is not None

    def dep(self, i: int) -> str:
        return self.tokens[i].dep or ""

    def pos(self, i: int) -> str:
        return self.tokens[i].pos or ""

    def head(self, i: int) -> int:
        h = self.tokens[i].head
        return i if h is None else h

    def low(self, i: int) -> str:
        return self.tokens[i].text.casefold()

    def children(self, i: int, *labels: str) -> list[int]:
        return [k for k in self.kids[i] if not labels or self.dep(k) in labels]

    def edges(self, i: int) -> tuple[int, int]:
        """First and last token of the subtree of ``i``."""
        if i not in self._edges:
            lo = hi = i
            todo, seen = list(self.kids[i]), {i}
            while todo:
                k = todo.pop()
                if k not in seen:
                    seen.add(k)
                    lo, hi = min(lo, k), max(hi, k)
                    todo.extend(self.kids[k])
            self._edges[i] = (lo, hi)
        return self._edges[i]

    def predicate(self, i: int) -> int:
        """The content verb an auxiliary or negation belongs to ('has' in 'has killed')."""
        return self.head(i) if self.dep(i) in AUXILIARIES else i

    def subjects(self, verb: int) -> list[int]:
        """Head tokens that may be the grammatical subject of ``verb``, nearest first: its own
        nsubj/nsubjpass, else the one it shares. A conjoined or adverbial verb takes its
        governor's, an infinitive after an object takes that object ('urged the US to push'), a
        relative clause or participle takes the noun it modifies. Empty when the parse shows
        no subject at all."""
        seen: set[int] = set()
        v = self.predicate(verb)
        while v not in seen:
            seen.add(v)
            own = sorted(self.children(v, *SUBJECTS), key=lambda k: abs(k - v))
            label, governor = self.dep(v), self.head(v)
            if own:
                if label == "relcl" and self.low(own[0]) in RELATIVES:
                    return [governor]
                if label == "relcl" and self.low(own[0]) in MATRIX_PRONOUNS:
                    # 'the EU sanctioned IRISL, which it accuses of ...': 'it' is the EU
                    matrix = self._matrix_verb(governor)
                    if matrix is not None and matrix not in seen:
                        v = matrix
                        continue
                return own
            if governor == v:
                return []
            if label in ("relcl", "acl") and self.pos(governor) not in VERBAL:
                return [governor]
            if label == "xcomp" and self.children(governor, *OBJECTS):
                return self.children(governor, *OBJECTS)[:1]
            if label not in ("conj", "xcomp", "advcl") or self.pos(governor) not in VERBAL:
                return []
            if label == "conj" and self._unmarked_complement(governor):
                governor = self.head(governor)  # 'X said Y posed a threat and blamed Z': X blamed
            v = governor
        return []

    def _unmarked_complement(self, verb: int) -> bool:
        """A complement clause without 'that', whose conjuncts the small parser tends to attach
        inside it although they mostly continue the reporting clause."""
        return self.dep(verb) == "ccomp" and not self.children(verb, "mark")

    def agent(self, verb: int) -> int | None:
        """The noun of the 'by' phrase of a passive ('were killed by Israeli strikes')."""
        for by in self.children(self.predicate(verb), "agent"):
            objects = self.children(by, "pobj")
            if objects:
                return objects[0]
        return None

    def objects(self, verb: int) -> list[int]:
        """Direct and indirect objects of a verb, nearest first; a relative pronoun stands for
        the noun its clause modifies ('IRISL, which it accuses' -> IRISL)."""
        v = self.predicate(verb)
        found = self.children(v, *OBJECTS)
        if self.dep(v) == "relcl":
            found = [self.head(v) if self.low(k) in RELATIVES else k for k in found]
        return found

    def _matrix_verb(self, noun: int) -> int | None:
        """The verb of the clause a noun stands in, climbing through prepositions and
        conjuncts ('targeting officials and IRISL' -> targeting)."""
        k, seen = noun, set()
        while k not in seen:
            seen.add(k)
            head = self.head(k)
            if head == k:
                return k if self.pos(k) in VERBAL else None
            if self.pos(head) in VERBAL:
                return head
            k = head
        return None

    def prepositional_objects(self, word: int) -> list[tuple[str, int]]:
        """(preposition, noun) for the prepositional phrases attached to a verb or noun."""
        found = []
        for p in self.children(self.predicate(word), "prep", "agent"):
            for n in self.children(p, "pobj"):
                found.append((self.low(p), n))
        return found

    def complement(self, verb: int) -> tuple[int, int] | None:
        """Span of the complement clause of a reporting verb, without 'that' ('told reporters
        that Hamas had delivered ...', or before it: 'Forces have arrested 1,200, Maduro said')."""
        for c in self.children(self.predicate(verb), "ccomp"):
            lo, hi = self.edges(c)
            while lo < hi and self.dep(lo) in ("mark", "punct"):
                lo += 1
            if hi - lo >= 2:
                return lo, hi
        return None

    def conjuncts(self, i: int) -> list[int]:
        """Every token coordinated with ``i`` after it ('the US, Egypt, Qatar and Israel')."""
        found: list[int] = []
        todo = self.children(i, "conj")
        while todo:
            k = todo.pop(0)
            found.append(k)
            todo.extend(self.children(k, "conj"))
        return sorted(found)

    def phrase_head(self, first: int, last: int) -> int:
        """The token of ``first..last`` whose head lies outside it (the last one if several)."""
        heads = [k for k in range(first, last + 1) if not first <= self.head(k) <= last]
        heads = heads or [k for k in range(first, last + 1) if self.head(k) == k]
        return heads[-1] if heads else last
