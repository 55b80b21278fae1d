"""Reads and writes of fused events, each a function of one connection (SQLite and PostgreSQL).

The fusion run (:mod:`eventwire.fusion.run`) calls them inside one write transaction on the
store's single writer path; listings call them inside one read transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Connection, and_, delete, func, or_, select

from eventwire.fusion.cluster import Member
from eventwire.fusion.copies import CopyRecord
from eventwire.fusion.fused import FusedEvent
from eventwire.fusion.reports import Report, ReportKey
from eventwire.store import schema
from eventwire.store.fusion_schema import (
    FUSION_TABLES,
    fused_actors,
    fused_documents,
    fused_events,
    fused_reports,
)
from eventwire.store.rows import fold

D, E = schema.documents, schema.events
FE, FR, FA, FD = fused_events, fused_reports, fused_actors, fused_documents
CHUNK = 500


class Pending(NamedTuple):
    id: str
    content_hash: str


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def clear(conn: Connection) -> None:
    for table in FUSION_TABLES:
        conn.execute(delete(table))


# --- syndicated copies -------------------------------------------------------------------------

def pending_documents(conn: Connection) -> list[Pending]:
    """Documents fusion has not seen, or whose text changed since: first published first."""
    query = (select(D.c.id, D.c.content_hash)
             .select_from(D.outerjoin(FD, FD.c.document_id == D.c.id))
             .where(or_(FD.c.document_id.is_(None), FD.c.content_hash != D.c.content_hash))
             .order_by(D.c.published.asc().nulls_last(), D.c.id))
    return [Pending(*r) for r in conn.execute(query)]


def copy_records(conn: Connection) -> list[CopyRecord]:
    """Records of documents whose text is unchanged since fusion saw them."""
    query = (select(FD).select_from(FD.join(D, D.c.id == FD.c.document_id))
             .where(FD.c.content_hash == D.c.content_hash).order_by(FD.c.document_id))
    return [CopyRecord(r["document_id"], r["content_hash"], r["copy_of"], r["similarity"],
                       r["signature"], r["scheme"]) for r in conn.execute(query).mappings()]


def texts(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in _chunks(list(ids)):
        for doc_id, text in conn.execute(select(D.c.id, D.c.text).where(D.c.id.in_(part))):
            found[doc_id] = text
    return found


def iter_texts(conn: Connection, pending: Sequence[Pending]) -> Iterator[tuple[str, str, str]]:
    """(id, hash, text) in the order given, read a chunk at a time."""
    for start in range(0, len(pending), CHUNK):
        part = pending[start:start + CHUNK]
        found = texts(conn, [p.id for p in part])
        for p in part:
            if p.id in found:
                yield p.id, p.content_hash, found[p.id]


def save_copy_records(conn: Connection, records: Sequence[CopyRecord]) -> None:
    for part in _chunks([r.document_id for r in records]):
        conn.execute(delete(FD).where(FD.c.document_id.in_(part)))
    if records:
        conn.execute(FD.insert(), [
            {"document_id": r.document_id, "content_hash": r.content_hash,
             "copy_of": r.copy_of, "similarity": r.similarity, "signature": r.signature,
             "scheme": r.scheme} for r in records])


def stories(conn: Connection, ids: Iterable[str] | None = None) -> dict[str, str]:
    """Document id -> the first document of its wire story (itself for an original)."""
    query = select(FD.c.document_id, FD.c.copy_of)
    if ids is None:
        return {d: c or d for d, c in conn.execute(query)}
    found: dict[str, str] = {}
    for part in _chunks(sorted(set(ids))):
        found.update({d: c or d for d, c in conn.execute(query.where(
            FD.c.document_id.in_(part)))})
    return found


# --- reports and fused events ------------------------------------------------------------------

def unfused_documents(conn: Connection, factualities: Sequence[str]) -> dict[str, set[str]]:
    """Events of these factualities not yet in a fused event, by document."""
    query = (select(E.c.document_id, E.c.event_id)
             .select_from(E.outerjoin(FR, and_(FR.c.document_id == E.c.document_id,
                                               FR.c.event_id == E.c.event_id)))
             .where(FR.c.fused_id.is_(None), E.c.factuality.in_(list(factualities)))
             .order_by(E.c.document_id, E.c.position))
    found: dict[str, set[str]] = {}
    for document_id, event_id in conn.execute(query):
        found.setdefault(document_id, set()).add(event_id)
    return found


def fused_ids_near(conn: Connection, types: Iterable[str], start: dt.date | None,
                   end: dt.date | None) -> set[str]:
    """Fused events of these types with a report dated within [start, end] (or undated)."""
    conditions = [FR.c.fused_id == FE.c.id, FE.c.type.in_(sorted(set(types)))]
    if start is not None and end is not None:
        conditions.append(or_(FR.c.date_start.is_(None),
                              and_(FR.c.date_end >= start, FR.c.date_start <= end)))
    query = select(FE.c.id).distinct().select_from(FE.join(FR, FR.c.fused_id == FE.c.id))
    return set(conn.scalars(query.where(*conditions)))


def stale_fused_ids(conn: Connection) -> set[str]:
    """Fused events that lost reports since they were saved (their documents were deleted or
    re-coded): to be summarised again, or deleted when empty."""
    counted = (select(FR.c.fused_id, func.count().label("n")).group_by(FR.c.fused_id)
               .subquery())
    query = (select(FE.c.id).select_from(FE.outerjoin(counted, counted.c.fused_id == FE.c.id))
             .where(func.coalesce(counted.c.n, 0) != FE.c.reports))
    return set(conn.scalars(query))


def members(conn: Connection, ids: Iterable[str]) -> dict[str, list[Member]]:
    found: dict[str, list[Member]] = {}
    for part in _chunks(sorted(set(ids))):
        query = select(FR).where(FR.c.fused_id.in_(part)).order_by(FR.c.fused_id, FR.c.position)
        for r in conn.execute(query).mappings():
            member = Member(Report.model_validate(r["report"]), bool(r["swapped"]),
                            float(r["score"]))
            found.setdefault(r["fused_id"], []).append(member)
    return found


def delete_fused(conn: Connection, ids: Iterable[str]) -> None:
    for part in _chunks(sorted(set(ids))):
        conn.execute(delete(FE).where(FE.c.id.in_(part)))


def _event_row(event: FusedEvent, now: dt.datetime) -> dict[str, Any]:
    return {
        "id": event.id, "type": event.type, "mode": event.mode, "quad": event.quad,
        "intensity": event.intensity, "date": event.date, "date_start": event.date_start,
        "date_end": event.date_end,
        "place": event.place.model_dump(mode="json") if event.place else None,
        "first_published": event.first_published, "reports": event.reports,
        "stories": event.stories, "state_media_only": event.state_media_only,
        "created_at": now, "updated_at": now, "extra": {},
    }


def save_fused(conn: Connection, event: FusedEvent, now: dt.datetime) -> None:
    """Insert or replace one fused event with its reports and actors (keeps ``created_at``)."""
    created = conn.scalar(select(FE.c.created_at).where(FE.c.id == event.id))
    row = _event_row(event, now)
    if created is None:
        conn.execute(FE.insert().values(row))
    else:
        del row["created_at"]
        conn.execute(FE.update().where(FE.c.id == event.id).values(row))
    conn.execute(delete(FR).where(FR.c.fused_id == event.id))
    conn.execute(delete(FA).where(FA.c.fused_id == event.id))
    conn.execute(FR.insert(), [
        {"document_id": m.report.document_id, "event_id": m.report.event_id,
         "fused_id": event.id, "position": n, "score": m.score, "swapped": m.swapped,
         "published": m.report.published, "date_start": m.report.date_start,
         "date_end": m.report.date_end, "report": m.report.model_dump(mode="json")}
        for n, m in enumerate(event.members)])
    actors = [
        {"fused_id": event.id, "role": role, "position": n, "key": s.actor.key,
         "name": s.actor.name, "type": s.actor.type, "kb_id": s.actor.kb_id,
         "country": s.actor.country, "reports": s.reports,
         "search": fold(" ".join(filter(None, (s.actor.name, s.actor.short, s.actor.kb_id))))}
        for role, side in (("source", event.source), ("target", event.target))
        for n, s in enumerate(side)]
    if actors:
        conn.execute(FA.insert(), actors)


def report_keys(conn: Connection) -> dict[ReportKey, str]:
    """Every fused report and its fused event."""
    return {(d, e): f for d, e, f in conn.execute(
        select(FR.c.document_id, FR.c.event_id, FR.c.fused_id))}
