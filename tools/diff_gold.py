"""Show, per article, gold events/quotes next to what eventwire produced (for error analysis).

Usage: python tools/diff_gold.py tests/data/dev-de [STEM ...]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from eventwire.extract import ExtractOptions, extract_documents
from eventwire.model import Document


def main() -> None:
    folder = Path(sys.argv[1])
    stems = set(sys.argv[2:])
    for gold_file in sorted(folder.glob("*.gold.json")):
        stem = gold_file.name.removesuffix(".gold.json")
        if stems and stem not in stems:
            continue
        gold = json.loads(gold_file.read_text())
        g = gold["gold"]
        doc = Document(id=stem, text=(folder / f"{stem}.txt").read_text(), lang=gold["lang"],
                       published=dt.date.fromisoformat(gold["publication_date"]))
        d = next(extract_documents([doc], ExtractOptions(lang=gold["lang"])))
        names = {a.id: a.name for a in d.actors}
        print(f"=== {stem}  ({gold['publication_date']})")
        print("  gold actors:", "; ".join(f"{a['name']}[{a['type']}]" for a in g["actors"]))
        print("  sys actors: ", "; ".join(f"{a.name}[{a.type}]" + (f"<{a.mentions[0].text}>" if a.mentions else "") for a in d.actors))
        for e in g["events"]:
            print(f"  G {e['type']:9} {e['source']} -> {e['target']}  {e['date']}  by={e.get('reported_by')} [{e['trigger']}]")
        for e in d.events:
            print(f"  S {e.type:9} {[names.get(x) for x in e.source]} -> {[names.get(x) for x in e.target]}  {e.date}  by={[names.get(x) for x in e.reported_by]} [{e.trigger.text if e.trigger else ''}]")
        for e in d.nonfactual_events:
            print(f"  N {e.factuality} {e.type:9} {[names.get(x) for x in e.source]} -> {[names.get(x) for x in e.target]} [{e.trigger.text if e.trigger else ''}]")
        for q in g["quotes"]:
            print(f"  GQ {q['kind']:8} {q['speaker']} <{q['cue']}> {q['starts_with'][:50]}  by={q.get('reported_by')}")
        for q in d.quotes:
            print(f"  SQ {q.kind:8} {names.get(q.speaker or '')} <{q.cue}> {q.text[:50]}  by={[names.get(x) for x in q.reported_by]}")
        gt = {(t['surface'], t['value']) for t in g['timex']}
        st = {(t.text, t.value) for t in d.timex}
        if gt != st:
            print("  timex gold-only:", sorted(gt - st, key=str), " sys-only:", sorted(st - gt, key=str))


if __name__ == "__main__":
    main()
