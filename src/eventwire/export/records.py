"""Every matching event with the stored document it came from, read page by page.

Exporters need more than an event row: the actors' sectors and Wikidata ids for PLOVER, the
paragraph for GDELT's IsRootEvent, the quotes for the attribution chain. Documents are read once
and kept in a small cache, so a large export holds one page of events and a few documents in
memory at a time.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

from eventwire.model import Document, Event
from eventwire.store.base import EventFilter, EventRow, Store, StoreError
from eventwire.store.reports import ingest_times

PAGE = 500


@dataclass(frozen=True)
class Record:
    """One event to export: the store's row, the model event and its document."""

    row: EventRow
    event: Event
    doc: Document
    ingested: dt.datetime | None


class _Documents:
    """A least-recently-used cache of stored documents."""

    def __init__(self, store: Store, size: int = 128) -> None:
        self._store = store
        self._size = size
        self._docs: OrderedDict[str, Document] = OrderedDict()

    def get(self, document_id: str) -> Document:
        doc = self._docs.pop(document_id, None)
        if doc is None:
            doc = self._store.get_document(document_id)
        self._docs[document_id] = doc
        while len(self._docs) > self._size:
            self._docs.popitem(last=False)
        return doc


def model_event(row: EventRow) -> Event:
    """The contract event inside a store row (the row adds document fields and names)."""
    return Event.model_validate({k: row[k] for k in Event.model_fields if k in row})


def iter_records(store: Store, filters: EventFilter | None = None, *,
                 limit: int | None = None) -> Iterator[Record]:
    """Matching events in the store's order (newest first), at most ``limit``."""
    docs = _Documents(store)
    seen = 0
    offset = 0
    while limit is None or seen < limit:
        size = PAGE if limit is None else min(PAGE, limit - seen)
        rows, _ = store.events(filters, limit=size, offset=offset)
        if not rows:
            return
        times = _times(store, {r["document_id"] for r in rows})
        for row in rows:
            yield Record(row, model_event(row), docs.get(row["document_id"]),
                         times.get(row["document_id"]))
        seen += len(rows)
        offset += len(rows)
        if len(rows) < size:
            return


def _times(store: Store, ids: set[str]) -> dict[str, dt.datetime]:
    """Ingest times where the store can tell them (the SQL stores can)."""
    try:
        return ingest_times(store, ids)
    except StoreError:  # a store without SQL tables has no ingest times: DATEADDED stays empty
        return {}
