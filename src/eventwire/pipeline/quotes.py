"""Quote and attribution stage: ``doc.quotes`` and the sources behind sentences."""

from __future__ import annotations

from typing import ClassVar

from eventwire.clauses import SentenceView
from eventwire.langpacks import load_pack
from eventwire.model import Document, Quote
from eventwire.quotes.direct import find_direct
from eventwire.quotes.finder import QuoteDraft, QuoteFinder
from eventwire.quotes.indirect import (
    find_attribution_phrases,
    find_continuations,
    find_indirect,
    find_report_sentences,
)
from eventwire.quotes.speech_events import find_speech_events


def _media_relays(doc: Document, drafts: list[QuoteDraft]) -> None:
    """'sagte sie im Gespräch mit der Nachrichtenagentur RIA': a news outlet named in the
    quote's sentence, outside the quoted words, carried the quote."""
    for actor in doc.actors:
        if actor.sector != "MED" or actor.kb_id is None or actor.type != "organization":
            continue
        for m in actor.mentions:
            for q in drafts:
                if (
                    m.sentence == q.sentence
                    and not q.start <= m.start < q.end
                    and actor.id != q.speaker
                    and actor.id not in q.reported_by
                ):
                    q.reported_by.append(actor.id)


def _attach_reporters(drafts: list[QuoteDraft], sentence_sources: dict[int, list[str]]) -> None:
    """Outermost source first: a sentence's named source, then the relay that quoted the speaker."""
    for q in drafts:
        for source in sentence_sources.get(q.sentence, []):
            if source != q.speaker and source not in q.reported_by:
                q.reported_by.insert(0, source)
    relays: dict[str, list[str]] = {}
    for q in drafts:
        if q.speaker and q.reported_by:
            relays.setdefault(q.speaker, q.reported_by)
    for q in drafts:
        if q.speaker and not q.reported_by and q.speaker in relays:
            q.reported_by = list(relays[q.speaker])


def _dedupe(drafts: list[QuoteDraft]) -> list[QuoteDraft]:
    kept: list[QuoteDraft] = []
    for q in sorted(drafts, key=lambda q: (q.start, -(q.end - q.start))):
        if any(k.start <= q.start and q.end <= k.end for k in kept):
            continue
        kept.append(q)
    return kept


class QuoteExtractor:
    name: ClassVar[str] = "quotes"
    requires: ClassVar[frozenset[str]] = frozenset({"actors", "timex"})
    assigns: ClassVar[frozenset[str]] = frozenset({"quotes", "speech_events"})

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens:
            return doc
        sv = SentenceView.of(doc, load_pack(doc.lang or "de"))
        qf = QuoteFinder(sv)
        find_direct(qf)
        find_report_sentences(qf)
        first_reports = len(qf.result.quotes)
        find_attribution_phrases(qf)
        for q in qf.result.quotes[first_reports:]:
            q.attribution = "report"  # 'laut X', 'nach Angaben von X': sourced facts
        find_indirect(qf)
        find_continuations(qf)
        drafts = qf.result.quotes
        _media_relays(doc, drafts)
        _attach_reporters(drafts, qf.result.sentence_sources)
        for index, sources in qf.result.sentence_sources.items():
            if 0 <= index < len(doc.sentences):
                doc.sentences[index].reported_by = list(dict.fromkeys(sources))
        doc.quotes = [
            Quote(
                id=f"q{n}",
                speaker=q.speaker,
                kind=q.kind,
                attribution=q.attribution,
                cue=q.cue,
                cue_span=q.cue_span,
                text=doc.text[q.start : q.end],
                start=q.start,
                end=q.end,
                reported_by=q.reported_by,
                sentence=q.sentence,
            )
            for n, q in enumerate(_dedupe(drafts), 1)
        ]
        doc.speech_events = find_speech_events(sv, doc.quotes)
        return doc
