"""``eventwire kb``: look up and describe the actor knowledge base."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import click

from eventwire.kb import cache, linkeval
from eventwire.kb.loader import DATA_DIR, default_kb, extra_files


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
@click.option("--timing/--no-timing", default=True, show_default=True,
              help="also load the KB from YAML and from the cache and print both times")
def stats(timing: bool) -> None:
    """Counts of entities per type and of names per language; load times cold and warm."""
    base = default_kb()
    types = Counter(e.type for e in base.entities.values())
    langs: Counter[str] = Counter()
    for aliases in base.by_key.values():
        for a in aliases:
            langs[a.lang] += 1
    click.echo("entities: " + ", ".join(f"{t}={n}" for t, n in sorted(types.items())))
    click.echo("names:    " + ", ".join(f"{lang}={n}" for lang, n in sorted(langs.items())))
    click.echo(f"people with roles: {sum(1 for e in base.entities.values() if e.roles)}")
    if timing:
        t = cache.measure_load(DATA_DIR, extra_files())
        click.echo(f"load: cold (YAML) {t.cold * 1000:.0f} ms, warm (cache) {t.warm * 1000:.0f} ms "
                   f"(of which source hash {t.hash * 1000:.0f} ms)")


@kb.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="write the compiled KB here instead of the user cache directory")
def build(out: Path | None) -> None:
    """Validate the KB sources and compile them into the cache that every command loads."""
    path = cache.build(DATA_DIR, extra_files(), out)
    size = path.stat().st_size / 1e6
    click.echo(f"wrote {path} ({size:.1f} MB)")


@kb.command("evaluate")
@click.option("--table", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None,
              help="link table (TSV); default: tests/kb/link_table.tsv of the checkout")
@click.option("--failures/--no-failures", default=True, show_default=True)
def evaluate_links(table: Path | None, failures: bool) -> None:
    """Top-1 linking accuracy of `kb lookup` on a table of surface forms (last line: the figure)."""
    path = table or linkeval.REPO_TABLE
    if not path.is_file():
        raise click.UsageError(f"{path} not found; pass --table PATH")
    result = linkeval.score(default_kb(), linkeval.read_table(path))
    lines = linkeval.report(result)
    if not failures:
        lines = [ln for ln in lines if not ln.startswith("FAIL")]
    click.echo(f"reproduce: eventwire kb evaluate --table {path}")
    for line in lines:
        click.echo(line)


@kb.command("import-wikidata")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--langs", default="de,en", show_default=True, help="label languages to keep")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="YAML file to write (default: standard output)")
def import_wikidata(dump: Path, langs: str, out: Path | None) -> None:
    """Read a Wikidata JSON dump (.json, .json.gz, .json.bz2) into a KB import file.

    Put the file in EVENTWIRE_KB_EXTRA to load it with the shipped KB.
    """
    from eventwire.kb.wikidata import import_dump, write_import

    wanted = tuple(code.strip() for code in langs.split(",") if code.strip())
    imported, counts = import_dump(dump, wanted)
    text = write_import(imported)
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
    click.echo(f"read {counts['lines']} entities: kept {len(imported.people)} people, "
               f"{len(imported.organisations)} organisations, {len(imported.state_names)} states",
               err=True)
