"""What one event card shows: who did what to whom, when, where, the evidence sentence with its
trigger marked, and the attribution chain. Plain data; the template escapes every string."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from eventwire.export.attribution import Link, event_chain
from eventwire.export.records import model_event
from eventwire.model import Document, Event
from eventwire.store.base import EventRow, Store

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
         4: "material conflict"}


@dataclass(frozen=True)
class Card:
    document_id: str
    event: Event
    source_names: list[str]
    target_names: list[str]
    before: str
    trigger: str
    after: str
    chain: list[Link]
    article_link: str
    published: str | None
    title: str | None

    @property
    def quad_name(self) -> str:
        return QUADS.get(self.event.quad or 0, "unscored")


def article_link(document_id: str, event_id: str | None = None) -> str:
    """A relative link to the article view; ids are percent-encoded, never pasted raw."""
    link = "/articles/" + quote(document_id, safe="")
    return link + (f"#ev-{event_id}" if event_id else "")


def query_link(path: str, params: dict[str, Any]) -> str:
    """``path?a=1&b=2`` without empty values (templates escape the ``&``)."""
    kept = [(k, v) for k, v in params.items() if v not in (None, "", [], ())]
    flat: list[tuple[str, Any]] = []
    for k, v in kept:
        flat += [(k, x) for x in v] if isinstance(v, list | tuple) else [(k, v)]
    return path + ("?" + urlencode(flat) if flat else "")


def evidence_parts(event: Event) -> tuple[str, str, str]:
    """The evidence sentence split around the trigger (whole sentence when they do not nest)."""
    ev, trig = event.evidence, event.trigger
    if trig is None or not (ev.start <= trig.start < trig.end <= ev.end):
        return ev.text, "", ""
    a, b = trig.start - ev.start, trig.end - ev.start
    return ev.text[:a], ev.text[a:b], ev.text[b:]


def safe_web_link(url: str | None) -> str | None:
    """The URL when it is an http(s) link; anything else (``javascript:``, ``data:``) is shown
    as text only, never as a link."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


class Documents:
    """Documents read once per page view."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[str, Document] = {}

    def get(self, document_id: str) -> Document:
        if document_id not in self.cache:
            self.cache[document_id] = self.store.get_document(document_id)
        return self.cache[document_id]


def card(row: EventRow, docs: Documents) -> Card:
    event = model_event(row)
    doc = docs.get(row["document_id"])
    before, trigger, after = evidence_parts(event)
    return Card(document_id=row["document_id"], event=event,
                source_names=list(row["source_names"]), target_names=list(row["target_names"]),
                before=before, trigger=trigger, after=after, chain=event_chain(doc, event),
                article_link=article_link(row["document_id"], event.id),
                published=row.get("published"), title=doc.title)


def doc_card(doc: Document, event: Event) -> Card:
    """A card for an event of a document already in hand (the article view)."""
    names = {a.id: a.name for a in doc.actors}
    before, trigger, after = evidence_parts(event)
    return Card(document_id=doc.id, event=event,
                source_names=[names.get(i, i) for i in event.source],
                target_names=[names.get(i, i) for i in event.target],
                before=before, trigger=trigger, after=after, chain=event_chain(doc, event),
                article_link=article_link(doc.id, event.id),
                published=doc.published.isoformat() if doc.published else None, title=doc.title)
