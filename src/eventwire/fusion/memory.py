"""Fusion without a store: coded documents in, fused events out.

For library users and tests. The store's ``eventwire fuse`` does the same steps incrementally
and keeps the results; both give the same fused events for the same documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.fusion.cluster import Clusterer
from eventwire.fusion.copies import CopyRecord, detect_copies
from eventwire.fusion.fused import FusedEvent, summarise
from eventwire.fusion.options import FusionOptions
from eventwire.fusion.reports import reports_from_document
from eventwire.model import Document
from eventwire.store.rows import content_hash


@dataclass(frozen=True)
class Fusion:
    events: list[FusedEvent]
    """Fused events, in the order they were founded (first published first)."""
    stories: dict[str, str]
    """Document id -> the first document of its wire story."""
    copies: list[CopyRecord]


def fuse_documents(docs: Sequence[Document], options: FusionOptions | None = None) -> Fusion:
    opts = options or FusionOptions()
    ordered = sorted(docs, key=lambda d: (d.published or dt.date.max, d.id))
    records = detect_copies(((d.id, content_hash(d.text), d.text) for d in ordered), [],
                            lambda ids: {}, opts.copy_threshold)
    stories = {r.document_id: r.copy_of or r.document_id for r in records}
    clusterer = Clusterer(opts, stories)
    clusterer.add_all(r for d in ordered for r in reports_from_document(
        d, opts.undated_lookback_days, opts.factualities))
    clusters = sorted(clusterer.clusters.values(), key=lambda c: c.sequence)
    return Fusion([summarise(c, stories) for c in clusters], stories, records)
