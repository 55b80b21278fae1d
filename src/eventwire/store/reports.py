"""Reads the HTTP API, the web UI and the exporters need beyond the :class:`Store` protocol.

Events per period and quad class for the timeline chart, the events between two actors for the
dyad view, and when documents were ingested for GDELT's DATEADDED. Same rules as the store's own
queries: SQLAlchemy Core on the public tables, no dialect functions, filters reused from
``queries.event_conditions`` so every view filters exactly as ``GET /api/events`` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, TypedDict

from sqlalchemy import Connection, and_, func, or_, select

from eventwire.model import Event
from eventwire.store import schema
from eventwire.store.base import EventFilter, EventRow, Page, Period, Store
from eventwire.store.dates import period_label
from eventwire.store.graph import read
from eventwire.store.queries import DAY, EVENT_FROM, actor_match, event_conditions, involves
from eventwire.store.rows import EVENTS, item_record

D, E, A = schema.documents, schema.events, schema.actors


class QuadCount(TypedDict):
    period: str
    quad: int | None
    events: int


def counts_by_period(store: Store, filters: EventFilter | None, by: Period) -> list[QuadCount]:
    """Matching events per period (by event date, else publication date) and quad class."""
    conditions = [*event_conditions(filters or EventFilter()), DAY.is_not(None)]
    query = (select(DAY.label("day"), E.c.quad, func.count().label("n"))
             .select_from(EVENT_FROM).where(*conditions).group_by(DAY, E.c.quad))

    def run(conn: Connection) -> list[QuadCount]:
        buckets: dict[tuple[str, int], int] = {}
        for r in conn.execute(query):
            day = r.day if isinstance(r.day, dt.date) else dt.date.fromisoformat(r.day)
            key = (period_label(day, by), r.quad if r.quad is not None else 0)
            buckets[key] = buckets.get(key, 0) + int(r.n)
        return [QuadCount(period=p, quad=q or None, events=n)
                for (p, q), n in sorted(buckets.items())]

    return read(store, run)


def dyad_events(store: Store, a: str, b: str, filters: EventFilter | None = None, *,
                limit: int | None = 50, offset: int = 0) -> Page[EventRow]:
    """Events with ``a`` as a source and ``b`` as a target, or the reverse, newest first.

    ``a`` and ``b`` match as in :meth:`Store.dyad` (a name, KB id, or ``country:ISO3``).
    """
    ma, mb = _match(a), _match(b)
    between = or_(and_(involves(("source",), ma), involves(("target",), mb)),
                  and_(involves(("source",), mb), involves(("target",), ma)))
    conditions = [*event_conditions(filters or EventFilter()), between]
    query = (select(E, D.c.published, D.c.source.label("outlet"), D.c.url)
             .select_from(EVENT_FROM).where(*conditions))

    def run(conn: Connection) -> Page[EventRow]:
        total = conn.scalar(select(func.count()).select_from(
            query.with_only_columns(E.c.event_id).subquery())) or 0
        ordered = query.order_by(DAY.desc().nulls_last(), E.c.document_id, E.c.position)
        if limit is not None:
            ordered = ordered.limit(limit)
        found = list(conn.execute(ordered.offset(offset)).mappings())
        names = _names(conn, {r["document_id"] for r in found})
        return Page([_row(r, names) for r in found], int(total))

    return read(store, run)


def _match(spec: str) -> Any:
    """A bare ISO3 code (``RUS``) means the country, as :meth:`Store.dyad` reads it."""
    if len(spec) == 3 and spec.isalpha() and spec.isupper():
        spec = f"country:{spec}"
    return actor_match(spec)


def _names(conn: Connection, document_ids: Iterable[str]) -> dict[tuple[str, str], Any]:
    ids = sorted(document_ids)
    if not ids:
        return {}
    query = select(A.c.document_id, A.c.actor_id, A.c.name, A.c.type, A.c.country, A.c.kb_id)
    return {(r.document_id, r.actor_id): r
            for r in conn.execute(query.where(A.c.document_id.in_(ids)))}


def _row(row: Any, names: dict[tuple[str, str], Any]) -> EventRow:
    """The same shape as :meth:`Store.events` rows."""
    record = Event.model_validate(item_record(EVENTS, row)).model_dump(mode="json")
    doc = row["document_id"]
    published = row["published"]
    record.update(document_id=doc, nonfactual=bool(row["nonfactual"]),
                  published=published.isoformat() if published else None,
                  outlet=row["outlet"], url=row["url"])
    for attr in ("source", "target", "reported_by"):
        record[f"{attr}_names"] = [names[(doc, i)].name if (doc, i) in names else i
                                   for i in record[attr]]
    named = dict.fromkeys([*record["source"], *record["target"], *record["reported_by"]])
    record["actors"] = {i: {"name": names[(doc, i)].name, "type": names[(doc, i)].type,
                            "country": names[(doc, i)].country,
                            "kb_id": names[(doc, i)].kb_id}
                        for i in named if (doc, i) in names}
    return record


def ingest_times(store: Store, document_ids: Iterable[str]) -> dict[str, dt.datetime]:
    """When each document was first stored (UTC)."""
    ids = sorted(set(document_ids))
    if not ids:
        return {}

    def run(conn: Connection) -> dict[str, dt.datetime]:
        rows = conn.execute(select(D.c.id, D.c.ingested_at).where(D.c.id.in_(ids)))
        out = {}
        for r in rows:
            when = r.ingested_at
            if isinstance(when, str):
                when = dt.datetime.fromisoformat(when)
            if when.tzinfo is None:
                when = when.replace(tzinfo=dt.UTC)
            out[r.id] = when.astimezone(dt.UTC)
        return out

    return read(store, run)
