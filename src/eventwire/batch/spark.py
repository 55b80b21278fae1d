"""The Spark engine: the same readers and pipeline on pyspark, Parquet out, partitioned by date.

Spark schedules, retries and scales; eventwire only supplies the per-partition function. Text,
HTML, feeds, JSON(L), WARC and archives are loaded as whole files (``binaryFile``) and read by
eventwire's own readers on the executors, so every format and every rejection reason is the
local engine's; Parquet inputs (a ``text`` column and optional metadata columns) are read by
Spark and turned into documents by the JSON-record rules. ``mapPartitions`` codes each
partition with a :class:`~eventwire.batch.worker.Coder` that each Python worker builds once
(pipeline, KB, signer) and keeps for every later partition (Spark reuses Python workers).

The driver then applies the store's rules in input order (:mod:`eventwire.batch.assign`) on
ids, hashes and signatures only, and documents, events, actors, quotes and copies are written
as Parquet under ``--output``, each partitioned by ``date`` (the publication day).
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from eventwire.batch.assign import Seen, decide
from eventwire.batch.options import BatchOptions
from eventwire.batch.report import BatchReport, Reject
from eventwire.batch.rows import ACTOR, DOCUMENT, EVENT, QUOTE, partition_date, parts, struct
from eventwire.batch.worker import Coder, Outcome, make_signer
from eventwire.errors import EventwireError, InputError
from eventwire.io.dispatch import read_source, wanted
from eventwire.io.finish import finished
from eventwire.io.records import parse_json, record_document
from eventwire.io.results import ReadResult
from eventwire.io.source import Source
from eventwire.store.rows import content_hash

CODED = (f"arg INT, path STRING, seq INT, name STRING, reason STRING, doc_id STRING, "
         f"url STRING, content_hash STRING, signature BINARY, date STRING, "
         f"document STRUCT<{struct(DOCUMENT)}>, events ARRAY<STRUCT<{struct(EVENT)}>>, "
         f"actors ARRAY<STRUCT<{struct(ACTOR)}>>, quotes ARRAY<STRUCT<{struct(QUOTE)}>>")
TABLES = ("documents", "events", "actors", "quotes", "copies")


class SparkUnavailable(EventwireError):
    """pyspark (or Java) is missing."""


def run_spark(inputs: Sequence[str], options: BatchOptions) -> BatchReport:
    report = BatchReport("spark", options.workers, target=str(options.output))
    start = time.perf_counter()
    spark = session(options)
    coded = frame(spark, inputs, options).persist()
    try:
        decisions = assign(spark, coded, options)
        write(coded, decisions, str(options.output))
        for name, reason in coded.where("reason IS NOT NULL").orderBy("arg", "path", "seq") \
                .select("name", "reason").toLocalIterator():
            report.rejects.append(Reject(name, "rejected", reason))
        report.counts["rejected"] = len(report.rejects)
        for row in decisions.groupBy("status").count().collect():
            report.counts[row["status"]] = row["count"]
        report.documents = sum(report.counts[s] for s in ("inserted", "unchanged", "copy"))
        report.inputs = len(inputs)
    finally:
        coded.unpersist()
    report.seconds = time.perf_counter() - start
    return report


def session(options: BatchOptions) -> Any:
    """The running session (``spark-submit``), or a local one with ``local[workers]``."""
    try:
        from pyspark import SparkConf
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkUnavailable("the spark engine needs the optional extra 'spark': "
                               "pip install 'eventwire[spark]' (and Java 17)") from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers use this interpreter
    conf = SparkConf().setAppName("eventwire-batch")
    if options.master:
        conf.setMaster(options.master)
    elif not conf.contains("spark.master"):
        conf.setMaster(f"local[{max(options.workers, 1)}]")
    if conf.get("spark.master", "").startswith("local"):
        conf.set("spark.ui.enabled", "false")
        conf.set("spark.ui.showConsoleProgress", "false")
    conf.set("spark.sql.session.timeZone", "UTC")
    return SparkSession.builder.config(conf=conf).getOrCreate()


def frame(spark: Any, inputs: Sequence[str], options: BatchOptions) -> Any:
    """One row per read result: the coded document's rows, or the reason it was rejected."""
    from pyspark.sql import functions as F

    rdds = []
    for arg, raw in enumerate(inputs):
        if is_parquet(raw):
            rows = spark.read.parquet(raw).rdd.zipWithIndex()
            rdds.append(rows.mapPartitions(functools.partial(code_records, options, arg, raw)))
        elif raw.lower().endswith((".jsonl", ".ndjson")):
            # Split by lines (a whole file would be one task); numbered before the shuffle.
            lines = spark.read.text(raw).rdd.zipWithIndex()
            lines = lines.repartition(2 * spark.sparkContext.defaultParallelism)
            rdds.append(lines.mapPartitions(functools.partial(code_lines, options, arg, raw)))
        else:
            root = raw if "://" in raw else str(Path(raw).resolve())
            files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
                     .load(raw).select(F.lit(arg).alias("arg"), F.lit(root).alias("root"),
                                       "path", "content"))
            rdds.append(files.rdd.mapPartitions(functools.partial(code_files, options)))
    rdd = rdds[0] if len(rdds) == 1 else spark.sparkContext.union(rdds)
    return spark.createDataFrame(rdd, CODED)


def is_parquet(raw: str) -> bool:
    if raw.lower().endswith(".parquet"):
        return True
    path = Path(raw)
    return path.is_dir() and any(p.suffix == ".parquet" for p in path.rglob("*.parquet"))


_CODERS: dict[BatchOptions, Coder] = {}


def coder(options: BatchOptions) -> Coder:
    """This Python worker's coder, built by the first partition it codes."""
    if options not in _CODERS:
        _CODERS[options] = Coder(options)
    return _CODERS[options]


def local_name(path: str) -> str:
    return path.removeprefix("file://").removeprefix("file:")


def listed(root: str, name: str) -> bool:
    """Whether the local engine's folder walk would read this file (see ``expand_paths``)."""
    if name == root.rstrip("/"):
        return True  # named on its own: read whatever it is, as the local engine does
    try:
        relative = PurePosixPath(name).relative_to(PurePosixPath(root))
    except ValueError:
        relative = PurePosixPath(PurePosixPath(name).name)
    if any(part.startswith(".") for part in relative.parts[:-1]):
        return False
    return wanted(relative.name)


def code_files(options: BatchOptions, rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    """The ``mapPartitions`` function for whole files."""
    work = coder(options)
    for row in rows:
        name = local_name(row.path)
        if not listed(local_name(row.root), name):
            continue
        source = Source.from_bytes(name, bytes(row.content), PurePosixPath(name).name)
        for seq, result in enumerate(_guarded(source, options)):
            yield result_row(work, row.arg, name, seq, result)


def _guarded(source: Source, options: BatchOptions) -> Iterator[ReadResult]:
    try:
        yield from read_source(source, options.read)
    except Exception as exc:  # broad on purpose: as read_inputs, one input must not stop a batch
        yield ReadResult.failed(source.name, f"unexpected error ({type(exc).__name__}: {exc})")


def code_records(options: BatchOptions, arg: int, raw: str,
                 rows: Iterable[tuple[Any, int]]) -> Iterator[tuple[Any, ...]]:
    """The ``mapPartitions`` function for Parquet rows: each row is a JSON-style record."""
    work = coder(options)
    stem = PurePosixPath(raw.rstrip("/")).stem
    for row, index in rows:
        name = f"{raw}#{index + 1}"
        try:
            doc, author = record_document(row.asDict(), name, f"{stem}-{index + 1}")
            result = finished(name, doc, options.read, author)
        except InputError as exc:
            result = ReadResult.of(exc)
        yield result_row(work, arg, f"{raw}#{index + 1:012d}", 0, result)


def code_lines(options: BatchOptions, arg: int, raw: str,
               rows: Iterable[tuple[Any, int]]) -> Iterator[tuple[Any, ...]]:
    """The ``mapPartitions`` function for JSON Lines read line by line: as ``read_jsonl``,
    line ``n`` is named ``file:n`` and gets the id ``stem-n``; blank lines are skipped."""
    work = coder(options)
    stem = Source.from_bytes(raw, b"", PurePosixPath(raw).name).stem
    for row, index in rows:
        n = index + 1
        if not row.value.strip():
            continue
        name = f"{raw}:{n}"
        try:
            doc, author = record_document(parse_json(row.value, name), name, f"{stem}-{n}")
            result = finished(name, doc, options.read, author)
        except InputError as exc:
            result = ReadResult.of(exc)
        yield result_row(work, arg, f"{raw}#{n:012d}", 0, result)


def result_row(work: Coder, arg: int, path: str, seq: int, result: ReadResult
               ) -> tuple[Any, ...]:
    if result.document is None:
        reason = result.error.problem if result.error else "unreadable"
        outcome = Outcome(path, seq, result.name, reason=reason)
    else:
        outcome = work.code(path, seq, result.name, result.document)
    doc = outcome.document
    if doc is None:
        return (arg, path, seq, outcome.name, outcome.reason, *([None] * 9))
    return (arg, path, seq, outcome.name, None, doc.id, doc.url, content_hash(doc.text),
            outcome.signature, partition_date(doc), *parts(doc))


def assign(spark: Any, coded: Any, options: BatchOptions) -> Any:
    """Decide ids and copies on the driver, in input order, from metadata only."""
    meta = (coded.where("reason IS NULL").orderBy("arg", "path", "seq")
            .select("name", "doc_id", "url", "content_hash", "signature"))
    items = (Seen(r.name, r.doc_id, r.url, r.content_hash,
                  bytes(r.signature) if r.signature is not None else None)
             for r in meta.toLocalIterator())
    decisions = [(d.name, d.status, d.document_id, d.similarity)
                 for d in decide(items, make_signer(options))]
    return spark.createDataFrame(decisions, "name STRING, status STRING, document_id STRING, "
                                            "similarity DOUBLE")


def write(coded: Any, decisions: Any, output: str) -> None:
    from pyspark.sql import functions as F

    kept = coded.join(decisions.where("status = 'inserted'"), "name")
    tables = {
        "documents": kept.select("document_id", F.col("name").alias("input"), "date",
                                 "content_hash", "document.*"),
        "copies": coded.join(decisions.where("status = 'copy'"), "name").select(
            "document_id", F.col("name").alias("input"), "date", "url", "content_hash",
            "similarity", "document.source", "document.title", "document.lang",
            "document.published"),
    }
    for table in ("events", "actors", "quotes"):
        tables[table] = (kept.select("document_id", "date", F.explode(table).alias("row"))
                         .select("document_id", "date", "row.*"))
    for table in TABLES:
        tables[table].write.mode("overwrite").partitionBy("date").parquet(f"{output}/{table}")
