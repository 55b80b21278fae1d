"""Dyads (two actors or countries over time) and the actor graph."""


import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from eventwire.api.errors import error_responses
from eventwire.api.params import (
    TEXT,
    Day,
    Paging,
    Types,
    country_spec,
    event_filter,
    get_store,
    paging,
)
from eventwire.api.schemas import DyadOut, GraphOut
from eventwire.api.settings import ApiSettings
from eventwire.store.base import CountOptions, CountRow, EventFilter, Period, Store
from eventwire.store.graph import actor_graph
from eventwire.store.reports import dyad_events

Side = Annotated[str, Query(min_length=1, max_length=200, pattern=TEXT,
                            description="an actor (name, KB id) or a country: RUS, country:RUS")]


def series(rows: list[CountRow], a: str, b: str) -> list[dict[str, Any]]:
    """Per period: events a -> b and b -> a, and the mean intensity of each direction."""
    points: dict[str, dict[str, Any]] = {}
    sums: dict[tuple[str, str], list[float]] = {}
    for r in rows:
        side = "a_to_b" if r["source"] == a else "b_to_a"
        point = points.setdefault(r["period"], {"period": r["period"], "a_to_b": 0, "b_to_a": 0,
                                              "intensity_a_to_b": None,
                                              "intensity_b_to_a": None})
        point[side] += r["events"]
        if r["intensity"] is not None:
            acc = sums.setdefault((r["period"], side), [0.0, 0])
            acc[0] += r["intensity"] * r["events"]
            acc[1] += r["events"]
    for (period, side), (total, n) in sums.items():
        points[period][f"intensity_{side}"] = round(total / n, 3) if n else None
    return [points[p] for p in sorted(points)]


def router(settings: ApiSettings) -> APIRouter:
    api = APIRouter(prefix="/api", tags=["analysis"],
                    responses=error_responses(400, 413, 414, 422, 503))
    Page = Annotated[Paging, Depends(paging(settings))]
    StoreDep = Annotated[Store, Depends(get_store)]

    @api.get("/dyad", response_model=DyadOut)
    def dyad(store: StoreDep, a: Side, b: Side, page: Page, by: Period = "month",
             since: Day = None, until: Day = None, types: Types = []) -> dict[str, Any]:  # noqa: B006
        """All events between two actors or two countries, counted per day, week or month
        in each direction, and the events themselves (newest first)."""
        a_spec, b_spec = country_spec(a), country_spec(b)
        options = CountOptions(by=by, since=since, until=until, types=tuple(types))
        rows = store.dyad(a_spec, b_spec, options)
        filters = EventFilter(since=since, until=until, types=tuple(types))
        events, total = dyad_events(store, a_spec, b_spec, filters, limit=page.limit,
                                    offset=page.offset)
        return {"a": a_spec, "b": b_spec, "by": by, "series": series(rows, a_spec, b_spec),
                "items": rows,
                "events": {"items": events, "total": total, "limit": page.limit,
                           "offset": page.offset}}

    @api.get("/graph", response_model=GraphOut)
    def graph(store: StoreDep, filters: Annotated[EventFilter, Depends(event_filter)],
              max_nodes: Annotated[int, Query(ge=1, le=settings.max_graph_nodes)] = 60,
              max_edges: Annotated[int, Query(ge=1, le=5 * settings.max_graph_nodes)] = 300,
              ) -> dict[str, Any]:
        """Actors as nodes and directed source -> target pairs as edges, with event counts,
        summed and mean PLOVER intensity, and events per quad class."""
        found = actor_graph(store, filters, max_nodes=max_nodes, max_edges=max_edges)
        return {"nodes": [dataclasses.asdict(n) for n in found.nodes],
                "edges": [dataclasses.asdict(e) for e in found.edges]}

    return api
