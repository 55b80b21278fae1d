"""``eventwire fuse``: bring a store's fused events up to date with its documents.

One run, in one write transaction on the store's single writer path:

1. documents fusion has not seen (or whose text changed) are checked for syndicated copies;
2. asserted events not yet fused become reports, in canonical order;
3. fused events that could take them (same type, dates within reach) are loaded, with those
   that lost reports because a document was deleted or re-coded;
4. each report joins one of them or founds a new one; every touched fused event is summarised
   and saved again, empty ones are deleted.

Running it again without new documents changes nothing; ``rebuild`` starts from scratch and
gives the ids a batch run over the same documents gives.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection

from eventwire.fusion.cluster import Clusterer
from eventwire.fusion.copies import detect_copies
from eventwire.fusion.fused import summarise
from eventwire.fusion.options import FusionOptions
from eventwire.fusion.reports import Report, reports_from_document
from eventwire.store import fused as fq
from eventwire.store.queries import get_document
from eventwire.store.sql import SqlStore


@dataclass(frozen=True)
class FuseResult:
    """What a run did; ``summary`` is the line the CLI prints."""

    documents: int
    copies: int
    reports: int
    created: int
    updated: int
    deleted: int
    total_events: int
    total_reports: int

    def summary(self) -> str:
        return (f"documents={self.documents} copies={self.copies} reports={self.reports} "
                f"created={self.created} updated={self.updated} deleted={self.deleted} "
                f"fused_events={self.total_events} fused_reports={self.total_reports}")


def fuse(store: SqlStore, options: FusionOptions | None = None, *,
         rebuild: bool = False) -> FuseResult:
    """Fuse what is new in the store; see the module docstring."""
    opts = options or FusionOptions()
    # The store's one writer: a concurrent ingest or fuse waits instead of racing.
    return store._write(lambda conn: _fuse(conn, opts, rebuild, dt.datetime.now(dt.UTC)))


def _fuse(conn: Connection, options: FusionOptions, rebuild: bool,
          now: dt.datetime) -> FuseResult:
    if rebuild:
        fq.clear(conn)
    pending = fq.pending_documents(conn)
    records = detect_copies(fq.iter_texts(conn, pending), fq.copy_records(conn),
                            lambda ids: fq.texts(conn, ids), options.copy_threshold)
    fq.save_copy_records(conn, records)
    stories = fq.stories(conn)
    new = _new_reports(conn, options)
    clusterer = Clusterer(options, stories)
    stale = fq.stale_fused_ids(conn)
    nearby = _nearby(conn, new, options)
    loaded = fq.members(conn, stale | nearby)
    for fused_id in sorted(loaded, key=lambda i: (min(m.report.order() for m in loaded[i]), i)):
        clusterer.restore(fused_id, loaded[fused_id])
    assignments = clusterer.add_all(new)
    touched = {a.fused_id for a in assignments} | (stale & set(loaded))
    empty = stale - set(loaded)
    fq.delete_fused(conn, empty)
    for fused_id in sorted(touched):
        fq.save_fused(conn, summarise(clusterer.clusters[fused_id], stories), now)
    created = sum(1 for a in assignments if a.founded)
    keys = fq.report_keys(conn)
    return FuseResult(
        documents=len(pending), copies=sum(1 for r in records if r.copy_of),
        reports=len(new), created=created, updated=len(touched) - created,
        deleted=len(empty), total_events=len(set(keys.values())), total_reports=len(keys))


def _new_reports(conn: Connection, options: FusionOptions) -> list[Report]:
    reports: list[Report] = []
    unfused = fq.unfused_documents(conn, options.factualities)
    for document_id, event_ids in sorted(unfused.items()):
        doc = get_document(conn, document_id)
        if doc is None:
            continue
        reports += [r for r in reports_from_document(doc, options.undated_lookback_days,
                                                     options.factualities)
                    if r.event_id in event_ids]
    return reports


def _nearby(conn: Connection, reports: list[Report], options: FusionOptions) -> set[str]:
    """Stored fused events the new reports could join: same type, dates within reach."""
    if not reports:
        return set()
    starts = [r.date_start for r in reports if r.date_start]
    ends = [r.date_end for r in reports if r.date_end]
    reach = dt.timedelta(days=options.date_tolerance_days)
    undated = len(starts) < len(reports)
    start = None if undated or not starts else min(starts) - reach
    end = None if undated or not ends else max(ends) + reach
    return fq.fused_ids_near(conn, {r.type for r in reports}, start, end)
