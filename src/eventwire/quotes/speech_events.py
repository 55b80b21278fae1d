"""Speech events of a document: every cue with its source and message as text spans.

Kept apart from ``doc.quotes`` on purpose: quotes are the statements events and claims are
built on, speech events also cover 'ich glaube', 'Ihr Antrag' and 'aus unserer Sicht', which
would flood those. A speech event whose cue is a quote's cue points to the quote and takes its
speaker and words.
"""

from __future__ import annotations

from eventwire.clauses import SentenceView
from eventwire.model import Quote, Span, SpeechEvent
from eventwire.quotes.cues import cue_lexicon, find_cues
from eventwire.quotes.roles import Range, RoleFinder


def _span(sv: SentenceView, r: Range | None) -> Span | None:
    if r is None:
        return None
    a, b = sv.tokens[r[0]].start, sv.tokens[r[1]].end
    return Span(text=sv.doc.text[a:b], start=a, end=b)


def _token_span(sv: SentenceView, i: int) -> Span:
    t = sv.tokens[i]
    return Span(text=t.text, start=t.start, end=t.end)


def _speaker(sv: SentenceView, r: Range | None) -> str | None:
    """The actor named by the source words, when exactly one is."""
    if r is None:
        return None
    actors = {a for m in sv.mentions if r[0] <= m.first and m.last <= r[1] for a in m.actors}
    return next(iter(actors)) if len(actors) == 1 else None


def find_speech_events(sv: SentenceView, quotes: list[Quote]) -> list[SpeechEvent]:
    """All speech events of the document, numbered in text order."""
    if not sv.pack.speech_events.verbs and not sv.pack.speech_events.nouns:
        return []
    lex = cue_lexicon(sv.doc.lang or "de")
    roles = RoleFinder(sv, lex)
    by_cue = {q.cue_span.start: q for q in quotes if q.cue_span is not None}
    out: list[SpeechEvent] = []
    for s in sv.doc.sentences:
        if s.boilerplate or s.index not in sv.ranges:
            continue
        first, last = sv.ranges[s.index]
        for cue in find_cues(sv, lex, first, last):
            source = roles.source(cue)
            message = _span(sv, roles.message(cue, source))
            quote = by_cue.get(sv.tokens[cue.head].start)
            speaker = _speaker(sv, source)
            if quote is not None:
                speaker = quote.speaker or speaker
                message = Span(text=quote.text, start=quote.start, end=quote.end)
            out.append(SpeechEvent(
                id=f"s{len(out) + 1}",
                cue=[_token_span(sv, k) for k in cue.words],
                particle=_token_span(sv, cue.particle) if cue.particle is not None else None,
                source=_span(sv, source),
                speaker=speaker,
                message=message,
                quote=quote.id if quote is not None else None,
                sentence=s.index,
            ))
    return out
