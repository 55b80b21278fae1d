"""``eventwire fuse``, ``claims`` and ``dyad``: fused events from the command line.

Each command parses its options, opens the store and calls one function of
:mod:`eventwire.fusion.service`; the rest is rendering.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import cast

import click

from eventwire.cli.fusion_render import (
    DYAD_FIELDS,
    FUSED_FIELDS,
    claims_text,
    dyad_rows,
    fused_flat,
)
from eventwire.cli.store_commands import StoreUnavailable, as_csv, as_table, db_option
from eventwire.fusion import service
from eventwire.store import SqlStore, StoreError, open_store
from eventwire.store.base import PERIODS, EventFilter, Period


def open_existing(db: str) -> SqlStore:
    try:
        return open_store(db, create=False)
    except StoreError as exc:
        raise StoreUnavailable(str(exc)) from exc


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@click.command()
@db_option
@click.option("--rebuild", is_flag=True,
              help="forget all fused events and fuse every stored report again")
def fuse(db: str, rebuild: bool) -> None:
    """Fuse stored reports into one event per real-world event, across articles and languages.

    Incremental: reports stored since the last run join existing fused events or found new
    ones; the ids of existing fused events stay. Run it after each ingest.
    """
    with open_existing(db) as store:
        result = service.fuse(store, rebuild=rebuild)
    click.echo(f"{store.url}: {result.summary()}")


@click.command()
@click.argument("event_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def claims(event_id: str, db: str, fmt: str) -> None:
    """Who claims what about one fused event: values per field with their sources,
    disagreements, state-media-only claims, the reporting chains and how the story spread."""
    with open_existing(db) as store:
        try:
            found = service.claims(store, event_id)
        except service.FusedEventNotFoundError as exc:
            raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(claims_text(found))


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--by", type=click.Choice(PERIODS), default="month", show_default=True)
@click.option("--since", callback=_day, metavar="YYYY-MM-DD")
@click.option("--until", callback=_day, metavar="YYYY-MM-DD")
@click.option("--type", "types", multiple=True, metavar="PLOVER",
              help="only this event type (repeat for several)")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
def dyad(a: str, b: str, db: str, by: str, since: dt.date | None, until: dt.date | None,
         types: tuple[str, ...], fmt: str) -> None:
    """Fused events between A and B per period and type, with PLOVER quad and scores.

    A and B are ISO3 countries (PRK: every North Korean actor), KB ids (person:kim-jong-un)
    or names ("Kozlov", "EU"). Each real-world event counts once, however many reports it has.
    """
    if since and until and since > until:
        raise click.UsageError(f"--since {since} is after --until {until}")
    with open_existing(db) as store:
        try:
            series = service.dyad(store, a, b, cast(Period, by), since=since, until=until,
                                  types=types)
        except StoreError as exc:  # an unknown event type
            raise click.UsageError(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(dataclasses.asdict(series), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(as_csv(dyad_rows(series), DYAD_FIELDS), nl=False)
    else:
        click.echo(as_table(dyad_rows(series), DYAD_FIELDS))
        click.echo(f"{series.events} fused events ({series.reports} reports) between "
                   f"{series.a} and {series.b}"
                   + (f"; {series.undated} undated" if series.undated else ""))


def fused_events(db: str, filters: EventFilter, limit: int, offset: int, fmt: str) -> None:
    """``eventwire events --fused``: one row per fused event, with its reports."""
    # A fused event's reports are asserted or attributed (claimed) events: match them all.
    wanted = dataclasses.replace(filters, include_nonfactual=True)
    with open_existing(db) as store:
        rows, total = service.fused_events(store, wanted, limit=limit or None, offset=offset)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(as_csv([fused_flat(r) for r in rows], FUSED_FIELDS), nl=False)
    else:
        headers = ("id", "date", "type", "mode", "source", "target", "place", "reports",
                   "stories", "languages")
        click.echo(as_table([fused_flat(r) for r in rows], headers))
        click.echo(f"{len(rows)} of {total} fused events")
    if total == 0:
        click.echo("eventwire: no fused events match; eventwire fuse makes them from the "
                   "stored reports", err=True)
