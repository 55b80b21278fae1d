"""Pages: the event timeline, the article list and the article view.

Each view reads the store, builds plain values, and hands them to an autoescaping template.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from eventwire.export.attribution import outlet_name, quote_chain
from eventwire.model import PLOVER_TYPES, Document
from eventwire.store.base import DocumentNotFoundError, Period, Store
from eventwire.store.reports import counts_by_period
from eventwire.ui import charts
from eventwire.ui.cards import (
    QUADS,
    Documents,
    article_link,
    card,
    doc_card,
    query_link,
    safe_web_link,
)
from eventwire.ui.forms import event_form, number, period
from eventwire.ui.highlight import pieces

PAGE = 50


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def pager(path: str, query: dict[str, Any], offset: int, total: int) -> dict[str, str | None]:
    prev = query_link(path, {**query, "offset": max(0, offset - PAGE) or None}) \
        if offset > 0 else None
    nxt = query_link(path, {**query, "offset": offset + PAGE}) if offset + PAGE < total else None
    return {"prev": prev, "next": nxt}


def router(templates: Jinja2Templates) -> APIRouter:
    ui = APIRouter(include_in_schema=False)

    @ui.get("/", response_class=HTMLResponse)
    def timeline(request: Request) -> HTMLResponse:
        store = store_of(request)
        form = event_form(request.query_params)
        by = period(request.query_params)
        offset = number(request.query_params, "offset", 0, 0, 10**9)
        counts = counts_by_period(store, form.filters, by)
        layers = [(f"q{q}", {c["period"]: c["events"] for c in counts if c["quad"] == q}, name)
                  for q, name in QUADS.items()]
        layers.append(("q0", {c["period"]: c["events"] for c in counts if c["quad"] is None},
                       "unscored"))
        periods = charts.axis([c["period"] for c in counts], form.filters.since,
                              form.filters.until, by)
        query = {**form.query(), "by": by}
        links = {p: query_link("/", {**query, **_period_range(p, by)}) for p in periods}
        rows, total = store.events(form.filters, limit=PAGE, offset=offset)
        docs = Documents(store)
        return templates.TemplateResponse(request, "timeline.html", {
            "form": form, "by": by, "types": PLOVER_TYPES, "total": total, "offset": offset,
            "chart": charts.stacked_bars(periods, layers, links),
            "cards": [card(r, docs) for r in rows], "pager": pager("/", query, offset, total),
            "quads": QUADS, "nav": "timeline"},
            status_code=400 if form.problems else 200)

    @ui.get("/articles", response_class=HTMLResponse)
    def articles(request: Request) -> HTMLResponse:
        store = store_of(request)
        offset = number(request.query_params, "offset", 0, 0, 10**9)
        rows, total = store.documents(limit=PAGE, offset=offset)
        items = [{**r, "link": article_link(r["id"])} for r in rows]
        return templates.TemplateResponse(request, "articles.html", {
            "items": items, "total": total, "pager": pager("/articles", {}, offset, total),
            "nav": "articles"})

    @ui.get("/articles/{document_id}", response_class=HTMLResponse)
    def article(request: Request, document_id: str) -> HTMLResponse:
        store = store_of(request)
        try:
            doc = store.get_document(document_id)
        except DocumentNotFoundError as exc:
            return templates.TemplateResponse(request, "error.html", {
                "message": str(exc), "nav": "articles"}, status_code=404)
        return templates.TemplateResponse(request, "article.html", article_context(doc))

    return ui


def _period_range(label: str, by: Period) -> dict[str, str]:
    """since/until covering one period: a chart bar links to its events."""
    return {"since": charts.period_start(label, by).isoformat(),
            "until": charts.period_end(label, by).isoformat()}


def article_context(doc: Document) -> dict[str, Any]:
    actors = {a.id: a for a in doc.actors}
    return {
        "doc": doc, "outlet": outlet_name(doc), "web_link": safe_web_link(doc.url),
        "pieces": pieces(doc), "cards": [doc_card(doc, e) for e in doc.events],
        "nonfactual": [doc_card(doc, e) for e in doc.nonfactual_events],
        "quotes": [{"quote": q, "speaker": actors.get(q.speaker or ""),
                    "chain": quote_chain(doc, q)} for q in doc.quotes],
        "actors": doc.actors, "timex": doc.timex, "places": doc.places, "nav": "articles",
    }
