"""From CAMEO codes to PLOVER events, through the CAMEO2PLOVER table, and into eventwire.

The table ships as ``data/cameo2plover.tsv`` (converted from the PLOVER project's
``CAMEO2PLOVER-2021.txt``, CC BY-SA 4.0; see ``data/ATTRIBUTION.md``). A code not in the table
takes the entry of its longest listed prefix (``1717`` -> ``171``); CAMEO 01 and 02
(statements, appeals) have no PLOVER type and are left out.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from eventwire.cameo.coder import CodedEvent, CodedSentence
from eventwire.model import (
    PLOVER_TYPES,
    Actor,
    ActorType,
    Document,
    Event,
    Mention,
    PloverType,
    Sentence,
    Span,
)
from eventwire.ontology import plover, quad_and_score

TABLE_FILE = Path(__file__).parent / "data" / "cameo2plover.tsv"
_ROW = re.compile(r"^(?P<code>\d+):\s*(?P<rest>[^#]*?)\s*(?:#\s*(?P<note>.*))?$")


@dataclass(frozen=True)
class PloverRow:
    cameo: str
    type: str
    mode: str | None
    context: str | None
    description: str


def parse_cameo2plover(text: str) -> list[PloverRow]:
    """Rows of the upstream text table (``031: AGREE,  , diplomatic # Agree to ...``)."""
    rows: list[PloverRow] = []
    for line in text.splitlines():
        m = _ROW.match(line.strip())
        if not m:
            continue
        parts = [p.strip() for p in m["rest"].split(",")] + ["", ""]
        if parts[0] not in PLOVER_TYPES:
            continue
        rows.append(PloverRow(m["code"], parts[0], parts[1] or None,
                              parts[2].replace(" ", "") or None, (m["note"] or "").strip()))
    return rows


def to_tsv(rows: Iterable[PloverRow], header: str) -> str:
    lines = [f"# {h}" if h else "#" for h in header.splitlines()]
    lines.append("cameo\ttype\tmode\tcontext\tdescription")
    for r in rows:
        lines.append("\t".join((r.cameo, r.type, r.mode or "", r.context or "", r.description)))
    return "\n".join(lines) + "\n"


class PloverTable:
    """CAMEO code -> PLOVER type, mode and context."""

    def __init__(self, rows: Iterable[PloverRow]) -> None:
        self.rows: dict[str, PloverRow] = {}
        for row in rows:
            self.rows.setdefault(row.cameo, row)  # the upstream file lists 175 twice

    @classmethod
    @functools.cache
    def default(cls) -> PloverTable:
        return cls.from_tsv(TABLE_FILE)

    @classmethod
    def from_tsv(cls, path: Path) -> PloverTable:
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or line.startswith("cameo\t") or not line.strip():
                continue
            code, kind, mode, context, note = (line.split("\t") + [""] * 5)[:5]
            rows.append(PloverRow(code, kind, mode or None, context or None, note))
        return cls(rows)

    def lookup(self, code: str) -> PloverRow | None:
        m = re.match(r"\d*", code.strip())
        digits = m.group() if m else ""
        for n in range(len(digits), 1, -1):
            row = self.rows.get(digits[:n])
            if row is not None:
                return row
        return None

    def type_of(self, code: str) -> str | None:
        row = self.lookup(code)
        return row.type if row else None


def event_rows(
    sentences: Sequence[CodedSentence], table: PloverTable | None = None
) -> list[dict[str, object]]:
    """One flat record per coded event, with its sentence number and PLOVER type."""
    table = table or PloverTable.default()
    rows: list[dict[str, object]] = []
    for number, sentence in enumerate(sentences):
        for coded in sentence.events:
            row = table.lookup(coded.code)
            rows.append({"sentence": number, **coded.to_dict(),
                         "plover": row.type if row else None})
    return rows


def to_document(
    text: str,
    sentences: Sequence[CodedSentence],
    *,
    doc_id: str = "text",
    published: dt.date | None = None,
    table: PloverTable | None = None,
) -> Document:
    """An eventwire document whose actors and events come from CAMEO-coded sentences."""
    table = table or PloverTable.default()
    doc = Document(id=doc_id, text=text, lang="en", published=published,
                   sentences=[Sentence(index=i, start=s.start, end=s.end)
                              for i, s in enumerate(sentences)])
    actors: dict[str, Actor] = {}
    for number, sentence in enumerate(sentences):
        for coded in sentence.events:
            row = table.lookup(coded.code)
            if row is None:
                continue
            source = _actor(actors, coded.source, coded.source_text, coded.source_span, number)
            target = _actor(actors, coded.target, coded.target_text, coded.target_span, number)
            event = _event(len(doc.events) + 1, coded, row, source, target, sentence)
            event.sentence = number
            doc.events.append(event)
    doc.actors = list(actors.values())
    return doc


def _event(
    number: int, coded: CodedEvent, row: PloverRow, source: Actor | None, target: Actor | None,
    sentence: CodedSentence,
) -> Event:
    kind = row.type
    mode = row.mode if row.mode in plover()[kind].modes else None
    quad, score = quad_and_score(kind, mode)
    return Event(
        id=f"e{number}",
        type=cast(PloverType, kind),  # only PLOVER types are read from the table
        mode=mode,
        cameo=coded.code,
        quad=quad,
        intensity=score,
        source=[source.id] if source else [],
        target=[target.id] if target else [],
        trigger=Span(text=coded.verb, start=coded.start, end=coded.end),
        evidence=Span(text=sentence.text, start=sentence.start, end=sentence.end),
        factuality="negated" if coded.negated else "asserted",
        confidence=0.5,
    )


def _actor(
    actors: dict[str, Actor], code: str, text: str | None, span: tuple[int, int] | None,
    sentence: int,
) -> Actor | None:
    if code in ("", "---"):
        return None
    actor = actors.get(code)
    if actor is None:
        sector = code[3:6] if len(code) >= 6 and code[:3].isalpha() else None
        kind = "state" if len(code) == 3 else "organization" if sector else "group"
        actor = Actor(id=f"a{len(actors) + 1}", name=text or code, type=cast(ActorType, kind),
                      cameo=code, sector=sector)
        actors[code] = actor
    if text and span and all(m.start != span[0] for m in actor.mentions):
        actor.mentions.append(Mention(text=text, start=span[0], end=span[1], kind="name",
                                      sentence=sentence))
    return actor
