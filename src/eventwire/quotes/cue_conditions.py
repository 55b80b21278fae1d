"""Context conditions of ambiguous cue words, as the language pack lists them.

Some cue words mostly mean something else: 'Lösungen finden' locates, 'das gehört dazu'
belongs, 'das heißt' rephrases. The pack names the complement that makes each a speech or
thought event ('wir finden, dass', 'haben es gehört', 'heißt es'); without one it is no cue.
"""

from __future__ import annotations

from eventwire.clauses import SentenceView
from eventwire.langpacks.schema import CueNeed, SpeechEventPack


class CueConditions:
    """The pack's conditions, looked up by lemma or surface form of a cue's head."""

    def __init__(self, sp: SpeechEventPack) -> None:
        self.by_lemma: dict[str, frozenset[CueNeed]] = {}
        self.by_word: dict[str, frozenset[CueNeed]] = {}
        self.free: set[str] = set()
        for cond in sp.cue_conditions:
            self.free.update(w.casefold() for w in cond.except_words)
            for lemma in cond.lemmas:
                self.by_lemma[lemma.casefold()] = frozenset(cond.needs)
            for word in cond.words:
                self.by_word[word.casefold()] = frozenset(cond.needs)
        self.openers = frozenset(w.casefold() for w in sp.clause_openers)
        self.pronouns = frozenset(w.casefold() for w in sp.subject_pronouns)
        self.experiencer = frozenset(w.casefold() for w in sp.experiencer_prepositions)
        self.reflexives = frozenset(w.casefold() for w in sp.reflexives)
        self.objects = frozenset(w.casefold() for w in sp.object_pronouns)
        self.auxiliaries = frozenset(w.casefold() for w in sp.perfect_auxiliaries)
        self.impersonal = frozenset(w.casefold() for w in sp.impersonal_pronouns)

    def needs(self, sv: SentenceView, i: int) -> frozenset[CueNeed] | None:
        if sv.low(i) in self.free:
            return None
        return self.by_word.get(sv.low(i)) or self.by_lemma.get(sv.lemma(i))

    def met(self, sv: SentenceView, i: int, a: int, b: int) -> bool:
        """Whether the cue headed by ``i`` in the clause ``a``..``b`` has a needed complement."""
        needs = self.needs(sv, i)
        return needs is None or any(self._has(sv, need, i, a, b) for need in needs)

    def _has(self, sv: SentenceView, need: CueNeed, i: int, a: int, b: int) -> bool:
        if need == "clause":
            return sv.word(b + 1) == "," and (
                sv.low(b + 2) in self.openers or (b == i and sv.low(i - 1) in self.pronouns))
        if need == "experiencer":
            return any(sv.low(k) in self.experiencer and sv.low(k + 1) in self.reflexives
                       for k in range(a, b + 1))
        if need == "object_pronoun":
            return sv.low(i + 1) in self.objects
        if need == "auxiliary":
            return any(k != i and sv.lemma(k) in self.auxiliaries for k in range(a, b + 1))
        return sv.low(i - 1) in self.impersonal or sv.low(i + 1) in self.impersonal
