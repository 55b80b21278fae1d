"""Response and request bodies: the OpenAPI spec at ``/openapi.json`` is generated from these.

Output models mirror the store's rows (``eventwire.store.base``) and the document model; they
ignore fields they do not name, so the spec stays true when the store adds a field.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from eventwire.api.params import iso_day
from eventwire.model import Document

MAX_TEXT_CHARS = 200_000
MAX_INGEST_DOCUMENTS = 20
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


class SpanOut(_Out):
    text: str
    start: int
    end: int


class PlaceOut(_Out):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kb_id: str | None = None


class ActorBrief(_Out):
    name: str
    type: str
    country: str | None = None
    kb_id: str | None = None


class LinkOut(_Out):
    """One step of an attribution chain: the outlet, an actor the text cites, the speaker."""

    role: Literal["outlet", "reported_by", "speaker"]
    name: str | None = Field(description="null for an outlet the metadata does not name")
    actor_id: str | None = None


class EventOut(_Out):
    id: str
    type: str
    mode: str | None = None
    cameo: str | None = None
    quad: int | None = None
    intensity: float | None = None
    source: list[str]
    target: list[str]
    date: str | None = None
    date_text: str | None = None
    place: PlaceOut | None = None
    reported_by: list[str]
    trigger: SpanOut | None = None
    evidence: SpanOut
    confidence: float
    factuality: str
    sentence: int
    document_id: str
    nonfactual: bool
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    source_names: list[str]
    target_names: list[str]
    reported_by_names: list[str]
    actors: dict[str, ActorBrief]


class EventDetail(EventOut):
    attribution: list[LinkOut]
    title: str | None = None


class Paged(_Out):
    total: int = Field(description="rows on all pages")
    limit: int
    offset: int


class EventPage(Paged):
    items: list[EventOut]


class DocumentOut(_Out):
    id: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    lang: str | None = None
    published: str | None = None
    published_from: str | None = None
    content_hash: str
    ingested_at: str
    updated_at: str
    events: int
    actors: int


class DocumentPage(Paged):
    items: list[DocumentOut]


class DocumentDetail(Document):
    """The stored document, and the attribution chain of each event and quote by id."""

    event_attribution: dict[str, list[LinkOut]]
    quote_attribution: dict[str, list[LinkOut]]


class ActorOut(_Out):
    id: str = Field(description="the actor's graph node id: its kb_id, else name:TYPE:NAME")
    kb_id: str | None = None
    name: str
    type: str
    country: str | None = None
    documents: int
    events: int


class ActorPage(Paged):
    items: list[ActorOut]


class CountOut(_Out):
    period: str
    source: str
    target: str
    type: str
    events: int
    intensity: float | None = None


class TimelineOut(_Out):
    actor: str
    by: str
    items: list[CountOut]


class DyadPoint(_Out):
    """Events per period in each direction, with the mean PLOVER intensity of each."""

    period: str
    a_to_b: int
    b_to_a: int
    intensity_a_to_b: float | None = None
    intensity_b_to_a: float | None = None


class DyadOut(_Out):
    a: str
    b: str
    by: str
    series: list[DyadPoint]
    items: list[CountOut]
    events: EventPage


class GraphNodeOut(_Out):
    id: str
    name: str
    type: str
    country: str | None = None
    kb_id: str | None = None
    events: int


class GraphEdgeOut(_Out):
    source: str
    target: str
    events: int
    intensity: float | None = Field(default=None, description="summed PLOVER intensity")
    mean_intensity: float | None = None
    quads: dict[str, int] = Field(description="events per PLOVER quad class '1'..'4'")


class GraphOut(_Out):
    nodes: list[GraphNodeOut]
    edges: list[GraphEdgeOut]


class Health(_Out):
    status: Literal["ok"]
    documents: int


class IngestDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    id: str | None = Field(default=None, pattern=ID_PATTERN,
                           description="document id; default: a hash of the text")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200, description="the outlet")
    published: Annotated[dt.date | None, BeforeValidator(iso_day)] = None
    lang: Literal["auto", "de", "en"] = "auto"


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[IngestDocument] = Field(min_length=1, max_length=MAX_INGEST_DOCUMENTS)
    force: bool = Field(default=False, description="code again even unchanged texts")


class IngestResult(_Out):
    document_id: str
    status: str


class IngestResponse(_Out):
    results: list[IngestResult]
    failed: int
    problems: list[str]
