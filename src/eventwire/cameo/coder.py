"""``CameoCoder``: code English sentences into (source, target, CAMEO code) with CAMEO dictionaries.

An alternative to eventwire's own coder for users who have PETRARCH/TABARI dictionaries. It
works from plain text: dictionary phrases find the actors, dictionary verbs and their patterns
find the event, and the clause rules in :mod:`eventwire.cameo.clauses` pick source and target.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from eventwire.cameo.actors import ActorDictionary
from eventwire.cameo.agents import AgentDictionary
from eventwire.cameo.assemble import choose_roles, code_pairs, covers_negation, reciprocal
from eventwire.cameo.clauses import CommaOptions, Roles, clauses_to_drop
from eventwire.cameo.discards import DiscardList
from eventwire.cameo.match import Sentence, best_match
from eventwire.cameo.mentions import Unit, build_units, find_hits
from eventwire.cameo.patterns import Codes, Pattern
from eventwire.cameo.tokens import Token, split_sentences, tokenize
from eventwire.cameo.verbs import VerbDictionary
from eventwire.cameo.verbspot import VerbHit, find_verbs
from eventwire.errors import InputError

Day = dt.date | str | int | None


@dataclass(frozen=True)
class CoderOptions:
    """How to code; the defaults follow PETRARCH's shipped configuration.

    ``require_dyad``: drop events that lack a source or a target (else they get ``---``).
    ``negation``: ``keep`` marks events under not/n't/never as negated, ``drop`` removes them.
    ``new_actor_length``: name a source or target phrase missing from the dictionary by its
    words (``"THE MINISTRY OF MAGIC"``) when it has at most this many words; 0 = never.
    """

    require_dyad: bool = True
    new_actor_length: int = 0
    comma: CommaOptions = field(default_factory=CommaOptions)
    negation: Literal["keep", "drop"] = "keep"


@dataclass(frozen=True)
class CodedEvent:
    """One coded event; offsets are character offsets into the coded text."""

    source: str
    target: str
    code: str
    verb: str
    start: int
    end: int
    source_text: str | None = None
    target_text: str | None = None
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    pattern: str | None = None
    negated: bool = False

    def shifted(self, offset: int) -> CodedEvent:
        """The same event with offsets moved (from sentence to story offsets)."""
        def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
            return (span[0] + offset, span[1] + offset) if span else None

        return replace(self, start=self.start + offset, end=self.end + offset,
                       source_span=move(self.source_span), target_span=move(self.target_span))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CodedSentence:
    text: str
    start: int
    end: int
    events: list[CodedEvent] = field(default_factory=list)
    discarded: str | None = None


def as_day(date: Day) -> int | None:
    """A date as YYYYMMDD (the dictionaries' form); accepts dates, ISO strings and YYYYMMDD."""
    if date is None or isinstance(date, int):
        return date
    if isinstance(date, dt.date):
        return date.year * 10000 + date.month * 100 + date.day
    digits = date.replace("-", "").strip()
    if len(digits) != 8 or not digits.isdigit():
        raise InputError(date, "not a date: use YYYY-MM-DD or YYYYMMDD")
    return int(digits)


class CameoCoder:
    """A dictionary-driven English event coder (actors, agents, verbs, discards)."""

    def __init__(
        self,
        actors: ActorDictionary,
        agents: AgentDictionary,
        verbs: VerbDictionary,
        discards: DiscardList | None = None,
        options: CoderOptions | None = None,
    ) -> None:
        self.actors = actors
        self.agents = agents
        self.verbs = verbs
        self.discards = discards or DiscardList()
        self.options = options or CoderOptions()

    @classmethod
    def from_files(
        cls,
        actors: Iterable[Path | str],
        agents: Iterable[Path | str],
        verbs: Iterable[Path | str],
        discards: Iterable[Path | str] = (),
        options: CoderOptions | None = None,
    ) -> CameoCoder:
        return cls(
            ActorDictionary.from_files(*actors),
            AgentDictionary.from_files(*agents),
            VerbDictionary.from_files(*verbs),
            DiscardList.from_files(*discards),
            options,
        )

    def issues(self) -> list[str]:
        """Irregular dictionary lines that were tolerated (skipped or repaired)."""
        return self.actors.issues.items + self.agents.issues.items + self.verbs.issues.items

    def code_text(
        self, text: str, date: Day = None, options: CoderOptions | None = None
    ) -> list[CodedSentence]:
        """Code every sentence of a story; a story-level discard stops the whole story."""
        spans = split_sentences(text)
        story_stop = next(
            (d for a, b in spans if (d := self.discards.match(text[a:b])) and d.story), None
        )
        out: list[CodedSentence] = []
        for a, b in spans:
            if story_stop is not None:
                out.append(CodedSentence(text[a:b], a, b, [], story_stop.phrase))
                continue
            coded = self.code_sentence(text[a:b], date, options)
            shifted = [e.shifted(a) for e in coded.events]
            out.append(CodedSentence(coded.text, a, b, shifted, coded.discarded))
        return out

    def code_sentence(
        self, text: str, date: Day = None, options: CoderOptions | None = None
    ) -> CodedSentence:
        """Code one sentence into events."""
        opts = options or self.options
        found = self.discards.match(text)
        if found is not None:
            return CodedSentence(text, 0, len(text), [], found.phrase)
        day = as_day(date)
        tokens = tokenize(text)
        units, verbs = self._analyse(tokens, day)
        drop = clauses_to_drop(tokens, units, verbs, opts.comma)
        if drop:
            tokens = [t for i, t in enumerate(tokens) if i not in drop]
            units, verbs = self._analyse(tokens, day)
        roles = Roles(tokens, units, verbs)
        sentence = Sentence(tokens, units, self.verbs.synsets)
        events: dict[tuple[str, str, str], CodedEvent] = {}
        for verb in verbs:
            for event in self._code_verb(verb, sentence, roles, opts, text):
                events.setdefault((event.source, event.target, event.code), event)
        return CodedSentence(text, 0, len(text), list(events.values()))

    def _analyse(
        self, tokens: Sequence[Token], day: int | None
    ) -> tuple[list[Unit], list[VerbHit]]:
        hits = find_hits(tokens, self.actors, self.agents, day)
        verbs = find_verbs(tokens, self.verbs, hits)
        verb_at = {i for v in verbs for i in range(v.start, v.end)}
        return build_units(tokens, hits, verb_at), verbs

    def _patterns(self, verb: VerbHit) -> tuple[list[Pattern], Codes]:
        """Patterns of every block that lists this verb (a verb may sit in several)."""
        forms = [
            f for f in self.verbs.forms.get(verb.form.word, ())
            if f.before == verb.form.before and f.after == verb.form.after
        ]
        patterns = [p for f in forms for p in f.block.patterns]
        codes = next((f.codes for f in forms if not f.codes.empty), Codes())
        return patterns, codes

    def _code_verb(
        self, verb: VerbHit, s: Sentence, roles: Roles, opts: CoderOptions, text: str
    ) -> list[CodedEvent]:
        patterns, default = self._patterns(verb)
        match = best_match(patterns, s, verb.start, verb.end)
        if match is None and roles.governs_verb(verb):
            return []  # "will attack", "wants to attack": the second verb carries the event
        codes = match.pattern.codes if match else default
        if codes.empty:
            return []
        source, target, pairwise = choose_roles(verb, match, roles)
        if target is None and source is not None and source.compound and reciprocal(codes):
            pairwise = True  # "Brazil and the United States met": each met the other
        if opts.new_actor_length:
            n = opts.new_actor_length
            source = roles.new_actor(source or roles.phrase_before(verb), n)
            if not pairwise:
                target = roles.new_actor(target or roles.phrase_after(verb.end), n)
        negated = roles.negated(verb) and not covers_negation(match, s)
        if negated and opts.negation == "drop":
            return []
        pairs = code_pairs(source, None if pairwise else target, pairwise, opts.require_dyad)
        tokens = s.tokens
        where = tokens[verb.start].start, tokens[verb.end - 1].end
        verb_text = text[where[0]:where[1]]
        src_span = _span(tokens, source)
        tgt_span = _span(tokens, source if pairwise else target)
        src_text = text[src_span[0]:src_span[1]] if src_span else None
        tgt_text = text[tgt_span[0]:tgt_span[1]] if tgt_span else None
        label = f"line {match.pattern.line}: {match.pattern.text}" if match else None
        out: list[CodedEvent] = []
        for a, b in pairs:
            if codes.primary:
                out.append(CodedEvent(a, b, codes.primary, verb_text, *where, src_text, tgt_text,
                                      src_span, tgt_span, label, negated))
            if codes.secondary:
                out.append(CodedEvent(b, a, codes.secondary, verb_text, *where, tgt_text, src_text,
                                      tgt_span, src_span, label, negated))
        return out


def _span(tokens: Sequence[Token], unit: Unit | None) -> tuple[int, int] | None:
    if unit is None:
        return None
    return tokens[unit.start].start, tokens[unit.end - 1].end
