"""Fused events over HTTP: the list, one event, its claims, and dyads counted per real event.

Thin: each route validates its parameters and calls one function of
:mod:`eventwire.fusion.service` (``docs/fusion.md``). Fused events exist after
``eventwire fuse``; before that the list is empty.
"""

# No 'from __future__ import annotations': FastAPI reads the annotations of the routes, which
# name aliases defined inside router().
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from pydantic import BaseModel, ConfigDict

from eventwire.api.errors import error_responses
from eventwire.api.params import TEXT, Day, Paging, Types, event_filter, get_store, paging
from eventwire.api.settings import ApiSettings
from eventwire.fusion import service
from eventwire.fusion.claims import Claims
from eventwire.fusion.dyads import DyadSeries
from eventwire.store.base import CountOptions, EventFilter, Period, Store
from eventwire.store.sql import SqlStore

FusedId = Annotated[str, Path(max_length=100, pattern=r"^[^\x00/]+$",
                              description="a fused event id, e.g. fe-6c96f4fc395d")]
Side = Annotated[str, Query(min_length=1, max_length=200, pattern=TEXT,
                            description="ISO3 country (PRK), KB id (person:kim-jong-un) or name")]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FusedReportOut(_Out):
    document_id: str
    event_id: str
    source: str | None
    lang: str | None
    published: str | None
    copy_of: str | None


class FusedActorOut(_Out):
    key: str
    name: str
    type: str
    kb_id: str | None
    country: str | None
    reports: int


class FusedEventOut(_Out):
    id: str
    type: str
    mode: str | None
    quad: int | None
    intensity: float | None
    date: str | None
    date_start: str | None
    place: dict[str, Any] | None
    first_published: str | None
    source: list[str]
    source_names: list[str]
    source_actors: list[FusedActorOut]
    target: list[str]
    target_names: list[str]
    target_actors: list[FusedActorOut]
    report_count: int
    story_count: int
    state_media_only: bool
    reports: list[FusedReportOut]


class FusedPage(_Out):
    items: list[FusedEventOut]
    total: int
    limit: int
    offset: int


def _sql(store: Store) -> SqlStore:
    if not isinstance(store, SqlStore):
        raise HTTPException(503, "fused events need a SQLite or PostgreSQL store")
    return store


def router(settings: ApiSettings) -> APIRouter:
    api = APIRouter(prefix="/api", tags=["fusion"],
                    responses=error_responses(400, 413, 414, 422, 503))
    Page = Annotated[Paging, Depends(paging(settings))]
    StoreDep = Annotated[Store, Depends(get_store)]

    @api.get("/fused-events", response_model=FusedPage)
    def fused_events(store: StoreDep, filters: Annotated[EventFilter, Depends(event_filter)],
                     page: Page) -> dict[str, Any]:
        """One row per real-world event with every report behind it; filters keep fused
        events with at least one matching report."""
        rows, total = service.fused_events(_sql(store), filters, limit=page.limit,
                                           offset=page.offset)
        return {"items": rows, "total": total, "limit": page.limit, "offset": page.offset}

    @api.get("/fused-events/{fused_id}", response_model=FusedEventOut,
             responses=error_responses(404))
    def fused_event(store: StoreDep, fused_id: FusedId) -> dict[str, Any]:
        """One fused event and its reports."""
        try:
            return service.fused_event(_sql(store), fused_id)
        except service.FusedEventNotFoundError as exc:
            raise HTTPException(404, str(exc)) from exc

    @api.get("/fused-events/{fused_id}/claims", response_model=Claims,
             responses=error_responses(404))
    def claims(store: StoreDep, fused_id: FusedId) -> Claims:
        """Who claims what: values per field with their sources, disagreements, claims that
        rest only on state media, each report's chain (outlet -> agency -> actor), spread."""
        try:
            return service.claims(_sql(store), fused_id)
        except service.FusedEventNotFoundError as exc:
            raise HTTPException(404, str(exc)) from exc

    @api.get("/fused-dyad", response_model=DyadSeries)
    def fused_dyad(store: StoreDep, a: Side, b: Side, by: Period = "month", since: Day = None,
                   until: Day = None, types: Types = []) -> DyadSeries:  # noqa: B006
        """Fused events between two actors or countries per period, direction and type, with
        PLOVER quad and scores: each real-world event counts once, however many reports."""
        options = CountOptions(by=by, since=since, until=until, types=tuple(types))
        return service.dyad(_sql(store), a, b, options.by, since=options.since,
                            until=options.until, types=options.types)

    return api
