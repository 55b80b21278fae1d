"""Reads, each a function of a connection: filters become SQL conditions, rows become dicts.

Written once in SQLAlchemy Core for SQLite and PostgreSQL alike: no JSON operators, no
dialect date functions. Case-insensitive matching compares pre-folded columns with a folded
pattern; weeks and months are bucketed in Python from per-day counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    and_,
    distinct,
    func,
    literal,
    or_,
    select,
)

from eventwire.model import Document, Event
from eventwire.store import schema
from eventwire.store.base import (
    ActorFilter,
    ActorRow,
    CountOptions,
    CountRow,
    DocumentFilter,
    DocumentRow,
    EventFilter,
    EventRow,
    Page,
)
from eventwire.store.dates import period_label
from eventwire.store.rows import EVENTS, PARTS, Stored, document_from_rows, fold, item_record

D, E, A, EA = schema.documents, schema.events, schema.actors, schema.event_actors
PARTIES = ("source", "target")
EVENT_FROM = E.join(D, D.c.id == E.c.document_id)
DAY = func.coalesce(E.c.date_start, D.c.published)
DOCUMENT_FIELDS = ("id", "url", "source", "title", "lang", "published", "published_from",
                   "content_hash", "ingested_at", "updated_at")
Match = Callable[[Any], ColumnElement[bool]]


def actor_match(spec: str) -> Match:
    """``country:DEU`` matches every German actor; anything else an actor id, or a substring
    of a name, KB id or mention."""
    if spec.lower().startswith("country:"):
        code = spec.split(":", 1)[1].strip().upper()
        return lambda a: a.c.country == code
    pattern = fold(spec.strip())
    return lambda a: or_(a.c.actor_id == spec, a.c.search.contains(pattern, autoescape=True))


def involves(roles: Sequence[str], match: Match) -> ColumnElement[bool]:
    """The event has, in one of ``roles``, an actor that ``match`` accepts."""
    ea, a = EA.alias(), A.alias()
    return (select(literal(1))
            .where(ea.c.document_id == E.c.document_id, ea.c.event_id == E.c.event_id,
                   ea.c.role.in_(roles), a.c.document_id == ea.c.document_id,
                   a.c.actor_id == ea.c.actor_id, match(a))
            .exists())


def _window(since: dt.date | None, until: dt.date | None) -> list[ColumnElement[bool]]:
    conditions = []
    if since:
        conditions.append(func.coalesce(E.c.date_end, D.c.published) >= since)
    if until:
        conditions.append(func.coalesce(E.c.date_start, D.c.published) <= until)
    return conditions


def event_conditions(f: EventFilter) -> list[ColumnElement[bool]]:
    conditions = _window(f.since, f.until)
    if not f.include_nonfactual:
        conditions.append(E.c.nonfactual.is_(False))
    if f.types:
        conditions.append(E.c.type.in_(f.types))
    if f.document_id:
        conditions.append(E.c.document_id == f.document_id)
    if f.actor:
        conditions.append(involves(PARTIES, actor_match(f.actor)))
    if f.country:
        code = f.country
        conditions.append(involves(PARTIES, lambda a: a.c.country == code))
    if f.reported_by:
        conditions.append(involves(("reporter",), actor_match(f.reported_by)))
    if f.outlet:
        conditions.append(D.c.source_key.contains(fold(f.outlet), autoescape=True))
    if f.text:
        conditions.append(E.c.search.contains(fold(f.text), autoescape=True))
    return conditions


def _paged(query: Select[Any], limit: int | None, offset: int) -> Select[Any]:
    return query.limit(limit).offset(offset) if limit is not None else query.offset(offset)


def _total(conn: Connection, query: Select[Any]) -> int:
    return int(conn.scalar(select(func.count()).select_from(query.subquery())) or 0)


def events(conn: Connection, f: EventFilter, limit: int | None, offset: int) -> Page[EventRow]:
    query = (select(E, D.c.published, D.c.source.label("outlet"), D.c.url)
             .select_from(EVENT_FROM).where(*event_conditions(f)))
    total = _total(conn, query.with_only_columns(E.c.event_id))
    ordered = query.order_by(DAY.desc().nulls_last(), E.c.document_id, E.c.position)
    found = list(conn.execute(_paged(ordered, limit, offset)).mappings())
    names = _actors_of(conn, {r["document_id"] for r in found})
    return Page([_event_row(r, names.get(r["document_id"], {})) for r in found], total)


def _actors_of(conn: Connection, document_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    ids = sorted(document_ids)
    by_doc: dict[str, dict[str, Any]] = {d: {} for d in ids}
    if not ids:
        return by_doc
    query = select(A.c.document_id, A.c.actor_id, A.c.name, A.c.type, A.c.country, A.c.kb_id)
    for r in conn.execute(query.where(A.c.document_id.in_(ids))).mappings():
        by_doc[r["document_id"]][r["actor_id"]] = {
            "name": r["name"], "type": r["type"], "country": r["country"], "kb_id": r["kb_id"]}
    return by_doc


def _event_row(row: Stored, actors: Mapping[str, Any]) -> EventRow:
    # Through the model: the same key order from SQLite JSON and PostgreSQL JSONB.
    record = Event.model_validate(item_record(EVENTS, row)).model_dump(mode="json")
    published = row["published"]
    record.update(document_id=row["document_id"], nonfactual=bool(row["nonfactual"]),
                  published=published.isoformat() if published else None,
                  outlet=row["outlet"], url=row["url"])
    for attr in ("source", "target", "reported_by"):
        record[f"{attr}_names"] = [actors[i]["name"] if i in actors else i for i in record[attr]]
    named = [*record["source"], *record["target"], *record["reported_by"]]
    record["actors"] = {i: actors[i] for i in dict.fromkeys(named) if i in actors}
    return record


def get_document(conn: Connection, document_id: str) -> Document | None:
    row = conn.execute(select(D).where(D.c.id == document_id)).mappings().first()
    if row is None:
        return None
    children = {
        part.attr: list(conn.execute(select(part.table)
                                     .where(part.table.c.document_id == document_id)
                                     .order_by(part.table.c.position)).mappings())
        for part in PARTS}
    return document_from_rows(row, children)


class Found(NamedTuple):
    id: str
    content_hash: str
    url: str | None
    ingested_at: dt.datetime


def find_stored(conn: Connection, url: str | None, digest: str) -> Found | None:
    """The stored document a document with this URL and text hash is a version of."""
    columns = select(D.c.id, D.c.content_hash, D.c.url, D.c.ingested_at)
    found = conn.execute(columns.where(D.c.url == url)).first() if url else None
    if found is None:
        found = conn.execute(columns.where(D.c.content_hash == digest)
                             .order_by(D.c.ingested_at, D.c.id).limit(1)).first()
    return Found(*found) if found is not None else None


def documents(conn: Connection, f: DocumentFilter, limit: int | None,
              offset: int) -> Page[DocumentRow]:
    conditions: list[ColumnElement[bool]] = []
    if f.source:
        conditions.append(D.c.source_key.contains(fold(f.source), autoescape=True))
    if f.lang:
        conditions.append(D.c.lang == f.lang.lower())
    if f.since:
        conditions.append(D.c.published >= f.since)
    if f.until:
        conditions.append(D.c.published <= f.until)
    if f.url:
        conditions.append(D.c.url == f.url)
    n_events = (select(func.count()).select_from(E)
                .where(E.c.document_id == D.c.id, E.c.nonfactual.is_(False)).scalar_subquery())
    n_actors = select(func.count()).select_from(A).where(A.c.document_id == D.c.id)
    columns = [D.c[c] for c in DOCUMENT_FIELDS]
    query = select(*columns, n_events.label("events"),
                   n_actors.scalar_subquery().label("actors")).where(*conditions)
    total = _total(conn, select(D.c.id).where(*conditions))
    ordered = query.order_by(D.c.published.desc().nulls_last(), D.c.id)
    rows = []
    for r in conn.execute(_paged(ordered, limit, offset)).mappings():
        row = dict(r)
        for key in ("published", "ingested_at", "updated_at"):
            row[key] = _iso(row[key])
        rows.append(DocumentRow(**row))  # type: ignore[typeddict-item]
    return Page(rows, total)


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)  # SQLite keeps no zone; the store writes UTC
    return value.isoformat() if value is not None else None


def actors(conn: Connection, f: ActorFilter, limit: int | None, offset: int) -> Page[ActorRow]:
    per_actor = (select(EA.c.document_id, EA.c.actor_id,
                        func.count(distinct(EA.c.event_id)).label("n"))
                 .select_from(EA.join(E, and_(E.c.document_id == EA.c.document_id,
                                              E.c.event_id == EA.c.event_id)))
                 .where(EA.c.role.in_(PARTIES), E.c.nonfactual.is_(False))
                 .group_by(EA.c.document_id, EA.c.actor_id).subquery())
    conditions: list[ColumnElement[bool]] = []
    if f.name:
        conditions.append(actor_match(f.name)(A))
    if f.type:
        conditions.append(A.c.type == f.type)
    if f.country:
        conditions.append(A.c.country == f.country)
    if f.document_id:
        conditions.append(A.c.document_id == f.document_id)
    keys = (A.c.kb_id, A.c.name, A.c.type, A.c.country)
    n_docs = func.count(distinct(A.c.document_id)).label("documents")
    n_events = func.coalesce(func.sum(per_actor.c.n), 0).label("events")
    query = (select(*keys, n_docs, n_events)
             .select_from(A.outerjoin(per_actor, and_(per_actor.c.document_id == A.c.document_id,
                                                      per_actor.c.actor_id == A.c.actor_id)))
             .where(*conditions).group_by(*keys))
    total = _total(conn, query)
    ordered = query.order_by(n_events.desc(), n_docs.desc(), A.c.name, A.c.type,
                             A.c.kb_id.nulls_last(), A.c.country.nulls_last())
    rows = [ActorRow(kb_id=r["kb_id"], name=r["name"], type=r["type"], country=r["country"],
                     documents=int(r["documents"]), events=int(r["events"]))
            for r in conn.execute(_paged(ordered, limit, offset)).mappings()]
    return Page(rows, total)


def directed_counts(conn: Connection, source: Match | None, target: Match | None,
                    options: CountOptions, labels: tuple[str, str]) -> list[CountRow]:
    """Events from ``source`` to ``target`` (None: anyone) per period and type."""
    conditions = [E.c.nonfactual.is_(False), DAY.is_not(None),
                  *_window(options.since, options.until)]
    if source is not None:
        conditions.append(involves(("source",), source))
    if target is not None:
        conditions.append(involves(("target",), target))
    if options.types:
        conditions.append(E.c.type.in_(options.types))
    query = (select(DAY.label("day"), E.c.type, func.count().label("n"),
                    func.sum(E.c.intensity).label("total"),
                    func.count(E.c.intensity).label("scored"))
             .select_from(EVENT_FROM).where(*conditions).group_by(DAY, E.c.type))
    buckets: dict[tuple[str, str], list[float]] = {}
    for r in conn.execute(query).mappings():
        day = r["day"] if isinstance(r["day"], dt.date) else dt.date.fromisoformat(r["day"])
        bucket = buckets.setdefault((period_label(day, options.by), r["type"]), [0, 0.0, 0])
        bucket[0] += r["n"]
        bucket[1] += r["total"] or 0.0
        bucket[2] += r["scored"]
    return [CountRow(period=period, source=labels[0], target=labels[1], type=type_,
                     events=int(n), intensity=round(total / scored, 3) if scored else None)
            for (period, type_), (n, total, scored) in sorted(buckets.items())]


def row_counts(conn: Connection) -> dict[str, int]:
    tables: list[Table] = [D, A, E, schema.quotes, schema.timex, schema.places]
    return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0) for t in tables}
