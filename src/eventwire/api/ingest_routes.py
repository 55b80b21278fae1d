"""``POST /api/ingest``: the one write, behind a bearer token.

The token comes from the settings (``EVENTWIRE_API_TOKEN``); without one, writes are off. It is
compared in constant time, so response timing tells nothing about how much of a guess was right.
Ingests run one at a time: the pipeline and SQLite both want a single writer.
"""


import hashlib
import hmac
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from eventwire.api.errors import error_responses
from eventwire.api.params import get_settings, get_store
from eventwire.api.schemas import IngestDocument, IngestRequest, IngestResponse
from eventwire.api.settings import ApiSettings
from eventwire.extract import ExtractOptions
from eventwire.model import Document
from eventwire.store.base import Store
from eventwire.store.ingest import ingest_documents

bearer = HTTPBearer(auto_error=False, description="the server's EVENTWIRE_API_TOKEN")
_one_writer = threading.Lock()


def require_token(settings: Annotated[ApiSettings, Depends(get_settings)],
                  credentials: Annotated[HTTPAuthorizationCredentials | None,
                                         Depends(bearer)]) -> None:
    if settings.token is None:
        raise HTTPException(403, "writes are disabled on this server: start it with "
                                 "EVENTWIRE_API_TOKEN set to enable POST /api/ingest")
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None:
        raise HTTPException(401, "missing token: send 'Authorization: Bearer TOKEN'",
                            headers=challenge)
    given = credentials.credentials.encode("utf-8")
    if not hmac.compare_digest(given, settings.token.encode("utf-8")):
        raise HTTPException(401, "wrong token", headers=challenge)


def to_document(item: IngestDocument) -> Document:
    doc_id = item.id or "api-" + hashlib.sha256(item.text.encode("utf-8")).hexdigest()[:16]
    return Document(id=doc_id, text=item.text, title=item.title, url=item.url,
                    source=item.source, published=item.published,
                    published_from="api" if item.published else None,
                    lang=None if item.lang == "auto" else item.lang)


def router(settings: ApiSettings) -> APIRouter:
    api = APIRouter(prefix="/api", tags=["ingest"])

    @api.post("/ingest", response_model=IngestResponse,
              dependencies=[Depends(require_token)],
              responses=error_responses(400, 401, 403, 413, 414, 422, 503))
    def ingest(body: IngestRequest,
               store: Annotated[Store, Depends(get_store)]) -> dict[str, Any]:
        """Code texts with the pipeline and store them (needs the bearer token). Each document
        is stored or reported on its own; a failure in one never loses the others."""
        docs = [to_document(d) for d in body.documents]
        with _one_writer:
            report = ingest_documents(store, docs, ExtractOptions(), force=body.force)
        return {"results": [{"document_id": r.document_id, "status": r.status}
                            for r in report.results],
                "failed": report.failed, "problems": report.problems}

    return api
