"""Coded documents as flat rows for Parquet: documents, events, actors, quotes and copies.

Plain functions and column lists, no Spark: the Spark engine turns the column lists into its
schema, and tests compare these rows with what the local engine stored. Nested values that
have no fixed shape (an event's place, an actor's mentions) are JSON strings; lists of actor
ids are lists. ``date`` is the publication day (``unknown`` without one): the partition key.
"""

from __future__ import annotations

import json
from typing import Any

from eventwire.model import Actor, Document, Event, Quote

Columns = tuple[tuple[str, str], ...]
UNKNOWN_DATE = "unknown"

DOCUMENT: Columns = (
    ("lang", "STRING"), ("published", "DATE"), ("published_from", "STRING"),
    ("source", "STRING"), ("url", "STRING"), ("title", "STRING"), ("text", "STRING"),
    ("errors", "ARRAY<STRING>"),
)
EVENT: Columns = (
    ("event_id", "STRING"), ("type", "STRING"), ("mode", "STRING"), ("cameo", "STRING"),
    ("quad", "INT"), ("intensity", "DOUBLE"), ("source", "ARRAY<STRING>"),
    ("target", "ARRAY<STRING>"), ("event_date", "STRING"), ("date_text", "STRING"),
    ("place", "STRING"), ("reported_by", "ARRAY<STRING>"), ("evidence_text", "STRING"),
    ("evidence_start", "INT"), ("evidence_end", "INT"), ("confidence", "DOUBLE"),
    ("factuality", "STRING"), ("nonfactual", "BOOLEAN"), ("sentence", "INT"),
)
ACTOR: Columns = (
    ("actor_id", "STRING"), ("name", "STRING"), ("type", "STRING"), ("country", "STRING"),
    ("role", "STRING"), ("kb_id", "STRING"), ("sector", "STRING"), ("cameo", "STRING"),
    ("wikidata", "STRING"), ("state_media", "BOOLEAN"), ("confidence", "DOUBLE"),
    ("mentions", "STRING"),
)
QUOTE: Columns = (
    ("quote_id", "STRING"), ("speaker", "STRING"), ("kind", "STRING"),
    ("attribution", "STRING"), ("cue", "STRING"), ("text", "STRING"), ("start", "INT"),
    ("end", "INT"), ("reported_by", "ARRAY<STRING>"), ("sentence", "INT"),
)


def struct(columns: Columns) -> str:
    """The columns as a Spark SQL DDL struct body (names quoted: ``end`` is a keyword)."""
    return ", ".join(f"`{name}` {kind}" for name, kind in columns)


def partition_date(doc: Document) -> str:
    return doc.published.isoformat() if doc.published else UNKNOWN_DATE


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def document_row(doc: Document) -> tuple[Any, ...]:
    return (doc.lang, doc.published, doc.published_from, doc.source, doc.url, doc.title,
            doc.text, list(doc.errors))


def event_row(event: Event, nonfactual: bool) -> tuple[Any, ...]:
    place = event.place.model_dump(mode="json") if event.place else None
    return (event.id, event.type, event.mode, event.cameo, event.quad, event.intensity,
            list(event.source), list(event.target), event.date, event.date_text, _json(place),
            list(event.reported_by), event.evidence.text, event.evidence.start,
            event.evidence.end, event.confidence, event.factuality, nonfactual, event.sentence)


def actor_row(actor: Actor) -> tuple[Any, ...]:
    return (actor.id, actor.name, actor.type, actor.country, actor.role, actor.kb_id,
            actor.sector, actor.cameo, actor.wikidata, actor.state_media, actor.confidence,
            _json([m.model_dump(mode="json") for m in actor.mentions]))


def quote_row(quote: Quote) -> tuple[Any, ...]:
    return (quote.id, quote.speaker, quote.kind, quote.attribution, quote.cue, quote.text,
            quote.start, quote.end, list(quote.reported_by), quote.sentence)


def parts(doc: Document) -> tuple[tuple[Any, ...], list[tuple[Any, ...]],
                                  list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """(document, events, actors, quotes) rows of one coded document."""
    events = [event_row(e, False) for e in doc.events]
    events += [event_row(e, True) for e in doc.nonfactual_events]
    return (document_row(doc), events, [actor_row(a) for a in doc.actors],
            [quote_row(q) for q in doc.quotes])
