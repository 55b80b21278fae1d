"""Event exports for analysts: native JSONL, PLOVER JSONL, GDELT 2.0-style TSV, CSV, Parquet.

>>> export_events(store, EventFilter(country="PRK"), "plover", sys.stdout.buffer)  # doctest: +SKIP

One function for the CLI (``eventwire export``) and the HTTP API (``GET /api/export``): both
pass the same :class:`~eventwire.store.EventFilter` the event listing uses, so an export holds
exactly the rows the listing shows.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import BinaryIO

from eventwire.export.records import Record, iter_records
from eventwire.export.writers import (
    ExportError,
    write_csv,
    write_gdelt,
    write_jsonl,
    write_parquet,
    write_plover,
)
from eventwire.store.base import EventFilter, Store

Writer = Callable[[Iterable[Record], BinaryIO], int]


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    suffix: str
    write: Writer
    description: str


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("jsonl", "application/x-ndjson", ".jsonl", write_jsonl,
           "one event per line as GET /api/events gives it, plus its attribution chain"),
    Format("plover", "application/x-ndjson", ".plover.jsonl", write_plover,
           "PLOVER JSON records, one per line"),
    Format("gdelt", "text/tab-separated-values", ".tsv", write_gdelt,
           "GDELT 2.0 event table: 61 tab-separated columns, no header"),
    Format("csv", "text/csv", ".csv", write_csv, "flat columns with a header line"),
    Format("parquet", "application/vnd.apache.parquet", ".parquet", write_parquet,
           "the CSV's columns, typed, as Apache Parquet"),
)}

__all__ = ["FORMATS", "ExportError", "Format", "Record", "export_events", "iter_records"]


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise ExportError(f"unknown export format {name!r}; supported: "
                          f"{', '.join(FORMATS)}") from None


def export_events(store: Store, filters: EventFilter | None, fmt: str, out: BinaryIO, *,
                  limit: int | None = None) -> int:
    """Write the matching events (at most ``limit``) to ``out``; returns how many."""
    spec = get_format(fmt)
    records = iter_records(store, filters, limit=limit)
    if fmt != "parquet" or _seekable(out):
        return spec.write(records, out)
    # Parquet's writer wants a seekable file; a pipe gets a spooled copy.
    with tempfile.SpooledTemporaryFile(max_size=64 << 20) as spool:
        n = spec.write(records, spool)  # type: ignore[arg-type]
        spool.seek(0)
        shutil.copyfileobj(spool, out)
    return n


def _seekable(out: BinaryIO) -> bool:
    try:
        return out.seekable()
    except (AttributeError, ValueError):
        return False
