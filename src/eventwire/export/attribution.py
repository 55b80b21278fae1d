"""Who says an event happened: the chain outlet -> agency -> speaker behind each record.

GDELT's rows cannot be checked because nothing says where their claims come from. Here every
event and quote carries the chain the text gives: the outlet that published the article, the
actors the text attributes the report to (outermost first), and the speaker whose quote holds
the event. The API, the web UI and the native export all show the same chain.
"""

from __future__ import annotations

from typing import Literal, TypedDict
from urllib.parse import urlsplit

from eventwire.model import Document, Event, Quote

LinkRole = Literal["outlet", "reported_by", "speaker"]


class Link(TypedDict):
    role: LinkRole
    name: str | None
    actor_id: str | None


def outlet_name(doc: Document) -> str | None:
    """The publishing outlet: the metadata's source, else the URL's host."""
    if doc.source:
        return doc.source
    host = urlsplit(doc.url or "").hostname if doc.url else None
    return host or None


def _actor_link(doc: Document, role: LinkRole, actor_id: str) -> Link:
    actor = doc.actor(actor_id)
    return Link(role=role, name=actor.name if actor else actor_id, actor_id=actor_id)


def _chain(doc: Document, reported_by: list[str], speaker: str | None) -> list[Link]:
    chain = [Link(role="outlet", name=outlet_name(doc), actor_id=None)]
    chain += [_actor_link(doc, "reported_by", a) for a in reported_by]
    if speaker and speaker not in reported_by:
        chain.append(_actor_link(doc, "speaker", speaker))
    return chain


def quote_holding(doc: Document, event: Event) -> Quote | None:
    """The quote whose span holds the event's trigger (else overlaps its evidence)."""
    span = event.trigger or event.evidence
    for quote in doc.quotes:
        if quote.start <= span.start and span.end <= quote.end:
            return quote
    return next((q for q in doc.quotes
                 if q.start < event.evidence.end and event.evidence.start < q.end
                 and event.trigger is None), None)


def event_chain(doc: Document, event: Event) -> list[Link]:
    """outlet -> actors the text cites -> the speaker of the quote the event was coded from."""
    quote = quote_holding(doc, event)
    reported = list(event.reported_by)
    if quote is not None:
        reported += [a for a in quote.reported_by if a not in reported]
    return _chain(doc, reported, quote.speaker if quote else None)


def quote_chain(doc: Document, quote: Quote) -> list[Link]:
    return _chain(doc, list(quote.reported_by), quote.speaker)


def chain_text(chain: list[Link]) -> str:
    """``RT -> Korean Central News Agency -> Kim Jong Un`` for flat files."""
    return " -> ".join(link["name"] or "(outlet unknown)" for link in chain)
