"""Article text cut into pieces, each with the annotations that cover it.

Spans (actor mentions, event evidence and triggers, quotes, time expressions, places) overlap
freely, so the text is cut at every span boundary and each piece lists what covers it. The
template writes each piece as one element whose text and attributes go through autoescaping:
no markup is ever built by string concatenation, so article text cannot become markup.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from eventwire.model import Document

KINDS = ("actor", "evidence", "trigger", "quote", "timex", "place")


@dataclass(frozen=True)
class Mark:
    kind: str
    ref: str
    start: int
    end: int
    note: str


@dataclass
class Piece:
    text: str
    start: int
    kinds: list[str] = field(default_factory=list)
    refs: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in KINDS if k in self.kinds)

    def ref(self, kind: str) -> str:
        return " ".join(self.refs.get(kind, []))

    @property
    def title(self) -> str:
        return " · ".join(dict.fromkeys(self.notes))


def marks(doc: Document) -> list[Mark]:
    """Every span the article view shows, clipped to the text."""
    out: list[Mark] = []
    for actor in doc.actors:
        where = ", ".join(x for x in (actor.type, actor.country, actor.role) if x)
        for m in actor.mentions:
            out.append(Mark("actor", actor.id, m.start, m.end, f"actor: {actor.name} ({where})"))
    for event in doc.events:
        note = f"event {event.id}: {event.type}" + (f"/{event.mode}" if event.mode else "")
        out.append(Mark("evidence", event.id, event.evidence.start, event.evidence.end, note))
        if event.trigger is not None:
            out.append(Mark("trigger", event.id, event.trigger.start, event.trigger.end, note))
    for quote in doc.quotes:
        speaker = doc.actor(quote.speaker) if quote.speaker else None
        who = speaker.name if speaker else "unknown speaker"
        out.append(Mark("quote", quote.id, quote.start, quote.end,
                        f"{quote.kind} quote {quote.id}: {who}"))
    for t in doc.timex:
        out.append(Mark("timex", t.id, t.start, t.end, f"time: {t.value or 'unresolved'}"))
    for place in doc.places:
        for m in place.mentions:
            out.append(Mark("place", place.id, m.start, m.end,
                            f"place: {place.name}" + (f" ({place.country})" if place.country
                                                      else "")))
    size = len(doc.text)
    return [Mark(m.kind, m.ref, max(0, m.start), min(size, m.end), m.note)
            for m in out if 0 <= m.start < m.end and m.start < size]


def pieces(doc: Document) -> list[Piece]:
    """The text in order as pieces; concatenating their ``text`` gives ``doc.text`` back."""
    found = marks(doc)
    cuts = sorted({0, len(doc.text), *(m.start for m in found), *(m.end for m in found)})
    anchors: dict[int, list[str]] = {}
    for m in found:
        if m.kind in ("evidence", "quote"):
            anchors.setdefault(m.start, []).append(f"{'ev' if m.kind == 'evidence' else 'qu'}-"
                                                   f"{m.ref}")
    out = []
    for start, end in itertools.pairwise(cuts):
        piece = Piece(doc.text[start:end], start, anchors=anchors.get(start, []))
        for m in found:
            if m.start <= start and end <= m.end:
                if m.kind not in piece.kinds:
                    piece.kinds.append(m.kind)
                piece.refs.setdefault(m.kind, []).append(m.ref)
                piece.notes.append(m.note)
        out.append(piece)
    return out
