"""Turn a :class:`Document` into table rows and rows back into the same document.

Pure functions, no database: the writer and the reader call them, and they are where a new
model field or column has to be mapped. Tokens are not stored (they are bulky and rebuilt by
the pipeline in milliseconds); everything else round-trips.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Table

from eventwire.model import Actor, Document, Event, Place, Quote, TimeExpr
from eventwire.store import schema
from eventwire.store.base import StoreError
from eventwire.store.dates import day_range

Row = dict[str, Any]
Stored = Mapping[Any, Any]
"""A row as read back (SQLAlchemy's RowMapping, or any mapping of column names)."""
DERIVED = frozenset({"document_id", "position", "search", "extra", "nonfactual", "date_start",
                     "date_end"})
DOCUMENT_COLUMNS = ("url", "source", "title", "lang", "published", "published_from", "text")
NOT_STORED = frozenset({"tokens", "actors", "events", "nonfactual_events", "quotes", "timex",
                        "places"})
ROLES = (("source", "source"), ("target", "target"), ("reporter", "reported_by"))


@dataclass(frozen=True)
class Part:
    """How one list of the document maps onto a table: the id column and the field columns."""

    attr: str
    table: Table
    key: str
    model: type[BaseModel]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.table.columns if c.name not in DERIVED | {self.key})


ACTORS = Part("actors", schema.actors, "actor_id", Actor)
EVENTS = Part("events", schema.events, "event_id", Event)
QUOTES = Part("quotes", schema.quotes, "quote_id", Quote)
TIMEX = Part("timex", schema.timex, "timex_id", TimeExpr)
PLACES = Part("places", schema.places, "place_id", Place)
PARTS = (ACTORS, EVENTS, QUOTES, TIMEX, PLACES)


def content_hash(text: str) -> str:
    """The text's identity: NFC and whitespace runs normalised, so CRLF vs LF is no change."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def fold(text: str) -> str:
    """Case-fold for substring search; the same fold is applied to the pattern."""
    return unicodedata.normalize("NFC", text).casefold()


def document_row(doc: Document, document_id: str, digest: str, now: dt.datetime) -> Row:
    data = doc.model_dump(mode="json")
    row: Row = {"id": document_id, "content_hash": digest, "ingested_at": now, "updated_at": now}
    for name in DOCUMENT_COLUMNS:
        row[name] = data.pop(name, None)
    row["published"] = doc.published
    row["source_key"] = fold(doc.source) if doc.source else None
    data.pop("id", None)
    row["extra"] = {k: v for k, v in data.items() if k not in NOT_STORED}
    return row


def item_row(part: Part, document_id: str, position: int, item: BaseModel) -> Row:
    data = item.model_dump(mode="json")
    row: Row = {"document_id": document_id, part.key: data.pop("id"), "position": position}
    for name in part.fields:
        row[name] = data.pop(name, None)
    row["extra"] = data
    return row


def check_ids(doc: Document) -> None:
    """Ids must be unique per list (events and non-factual events share one id space)."""
    lists: dict[str, Sequence[Actor | Event | Quote | TimeExpr | Place]] = {
        "actors": doc.actors, "events": [*doc.events, *doc.nonfactual_events],
             "quotes": doc.quotes, "timex": doc.timex, "places": doc.places}
    for name, items in lists.items():
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                raise StoreError(f"document {doc.id!r}: {name} id {item.id!r} occurs twice; "
                                 "ids must be unique within a document")
            seen.add(item.id)


def child_rows(doc: Document, document_id: str) -> dict[Table, list[Row]]:
    """Rows for every table below ``documents``, in list order."""
    rows: dict[Table, list[Row]] = {}
    rows[schema.actors] = [_actor_row(document_id, n, a) for n, a in enumerate(doc.actors)]
    coded = [(e, False) for e in doc.events] + [(e, True) for e in doc.nonfactual_events]
    rows[schema.events] = [_event_row(document_id, n, e, nonfactual)
                           for n, (e, nonfactual) in enumerate(coded)]
    rows[schema.event_actors] = list(_event_actor_rows(document_id, [e for e, _ in coded]))
    rows[schema.quotes] = [item_row(QUOTES, document_id, n, q) for n, q in enumerate(doc.quotes)]
    rows[schema.timex] = [item_row(TIMEX, document_id, n, t) for n, t in enumerate(doc.timex)]
    rows[schema.places] = [item_row(PLACES, document_id, n, p) for n, p in enumerate(doc.places)]
    return rows


def _actor_row(document_id: str, position: int, actor: Actor) -> Row:
    row = item_row(ACTORS, document_id, position, actor)
    names = [actor.name, actor.kb_id or "", *(m.text for m in actor.mentions)]
    row["search"] = fold("\n".join(dict.fromkeys(names)))
    return row


def _event_row(document_id: str, position: int, event: Event, nonfactual: bool) -> Row:
    row = item_row(EVENTS, document_id, position, event)
    row["nonfactual"] = nonfactual
    row["date_start"], row["date_end"] = day_range(event.date)
    row["search"] = fold(event.evidence.text)
    return row


def _event_actor_rows(document_id: str, coded: list[Event]) -> Iterator[Row]:
    for event in coded:
        for role, attr in ROLES:
            for n, actor_id in enumerate(getattr(event, attr)):
                yield {"document_id": document_id, "event_id": event.id, "role": role,
                       "position": n, "actor_id": actor_id}


def item_record(part: Part, row: Stored) -> Row:
    """The model's JSON form of one stored item."""
    record: Row = dict(row["extra"] or {})
    record["id"] = row[part.key]
    for name in part.fields:
        record[name] = row[name]
    return record


def document_from_rows(row: Stored, children: Mapping[str, Sequence[Stored]]) -> Document:
    """Rebuild a document from its row and its children's rows (each list in order)."""
    record: Row = dict(row["extra"] or {})
    record["id"] = row["id"]
    for name in DOCUMENT_COLUMNS:
        record[name] = row[name]
    for part in (ACTORS, QUOTES, TIMEX, PLACES):
        record[part.attr] = [item_record(part, r) for r in children.get(part.attr, [])]
    coded = children.get("events", [])
    record["events"] = [item_record(EVENTS, r) for r in coded if not r["nonfactual"]]
    record["nonfactual_events"] = [item_record(EVENTS, r) for r in coded if r["nonfactual"]]
    return Document.model_validate(record)
