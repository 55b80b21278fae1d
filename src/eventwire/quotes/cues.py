"""Cue words of speech, thought and writing events, looked up in the language pack.

A cue is a verb ('sagte', or 'stellt ... fest' with its separated particle), a noun ('Antrag'),
a noun with its support verb ('eine Frage stellen') or frame ('aus unserer Sicht'), a
predicative with its copula ('bin überzeugt') or a preposition ('laut'). The lexicon decides
what counts; the clause only supplies the particle or partner that completes a cue, and a
particle that makes a different verb ('findet ... statt') takes the cue away.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

from eventwire.clauses import QUOTE_CHARS, SentenceView
from eventwire.langpacks import load_pack
from eventwire.langpacks.schema import LanguagePackFiles, SupportVerbs
from eventwire.quotes.cue_conditions import CueConditions

CueKind = Literal["verb", "noun", "predicative", "preposition"]
# '.' is left out: inside a sentence it only ends abbreviations ('Frau Dr. Weisgerber').
CLAUSE_STOPS = frozenset({",", ";", ":", "!", "?", "(", ")", "–", "—", "-"}) | QUOTE_CHARS
FRAME_WINDOW = 3


@dataclass(frozen=True)
class Cue:
    """Token positions of one cue: ``head`` is the word whose roles are sought."""

    head: int
    words: tuple[int, ...]
    particle: int | None
    kind: CueKind


def partner_table(entries: list[SupportVerbs]) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for entry in entries:
        for noun in entry.nouns:
            table.setdefault(noun.casefold(), set()).update(v.casefold() for v in entry.verbs)
    return {noun: frozenset(words) for noun, words in table.items()}


class CueLexicon:
    """The pack's cue words, indexed for lookups by lemma."""

    def __init__(self, pack: LanguagePackFiles) -> None:
        sp = pack.speech_events
        verbs = {v.casefold() for v in sp.verbs}
        for rv in pack.attribution.reporting_verbs:
            verbs.add(rv.lemma.casefold() if rv.particle is None else
                      (rv.particle + rv.lemma).casefold())
        verbs -= {v.casefold() for v in sp.excluded_verbs}
        self.verbs = frozenset(verbs)
        self.prefixes = frozenset(p.casefold() for p in sp.separable_prefixes)
        self.split: dict[str, frozenset[str]] = self._split(verbs)
        # every verb a particle can be split off from: other lemmas can never make a verb cue
        self.bases = frozenset(v[len(p):] for v in verbs for p in self.prefixes if v.startswith(p))
        self.nouns = frozenset(n.casefold() for n in sp.nouns)
        self.predicatives = frozenset(p.casefold() for p in sp.predicatives)
        self.copulas = frozenset(c.casefold() for c in sp.copulas)
        self.prepositions = frozenset(p.casefold() for p in sp.prepositions)
        self.support = partner_table(sp.support_verbs)
        self.frames = partner_table(sp.frames)
        self.conditions = CueConditions(sp)
        # a participle ('-t', '-en') or present participle ('-end') with an adjective's ending
        self.adjective_endings = tuple(stem + end for stem in sp.participle_endings
                                       for end in sp.adjective_endings)

    def _split(self, verbs: set[str]) -> dict[str, frozenset[str]]:
        """Base verb -> particles that make a cue of it: 'stellen' -> {'fest', 'vor', ...}."""
        table: dict[str, set[str]] = {}
        for verb in verbs:
            for p in sorted(self.prefixes, key=len, reverse=True):
                if verb.startswith(p) and len(verb) - len(p) >= 4:
                    table.setdefault(verb[len(p):], set()).add(p)
                    break
        return {base: frozenset(ps) for base, ps in table.items()}

    def is_noun(self, lemma: str) -> bool:
        return lemma in self.nouns

    def may_be_verb(self, lemma: str) -> bool:
        """Whether a verb cue can start at this lemma, alone or with a split-off particle."""
        return lemma in self.verbs or lemma in self.split or lemma in self.bases


@functools.cache
def cue_lexicon(lang: str) -> CueLexicon:
    """The lexicon of a language, built once per process."""
    return CueLexicon(load_pack(lang))


def is_stop(sv: SentenceView, k: int) -> bool:
    """Whether token ``k`` ends a clause: punctuation, a quotation mark or a free-standing dash
    (not the hyphen of 'CO2-Emissionen' or of 'Jugend- und Familienpolitik')."""
    word = sv.word(k)
    if word == ".":
        return k == sv.ranges[sv.tokens[k].sentence][1]
    if word != "-":
        return word in CLAUSE_STOPS
    text, t = sv.doc.text, sv.tokens[k]
    spaced = t.start > 0 and text[t.start - 1] == " " and text[t.end:t.end + 1] == " "
    return spaced and sv.low(k + 1) not in ("und", "oder", "bis")


def clause_end(sv: SentenceView, i: int) -> int:
    """The last token of the clause holding ``i``: before the next punctuation or quote mark."""
    last = sv.ranges[sv.tokens[i].sentence][1]
    k = i
    while k < last and not is_stop(sv, k + 1):
        k += 1
    return k


def clause_start(sv: SentenceView, i: int) -> int:
    first = sv.ranges[sv.tokens[i].sentence][0]
    k = i
    while k > first and not is_stop(sv, k - 1):
        k -= 1
    return k


def _verb_cue(sv: SentenceView, lex: CueLexicon, i: int) -> Cue | None:
    lemma, word = sv.lemma(i), sv.low(i)
    if word != lemma and word.startswith(lemma) and word[len(lemma):].startswith("d"):
        return None  # a present participle ('entscheidend') describes, it reports nothing
    end = clause_end(sv, i)
    tail = sv.low(end)
    if end > i and tail in lex.prefixes:  # 'stellt ... fest', 'findet ... statt'
        if tail + lemma in lex.verbs:
            return Cue(i, (i,), end, "verb")
        if lemma in lex.split or lemma in lex.verbs:
            return None  # the particle makes another verb: 'hört ... auf', 'sieht ... aus'
    if lemma in lex.verbs:
        return Cue(i, (i,), None, "verb")
    return None


def _noun_cue(sv: SentenceView, lex: CueLexicon, i: int, taken: set[int]) -> Cue:
    lemma = sv.lemma(i)
    words = [i]
    verbs = lex.support.get(lemma)
    if verbs:
        a, b = clause_start(sv, i), clause_end(sv, i)
        partner = next((k for k in range(a, b + 1) if k != i and sv.lemma(k) in verbs), None)
        if partner is not None:
            words.append(partner)
            taken.add(partner)
    frame = lex.frames.get(lemma)
    if frame:
        s_first, s_last = sv.ranges[sv.tokens[i].sentence]
        near = range(max(s_first, i - FRAME_WINDOW), min(s_last, i + FRAME_WINDOW) + 1)
        k = next((k for k in near if k != i and sv.low(k) in frame), None)
        if k is not None:
            words.append(k)
    return Cue(i, tuple(sorted(words)), None, "noun")


def _predicative_cue(sv: SentenceView, lex: CueLexicon, i: int) -> Cue | None:
    a, b = clause_start(sv, i), clause_end(sv, i)
    copula = next((k for k in range(a, b + 1) if k != i and sv.lemma(k) in lex.copulas), None)
    if copula is None:
        return None
    return Cue(i, tuple(sorted((i, copula))), None, "predicative")


def attributive(sv: SentenceView, lex: CueLexicon, i: int) -> bool:
    """A participle inflected as an adjective before its noun ('die beschlossenen Maßnahmen',
    'die von Ihnen geforderte Haft') describes a thing; it is no speech event."""
    word, nxt = sv.low(i), sv.word(i + 1)
    if not word.endswith(lex.adjective_endings) or word == sv.lemma(i):
        return False
    if not nxt[:1].isupper() or nxt.casefold() in sv.pack.speech_events.subject_pronouns:
        return False
    if nxt.casefold() in sv.pack.speech_events.possessives:
        return False
    start = clause_start(sv, i)
    return i > start + 1 and sv.low(i - 1) not in sv.pack.speech_events.subject_pronouns


def find_cues(sv: SentenceView, lex: CueLexicon, first: int, last: int) -> list[Cue]:
    """Cues of the sentence spanning tokens ``first``..``last``, in text order."""
    nouns: list[Cue] = []
    taken: set[int] = set()
    for i in range(first, last + 1):
        word = sv.word(i)
        if word[:1].isupper() and lex.is_noun(sv.lemma(i)):
            nouns.append(_noun_cue(sv, lex, i, taken))
    cues = list(nouns)
    for i in range(first, last + 1):
        word = sv.word(i)
        if i in taken or not word[:1].isalpha() or lex.is_noun(sv.lemma(i)):
            continue
        if word[0].isupper() and i != first:
            continue
        low = word.casefold()
        cue: Cue | None = None
        if low in lex.prepositions:
            following = sv.word(i + 1)
            if low != "laut" or following[:1].isupper() or sv.low(i + 1) in sv.determiners:
                cue = Cue(i, (i,), None, "preposition")
        elif low in lex.predicatives:
            cue = _predicative_cue(sv, lex, i)
        elif lex.may_be_verb(sv.lemma(i)) and not attributive(sv, lex, i):
            cue = _verb_cue(sv, lex, i)
        if cue is not None and lex.conditions.met(sv, cue.head, clause_start(sv, cue.head),
                                                  clause_end(sv, cue.head)):
            cues.append(cue)
    return sorted(cues, key=lambda c: c.head)
