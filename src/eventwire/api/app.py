"""The application factory: one store, one settings object, routers and the web UI.

No API docs pages are served (FastAPI's load their scripts from a CDN, and this server makes
no outside requests); the OpenAPI spec is at ``/openapi.json``.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from eventwire.api import (
    analysis_routes,
    errors,
    export_routes,
    fusion_routes,
    ingest_routes,
    read_routes,
)
from eventwire.api.middleware import LimitRequests, SecurityHeaders
from eventwire.api.params import single_values
from eventwire.api.settings import ApiSettings
from eventwire.store.base import Store

DESCRIPTION = """Political events from news reports, each with its evidence: the sentence it
was coded from, the actors, the date and where it came from (outlet -> agency -> speaker).
Reads are open; `POST /api/ingest` needs the server's bearer token. Lists answer
`{"items": [...], "total": N, "limit": L, "offset": O}`; errors answer
`{"status": N, "message": "..."}`."""


def _version() -> str:
    try:
        return version("eventwire")
    except PackageNotFoundError:
        return "0"


def create_app(store: Store, settings: ApiSettings | None = None) -> FastAPI:
    """The HTTP API (and, unless ``settings.ui`` is off, the web UI) over ``store``."""
    settings = settings or ApiSettings.from_env()
    app = FastAPI(title="eventwire", version=_version(), description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  dependencies=[Depends(single_values)])
    app.state.store = store
    app.state.settings = settings
    errors.install(app)
    for module in (read_routes, analysis_routes, export_routes, ingest_routes, fusion_routes):
        app.include_router(module.router(settings))
    if settings.ui:
        from eventwire.ui import mount

        mount(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(LimitRequests, max_body=settings.max_body_bytes,
                       max_url=settings.max_url_bytes)
    app.add_middleware(SecurityHeaders)
    return app
