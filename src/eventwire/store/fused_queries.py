"""Listings of fused events, each a function of a connection.

A filter on fused events is the store's :class:`~eventwire.store.base.EventFilter` applied to
their reports: a fused event is listed when at least one of its reports matches, so
``--actor``, ``--outlet`` or ``--text`` mean what they mean for single reports.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, literal, or_, select

from eventwire.fusion.dyads import ActorSpec
from eventwire.store import schema
from eventwire.store.base import EventFilter, Page
from eventwire.store.fused import FA, FD, FE, FR
from eventwire.store.queries import EVENT_FROM, event_conditions

D, E = schema.documents, schema.events
FusedRow = dict[str, Any]
"""One fused event: consensus fields, ``source``/``target`` (actor keys), ``*_names``,
``*_actors`` (name, type, kb_id, country, reports), ``report_count``, ``story_count`` and
``reports`` (document_id, event_id, source (the outlet), lang, published, copy_of)."""


def _matching(f: EventFilter) -> ColumnElement[bool]:
    """The fused event has a report the filter accepts."""
    inner = (select(literal(1)).select_from(EVENT_FROM)
             .where(E.c.document_id == FR.c.document_id, E.c.event_id == FR.c.event_id,
                    *event_conditions(f)))
    return FE.c.id.in_(select(FR.c.fused_id).where(inner.exists()))


def fused_page(conn: Connection, f: EventFilter | None, limit: int | None,
               offset: int) -> Page[FusedRow]:
    query = select(FE)
    if f is not None and dataclasses.replace(f, include_nonfactual=False) != EventFilter():
        query = query.where(_matching(f))
    total = int(conn.scalar(select(func.count()).select_from(query.subquery())) or 0)
    ordered = query.order_by(FE.c.date_start.desc().nulls_last(),
                             FE.c.first_published.desc().nulls_last(), FE.c.id)
    if limit is not None:
        ordered = ordered.limit(limit)
    rows = [dict(r) for r in conn.execute(ordered.offset(offset)).mappings()]
    return Page(_complete(conn, rows), total)


def fused_rows(conn: Connection, ids: Iterable[str]) -> list[FusedRow]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    rows = [dict(r) for r in conn.execute(select(FE).where(FE.c.id.in_(wanted))
                                          .order_by(FE.c.id)).mappings()]
    return _complete(conn, rows)


def _complete(conn: Connection, rows: list[dict[str, Any]]) -> list[FusedRow]:
    """Add actors and reports to fused event rows."""
    ids = [r["id"] for r in rows]
    actors: dict[tuple[str, str], list[dict[str, Any]]] = {}
    reports: dict[str, list[dict[str, Any]]] = {}
    if ids:
        query = select(FA).where(FA.c.fused_id.in_(ids)).order_by(FA.c.fused_id, FA.c.role,
                                                                   FA.c.position)
        for a in conn.execute(query).mappings():
            actors.setdefault((a["fused_id"], a["role"]), []).append(
                {k: a[k] for k in ("key", "name", "type", "kb_id", "country", "reports")})
        query = (select(FR.c.fused_id, FR.c.document_id, FR.c.event_id, D.c.source, D.c.lang,
                        D.c.published, FD.c.copy_of)
                 .select_from(FR.join(D, D.c.id == FR.c.document_id)
                              .outerjoin(FD, FD.c.document_id == FR.c.document_id))
                 .where(FR.c.fused_id.in_(ids)).order_by(FR.c.fused_id, FR.c.position))
        for r in conn.execute(query).mappings():
            reports.setdefault(r["fused_id"], []).append({
                "document_id": r["document_id"], "event_id": r["event_id"],
                "source": r["source"], "lang": r["lang"], "published": _iso(r["published"]),
                "copy_of": r["copy_of"]})
    return [_row(r, actors, reports.get(r["id"], [])) for r in rows]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _row(r: dict[str, Any], actors: dict[tuple[str, str], list[dict[str, Any]]],
         reports: list[dict[str, Any]]) -> FusedRow:
    row: FusedRow = {
        "id": r["id"], "type": r["type"], "mode": r["mode"], "quad": r["quad"],
        "intensity": r["intensity"], "date": r["date"], "date_start": _iso(r["date_start"]),
        "place": r["place"],
        "first_published": _iso(r["first_published"]),
    }
    for role in ("source", "target"):
        side = actors.get((r["id"], role), [])
        row[role] = [a["key"] for a in side]
        row[f"{role}_names"] = [a["name"] for a in side]
        row[f"{role}_actors"] = side
    row.update(report_count=r["reports"], story_count=r["stories"],
               state_media_only=bool(r["state_media_only"]), reports=reports)
    return row


def actor_condition(spec: ActorSpec) -> ColumnElement[bool]:
    """A loose SQL match for a dyad side; the exact test is :meth:`ActorSpec.matches`."""
    if spec.country is not None:
        return FA.c.country == spec.country
    conditions: list[ColumnElement[bool]] = []
    if spec.kb_ids:
        conditions.append(FA.c.kb_id.in_(spec.kb_ids))
    if spec.name:
        conditions.append(FA.c.search.contains(spec.name, autoescape=True))
    return or_(*conditions) if conditions else literal(False)


def fused_ids_with(conn: Connection, specs: Sequence[ActorSpec]) -> set[str]:
    """Fused events that have an actor matching each spec (on any side)."""
    found: set[str] | None = None
    for spec in specs:
        ids = set(conn.scalars(select(FA.c.fused_id).distinct().where(actor_condition(spec))))
        found = ids if found is None else found & ids
    return found or set()


def counts(conn: Connection) -> dict[str, int]:
    return {"fused_events": int(conn.scalar(select(func.count()).select_from(FE)) or 0),
            "fused_reports": int(conn.scalar(select(func.count()).select_from(FR)) or 0),
            "copies": int(conn.scalar(select(func.count()).select_from(FD)
                                      .where(and_(FD.c.copy_of.is_not(None)))) or 0)}
