"""``eventwire export``: stored events as JSONL, PLOVER, GDELT TSV, CSV or Parquet.

Takes the same filters as ``eventwire events``; writes to standard output or ``--output``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import BinaryIO

import click

from eventwire.cli.store_commands import StoreUnavailable, db_option
from eventwire.export import FORMATS, export_events
from eventwire.store import EventFilter, SqlStore, StoreError, open_store


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@click.command()
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True,
              help="jsonl (native), plover (PLOVER JSONL), gdelt (GDELT 2.0 event TSV), "
                   "csv, parquet")
@db_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="file to write (default: standard output)")
@click.option("--actor", help="name, KB id or actor id of a source or target")
@click.option("--type", "types", multiple=True, metavar="PLOVER",
              help="event type such as CONSULT (repeat for several)")
@click.option("--country", metavar="ISO3", help="country of a source or target actor")
@click.option("--since", callback=_day, metavar="YYYY-MM-DD", help="events on or after this day")
@click.option("--until", callback=_day, metavar="YYYY-MM-DD", help="events on or before this day")
@click.option("--reported-by", help="an actor the text attributes the event to")
@click.option("--outlet", help="the publishing outlet (substring)")
@click.option("--text", help="words in the evidence sentence")
@click.option("--document", "document_id", help="only this document's events")
@click.option("--nonfactual", is_flag=True,
              help="also planned, hypothetical, negated and merely claimed events")
@click.option("--limit", type=click.IntRange(min=1), help="at most this many events")
def export(fmt: str, db: str, output: Path | None, actor: str | None, types: tuple[str, ...],
           country: str | None, since: dt.date | None, until: dt.date | None,
           reported_by: str | None, outlet: str | None, text: str | None,
           document_id: str | None, nonfactual: bool, limit: int | None) -> None:
    """Export stored events for pandas, R or Stata; newest first, as `eventwire events`."""
    try:
        filters = EventFilter(actor=actor, country=country, types=types, since=since,
                              until=until, reported_by=reported_by, outlet=outlet, text=text,
                              document_id=document_id, include_nonfactual=nonfactual)
    except StoreError as exc:
        raise click.UsageError(str(exc)) from exc
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary: give --output FILE or redirect stdout")
    try:
        store = open_store(db, create=False)
    except StoreError as exc:
        raise StoreUnavailable(str(exc)) from exc
    with store:
        if output is None:
            count = _write(store, filters, fmt, sys.stdout.buffer, limit)
        else:
            with output.open("wb") as out:
                count = _write(store, filters, fmt, out, limit)
    where = output or "standard output"
    click.echo(f"eventwire: {count} events as {fmt} to {where}", err=True)


def _write(store: SqlStore, filters: EventFilter, fmt: str, out: BinaryIO,
           limit: int | None) -> int:
    count = export_events(store, filters, fmt, out, limit=limit)
    out.flush()
    return count
