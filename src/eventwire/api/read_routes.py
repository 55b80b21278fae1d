"""Reads: documents, events, actors and actor timelines. Each route parses, calls the store
once or twice, and returns; the store's filters are the API's filters."""


from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from eventwire.api.errors import error_responses
from eventwire.api.params import (
    TEXT,
    Country,
    Day,
    Paging,
    Text,
    Types,
    event_filter,
    get_store,
    paging,
)
from eventwire.api.schemas import (
    ActorPage,
    DocumentDetail,
    DocumentPage,
    EventDetail,
    EventPage,
    Health,
    TimelineOut,
)
from eventwire.api.settings import ApiSettings
from eventwire.export.attribution import event_chain, quote_chain
from eventwire.export.records import model_event
from eventwire.model import ActorType
from eventwire.store.base import (
    ActorFilter,
    CountOptions,
    DocumentFilter,
    EventFilter,
    Period,
    Store,
)

IdPath = Annotated[str, Path(max_length=200, pattern=TEXT)]
READ_ERRORS = error_responses(400, 413, 414, 422, 503)


def node_id(kb_id: str | None, type_: str, name: str) -> str:
    """The id the graph gives an actor (see ``eventwire.store.graph.node_key``)."""
    return kb_id or f"name:{type_}:{name}"


def router(settings: ApiSettings) -> APIRouter:
    api = APIRouter(prefix="/api", responses=READ_ERRORS)
    Page = Annotated[Paging, Depends(paging(settings))]
    StoreDep = Annotated[Store, Depends(get_store)]
    Filters = Annotated[EventFilter, Depends(event_filter)]

    @api.get("/health", response_model=Health, tags=["meta"])
    def health(store: StoreDep) -> dict[str, Any]:
        """The server is up and its store answers."""
        return {"status": "ok", "documents": store.count()}

    @api.get("/stats", response_model=dict[str, int], tags=["meta"])
    def stats(store: StoreDep) -> dict[str, int]:
        """Rows per table."""
        return store.stats()

    @api.get("/events", response_model=EventPage, tags=["events"])
    def events(store: StoreDep, filters: Filters, page: Page) -> dict[str, Any]:
        """Events, newest first, each with its evidence sentence and reporting chain."""
        rows, total = store.events(filters, limit=page.limit, offset=page.offset)
        return {"items": rows, "total": total, "limit": page.limit, "offset": page.offset}

    @api.get("/events/{document_id}/{event_id}", response_model=EventDetail, tags=["events"],
             responses=error_responses(404))
    def event(store: StoreDep, document_id: IdPath, event_id: IdPath) -> dict[str, Any]:
        """One event with its attribution chain (outlet -> agency -> speaker)."""
        rows, _ = store.events(EventFilter(document_id=document_id, include_nonfactual=True),
                               limit=None)
        row = next((r for r in rows if r["id"] == event_id), None)
        if row is None:
            raise HTTPException(404, f"no event {event_id!r} in document {document_id!r}")
        doc = store.get_document(document_id)
        return {**row, "attribution": event_chain(doc, model_event(row)), "title": doc.title}

    @api.get("/documents", response_model=DocumentPage, tags=["documents"])
    def documents(store: StoreDep, page: Page, source: Text = None,
                  lang: Annotated[str | None, Query(pattern=r"^[a-z]{2}$")] = None,
                  since: Day = None, until: Day = None,
                  url: Annotated[str | None, Query(max_length=2000, pattern=TEXT)] = None,
                  ) -> dict[str, Any]:
        """Stored documents, newest publication first, with their counts of events and actors."""
        filters = DocumentFilter(source=source, lang=lang, since=since, until=until, url=url)
        rows, total = store.documents(filters, limit=page.limit, offset=page.offset)
        return {"items": rows, "total": total, "limit": page.limit, "offset": page.offset}

    @api.get("/documents/{document_id}", response_model=DocumentDetail, tags=["documents"],
             responses=error_responses(404))
    def document(store: StoreDep, document_id: IdPath) -> dict[str, Any]:
        """A stored document: text, actors, events, quotes, time expressions, places, and
        the attribution chain of every event and quote."""
        doc = store.get_document(document_id)
        return {**doc.to_dict(),
                "event_attribution": {e.id: event_chain(doc, e)
                                      for e in [*doc.events, *doc.nonfactual_events]},
                "quote_attribution": {q.id: quote_chain(doc, q) for q in doc.quotes}}

    @api.get("/actors", response_model=ActorPage, tags=["actors"])
    def actors(store: StoreDep, page: Page, name: Text = None,
               type: ActorType | None = None, country: Country = None,
               document_id: Text = None) -> dict[str, Any]:
        """Actors across documents (KB actors by kb_id, guessed ones by name), most active
        first."""
        filters = ActorFilter(name=name, type=type, country=country, document_id=document_id)
        rows, total = store.actors(filters, limit=page.limit, offset=page.offset)
        items = [{**r, "id": node_id(r["kb_id"], r["type"], r["name"])} for r in rows]
        return {"items": items, "total": total, "limit": page.limit, "offset": page.offset}

    @api.get("/actors/timeline", response_model=TimelineOut, tags=["actors"])
    def timeline(store: StoreDep,
                 actor: Annotated[str, Query(min_length=1, max_length=200, pattern=TEXT)],
                 by: Period = "month", since: Day = None, until: Day = None,
                 types: Types = []) -> dict[str, Any]:  # noqa: B006
        """Events per period and type with the actor as source and as target."""
        options = CountOptions(by=by, since=since, until=until, types=tuple(types))
        return {"actor": actor, "by": by, "items": store.timeline(actor, options)}

    return api
