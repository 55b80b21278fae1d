"""Direct and indirect quotes, their speakers and cues, and who relays them.

Direct quotes are passages in quotation marks with a speech cue nearby (a reporting verb in
the same sentence, "so X", or a preceding sentence ending in a colon such as "Die KCNA
zitierte Kim mit den Worten:"). Indirect quotes are the content of a reporting verb: a
dass-clause, a comma clause in Konjunktiv I, or the object ("hob die Solidarität hervor").
Attribution phrases ("Nach Angaben der KCNA", "laut", "zufolge") name a source for the rest of
their sentence. What is asserted and who claims it are kept apart: the caller decides which
events inside quoted content count as asserted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from eventwire.clauses import PUNCT_BREAKS, ArgMention, SentenceView
from eventwire.events.modality import has_infinitive_marker
from eventwire.langpacks.schema import ReportingVerb
from eventwire.model import Span

CLOSING = ".!?\"'”“»«’"


@dataclass
class QuoteDraft:
    speaker: str | None
    kind: str
    cue: str | None
    cue_span: Span | None
    start: int
    end: int
    sentence: int
    reported_by: list[str] = field(default_factory=list)
    attribution: Literal["speech", "report"] = "speech"  # "report": 'laut X', 'X berichtete'


@dataclass
class Attribution:
    """What the quote finder learnt: quotes, and sources standing behind whole sentences."""

    quotes: list[QuoteDraft] = field(default_factory=list)
    sentence_sources: dict[int, list[str]] = field(default_factory=dict)
    quoted_ranges: list[tuple[int, int, str | None]] = field(default_factory=list)
    report_clauses: list[tuple[int, int]] = field(default_factory=list)
    direct_cues: set[int] = field(default_factory=set)


class QuoteFinder:
    def __init__(self, sv: SentenceView) -> None:
        self.sv = sv
        att = sv.pack.attribution
        self.verbs: dict[str, list[ReportingVerb]] = {}
        for v in att.reporting_verbs:
            self.verbs.setdefault(v.lemma.casefold(), []).append(v)
        self.phrases = sorted(
            ((p.phrase.split(), p.position) for p in att.attribution_phrases),
            key=lambda pp: -len(pp[0]),
        )
        self.phrase_starts = frozenset(words[0] for words, _ in self.phrases)
        self.result = Attribution()

    # -- helpers -------------------------------------------------------------------------------
    def reporting_verb(self, i: int, last: int) -> tuple[ReportingVerb, int | None] | None:
        """The reporting verb at token ``i`` and the position of its separated particle."""
        sv = self.sv
        options = self.verbs.get(sv.lemma(i)) or self.verbs.get(sv.low(i))
        if not options:
            return None  # most tokens: asked first, as every token of the document is asked
        word = sv.word(i)
        if not word[:1].isalpha():
            return None
        first_of_sentence = sv.ranges[sv.tokens[i].sentence][0] == i
        if word[0].isupper() and not first_of_sentence and sv.doc.lang == "de":
            return None
        if has_infinitive_marker(sv, i):
            return None  # 'nichts vorzuwerfen': an infinitive, not the speaker's verb
        _, clause_end = sv.clause_bounds(i)
        for v in sorted(options, key=lambda v: v.particle is None):
            if v.particle is None:
                return v, None
            for k in range(i + 1, clause_end + 1):
                if sv.low(k) == v.particle:
                    return v, k
            end = sv.ranges[sv.tokens[i].sentence][1]
            final = end - 1 if sv.word(end) in (".", "!", "?") else end
            if sv.doc.lang == "de" and final > clause_end and sv.low(final) == v.particle:
                return v, final  # '..., teilte der Leiter der Verwaltung, Ihor D., mit.'

        return None

    def speaker_of(self, verb: int) -> ArgMention | None:
        m = self.sv.subject_of(self.sv.finite_anchor(verb))
        if m is None or len(m.actors) != 1:
            return None
        return m

    def in_report_clause(self, i: int) -> bool:
        char = self.sv.tokens[i].start
        return any(a <= char < b for a, b in self.result.report_clauses)

    def inside_direct(self, char: int) -> bool:
        ranges = self.result.quoted_ranges
        return bool(ranges) and any(a <= char < b for a, b, _ in ranges)

    def add(
        self,
        speaker: str | None,
        kind: str,
        cue: str | None,
        cue_span: Span | None,
        first: int,
        last: int,
    ) -> QuoteDraft | None:
        sv = self.sv
        while last > first and sv.word(last) in CLOSING + ",;:":
            last -= 1
        while first < last and sv.word(first) in PUNCT_BREAKS | set(CLOSING):
            first += 1
        if last - first < 1:
            return None
        q = QuoteDraft(
            speaker,
            kind,
            cue,
            cue_span,
            sv.tokens[first].start,
            sv.tokens[last].end,
            sv.tokens[first].sentence,
        )
        self.result.quotes.append(q)
        return q

    def cue_span(self, i: int, particle: int | None) -> tuple[str, Span]:
        sv = self.sv
        t = sv.tokens[i]
        if particle is None:
            return t.text, Span(text=t.text, start=t.start, end=t.end)
        p = sv.tokens[particle]
        return f"{t.text} ... {p.text}", Span(
            text=sv.doc.text[t.start : p.end], start=t.start, end=p.end
        )
