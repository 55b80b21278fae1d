"""Turn coded documents into the output formats of ``eventwire extract``."""

from __future__ import annotations

import json
from collections.abc import Iterable

from eventwire.model import Document


def as_json(docs: list[Document]) -> str:
    """One object for one input, an array for several (the output contract)."""
    data = [d.to_dict() for d in docs]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)


def as_jsonl(docs: Iterable[Document]) -> Iterable[str]:
    for d in docs:
        yield d.to_json()


def as_table(doc: Document) -> str:
    """A readable summary: events with their parties, date, place and reporters."""
    names = {a.id: a.name for a in doc.actors}

    def who(ids: list[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids) or "-"

    lines = [
        f"# {doc.id}  lang={doc.lang}  published={doc.published}  "
        f"actors={len(doc.actors)} events={len(doc.events)} quotes={len(doc.quotes)}"
    ]
    lines.append(
        f"{'type':9} {'mode':12} {'cameo':5} {'source':28} {'target':28} "
        f"{'date':10} {'place':14} reported_by"
    )
    for e in doc.events:
        lines.append(
            f"{e.type:9} {(e.mode or '-'):12} {(e.cameo or '-'):5} {who(e.source)[:28]:28} "
            f"{who(e.target)[:28]:28} {(e.date or '-'):10} "
            f"{(e.place.name if e.place else '-')[:14]:14} {who(e.reported_by)}"
        )
    for q in doc.quotes:
        chain = " -> ".join(
            [*(names.get(r, r) for r in q.reported_by), names.get(q.speaker or "", "?")]
        )
        lines.append(f"  quote {q.kind:8} {chain}: {q.text[:70]}")
    for err in doc.errors:
        lines.append(f"  error: {err}")
    return "\n".join(lines)
