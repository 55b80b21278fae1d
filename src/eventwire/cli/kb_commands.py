"""``eventwire kb``: look up and describe the actor knowledge base."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import click

from eventwire.kb.loader import default_kb


@click.group()
def kb() -> None:
    """The actor knowledge base."""


@kb.command()
@click.argument("text")
@click.option("--lang", type=click.Choice(["de", "en"]), default=None)
@click.option("--date", "day", default=None, help="YYYY-MM-DD: roles as of this day")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table")
@click.option("--limit", default=10, show_default=True)
def lookup(text: str, lang: str | None, day: str | None, fmt: str, limit: int) -> None:
    """Ranked candidates for a name, acronym, adjective or role description."""
    try:
        when = dt.date.fromisoformat(day) if day else None
    except ValueError:
        raise click.BadParameter(f"{day!r} is not a date in the form YYYY-MM-DD") from None
    base = default_kb()
    rows = []
    for c in base.lookup(text, lang=lang, day=when, limit=limit):
        role = c.entity.role_on(when)
        rows.append({"id": c.entity.id, "name": c.entity.name, "type": c.entity.type,
                     "country": c.entity.country,
                     "role": (role.title_en or role.office) if role else None,
                     "score": c.score, "matched": c.alias.surface})
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo(f"{r['score']:.2f}  {r['id']:32} {r['name']:30} {r['type']:12} "
                   f"{r['country'] or '-':4} {r['role'] or ''}")


@kb.command()
def stats() -> None:
    """Counts of entities per type and of names per language."""
    base = default_kb()
    types = Counter(e.type for e in base.entities.values())
    langs: Counter[str] = Counter()
    for aliases in base.by_key.values():
        for a in aliases:
            langs[a.lang] += 1
    click.echo("entities: " + ", ".join(f"{t}={n}" for t, n in sorted(types.items())))
    click.echo("names:    " + ", ".join(f"{lang}={n}" for lang, n in sorted(langs.items())))
    click.echo(f"people with roles: {sum(1 for e in base.entities.values() if e.roles)}")
