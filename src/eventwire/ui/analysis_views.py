"""Pages: the dyad view (two actors or countries over time) and the actor graph."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from eventwire.api.analysis_routes import series
from eventwire.api.params import country_spec
from eventwire.export.tables import country_name
from eventwire.model import PLOVER_TYPES
from eventwire.store.base import CountOptions, EventFilter, FilterError, Store
from eventwire.store.graph import Graph, actor_graph
from eventwire.store.reports import dyad_events
from eventwire.ui import charts
from eventwire.ui.cards import Documents, card, query_link
from eventwire.ui.forms import day, event_form, number, period, text
from eventwire.ui.views import PAGE, pager, store_of


def side_name(spec: str) -> str:
    """``country:RUS`` -> ``Russia``; anything else as typed."""
    if spec.startswith("country:"):
        return country_name(spec[8:]) or spec[8:]
    return spec


def country_pairs(graph: Graph, top: int = 8) -> list[tuple[str, str, int]]:
    """The most active pairs of countries (either direction), for dyad suggestions."""
    country = {n.id: n.country for n in graph.nodes}
    pairs: Counter[tuple[str, str]] = Counter()
    for e in graph.edges:
        a, b = country.get(e.source), country.get(e.target)
        if a and b and a != b:
            pairs[(min(a, b), max(a, b))] += e.events
    return [(a, b, n) for (a, b), n in pairs.most_common(top)]


def router(templates: Jinja2Templates) -> APIRouter:
    ui = APIRouter(include_in_schema=False)

    @ui.get("/dyad", response_class=HTMLResponse)
    def dyad(request: Request) -> HTMLResponse:
        store: Store = store_of(request)
        params = request.query_params
        problems: list[str] = []
        since, until = day(params, "since", problems), day(params, "until", problems)
        by = period(params)
        offset = number(params, "offset", 0, 0, 10**9)
        suggestions = country_pairs(actor_graph(store, max_nodes=200, max_edges=1000))
        a, b = text(params, "a"), text(params, "b")
        if a is None and b is None and suggestions:
            a, b = suggestions[0][0], suggestions[0][1]
        context: dict[str, Any] = {
            "a": a or "", "b": b or "", "by": by, "since": since, "until": until,
            "suggestions": [(x, y, n, side_name(f"country:{x}"), side_name(f"country:{y}"),
                             query_link("/dyad", {"a": x, "b": y, "by": by}))
                            for x, y, n in suggestions],
            "problems": problems, "nav": "dyad", "ready": False}
        if a and b:
            try:
                context.update(_dyad(store, country_spec(a), country_spec(b), by, since, until,
                                     offset))
            except FilterError as exc:
                problems.append(str(exc))
        return templates.TemplateResponse(request, "dyad.html", context,
                                          status_code=400 if problems else 200)

    @ui.get("/graph", response_class=HTMLResponse)
    def graph(request: Request) -> HTMLResponse:
        store = store_of(request)
        form = event_form(request.query_params)
        max_nodes = number(request.query_params, "max_nodes", 40, 2, 200)
        found = actor_graph(store, form.filters, max_nodes=max_nodes, max_edges=400)
        names = {n.id: n.name for n in found.nodes}
        return templates.TemplateResponse(request, "graph.html", {
            "form": form, "types": PLOVER_TYPES, "max_nodes": max_nodes, "graph": found,
            "names": names, "nav": "graph",
            "data_url": query_link("/api/graph", {**form.query(), "max_nodes": max_nodes,
                                                  "max_edges": 400})},
            status_code=400 if form.problems else 200)

    return ui


def _dyad(store: Store, a: str, b: str, by: Any, since: Any, until: Any,
          offset: int) -> dict[str, Any]:
    rows = store.dyad(a, b, CountOptions(by=by, since=since, until=until))
    points = series(rows, a, b)
    periods = charts.axis([p["period"] for p in points], since, until, by)
    a_name, b_name = side_name(a), side_name(b)
    chart = charts.grouped_bars(periods, [
        ("ab", {p["period"]: p["a_to_b"] for p in points}, f"{a_name} → {b_name}"),
        ("ba", {p["period"]: p["b_to_a"] for p in points}, f"{b_name} → {a_name}")])
    events, total = dyad_events(store, a, b, EventFilter(since=since, until=until),
                                limit=PAGE, offset=offset)
    docs = Documents(store)
    query = {"a": a, "b": b, "by": by, "since": since, "until": until}
    return {"ready": True, "a_name": a_name, "b_name": b_name, "points": points,
            "rows": rows, "chart": chart, "cards": [card(r, docs) for r in events],
            "total": total, "offset": offset, "pager": pager("/dyad", query, offset, total)}
