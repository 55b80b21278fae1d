"""What a fused event says as a whole: the consensus of its reports.

Each value is chosen by the number of independent stories behind it (syndicated copies of one
wire story count once), ties going to the earliest report; the most precise date and place win
over vaguer ones they contain ("2024-06-19" over "2024-06"), so the fused event is as exact as
its best report. Disagreements are not resolved here but shown by :mod:`eventwire.fusion.claims`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from eventwire.fusion.cluster import Cluster, Member
from eventwire.fusion.reports import ActorRef
from eventwire.model import PlaceRef
from eventwire.ontology import quad_and_score
from eventwire.store.dates import day_range

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class SideActor:
    actor: ActorRef
    reports: int
    """How many reports name it on this side."""


@dataclass(frozen=True)
class FusedEvent:
    id: str
    type: str
    mode: str | None
    quad: int | None
    intensity: float | None
    date: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    place: PlaceRef | None
    source: tuple[SideActor, ...]
    target: tuple[SideActor, ...]
    first_published: dt.date | None
    reports: int
    stories: int
    state_media_only: bool
    """Every report rests on state-controlled media."""
    members: tuple[Member, ...]

    @property
    def day(self) -> dt.date | None:
        """The day the event counts for in time series: its date, else its first report."""
        return self.date_start or self.first_published


def _pick(members: Sequence[Member], value: Callable[[Member], K | None],
          story: Callable[[str], str], precise: Callable[[K], bool] | None = None) -> K | None:
    """The value most independent stories give; precise values first, then earliest report."""
    support: dict[K, set[str]] = {}
    for m in members:
        v = value(m)
        if v is not None:
            support.setdefault(v, set()).add(story(m.report.document_id))
    if not support:
        return None
    ranked = list(support)  # members come in canonical order: first seen = earliest report
    if precise is not None and any(precise(v) for v in ranked):
        ranked = [v for v in ranked if precise(v)]
    return max(ranked, key=lambda v: (len(support[v]), -ranked.index(v)))


def _side(members: Sequence[Member], role: str) -> tuple[SideActor, ...]:
    counts: Counter[str] = Counter()
    first: dict[str, ActorRef] = {}
    for m in members:
        swap = m.swapped
        side = m.report.target if (role == "source") == swap else m.report.source
        for key in dict.fromkeys(a.key for a in side):
            counts[key] += 1
        for a in side:
            first.setdefault(a.key, a)
    order = list(first)
    ranked = sorted(order, key=lambda k: (-counts[k], order.index(k)))
    return tuple(SideActor(first[k], counts[k]) for k in ranked)


def _is_day(value: str) -> bool:
    start, end = day_range(value)
    return start is not None and start == end


def _is_local(place: PlaceRef) -> bool:
    return not (place.kb_id or "").startswith("state:")


def summarise(cluster: Cluster, stories: Mapping[str, str] | None = None) -> FusedEvent:
    """The fused event of a cluster; ``stories`` maps copies to their wire story's first
    document."""
    story_of = dict(stories or {})

    def story(document_id: str) -> str:
        return story_of.get(document_id, document_id)

    members = sorted(cluster.members, key=lambda m: m.report.order())
    reports = [m.report for m in members]
    mode = _pick(members, lambda m: m.report.mode, story)
    date = _pick(members, lambda m: m.report.date, story, _is_day)
    place_key = _pick(members, lambda m: m.report.place.model_dump_json()
                      if m.report.place else None, story,
                      lambda v: _is_local(PlaceRef.model_validate_json(v)))
    start, end = day_range(date)
    quad, intensity = quad_and_score(reports[0].type, mode)
    published = [r.published for r in reports if r.published]
    return FusedEvent(
        id=cluster.id, type=reports[0].type, mode=mode, quad=quad, intensity=intensity,
        date=date, date_start=start, date_end=end,
        place=PlaceRef.model_validate_json(place_key) if place_key else None,
        source=_side(members, "source"), target=_side(members, "target"),
        first_published=min(published) if published else None, reports=len(reports),
        stories=len({story(r.document_id) for r in reports}),
        state_media_only=all(r.on_state_media for r in reports), members=tuple(members),
    )
