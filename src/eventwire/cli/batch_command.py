"""``eventwire batch``: many inputs, worker processes or Spark, a checkpoint and a rejects list.

Parses options into one :class:`~eventwire.batch.BatchOptions` (whose checks are the only
cross-option rules), calls :func:`~eventwire.batch.run_batch` and prints its report.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

import click

from eventwire.batch import BatchOptions, BatchOptionsError, BatchReport, run_batch
from eventwire.store import DEFAULT_DB

SHOWN_WARNINGS = 20


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", metavar="FILE|URL",
              help=f"store for the local engine: SQLite file or database URL [default: "
                   f"{DEFAULT_DB}]")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local",
              show_default=True, help="worker processes on this machine, or Apache Spark")
@click.option("--output", metavar="DIR", help="where --engine spark writes Parquet")
@click.option("--workers", type=click.IntRange(min=0),
              help="worker processes (0: code in this process) [default: number of CPUs]")
@click.option("--published", callback=_day, metavar="YYYY-MM-DD",
              help="publication date for inputs whose metadata has none")
@click.option("--lang", type=click.Choice(["auto", "de", "en"]), default="auto",
              show_default=True)
@click.option("--chunk-size", type=click.IntRange(min=1), default=32, show_default=True,
              help="inputs per task and per checkpoint")
@click.option("--max-chars", type=click.IntRange(min=1), default=200_000, show_default=True,
              help="longer texts are rejected rather than coded")
@click.option("--doc-seconds", type=click.FloatRange(min=0), default=60.0, show_default=True,
              help="a document that takes longer to code is rejected (0: no limit)")
@click.option("--no-dedup", is_flag=True,
              help="store syndicated copies as documents of their own")
@click.option("--dedup-threshold", type=click.FloatRange(0, 1, min_open=True), default=0.5,
              show_default=True, help="estimated Jaccard similarity from which a text is a copy")
@click.option("--restart", is_flag=True,
              help="forget the checkpoint and code every input again")
@click.option("--progress/--no-progress", default=None,
              help="progress bar [default: on a terminal]")
@click.option("--rejects", metavar="FILE.jsonl", help="also write every rejection to this file")
@click.option("--master", help="Spark master outside spark-submit [default: local[WORKERS]]")
def batch(inputs: tuple[str, ...], db: str | None, engine: str, output: str | None,
          workers: int | None, published: dt.date | None, lang: str, chunk_size: int,
          max_chars: int, doc_seconds: float, no_dedup: bool, dedup_threshold: float, restart: bool,
          progress: bool | None, rejects: str | None, master: str | None) -> None:
    """Code many inputs (files, folders, URLs) in parallel and keep every readable one.

    The local engine stores into --db with a checkpoint: a run that is interrupted (even by
    kill -9) and started again continues where it stopped, without losing or doubling
    anything. Syndicated copies of a stored article are kept as further sources of it. Every
    input that cannot be read or coded is listed with the reason. Exit status: 0 when at least
    one document is stored, 1 when every readable input failed, 2 when nothing could be read.
    """
    if engine == "spark" and db is not None:
        raise click.UsageError("--db is for the local engine; --engine spark writes Parquet "
                               "to --output")
    try:
        options = BatchOptions(
            engine="spark" if engine == "spark" else "local", db=db or DEFAULT_DB,
            output=output, workers=(os.cpu_count() or 1) if workers is None else workers,
            chunk_size=chunk_size, lang=lang,
            published=published, max_chars=max_chars, doc_seconds=doc_seconds, dedup=not no_dedup,
            dedup_threshold=dedup_threshold, restart=restart, progress=progress,
            rejects=rejects, master=master)
    except BatchOptionsError as exc:
        raise click.UsageError(str(exc)) from exc
    report = run_batch(list(inputs), options)
    _print(report)
    if report.stored + report.counts["copy"] == 0:
        sys.exit(1 if report.counts["failed"] else 2)


def _print(report: BatchReport) -> None:
    for reject in report.rejects:
        click.echo(f"eventwire: {reject.status} {reject.line()}", err=True)
    for line in report.warnings[:SHOWN_WARNINGS]:
        click.echo(f"eventwire: {line}", err=True)
    if len(report.warnings) > SHOWN_WARNINGS:
        click.echo(f"eventwire: ... and {len(report.warnings) - SHOWN_WARNINGS} more warnings",
                   err=True)
    click.echo(report.summary())
