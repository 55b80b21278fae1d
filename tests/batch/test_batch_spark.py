"""The Spark engine in local mode produces the same events as the local runner on one input.

Real Spark (local[2], a real JVM), real worker processes; skipped with a reason where Java or
pyspark is missing (CI installs the 'spark' extra and has Java 17).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from batch_corpus import broken_bytes, syndicate

from eventwire.batch import BatchOptions, run_batch

REPO = Path(__file__).resolve().parents[2]
DEV = REPO / "tests" / "data"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (17 or later)"),
]


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    texts = sorted((DEV / "dev-de").glob("*.txt"))[:8] + sorted((DEV / "dev-en").glob("*.txt"))[:4]
    for path in texts:
        shutil.copy(path, folder / path.name)
    (folder / "zz-copy.txt").write_text(syndicate(texts[0].read_text(encoding="utf-8")),
                                        encoding="utf-8")
    for n, kind in enumerate(("binary", "truncated-gzip", "malformed-rss")):
        name, data = broken_bytes(kind, n)
        (folder / name).write_bytes(data)
    (folder / "records.jsonl").write_text(json.dumps({
        "id": "rec-1", "text": "Die Bundesregierung hat am Montag neue Sanktionen gegen den "
        "Iran verhängt.", "published": "2022-10-17", "url": "https://example.org/rec-1"}) +
        "\n", encoding="utf-8")
    return folder


def _local_events(db: Path) -> set[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT document_id, event_id, type, mode, cameo, source, target, "
                            "date, reported_by, evidence, factuality, nonfactual FROM events")
        return {(d, e, t, m, c, tuple(json.loads(s)), tuple(json.loads(g)), dt,
                 tuple(json.loads(r)), json.loads(ev)["text"], json.loads(ev)["start"], f,
                 bool(n)) for d, e, t, m, c, s, g, dt, r, ev, f, n in rows}


def _spark_events(output: Path) -> set[tuple[object, ...]]:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.getOrCreate()
    rows = spark.read.parquet(str(output / "events")).collect()
    return {(r.document_id, r.event_id, r.type, r.mode, r.cameo, tuple(r.source),
             tuple(r.target), r.event_date, tuple(r.reported_by), r.evidence_text,
             r.evidence_start, r.factuality, r.nonfactual) for r in rows}


def test_batch_spark_local_mode_codes_the_same_events_as_the_local_engine(tmp_path):
    pytest.importorskip("pyspark", reason="the 'spark' extra is not installed")
    folder = _inputs(tmp_path / "in")
    db, output = tmp_path / "local.db", tmp_path / "out"
    local = run_batch([str(folder)], BatchOptions(db=str(db), workers=0, progress=False,
                                                  published=_day()))
    spark = run_batch([str(folder)], BatchOptions(engine="spark", output=str(output),
                                                  workers=2, published=_day()))

    expected = _local_events(db)
    assert expected, "the local engine coded no events: the comparison would say nothing"
    assert _spark_events(output) == expected
    for status in ("inserted", "copy"):
        assert spark.counts[status] == local.counts[status]
    assert {r.reason for r in spark.rejects} == {r.reason for r in local.rejects}
    assert all((output / table / "_SUCCESS").exists()
               for table in ("documents", "events", "actors", "quotes", "copies"))
    assert any(p.name.startswith("date=") for p in (output / "documents").iterdir())


def _day():
    import datetime as dt

    return dt.date(2024, 3, 1)
