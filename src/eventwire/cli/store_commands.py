"""``eventwire ingest``, ``events`` and ``documents``: the store from the command line.

Each command parses its options, opens the store and calls one plain function; rendering
(table, CSV, JSON lines) is the only other thing done here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import click

from eventwire.extract import ExtractOptions
from eventwire.io import read_inputs
from eventwire.model import Document
from eventwire.store import (
    DEFAULT_DB,
    DocumentFilter,
    EventFilter,
    EventRow,
    SqlStore,
    StoreError,
    open_store,
)
from eventwire.store.ingest import ingest_documents

F = TypeVar("F", bound=Callable[..., Any])
CSV_FIELDS = ("document_id", "id", "date", "date_text", "type", "mode", "cameo", "quad",
              "intensity", "source", "target", "reported_by", "source_ids", "target_ids",
              "reported_by_ids", "place", "place_country", "confidence", "factuality",
              "published", "outlet", "url", "evidence")


class StoreUnavailable(click.ClickException):
    """The database cannot be opened: exit 2, like an unreadable input."""

    exit_code = 2


def db_option(fn: F) -> F:
    return click.option("--db", default=DEFAULT_DB, show_default=True, metavar="FILE|URL",
                        help="SQLite file, or a sqlite:/// or postgresql:// URL")(fn)


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _open(db: str, *, create: bool) -> SqlStore:
    try:
        return open_store(db, create=create)
    except StoreError as exc:
        raise StoreUnavailable(str(exc)) from exc


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--published", callback=_day, metavar="YYYY-MM-DD",
              help="publication date for inputs whose metadata has none")
@click.option("--lang", type=click.Choice(["auto", "de", "en"]), default="auto",
              show_default=True)
@click.option("--force", is_flag=True,
              help="code and store again even unchanged texts (after a pipeline upgrade)")
@click.option("-v", "--verbose", is_flag=True, help="one line per document")
def ingest(paths: tuple[str, ...], db: str, published: dt.date | None, lang: str, force: bool,
           verbose: bool) -> None:
    """Code articles (files, folders or - for standard input) and keep them in the store.

    The same article twice (same URL, or same text) is stored once; a changed text under a
    known URL replaces what was stored for it. Exit status: 0 when at least one document is
    in the store (new, replaced or already there), 1 when every readable input failed, 2 when
    nothing could be read or the database cannot be opened.
    """
    unreadable: list[str] = []
    docs = _readable(paths, unreadable)
    first = next(docs, None)
    if first is None:
        click.echo("eventwire: nothing could be read; nothing was stored", err=True)
        raise SystemExit(2)
    with _open(db, create=True) as store:
        report = ingest_documents(store, itertools.chain([first], docs),
                                  ExtractOptions(lang=lang, published=published), force=force)
    for line in report.warnings:
        click.echo(f"eventwire: {line}", err=True)
    for line in report.problems:
        click.echo(f"eventwire: not stored {line}", err=True)
    if verbose:
        for result in report.results:
            click.echo(f"{result.status:9} {result.document_id}")
    click.echo(f"{store.url}: {report.summary()} unreadable={len(unreadable)}")
    if not report.stored:
        raise SystemExit(1)


def _readable(paths: Sequence[str], unreadable: list[str]) -> Iterator[Document]:
    """Documents as they are read (a large folder is never held in memory at once); each
    rejected input is reported on stderr and remembered."""
    for result in read_inputs(paths):
        if result.document is not None:
            yield result.document
        else:
            unreadable.append(result.name)
            click.echo(f"eventwire: skipped {result.error}", err=True)


@click.command()
@db_option
@click.option("--actor", help="name, KB id or actor id (case-insensitive substring of names)")
@click.option("--type", "types", multiple=True, metavar="PLOVER",
              help="event type such as CONSULT or ASSAULT (repeat for several)")
@click.option("--country", metavar="ISO3", help="country of a source or target actor")
@click.option("--since", callback=_day, metavar="YYYY-MM-DD", help="events on or after this day")
@click.option("--until", callback=_day, metavar="YYYY-MM-DD",
              help="events on or before this day")
@click.option("--reported-by", help="an actor the text attributes the event to")
@click.option("--outlet", help="the publishing outlet (substring)")
@click.option("--text", help="words in the evidence sentence")
@click.option("--document", "document_id", help="only this document's events")
@click.option("--nonfactual", is_flag=True,
              help="also planned, hypothetical, negated and merely claimed events")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(min=0),
              help="rows to print; 0 for all")
@click.option("--offset", default=0, type=click.IntRange(min=0))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table",
              show_default=True)
@click.option("--fused", is_flag=True,
              help="one row per fused event with every report behind it (after eventwire "
                   "fuse); filters keep fused events with a matching report")
def events(db: str, actor: str | None, types: tuple[str, ...], country: str | None,
           since: dt.date | None, until: dt.date | None, reported_by: str | None,
           outlet: str | None, text: str | None, document_id: str | None, nonfactual: bool,
           limit: int, offset: int, fmt: str, fused: bool) -> None:
    """Stored events, one row per event and report, newest first."""
    try:
        filters = EventFilter(actor=actor, country=country, types=types, since=since,
                              until=until, reported_by=reported_by, outlet=outlet, text=text,
                              document_id=document_id, include_nonfactual=nonfactual)
    except StoreError as exc:
        raise click.UsageError(str(exc)) from exc
    if fused:
        from eventwire.cli.fusion_commands import fused_events  # imports this module

        fused_events(db, filters, limit, offset, fmt)
        return
    with _open(db, create=False) as store:
        rows, total = store.events(filters, limit=limit or None, offset=offset)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(as_csv([_flat(r) for r in rows], CSV_FIELDS), nl=False)
    else:
        headers = ("document_id", "id", "date", "type", "mode", "source", "target",
                   "reported_by", "place")
        click.echo(as_table([_flat(r) for r in rows], headers))
        click.echo(f"{len(rows)} of {total} events")


@click.command()
@db_option
@click.option("--source", help="the publishing outlet (substring)")
@click.option("--lang", help="language code, e.g. de")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(min=0),
              help="rows to print; 0 for all")
@click.option("--offset", default=0, type=click.IntRange(min=0))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
def documents(db: str, source: str | None, lang: str | None, limit: int, offset: int,
              fmt: str) -> None:
    """Stored documents, newest publication first, with their counts of events and actors."""
    with _open(db, create=False) as store:
        rows, total = store.documents(DocumentFilter(source=source, lang=lang),
                                      limit=limit or None, offset=offset)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    headers = ("id", "published", "lang", "events", "actors", "source", "title")
    click.echo(as_table([{**r, "title": r["title"] or r["url"]} for r in rows], headers))
    click.echo(f"{len(rows)} of {total} documents")


def _flat(row: EventRow) -> dict[str, Any]:
    """An event with actor names joined, for one line of a table or CSV file."""
    place = row.get("place") or {}
    flat = {k: v for k, v in row.items() if k in CSV_FIELDS}
    for attr in ("source", "target", "reported_by"):
        flat[attr] = "; ".join(row[f"{attr}_names"])
        flat[f"{attr}_ids"] = "; ".join(row[attr])
    flat.update(place=place.get("name"), place_country=place.get("country"),
                evidence=(row.get("evidence") or {}).get("text"))
    return flat


def as_csv(rows: Sequence[dict[str, Any]], fields: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def as_table(rows: Sequence[dict[str, Any]], headers: Sequence[str], width: int = 30) -> str:
    """Columns as wide as their longest cell, up to ``width``; '-' for empty cells."""
    cells = [[_cell(r.get(h), width) for h in headers] for r in rows]
    widths = [max([len(h), *(len(c[i]) for c in cells)]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
              for line in cells]
    return "\n".join(lines)


def _cell(value: Any, width: int) -> str:
    text = "-" if value in (None, "") else str(value)
    return text if len(text) <= width else text[:width - 1] + "…"
