"""Writers: records in, bytes out, one function per format, streaming where the format allows.

Parquet needs pyarrow (``pip install 'eventwire[export]'``); it is imported only when asked
for, so the other formats work without it.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, BinaryIO

from eventwire.errors import EventwireError
from eventwire.export.attribution import event_chain
from eventwire.export.flat import COLUMNS, NAMES, flat_row
from eventwire.export.gdelt import gdelt_lines
from eventwire.export.plover import plover_record
from eventwire.export.records import Record

BATCH = 1000


class ExportError(EventwireError):
    """An export cannot be written (a missing optional dependency, an unknown format)."""


def _json_line(value: dict[str, Any]) -> bytes:
    return (json.dumps(value, ensure_ascii=False) + "\n").encode("utf-8")


def write_jsonl(records: Iterable[Record], out: BinaryIO) -> int:
    """The store's event rows as they are, plus each event's attribution chain."""
    n = 0
    for record in records:
        out.write(_json_line({**record.row, "attribution": event_chain(record.doc, record.event)}))
        n += 1
    return n


def write_plover(records: Iterable[Record], out: BinaryIO) -> int:
    n = 0
    for record in records:
        out.write(_json_line(plover_record(record)))
        n += 1
    return n


def write_gdelt(records: Iterable[Record], out: BinaryIO) -> int:
    n = 0
    for line in gdelt_lines(iter(records)):
        out.write(line.encode("utf-8"))
        n += 1
    return n


def write_csv(records: Iterable[Record], out: BinaryIO) -> int:
    """RFC 4180 CSV with a header line, UTF-8; empty cells for unknown values."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=list(NAMES))
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow(flat_row(record))
        n += 1
    text.flush()
    text.detach()
    return n


def parquet_schema() -> Any:
    """The pyarrow schema of the flat columns (strings, 64-bit integers and floats)."""
    pa = _pyarrow()
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS])


def write_parquet(records: Iterable[Record], out: BinaryIO) -> int:
    """The flat columns as one Parquet file, written in row groups of ``BATCH`` events."""
    pa = _pyarrow()
    pq = importlib.import_module("pyarrow.parquet")
    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        for batch in _batches(iter(records)):
            rows = [flat_row(r) for r in batch]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _batches(records: Iterator[Record]) -> Iterator[list[Record]]:
    while batch := list(islice(records, BATCH)):
        yield batch


def _pyarrow() -> Any:
    """pyarrow, imported on first use (it ships no type information, hence ``Any``)."""
    try:
        return importlib.import_module("pyarrow")
    except ImportError as exc:
        raise ExportError("Parquet export needs pyarrow: pip install 'eventwire[export]'") from exc
