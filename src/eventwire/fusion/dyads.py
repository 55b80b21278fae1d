"""Dyads over time from fused events: one count per real-world event, not per report.

GDELT-style counts add every report of an event again, so an event that twenty outlets picked
up weighs twenty times; here a fused event counts once in its period, with its PLOVER quad and
type/mode score (the manual's numbers, ``eventwire.ontology``), and the number of reports and
independent stories behind it is kept alongside.

Actors are given as an ISO3 country (``PRK`` or ``country:prk``: every actor of that state), a
KB id (``person:kim-jong-un``) or a name, which is looked up in the KB and also matched as whole
words of actor names ("Kim" finds Kim Jong Un).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from eventwire.fusion.fused import FusedEvent
from eventwire.fusion.reports import ActorRef
from eventwire.store.base import Period
from eventwire.store.dates import period_label
from eventwire.textnorm import fold

_COUNTRY = re.compile(r"(?i:country:)?([A-Za-z]{3})")
KbLookup = Callable[[str], list[str]]


@dataclass(frozen=True)
class ActorSpec:
    """One side of a dyad as the user typed it, and what it matches."""

    text: str
    country: str | None = None
    kb_ids: tuple[str, ...] = ()
    name: str | None = None

    @classmethod
    def parse(cls, text: str, lookup: KbLookup | None = None) -> ActorSpec:
        """``PRK``/``country:PRK`` -> a country; ``kind:slug`` -> a KB id; else a name; a blank
        text matches no actor."""
        spec = text.strip()
        if not spec:
            return cls(text)  # names nobody: matches no actor
        m = _COUNTRY.fullmatch(spec)
        if m and (spec.isupper() or spec.casefold().startswith("country:")):
            return cls(spec, country=m[1].upper())
        if ":" in spec:
            return cls(spec, kb_ids=(spec,))
        return cls(spec, kb_ids=tuple(lookup(spec)) if lookup else (), name=fold(spec))

    def matches(self, actor: ActorRef) -> bool:
        if self.country is not None:
            return actor.country == self.country
        if actor.kb_id and actor.kb_id in self.kb_ids:
            return True
        if self.name is None:
            return False
        words = fold(actor.name)
        short = fold(actor.short or "")
        return self.name in (words, short) or re.search(
            rf"(?<!\w){re.escape(self.name)}(?!\w)", words) is not None


@dataclass(frozen=True)
class DyadEvent:
    """What a dyad count needs of a fused event."""

    id: str
    type: str
    quad: int | None
    intensity: float | None
    day: dt.date | None
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    reports: int
    stories: int

    @classmethod
    def of(cls, event: FusedEvent) -> DyadEvent:
        return cls(event.id, event.type, event.quad, event.intensity, event.day,
                   tuple(s.actor for s in event.source), tuple(s.actor for s in event.target),
                   event.reports, event.stories)


@dataclass
class DyadRow:
    period: str
    source: str
    target: str
    type: str
    quad: int | None
    events: int = 0
    reports: int = 0
    stories: int = 0
    intensity: float | None = None
    """Mean PLOVER type/mode score of the events."""
    intensity_sum: float = 0.0
    event_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DyadSeries:
    a: str
    b: str
    by: Period
    rows: list[DyadRow]
    events: int
    reports: int
    undated: int
    """Fused events of the dyad without a date or a publication date: not in any period."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def direction(event: DyadEvent, a: ActorSpec, b: ActorSpec,
              symmetric: Sequence[str]) -> tuple[str, str] | None:
    """(source, target) as the user named them, or None when the event is not between them.
    A symmetric event that names both on one side ("A and B agreed") counts as a to b."""
    def on(spec: ActorSpec, side: Iterable[ActorRef]) -> bool:
        return any(spec.matches(x) for x in side)

    if on(a, event.source) and on(b, event.target):
        return a.text, b.text
    if on(b, event.source) and on(a, event.target):
        return b.text, a.text
    everyone = (*event.source, *event.target)
    if event.type in symmetric and on(a, everyone) and on(b, everyone):
        return a.text, b.text
    return None


def dyad_series(events: Iterable[DyadEvent], a: ActorSpec, b: ActorSpec, by: Period = "month",
                symmetric: Sequence[str] = ("CONSULT", "AGREE", "COOPERATE")) -> DyadSeries:
    """Fused events between ``a`` and ``b`` per period, direction and type."""
    rows: dict[tuple[str, str, str, str], DyadRow] = {}
    scored: dict[tuple[str, str, str, str], int] = {}
    total = reports = undated = 0
    for event in sorted(events, key=lambda e: (e.day or dt.date.max, e.id)):
        pair = direction(event, a, b, symmetric)
        if pair is None:
            continue
        total += 1
        reports += event.reports
        if event.day is None:
            undated += 1
            continue
        period = period_label(event.day, by)
        key = (period, *pair, event.type)
        row = rows.setdefault(key, DyadRow(period, *pair, event.type, event.quad))
        row.events += 1
        row.reports += event.reports
        row.stories += event.stories
        row.event_ids.append(event.id)
        if event.intensity is not None:
            row.intensity_sum = round(row.intensity_sum + event.intensity, 3)
            scored[key] = scored.get(key, 0) + 1
    for key, row in rows.items():
        n = scored.get(key, 0)
        row.intensity = round(row.intensity_sum / n, 3) if n else None
    ordered = sorted(rows.values(), key=lambda r: (r.period, r.source != a.text, r.type))
    return DyadSeries(a.text, b.text, by, ordered, total, reports, undated)
