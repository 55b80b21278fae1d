"""Show, per article, gold events and quotes next to what eventwire produced (error analysis).

Usage: python tools/diff_gold.py tests/data/dev-de [STEM ...]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from eventwire.extract import ExtractOptions, extract_documents
from eventwire.model import Document, Event


def _event_line(tag: str, e: Event, names: dict[str, str]) -> str:
    def who(ids: list[str]) -> list[str | None]:
        return [names.get(x) for x in ids]

    trigger = e.trigger.text if e.trigger else ""
    status = "" if e.factuality == "asserted" else f"{e.factuality} "
    return (f"  {tag} {status}{e.type:9} {who(e.source)} -> {who(e.target)}  {e.date}  "
            f"by={who(e.reported_by)} [{trigger}]")


def _gold_lines(g: dict[str, Any]) -> list[str]:
    lines = [f"  G {e['type']:9} {e['source']} -> {e['target']}  {e['date']}  "
             f"by={e.get('reported_by')} [{e['trigger']}]" for e in g["events"]]
    lines += [f"  GQ {q['kind']:8} {q['speaker']} <{q['cue']}> {q['starts_with'][:50]}  "
              f"by={q.get('reported_by')}" for q in g["quotes"]]
    return lines


def show(folder: Path, stem: str) -> None:
    gold = json.loads((folder / f"{stem}.gold.json").read_text(encoding="utf-8"))
    g = gold["gold"]
    doc = Document(id=stem, text=(folder / f"{stem}.txt").read_text(encoding="utf-8"),
                   lang=gold["lang"], published=dt.date.fromisoformat(gold["publication_date"]))
    d = next(extract_documents([doc], ExtractOptions(lang=gold["lang"])))
    names = {a.id: a.name for a in d.actors}
    print(f"=== {stem}  ({gold['publication_date']})")
    print("  gold actors:", "; ".join(f"{a['name']}[{a['type']}]" for a in g["actors"]))
    print("  sys actors: ", "; ".join(f"{a.name}[{a.type}]" for a in d.actors))
    for line in _gold_lines(g):
        print(line)
    for e in d.events:
        print(_event_line("S", e, names))
    for e in d.nonfactual_events:
        print(_event_line("N", e, names))
    for q in d.quotes:
        reporters = [names.get(x) for x in q.reported_by]
        print(f"  SQ {q.kind:8} {names.get(q.speaker or '')} <{q.cue}> {q.text[:50]}  "
              f"by={reporters}")
    gold_timex = {(t["surface"], t["value"]) for t in g["timex"]}
    sys_timex = {(t.text, t.value) for t in d.timex}
    if gold_timex != sys_timex:
        print("  timex gold-only:", sorted(gold_timex - sys_timex, key=str),
              " sys-only:", sorted(sys_timex - gold_timex, key=str))


def main() -> None:
    folder = Path(sys.argv[1])
    wanted = set(sys.argv[2:])
    for gold_file in sorted(folder.glob("*.gold.json")):
        stem = gold_file.name.removesuffix(".gold.json")
        if not wanted or stem in wanted:
            show(folder, stem)


if __name__ == "__main__":
    main()
