"""Every export format written, then loaded back with pandas or pyarrow: the same rows."""

from __future__ import annotations

import csv
import io
import json

import pytest

from eventwire.export import FORMATS, export_events, iter_records
from eventwire.export.flat import COLUMNS, NAMES, flat_row
from eventwire.export.gdelt import COLUMNS as GDELT_COLUMNS
from eventwire.export.gdelt import gdelt_row
from eventwire.export.plover import plover_record
from eventwire.store import EventFilter, SqlStore

pd = pytest.importorskip("pandas", reason="needs the export extra: pip install -e '.[export]'")
pq = pytest.importorskip("pyarrow.parquet", reason="needs the export extra")


def written(store: SqlStore, fmt: str, filters: EventFilter | None = None) -> bytes:
    out = io.BytesIO()
    n = export_events(store, filters, fmt, out)
    assert n == store.events(filters, limit=None).total
    return out.getvalue()


def as_text(value: object) -> str:
    return "" if value is None else str(value)


def test_export_jsonl_round_trips(export_store: SqlStore) -> None:
    data = written(export_store, "jsonl")
    loaded = pd.read_json(io.BytesIO(data), lines=True, dtype=False)
    rows = export_store.events(limit=None).rows
    assert len(loaded) == len(rows)
    lines = [json.loads(line) for line in data.decode().splitlines()]
    assert [{k: v for k, v in line.items() if k != "attribution"} for line in lines] == rows
    assert all(line["attribution"][0]["role"] == "outlet" for line in lines)


def test_export_csv_round_trips(export_store: SqlStore) -> None:
    data = written(export_store, "csv")
    loaded = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    assert list(loaded.columns) == list(NAMES)
    expected = [{k: as_text(v) for k, v in flat_row(r).items()}
                for r in iter_records(export_store)]
    assert loaded.to_dict("records") == expected
    assert 'Test\tWire, "Daily"; Edition' in set(loaded["outlet"])  # quoting keeps them


def test_export_parquet_round_trips_with_types(export_store: SqlStore) -> None:
    table = pq.read_table(io.BytesIO(written(export_store, "parquet")))
    assert table.column_names == list(NAMES)
    assert table.to_pylist() == [flat_row(r) for r in iter_records(export_store)]
    kinds = {name: kind for name, kind in COLUMNS}
    frame = table.to_pandas()
    assert str(table.schema.field("quad").type) == "int64" and kinds["quad"] == "int"
    assert frame.loc[frame["event_id"] == "e1", "cameo"].tolist()[0] == "042"


def test_export_gdelt_round_trips_61_columns(export_store: SqlStore) -> None:
    data = written(export_store, "gdelt")
    loaded = pd.read_csv(io.BytesIO(data), sep="\t", header=None, names=list(GDELT_COLUMNS),
                         dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)
    assert len(GDELT_COLUMNS) == 61 and loaded.shape[1] == 61
    expected = [gdelt_row(r) for r in iter_records(export_store)]
    assert loaded.values.tolist() == expected


def test_export_plover_round_trips(export_store: SqlStore) -> None:
    data = written(export_store, "plover")
    loaded = pd.read_json(io.BytesIO(data), lines=True, dtype=False)
    expected = [plover_record(r) for r in iter_records(export_store)]
    assert loaded["id"].tolist() == [r["id"] for r in expected]
    assert [json.loads(line) for line in data.decode().splitlines()] == expected


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_respects_the_event_filters(export_store: SqlStore, fmt: str) -> None:
    filters = EventFilter(country="PRK")
    out = io.BytesIO()
    n = export_events(export_store, filters, fmt, out)
    assert n == export_store.events(filters, limit=None).total == 3
    limited = export_events(export_store, None, fmt, io.BytesIO(), limit=1)
    assert limited == 1


def test_export_includes_nonfactual_events_only_when_asked(export_store: SqlStore) -> None:
    plain = [r.event.id for r in iter_records(export_store, EventFilter(document_id="visit"))]
    every = [r.event.id for r in iter_records(
        export_store, EventFilter(document_id="visit", include_nonfactual=True))]
    assert "e4" not in plain and "e4" in every
