"""Every error the API answers is JSON of one shape: ``{"status": N, "message": "..."}``.

The message says what was wrong and what is accepted, as the store's own errors do; validation
errors add the offending fields in ``errors``. Nothing internal (SQL, tracebacks) leaks out.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.errors import DataFileError, EventwireError
from eventwire.store.base import DocumentNotFoundError, FilterError, StoreError

log = logging.getLogger("eventwire.api")


class FieldError(BaseModel):
    loc: list[str | int]
    msg: str


class ErrorBody(BaseModel):
    status: int
    message: str
    errors: list[FieldError] | None = None


def _response(status: int, message: str, errors: list[FieldError] | None = None,
              headers: Mapping[str, str] | None = None) -> JSONResponse:
    body = ErrorBody(status=status, message=message, errors=errors)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, headers=headers)


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error codes a route can answer."""
    words = {400: "Bad filter or parameter", 401: "Missing or wrong token",
             403: "Writes are disabled", 404: "Not found", 413: "Request too large",
             414: "URL too long", 422: "Invalid parameter or body",
             503: "The store cannot be read"}
    return {code: {"model": ErrorBody, "description": words[code]} for code in codes}


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return _response(exc.status_code, str(exc.detail), headers=exc.headers)


def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [FieldError(loc=[str(p) if not isinstance(p, int) else p for p in e.get("loc", ())],
                         msg=str(e.get("msg", "invalid"))) for e in exc.errors()]
    first = errors[0] if errors else None
    where = ".".join(str(p) for p in first.loc) if first else "request"
    message = f"invalid {where}: {first.msg}" if first else "invalid request"
    return _response(422, message, errors)


def _filter_error(request: Request, exc: Exception) -> JSONResponse:
    return _response(400, str(exc))


def _not_found(request: Request, exc: Exception) -> JSONResponse:
    return _response(404, str(exc))


def _store_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("store error on %s: %s", request.url.path, exc)
    return _response(503, "the event store cannot be read; see the server log")


def _data_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("data file error on %s: %s", request.url.path, exc)
    return _response(500, "a data file of this server is invalid; see the server log")


def _eventwire_error(request: Request, exc: Exception) -> JSONResponse:
    return _response(400, str(exc))


def install(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(FilterError, _filter_error)
    app.add_exception_handler(DocumentNotFoundError, _not_found)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(DataFileError, _data_error)
    app.add_exception_handler(EventwireError, _eventwire_error)


def json_error(status: int, message: str) -> JSONResponse:
    """For middleware, which answers before FastAPI's handlers run."""
    return _response(status, message)
