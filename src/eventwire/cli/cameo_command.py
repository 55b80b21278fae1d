"""``eventwire cameo``: code text with your own CAMEO (PETRARCH/TABARI) dictionaries."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from eventwire.cameo import CameoCoder, CoderOptions
from eventwire.cameo.plover import event_rows, to_document
from eventwire.cameo.source import read_text

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def _dictionaries(func: click.decorators.FC) -> click.decorators.FC:
    """The dictionary options shared by ``code`` and ``check``."""
    options = [
        click.option("--actors", multiple=True, required=True, type=_FILE,
                     help="actor dictionary (repeat for several files; .gz is fine)"),
        click.option("--agents", multiple=True, required=True, type=_FILE,
                     help="agent dictionary (repeatable)"),
        click.option("--verbs", multiple=True, required=True, type=_FILE,
                     help="verb dictionary, e.g. CAMEO.2.0.txt (repeatable)"),
        click.option("--discards", multiple=True, type=_FILE, help="discard list (repeatable)"),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group()
def cameo() -> None:
    """Code English text with CAMEO actor, agent, verb and discard dictionaries."""


@cameo.command("code")
@click.argument("textfile", type=click.Path(allow_dash=True, path_type=Path))
@_dictionaries
@click.option("--date", "date", default=None,
              help="the story's date YYYY-MM-DD: picks date-restricted actor codes")
@click.option("--require-dyad/--no-require-dyad", default=True, show_default=True,
              help="drop events without both a source and a target")
@click.option("--new-actor-length", type=int, default=0, show_default=True,
              help="name unknown source/target phrases of up to N words as actors")
@click.option("--document", "as_document", is_flag=True,
              help="print one eventwire document (actors, PLOVER events) instead of JSONL")
def code(textfile: Path, actors: tuple[Path, ...], agents: tuple[Path, ...],
         verbs: tuple[Path, ...], discards: tuple[Path, ...], date: str | None,
         require_dyad: bool, new_actor_length: int, as_document: bool) -> None:
    """Print one JSON line per coded event (source, target, CAMEO code, verb, offsets)."""
    day = _parse_day(date)
    text = sys.stdin.read() if str(textfile) == "-" else read_text(textfile)
    coder = CameoCoder.from_files(actors, agents, verbs, discards,
                                  CoderOptions(require_dyad=require_dyad,
                                               new_actor_length=new_actor_length))
    sentences = coder.code_text(text, day)
    if as_document:
        doc_id = "stdin" if str(textfile) == "-" else textfile.stem
        click.echo(to_document(text, sentences, doc_id=doc_id, published=day).to_json())
    else:
        for row in event_rows(sentences):
            click.echo(json.dumps(row, ensure_ascii=False))
    for number, sentence in enumerate(sentences):
        if sentence.discarded:
            click.echo(f"eventwire: sentence {number} not coded (discard {sentence.discarded!r})",
                       err=True)
    if coder.issues():
        click.echo(f"eventwire: {len(coder.issues())} irregular dictionary lines were skipped "
                   "or repaired; list them with `eventwire cameo check`", err=True)


@cameo.command("check")
@_dictionaries
@click.option("--strict", is_flag=True, help="fail on the first malformed line")
def check(actors: tuple[Path, ...], agents: tuple[Path, ...], verbs: tuple[Path, ...],
          discards: tuple[Path, ...], strict: bool) -> None:
    """Read the dictionaries, print what they hold and every irregular line."""
    from eventwire.cameo import ActorDictionary, AgentDictionary, DiscardList, VerbDictionary

    actor_d = ActorDictionary.from_files(*actors, strict=strict)
    agent_d = AgentDictionary.from_files(*agents, strict=strict)
    verb_d = VerbDictionary.from_files(*verbs)
    discard_d = DiscardList.from_files(*discards)
    click.echo(f"actors: {len(actor_d.entries)} entries, {len(actor_d.index)} phrases")
    click.echo(f"agents: {agent_d.count} phrases (with plurals)")
    click.echo(f"verbs: {len(verb_d.blocks)} blocks, {len(verb_d.forms)} verb forms, "
               f"{verb_d.pattern_count} patterns, {len(verb_d.synsets)} synsets")
    click.echo(f"discards: {len(discard_d.items)} phrases")
    issues = actor_d.issues.items + agent_d.issues.items + verb_d.issues.items
    for issue in issues:
        click.echo(f"issue: {issue}")
    if strict and issues:
        raise SystemExit(1)


def _parse_day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD",
                                 param_hint="--date") from None
