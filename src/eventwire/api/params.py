"""Query parameters shared by several routes, declared once so the spec and the checks agree.

Every free-text parameter has a length limit and refuses NUL characters (PostgreSQL cannot
store them, so they could only ever be an attack or an accident).
"""


import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import HTTPException, Query, Request
from pydantic import BeforeValidator

from eventwire.api.settings import ApiSettings
from eventwire.model import PloverType
from eventwire.store.base import EventFilter, Store

TEXT = r"^[^\x00]*$"
COUNTRY = r"^[A-Za-z]{3}$"
MAX_OFFSET = 1_000_000_000

Text = Annotated[str | None, Query(max_length=200, pattern=TEXT)]
Country = Annotated[str | None, Query(pattern=COUNTRY, description="ISO 3166-1 alpha-3, e.g. DEU")]
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_day(value: object) -> object:
    """Only ``YYYY-MM-DD``: pydantic would also read ``0`` or ``1.5`` as a Unix timestamp."""
    if isinstance(value, str) and not ISO_DAY.fullmatch(value):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    return value


Day = Annotated[dt.date | None, BeforeValidator(iso_day), Query(description="YYYY-MM-DD")]
Types = Annotated[list[PloverType], Query(alias="type", description="PLOVER event types")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


REPEATABLE = frozenset({"type"})


def single_values(request: Request) -> None:
    """A parameter given twice (``since=...&since=...``) is refused: which one counts would be
    a guess. Only list parameters (``type``) may repeat."""
    seen: set[str] = set()
    for key, _ in request.query_params.multi_items():
        if key in seen and key not in REPEATABLE:
            raise HTTPException(422, f"invalid query.{key}: given more than once; give it once")
        seen.add(key)


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


def event_filter(
    actor: Text = None, country: Country = None, types: Types = [],  # noqa: B006
    since: Day = None, until: Day = None, reported_by: Text = None,
    outlet: Annotated[str | None, Query(max_length=200, pattern=TEXT,
                                        description="publishing outlet (substring)")] = None,
    text: Annotated[str | None, Query(max_length=200, pattern=TEXT,
                                      description="words in the evidence sentence")] = None,
    document_id: Text = None, nonfactual: bool = False,
) -> EventFilter:
    """The filters of ``GET /api/events``; a bad combination (since after until) is a 400."""
    return EventFilter(actor=actor, country=country, types=tuple(types),
                       since=since, until=until, reported_by=reported_by, outlet=outlet,
                       text=text, document_id=document_id, include_nonfactual=nonfactual)


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(settings: ApiSettings) -> Callable[..., Paging]:
    """A dependency with this server's page size limits in its (documented) constraints."""

    def dependency(
        limit: Annotated[int, Query(ge=1, le=settings.max_limit,
                                    description=f"rows per page, at most {settings.max_limit}")
                         ] = settings.default_limit,
        offset: Offset = 0,
    ) -> Paging:
        return Paging(limit, offset)

    return dependency


def country_spec(value: str) -> str:
    """``RUS`` and ``country:rus`` both mean every Russian actor, as the store's dyad reads."""
    if value.lower().startswith("country:"):
        return "country:" + value.split(":", 1)[1].strip().upper()
    if len(value) == 3 and value.isalpha() and value.isupper():
        return f"country:{value}"
    return value
