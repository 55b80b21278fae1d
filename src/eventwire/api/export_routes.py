"""``GET /api/export``: the CLI's exports over HTTP, with the event listing's filters."""


import tempfile
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from eventwire.api.errors import error_responses
from eventwire.api.params import event_filter, get_store
from eventwire.api.settings import ApiSettings
from eventwire.export import FORMATS, export_events
from eventwire.store.base import EventFilter, Store

FormatName = Literal["jsonl", "plover", "gdelt", "csv", "parquet"]
CHUNK = 1 << 16


def _content() -> dict[str, Any]:
    types: dict[str, Any] = {}
    for spec in FORMATS.values():
        schema = {"type": "string", "format": "binary"} if spec.name == "parquet" else {
            "type": "string"}
        types.setdefault(spec.media_type, {"schema": schema})
    return types


def router(settings: ApiSettings) -> APIRouter:
    api = APIRouter(prefix="/api", tags=["export"])

    @api.get("/export", response_class=StreamingResponse,
             responses={200: {"content": _content(), "description": "the export file"},
                        **error_responses(400, 413, 414, 422, 503)})
    def export(store: Annotated[Store, Depends(get_store)],
               filters: Annotated[EventFilter, Depends(event_filter)],
               format: FormatName = "jsonl",
               limit: Annotated[int, Query(ge=1, le=settings.max_export_rows)] = (
                   settings.max_export_rows),
               ) -> StreamingResponse:
        """Matching events as a file: native JSONL, PLOVER JSONL, GDELT 2.0 TSV, CSV or
        Parquet (see docs/api.md for the columns)."""
        spec = FORMATS[format]
        spool = tempfile.SpooledTemporaryFile(max_size=16 << 20)  # noqa: SIM115 (closed below)
        try:
            rows = export_events(store, filters, format, spool, limit=limit)  # type: ignore[arg-type]
        except BaseException:
            spool.close()
            raise
        spool.seek(0)

        def chunks() -> Iterator[bytes]:
            while chunk := spool.read(CHUNK):
                yield chunk

        headers = {"Content-Disposition": f'attachment; filename="events{spec.suffix}"',
                   "X-Eventwire-Rows": str(rows)}
        return StreamingResponse(chunks(), media_type=spec.media_type, headers=headers,
                                 background=BackgroundTask(spool.close))

    return api
