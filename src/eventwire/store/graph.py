"""The actor graph: who acts on whom, how often, and how cooperatively.

Nodes are actors across documents (a KB actor by its ``kb_id``, a guessed one by type and name);
an edge is a directed source -> target pair with its number of events, the summed and mean
PLOVER intensity, and the events per PLOVER quad class. Written on the tables the store
exposes (SQLAlchemy Core, the same for SQLite and PostgreSQL) so a large store is grouped in the
database, not in Python.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, Engine, and_, case, func, literal, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.expression import FromClause

from eventwire.store import schema
from eventwire.store.base import EventFilter, Store, StoreError
from eventwire.store.queries import EVENT_FROM, PARTIES, event_conditions
from eventwire.store.sql import reason

E, A, EA = schema.events, schema.actors, schema.event_actors
T = TypeVar("T")


@dataclass(frozen=True)
class GraphNode:
    id: str
    name: str
    type: str
    country: str | None
    kb_id: str | None
    events: int


@dataclass(frozen=True)
class GraphEdge:
    source: str
    target: str
    events: int
    intensity: float | None
    mean_intensity: float | None
    quads: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Graph:
    nodes: list[GraphNode]
    edges: list[GraphEdge]


def engine_of(store: Store) -> Engine:
    """The SQLAlchemy engine behind a store; the SQL stores expose one."""
    engine = getattr(store, "engine", None)
    if not isinstance(engine, Engine):
        raise StoreError(f"{type(store).__name__} exposes no SQL engine for graph queries")
    return engine


def read(store: Store, fn: Callable[[Connection], T]) -> T:
    """Run one read in a transaction; database errors become :class:`StoreError`."""
    try:
        with engine_of(store).connect() as conn, conn.begin():
            return fn(conn)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read {store.url}: {reason(exc)}") from exc


def node_key(a: Any) -> ColumnElement[str]:
    """``kb_id``, else ``name:TYPE:NAME``: one node per KB actor, one per guessed name."""
    return func.coalesce(a.c.kb_id, literal("name:") + a.c.type + literal(":") + a.c.name)


def _with_actor(base: FromClause, role: str) -> tuple[FromClause, Any]:
    ea, a = EA.alias(), A.alias()
    joined = (base.join(ea, and_(ea.c.document_id == E.c.document_id,
                                 ea.c.event_id == E.c.event_id, ea.c.role == role))
              .join(a, and_(a.c.document_id == ea.c.document_id, a.c.actor_id == ea.c.actor_id)))
    return joined, a


def _top_nodes(conn: Connection, f: EventFilter, max_nodes: int) -> dict[str, int]:
    ea, a = EA.alias(), A.alias()
    joined = EVENT_FROM.join(ea, and_(ea.c.document_id == E.c.document_id,
                                      ea.c.event_id == E.c.event_id, ea.c.role.in_(PARTIES)))
    joined = joined.join(a, and_(a.c.document_id == ea.c.document_id,
                                 a.c.actor_id == ea.c.actor_id))
    per_event = (select(E.c.document_id, E.c.event_id, node_key(a).label("k"))
                 .select_from(joined).where(*event_conditions(f)).distinct().subquery())
    n = func.count().label("n")
    query = (select(per_event.c.k, n).group_by(per_event.c.k)
             .order_by(n.desc(), per_event.c.k).limit(max_nodes))
    return {r.k: int(r.n) for r in conn.execute(query)}


def _describe(conn: Connection, counts: dict[str, int]) -> list[GraphNode]:
    key = node_key(A)
    query = (select(key.label("k"), A.c.name, A.c.type, A.c.country, A.c.kb_id,
                    func.count().label("n"))
             .where(key.in_(list(counts)))
             .group_by(key, A.c.name, A.c.type, A.c.country, A.c.kb_id))
    best: dict[str, tuple[int, Any]] = {}
    for r in conn.execute(query):
        if r.k not in best or r.n > best[r.k][0]:
            best[r.k] = (int(r.n), r)
    return [GraphNode(id=k, name=best[k][1].name, type=best[k][1].type,
                      country=best[k][1].country, kb_id=best[k][1].kb_id, events=n)
            for k, n in counts.items() if k in best]


def _edges(conn: Connection, f: EventFilter, keys: list[str], max_edges: int) -> list[GraphEdge]:
    joined, src = _with_actor(EVENT_FROM, "source")
    joined, tgt = _with_actor(joined, "target")
    skey, tkey = node_key(src), node_key(tgt)
    pairs = (select(E.c.document_id, E.c.event_id, skey.label("s"), tkey.label("t"),
                    E.c.quad, E.c.intensity)
             .select_from(joined)
             .where(*event_conditions(f), skey != tkey, skey.in_(keys), tkey.in_(keys))
             .distinct().subquery())
    n = func.count().label("n")
    quads = [func.sum(case((pairs.c.quad == q, 1), else_=0)).label(f"q{q}") for q in range(1, 5)]
    query = (select(pairs.c.s, pairs.c.t, n, func.sum(pairs.c.intensity).label("total"),
                    func.count(pairs.c.intensity).label("scored"), *quads)
             .group_by(pairs.c.s, pairs.c.t)
             .order_by(n.desc(), pairs.c.s, pairs.c.t).limit(max_edges))
    edges = []
    for r in conn.execute(query).mappings():
        total = float(r["total"]) if r["scored"] else None
        edges.append(GraphEdge(
            source=r["s"], target=r["t"], events=int(r["n"]),
            intensity=round(total, 3) if total is not None else None,
            mean_intensity=round(total / r["scored"], 3) if total is not None else None,
            quads={str(q): int(r[f"q{q}"] or 0) for q in range(1, 5)}))
    return edges


def actor_graph(store: Store, filters: EventFilter | None = None, *, max_nodes: int = 60,
                max_edges: int = 300) -> Graph:
    """The ``max_nodes`` most active actors of the matching events and the edges among them,
    heaviest first."""
    f = filters or EventFilter()

    def build(conn: Connection) -> Graph:
        counts = _top_nodes(conn, f, max_nodes)
        if not counts:
            return Graph([], [])
        return Graph(_describe(conn, counts), _edges(conn, f, list(counts), max_edges))

    return read(store, build)
