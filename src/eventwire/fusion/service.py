"""The plain functions behind ``eventwire fuse``, ``claims``, ``dyad`` and ``events --fused``,
for the CLI, the HTTP API and the web UI alike (``docs/fusion.md`` lists them).

Each takes an open store and returns plain values (rows as dicts, dataclasses with
``to_dict``); none prints or formats.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from sqlalchemy import Connection

from eventwire.errors import EventwireError
from eventwire.fusion.claims import Claims, claims_of
from eventwire.fusion.cluster import Cluster
from eventwire.fusion.dyads import ActorSpec, DyadEvent, DyadSeries, dyad_series
from eventwire.fusion.fused import summarise
from eventwire.fusion.options import FusionOptions
from eventwire.fusion.reports import ActorRef
from eventwire.fusion.run import FuseResult, fuse
from eventwire.store.base import CountOptions, EventFilter, Page, Period
from eventwire.store.fused import members, stories
from eventwire.store.fused_queries import FusedRow, fused_ids_with, fused_page, fused_rows
from eventwire.store.queries import get_document
from eventwire.store.sql import SqlStore

__all__ = ["FuseResult", "FusedEventNotFoundError", "claims", "dyad", "fuse", "fused_event",
           "fused_events", "kb_ids", "outlet_is_state_media"]

KB_SCORE = 0.9
"""KB candidates at or above this score are taken as what a typed name means (exact names and
acronyms score 0.95-1.0; a bare surname scores 0.8 and is matched in names instead)."""


class FusedEventNotFoundError(EventwireError, LookupError):
    def __init__(self, fused_id: str) -> None:
        super().__init__(f"no fused event with id {fused_id!r} in the store "
                         "(eventwire events --fused lists them; run eventwire fuse first)")
        self.fused_id = fused_id


@functools.cache
def kb_ids(name: str) -> list[str]:
    """KB ids a typed name stands for (exact names and acronyms only)."""
    from eventwire.kb.loader import default_kb

    return [c.entity.id for c in default_kb().lookup(name) if c.score >= KB_SCORE]


@functools.cache
def outlet_is_state_media(outlet: str) -> bool:
    """The publishing outlet is a state-controlled medium the KB knows (KCNA, TASS, Xinhua)."""
    from eventwire.kb.loader import default_kb

    kb = default_kb()
    return any(c.entity.state_media and c.entity.type == "organization"
               for c in kb.lookup(outlet) if c.score >= KB_SCORE)


def fused_events(store: SqlStore, filters: EventFilter | None = None, *,
                 limit: int | None = 50, offset: int = 0) -> Page[FusedRow]:
    """Fused events with at least one report the filter accepts, newest first."""
    return store._read(lambda conn: fused_page(conn, filters, limit, offset))


def fused_event(store: SqlStore, fused_id: str) -> FusedRow:
    rows = store._read(lambda conn: fused_rows(conn, [fused_id]))
    if not rows:
        raise FusedEventNotFoundError(fused_id)
    return rows[0]


def claims(store: SqlStore, fused_id: str, options: FusionOptions | None = None) -> Claims:
    """Who claims what about one fused event (with quotes from the stored documents)."""
    opts = options or FusionOptions()

    def read(conn: Connection) -> Claims:
        found = members(conn, [fused_id]).get(fused_id)
        if not found:
            raise FusedEventNotFoundError(fused_id)
        doc_ids = {m.report.document_id for m in found}
        story = stories(conn, doc_ids)
        docs = {d: doc for d in sorted(doc_ids) if (doc := get_document(conn, d)) is not None}
        event = summarise(Cluster(fused_id, found), story)
        return claims_of(event, story, docs, outlet_is_state_media, opts.exclusive_modes)

    return store._read(read)


def actor_spec(text: str) -> ActorSpec:
    """A dyad side; a name the KB knows as a state means all actors of that state."""
    spec = ActorSpec.parse(text, kb_ids)
    states = [i.removeprefix("state:") for i in spec.kb_ids if i.startswith("state:")]
    if states and len(states) == len(spec.kb_ids):
        return ActorSpec(text, country=states[0])
    return spec


def _dyad_event(row: FusedRow) -> DyadEvent:
    def side(role: str) -> tuple[ActorRef, ...]:
        return tuple(ActorRef(name=a["name"], type=a["type"], kb_id=a["kb_id"],
                              country=a["country"]) for a in row[f"{role}_actors"])

    date = row.get("date_start") or row["first_published"]
    day = dt.date.fromisoformat(date) if isinstance(date, str) else date
    return DyadEvent(row["id"], row["type"], row["quad"], row["intensity"], day,
                     side("source"), side("target"), row["report_count"], row["story_count"])


def dyad(store: SqlStore, a: str, b: str, by: Period = "month", *,
         since: dt.date | None = None, until: dt.date | None = None,
         types: Sequence[str] = (), options: FusionOptions | None = None) -> DyadSeries:
    """Fused events between ``a`` and ``b`` (ISO3 countries, KB ids or names) per period."""
    opts = options or FusionOptions()
    spec_a, spec_b = actor_spec(a), actor_spec(b)
    wanted = set(CountOptions(by=by, since=since, until=until, types=tuple(types)).types)

    def read(conn: Connection) -> list[DyadEvent]:
        ids = fused_ids_with(conn, [spec_a, spec_b])
        return [_dyad_event(r) for r in fused_rows(conn, ids)]

    events = [e for e in store._read(read)
              if (not wanted or e.type in wanted)
              and (since is None or (e.day is not None and e.day >= since))
              and (until is None or (e.day is not None and e.day <= until))]
    return dyad_series(events, spec_a, spec_b, by, opts.symmetric_types)
