"""``eventwire`` command group. Each command parses options and calls a plain function."""

from __future__ import annotations

import datetime as dt
import sys

import click

from eventwire.cli.batch_command import batch
from eventwire.cli.cameo_command import cameo
from eventwire.cli.evaluate_command import evaluate
from eventwire.cli.export_command import export
from eventwire.cli.fusion_commands import claims, dyad, fuse
from eventwire.cli.kb_commands import kb
from eventwire.cli.render import as_json, as_jsonl, as_table
from eventwire.cli.serve_command import serve
from eventwire.cli.store_commands import documents, events, ingest
from eventwire.errors import EventwireError
from eventwire.extract import ExtractOptions, extract_documents
from eventwire.io import read_inputs as iter_inputs
from eventwire.model import Document

LANG_CHOICES = click.Choice(["auto", "de", "en"])


def parse_day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def read_inputs(paths: tuple[str, ...]) -> tuple[list[Document], list[str]]:
    """Documents from paths, folders, URLs or '-', and one message per input that was rejected."""
    docs: list[Document] = []
    problems: list[str] = []
    for result in iter_inputs(paths):
        if result.document is not None:
            docs.append(result.document)
        elif result.error is not None:
            problems.append(str(result.error))
    return docs, problems


@click.group()
@click.version_option(package_name="eventwire")
def cli() -> None:
    """eventwire: political event data from news reports, with sources and dates."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--lang", type=LANG_CHOICES, default="auto", show_default=True)
@click.option("--published", callback=parse_day, help="publication date YYYY-MM-DD (a default "
              "for inputs whose metadata has none)")
@click.option("--id", "doc_id", help="document id (for standard input or a single input)")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json",
              show_default=True)
def extract(paths: tuple[str, ...], lang: str, published: dt.date | None, doc_id: str | None,
            fmt: str) -> None:
    """Code articles (files, folders or - for standard input) into events, quotes and actors."""
    docs, problems = read_inputs(paths)
    if doc_id and len(docs) > 1:
        raise click.UsageError("--id names one document, but several inputs were given")
    options = ExtractOptions(lang=lang, published=published, doc_id=doc_id)
    coded = list(extract_documents(docs, options))
    if fmt == "json":
        if coded:
            click.echo(as_json(coded))
    elif fmt == "jsonl":
        for line in as_jsonl(coded):
            click.echo(line)
    else:
        for doc in coded:
            click.echo(as_table(doc))
    for problem in problems:
        click.echo(f"eventwire: skipped {problem}", err=True)
    for doc in coded:
        for err in doc.errors:
            click.echo(f"eventwire: {doc.id}: {err}", err=True)
    if problems and not coded:
        sys.exit(2)


cli.add_command(kb)
cli.add_command(ingest)
cli.add_command(events)
cli.add_command(documents)
cli.add_command(evaluate)
cli.add_command(cameo)
cli.add_command(export)
cli.add_command(serve)
cli.add_command(fuse)
cli.add_command(claims)
cli.add_command(dyad)
cli.add_command(batch)


def main() -> None:
    try:
        cli()
    except EventwireError as exc:
        click.echo(f"eventwire: {exc}", err=True)
        sys.exit(2)
