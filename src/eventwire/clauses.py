"""Shallow sentence structure shared by the quote and event stages.

No parser: German news sentences are V2 main clauses with a predictable shape, so the subject
of a finite verb is the actor in the field before it or, when something else stands first
("Am Montag führte Kim ..."), the first actor right after it. Prepositional and genitive
phrases never hold the subject. This is deliberately small and tested on real sentences.

English word order is not V2, so where the tokens carry a dependency parse (English with the
``english`` extra, see :mod:`eventwire.nlp`) subjects, passive agents, objects, coordination
and the content of reporting verbs are read off the parse instead. Prepositions, genitives and
clause bounds stay heuristic in English too: read off the small parser they scored lower on
the English dev set (``docs/english.md``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import ClassVar

from eventwire.langpacks.schema import LanguagePackFiles
from eventwire.model import Document
from eventwire.nlp.syntax import Parse
from eventwire.pipeline.analyse import sentence_ranges

PUNCT_BREAKS = frozenset({",", ";", ":", "(", ")", "–", "—"})
QUOTE_CHARS = frozenset('"„“”»«‚‘’')


@dataclass(frozen=True, slots=True)
class ArgMention:
    """An actor mention seen as a possible argument: token span and actor ids.

    Several ids where the mention is collective ('beide Länder')."""

    first: int
    last: int
    actors: tuple[str, ...]
    kind: str


def _mention_count(doc: Document) -> int:
    return sum(len(a.mentions) for a in doc.actors)


class SentenceView:
    """Tokens of a document with actor mentions mapped to token positions."""

    _last: ClassVar[SentenceView | None] = None

    @classmethod
    def of(cls, doc: Document, pack: LanguagePackFiles) -> SentenceView:
        """The view of ``doc``, shared by the stages that read it one after the other (quotes,
        events) while its tokens and actor mentions stay as they were."""
        last = cls._last
        if (
            last is not None
            and last.doc is doc
            and last.tokens is doc.tokens
            and last.pack is pack
            and last.mention_count == _mention_count(doc)
        ):
            return last
        view = cls._last = cls(doc, pack)
        return view

    def __init__(self, doc: Document, pack: LanguagePackFiles) -> None:
        self.doc = doc
        self.pack = pack
        self.tokens = doc.tokens
        self.starts = [t.start for t in doc.tokens]
        # read for every token by the quote and event finders: computed once per document
        self._words = [t.text for t in doc.tokens]
        self._lows = [w.casefold() for w in self._words]
        self._lemmas = [(t.lemma or t.text).casefold() for t in doc.tokens]
        self.ranges: dict[int, tuple[int, int]] = sentence_ranges(doc.tokens)
        self.mentions = self._argument_mentions()
        self.mention_count = _mention_count(doc)
        self.parse = Parse(doc.tokens) if any(t.dep is not None for t in doc.tokens) else None
        self.openers = frozenset(w.casefold() for w in pack.actors.prefield_openers)
        self.determiners = frozenset(pack.actors.determiners)
        self.preps = (
            {p for p in pack.actors.locative_prepositions}
            | set(pack.actors.prepositions)
            | set(pack.actors.source_prepositions)
            | {
                "mit",
                "zwischen",
                "gegen",
                "für",
                "an",
                "auf",
                "über",
                "unter",
                "zu",
                "with",
                "between",
                "against",
                "for",
                "to",
                "on",
                "of",
                "by",
            }
        )

    def token_at(self, char: int) -> int:
        return min(bisect_left(self.starts, char), len(self.starts) - 1)

    def _argument_mentions(self) -> list[ArgMention]:
        spans: dict[tuple[int, int], tuple[list[str], str]] = {}
        for actor in self.doc.actors:
            for m in actor.mentions:
                first = self.token_at(m.start)
                last = max(first, self.token_at(m.end) - 1)
                while last > first and self.tokens[last].end > m.end:
                    last -= 1
                ids, kind = spans.setdefault((first, last), ([], m.kind))
                if actor.id not in ids:
                    ids.append(actor.id)
        ordered = sorted(spans.items(), key=lambda kv: (kv[0][0], -kv[0][1]))
        result: list[ArgMention] = []
        for (first, last), (ids, kind) in ordered:
            outer = next((r for r in result if r.first <= first and last <= r.last), None)
            if outer is not None:
                continue  # inside a longer mention (a title's country, a name in a title)
            result.append(ArgMention(first, last, tuple(ids), kind))
        return result

    def word(self, i: int) -> str:
        return self._words[i] if 0 <= i < len(self._words) else ""

    def low(self, i: int) -> str:
        return self._lows[i] if 0 <= i < len(self._lows) else ""

    def lemma(self, i: int) -> str:
        return self._lemmas[i] if 0 <= i < len(self._lemmas) else ""

    def text(self, first: int, last: int) -> str:
        return self.doc.text[self.tokens[first].start : self.tokens[last].end]

    def in_sentence(self, first: int, last: int) -> list[ArgMention]:
        return [m for m in self.mentions if first <= m.first and m.last <= last]

    def preposition_before(self, m: ArgMention) -> str | None:
        """The preposition governing a mention ('mit dem russischen Minister' -> 'mit')."""
        j = m.first - 1
        skipped = 0
        determiners = set(self.pack.actors.determiners)
        english = self.doc.lang == "en"
        while j >= 0 and skipped < (6 if english else 4):
            w = self.low(j)
            if w in self.preps:
                return w
            if self.tokens[j].sentence != self.tokens[m.first].sentence:
                break
            german_adjective = (
                not english
                and w[:1].isalpha()
                and self.word(j)[0].islower()
                and w.endswith(("e", "en", "er", "es", "em"))
            )
            # English titles and nationality words are capitalised: "with Russian Natural
            # Resources Minister Alexander Kozlov"
            english_modifier = english and self.word(j)[:1].isupper()
            if w in determiners or german_adjective or english_modifier:
                j -= 1
                skipped += 1
                continue
            break
        return None

    def is_genitive_attribute(self, m: ArgMention) -> bool:
        """'des Besuchs des russischen Präsidenten': a genitive after a noun, not a subject."""
        j = m.first - 1
        while j >= 0 and self.word(j)[:1].islower() and self.low(j) not in ("des", "der"):
            j -= 1
        return (
            self.low(j) in ("des", "der")
            and j - 1 >= 0
            and self.word(j - 1)[:1].isupper()
            and self.tokens[j - 1].sentence == self.tokens[m.first].sentence
        )

    def clause_bounds(self, i: int) -> tuple[int, int]:
        """The clause around token ``i``: between punctuation breaks within its sentence."""
        s_first, s_last = self.ranges[self.tokens[i].sentence]
        a = i
        while a > s_first:
            if self.word(a - 1) == ")" and "(" in [self.word(k) for k in range(a - 4, a - 1)]:
                a = next(k for k in range(a - 2, a - 5, -1) if self.word(k) == "(")
                continue  # a short aside in brackets, '(VKA)', does not end the clause
            if self.word(a - 1) in PUNCT_BREAKS:
                break
            a -= 1
        b = i
        while b < s_last:
            if self.word(b + 1) == "(" and ")" in [self.word(k) for k in range(b + 2, b + 5)]:
                b = next(k for k in range(b + 2, b + 5) if self.word(k) == ")")
                continue
            if self.word(b + 1) in PUNCT_BREAKS:
                break
            b += 1
        return a, b

    def subject_of(self, verb: int, *, skip_prefix: int | None = None) -> ArgMention | None:
        """The actor doing what the finite verb at ``verb`` says, or None."""
        if self.parse is not None and self.parse.parsed(verb):
            heads = self.parse.subjects(verb)
            if heads:  # else the parse saw no subject at all: the heuristics below may
                return next((m for h in heads if (m := self.actor_phrase(h)) is not None), None)
        s_first, s_last = self.ranges[self.tokens[verb].sentence]
        start, _ = self.clause_bounds(verb)
        # the pre-field may run across an apposition: "Kim Jong-un, der Staatsführer ..., sagte"
        before = [
            m
            for m in self.in_sentence(s_first, verb - 1)
            if m.first >= (skip_prefix if skip_prefix is not None else s_first)
        ]
        free = [
            m
            for m in before
            if self.preposition_before(m) is None and not self.is_genitive_attribute(m)
        ]
        in_clause = [m for m in free if m.first >= start]
        if in_clause:
            return in_clause[0]
        if free and start > s_first and self._apposition_only(free[-1].last + 1, start):
            return free[-1]
        if start == s_first and not self._opens_inversion(s_first, verb):
            return None  # "Lubinez warf Moskau vor": an unknown subject fills the pre-field
        after = [
            m
            for m in self.in_sentence(verb + 1, s_last)
            if self.preposition_before(m) is None and not self.is_genitive_attribute(m)
        ]
        if after and self._only_adverbs(verb + 1, after[0].first):
            return after[0]
        return None

    def _opens_inversion(self, first: int, verb: int) -> bool:
        """Whether the words before the verb leave the subject to follow it (V2 inversion).

        Adverbs, prepositional phrases and time expressions do; a noun phrase does not.
        """
        if first == verb:
            return True
        if self.low(first) in self.openers:
            return True
        char = self.tokens[first].start
        return any(t.start <= char < t.end for t in self.doc.timex)

    def finite_anchor(self, i: int) -> int:
        """For a participle or infinitive ('hat ... vorgeworfen'), the finite verb before it."""
        word, lemma = self.low(i), self.lemma(i)
        if word != lemma and not (word.endswith("t") or word.endswith("en")):
            return i
        s_first = self.ranges[self.tokens[i].sentence][0]
        auxiliaries = set(self.pack.modality.finite_auxiliaries)
        stops = set(self.pack.attribution.complementisers)
        for k in range(i - 1, s_first - 1, -1):
            if self.low(k) in auxiliaries:
                return k
            if self.word(k) in (";", ":", ",") or self.low(k) in stops:
                break
        return i

    def coordinated(self, m: ArgMention) -> ArgMention:
        """'Polen und Litauen': one argument made of both conjuncts."""
        if self.parse is not None and self.parse.parsed(m.first):
            return self._parsed_conjuncts(m)
        nxt = next((x for x in self.mentions if x.first > m.last), None)
        if nxt is None or self.low(m.last + 1) not in ("und", "and"):
            return m
        gap = nxt.first - (m.last + 2)
        if gap < 0 or gap > 1 or (gap == 1 and self.low(m.last + 2) not in self.determiners):
            return m
        return ArgMention(m.first, nxt.last, tuple(dict.fromkeys(m.actors + nxt.actors)), m.kind)

    def _apposition_only(self, a: int, b: int) -> bool:
        """Tokens a..b-1 form an apposition or relative clause set off by commas, or an aside
        in brackets ('Die Vereinigung ... (VKA) wies ... zurück')."""
        if a >= b:
            return False
        return (self.word(a) == "," and self.word(b - 1) == ",") or (
            self.word(a) == "(" and self.word(b - 1) == ")"
        )

    def _only_adverbs(self, a: int, b: int) -> bool:
        """Only a few short words between a verb and an inverted subject."""
        return b - a <= 6 and all(self.word(k) not in PUNCT_BREAKS for k in range(a, b))

    # -- with a dependency parse ---------------------------------------------------------------
    def parsed(self, i: int) -> bool:
        """Whether token ``i`` carries a dependency parse (English with the extra installed)."""
        return self.parse is not None and self.parse.parsed(i)

    def mention_at(self, i: int) -> ArgMention | None:
        return next((m for m in self.mentions if m.first <= i <= m.last), None)

    def actor_phrase(self, h: int) -> ArgMention | None:
        """The actor of the noun phrase headed by token ``h``: the mention covering the head, a
        named apposition instead of a title or description ('a senior Hamas official, Osama
        Hamdan'), else an actor modifying the head ('Israeli troops', "Israel's offensive")."""
        assert self.parse is not None
        own = self.mention_at(h)
        named = [
            m
            for k in self.parse.children(h, "appos")
            if (m := self.mention_at(k)) is not None and m.kind == "name"
        ]
        if own is not None and (own.kind == "name" or not named):
            return own
        if named:
            return named[0]
        lo, _ = self.parse.edges(h)
        return next(
            (m for m in self.in_sentence(lo, h - 1) if self.preposition_before(m) is None), None
        )

    def agent_of(self, verb: int) -> ArgMention | None:
        """The doer in a parsed passive: 'were killed by Israeli strikes' -> Israel."""
        assert self.parse is not None
        agent = self.parse.agent(verb)
        return None if agent is None else self.actor_phrase(agent)

    def object_of(self, verb: int, preps: set[str]) -> ArgMention | None:
        """What a parsed verb or noun is done to: the object of one of ``preps`` attached to
        it ('met with', 'sanctions against'), else its direct or indirect object."""
        assert self.parse is not None
        for prep, noun in self.parse.prepositional_objects(verb):
            m = self.actor_phrase(noun) if prep in preps else None
            if m is not None:
                return m
        for noun in self.parse.objects(verb):
            m = self.actor_phrase(noun)
            if m is not None:
                return m
        return None

    def speech_content(self, verb: int) -> tuple[int, int] | None:
        """Token span of what a parsed reporting verb reports (see ``Parse.complement``)."""
        assert self.parse is not None
        return self.parse.complement(verb)

    def _parsed_conjuncts(self, m: ArgMention) -> ArgMention:
        """The conj chain of the mention's head; also an actor joined by 'and' right before
        it inside its own phrase, where the small parser misses the coordination ('Tebboune
        and French President Emmanuel Macron')."""
        assert self.parse is not None
        head = self.parse.phrase_head(m.first, m.last)
        merged = m
        lo, _ = self.parse.edges(head)
        before = [x for x in self.in_sentence(lo, m.first - 1) if x.last == m.first - 2]
        if before and self.low(m.first - 1) in ("and", "&"):
            actors = tuple(dict.fromkeys(before[0].actors + m.actors))
            merged = ArgMention(before[0].first, m.last, actors, before[0].kind)
        for k in self.parse.conjuncts(head):
            other = self.mention_at(k)
            if other is None or other.first <= merged.last:
                continue
            actors = tuple(dict.fromkeys(merged.actors + other.actors))
            merged = ArgMention(merged.first, other.last, actors, merged.kind)
        return merged
