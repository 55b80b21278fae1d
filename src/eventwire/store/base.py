"""The one interface every store implements, and the plain values that cross it.

The CLI, the HTTP API and the batch runner only see :class:`Store`; SQLite and PostgreSQL
are two configurations of one implementation (``eventwire.store.sql``), and the contract tests
in ``tests/store/`` run the same specification against each.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Generic, Literal, NamedTuple, Protocol, TypedDict, TypeVar

from eventwire.errors import EventwireError
from eventwire.model import PLOVER_TYPES, Document

SaveStatus = Literal["inserted", "updated", "unchanged"]
Period = Literal["day", "week", "month"]
PERIODS: tuple[Period, ...] = ("day", "week", "month")
ACTOR_TYPES = ("person", "organization", "state", "location", "group")
EventRow = dict[str, Any]
"""One event: the contract's event fields, plus ``document_id``, ``published``, ``outlet``,
``url``, ``source_names``, ``target_names``, ``reported_by_names`` and ``actors`` (the actors
the event names, by id: ``name``, ``type``, ``country``, ``kb_id``)."""

T = TypeVar("T")


class StoreError(EventwireError):
    """The database cannot be opened, migrated or written; the message names it."""


class DocumentNotFoundError(StoreError, LookupError):
    def __init__(self, document_id: str) -> None:
        super().__init__(f"no document with id {document_id!r} in the store")
        self.document_id = document_id


class FilterError(StoreError, ValueError):
    """A filter value the store cannot use; the message lists what it accepts."""


@dataclass(frozen=True)
class SaveResult:
    """What :meth:`Store.save` did, and under which id the document is stored.

    The id is the document's own id unless another stored document already has it.
    """

    document_id: str
    status: SaveStatus


class Page(NamedTuple, Generic[T]):
    """One page of a query and the number of rows on all pages (unpacks as ``rows, total``)."""

    rows: list[T]
    total: int


class DocumentRow(TypedDict):
    id: str
    url: str | None
    source: str | None
    title: str | None
    lang: str | None
    published: str | None
    published_from: str | None
    content_hash: str
    ingested_at: str
    updated_at: str
    events: int
    actors: int


class ActorRow(TypedDict):
    """One actor across documents: KB actors by ``kb_id``, guessed ones by name and type."""

    kb_id: str | None
    name: str
    type: str
    country: str | None
    documents: int
    events: int


class CountRow(TypedDict):
    """Events per period and PLOVER type; ``source``/``target`` name the side asked for."""

    period: str
    source: str
    target: str
    type: str
    events: int
    intensity: float | None


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise FilterError(f"country {value!r} is not an ISO 3166-1 alpha-3 code such as DEU")
    return code


def _types(values: tuple[str, ...]) -> tuple[str, ...]:
    types = tuple(t.strip().upper() for t in values)
    unknown = [t for t in types if t not in PLOVER_TYPES]
    if unknown:
        raise FilterError(f"unknown event type {', '.join(unknown)}; "
                          f"supported: {', '.join(PLOVER_TYPES)}")
    return types


def _check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise FilterError(f"since {since} is after until {until}")


@dataclass(frozen=True)
class EventFilter:
    """Which events to return; every field left ``None`` matches everything.

    ``actor`` matches a source or target by actor id, or as a case-insensitive substring of
    its name, KB id or any mention ("Russland" finds Russia). ``country`` matches a source or
    target's country. ``since``/``until`` compare with the event's date range ("2023-05" spans
    the month), or with the publication date when the text gives no date. ``reported_by``
    matches an actor in the reporting chain; ``outlet`` the publishing outlet (substring);
    ``text`` the evidence sentence (substring).
    """

    actor: str | None = None
    country: str | None = None
    types: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    reported_by: str | None = None
    outlet: str | None = None
    text: str | None = None
    document_id: str | None = None
    include_nonfactual: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "types", _types(self.types))
        object.__setattr__(self, "country", _country(self.country))
        _check_range(self.since, self.until)


@dataclass(frozen=True)
class DocumentFilter:
    """Which documents to list: outlet substring, language, publication date range, URL."""

    source: str | None = None
    lang: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        _check_range(self.since, self.until)


@dataclass(frozen=True)
class ActorFilter:
    """Which actors to list; ``name`` matches as :attr:`EventFilter.actor` does."""

    name: str | None = None
    type: str | None = None
    country: str | None = None
    document_id: str | None = None

    def __post_init__(self) -> None:
        if self.type is not None and self.type not in ACTOR_TYPES:
            raise FilterError(f"unknown actor type {self.type!r}; supported: "
                              f"{', '.join(ACTOR_TYPES)}")
        object.__setattr__(self, "country", _country(self.country))


@dataclass(frozen=True)
class CountOptions:
    """How :meth:`Store.dyad` and :meth:`Store.timeline` bucket events."""

    by: Period = "month"
    since: dt.date | None = None
    until: dt.date | None = None
    types: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.by not in PERIODS:
            raise FilterError(f"unknown period {self.by!r}; supported: {', '.join(PERIODS)}")
        object.__setattr__(self, "types", _types(self.types))
        _check_range(self.since, self.until)


class Store(Protocol):
    """Coded documents in, events, documents and actors out.

    A document is identified by its URL, else by its text: saving the same one again changes
    nothing, and a changed text under a known URL replaces everything stored for it.
    """

    @property
    def url(self) -> str:
        """Where the store lives, safe to print (passwords hidden)."""
        ...

    def save(self, doc: Document, *, force: bool = False) -> SaveResult:
        """Store a coded document; ``force`` rewrites it even when its text is unchanged."""
        ...

    def unchanged_id(self, doc: Document) -> str | None:
        """The id under which this very text is already stored (``save`` would change
        nothing), or None; lets an ingest skip coding what it has seen."""
        ...

    def get_document(self, document_id: str) -> Document:
        """The stored document (without tokens); raises :class:`DocumentNotFoundError`."""
        ...

    def delete_document(self, document_id: str) -> bool:
        ...

    def documents(self, filters: DocumentFilter | None = None, *, limit: int | None = 50,
                  offset: int = 0) -> Page[DocumentRow]:
        ...

    def events(self, filters: EventFilter | None = None, *, limit: int | None = 50,
               offset: int = 0) -> Page[EventRow]:
        """Newest first (by event date, else publication date), then in document order."""
        ...

    def actors(self, filters: ActorFilter | None = None, *, limit: int | None = 50,
               offset: int = 0) -> Page[ActorRow]:
        """Most active first."""
        ...

    def dyad(self, a: str, b: str, options: CountOptions | None = None) -> list[CountRow]:
        """Events from ``a`` to ``b`` and from ``b`` to ``a`` per period and type.

        ``a`` and ``b`` match actors as :attr:`EventFilter.actor` does, or all actors of a
        country when given as ``DEU`` or ``country:DEU``.
        """
        ...

    def timeline(self, actor: str, options: CountOptions | None = None) -> list[CountRow]:
        """Events per period and type with ``actor`` as source (``source`` = actor, ``target``
        = ``*``) and as target (the reverse)."""
        ...

    def count(self) -> int:
        """Number of stored documents."""
        ...

    def stats(self) -> dict[str, int]:
        """Rows per table: documents, actors, events, quotes, timex, places."""
        ...

    def close(self) -> None:
        ...
