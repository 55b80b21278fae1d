"""Reports into fused events, one report at a time, the same way every time.

Each report is compared with the fused events that share its type and one identity key (a KB
id, a country, a surname or a place) and whose dates lie within reach; it joins the best one
scoring at or above the threshold, or founds a new one. Reports are taken in canonical order
(first published first), so the earliest report founds an event and the event's id is derived
from that report's key: the same input gives the same ids. Old assignments are never revisited:
an incremental run adds new reports to existing events, whose ids stay.

A report is compared with each member and the best member's score counts (a report that
matches the wire version of a story matches the story), but it is refused where most members
veto it, which keeps one odd report from chaining two events together.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from eventwire.fusion.match import compare, ties_to
from eventwire.fusion.options import FusionOptions
from eventwire.fusion.reports import Report, ReportKey
from eventwire.textnorm import fold


def fused_id(key: ReportKey) -> str:
    """A stable id from the founding report's key."""
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()
    return f"fe-{digest[:12]}"


@dataclass
class Member:
    report: Report
    swapped: bool = False
    """Its sides are the other way round from the fused event's (symmetric types only)."""
    score: float = 1.0
    """The score with which it joined; 1.0 for the founder."""


@dataclass
class Cluster:
    id: str
    members: list[Member] = field(default_factory=list)
    sequence: int = 0

    @property
    def documents(self) -> set[str]:
        return {m.report.document_id for m in self.members}

    def span(self) -> tuple[dt.date, dt.date] | None:
        starts = [m.report.date_start for m in self.members if m.report.date_start]
        ends = [m.report.date_end for m in self.members if m.report.date_end]
        return (min(starts), max(ends)) if starts and ends else None


@dataclass(frozen=True)
class Assignment:
    key: ReportKey
    fused_id: str
    swapped: bool
    score: float
    founded: bool


def blocking_keys(report: Report) -> set[str]:
    """What a report must share with a fused event to be compared with it at all."""
    keys: set[str] = set()
    for actor in report.participants:
        if actor.kb_id:
            keys.add(f"kb:{actor.kb_id}")
        if actor.country:
            keys.add(f"country:{actor.country}")
        if actor.type in ("person", "group") or not actor.kb_id:
            words = fold(actor.name).split()
            if words:
                keys.add(f"name:{words[-1]}")
    if report.place is not None:
        keys.add(f"place:{report.place.kb_id or fold(report.place.name)}")
    return {f"{report.type}|{k}" for k in keys}


class Clusterer:
    """Holds the fused events known so far and adds reports to them."""

    def __init__(self, options: FusionOptions | None = None,
                 stories: Mapping[str, str] | None = None) -> None:
        self.options = options or FusionOptions()
        self.stories = dict(stories or {})
        """Document id -> the first document of its wire story (copies share one)."""
        self.clusters: dict[str, Cluster] = {}
        self._index: dict[str, set[str]] = defaultdict(set)

    def story(self, document_id: str) -> str:
        return self.stories.get(document_id, document_id)

    def restore(self, cluster_id: str, members: Iterable[Member]) -> None:
        """Load a fused event as stored, to add new reports to it."""
        cluster = self.clusters.setdefault(
            cluster_id, Cluster(cluster_id, sequence=len(self.clusters)))
        for member in members:
            cluster.members.append(member)
            self._index_report(cluster_id, member.report)

    def add_all(self, reports: Iterable[Report]) -> list[Assignment]:
        return [self.add(r) for r in sorted(reports, key=Report.order)]

    def add(self, report: Report) -> Assignment:
        best: tuple[float, int, Cluster, bool] | None = None
        for cluster in self._candidates(report):
            scored = self._score(report, cluster)
            if scored is None:
                continue
            score, swapped = scored
            if best is None or (score, -cluster.sequence) > (best[0], -best[1]):
                best = (score, cluster.sequence, cluster, swapped)
        if best is not None and best[0] >= self.options.threshold:
            _, _, cluster, swapped = best
            cluster.members.append(Member(report, swapped, best[0]))
            self._index_report(cluster.id, report)
            return Assignment(report.key, cluster.id, swapped, best[0], founded=False)
        cluster = self._found(report)
        return Assignment(report.key, cluster.id, False, 1.0, founded=True)

    def _found(self, report: Report) -> Cluster:
        base = fused_id(report.key)
        new_id, n = base, 1
        while new_id in self.clusters:  # a founder re-coded after its old event kept others
            n += 1
            new_id = f"{base}-{n}"
        cluster = Cluster(new_id, [Member(report)], sequence=len(self.clusters))
        self.clusters[new_id] = cluster
        self._index_report(new_id, report)
        return cluster

    def _index_report(self, cluster_id: str, report: Report) -> None:
        for key in blocking_keys(report):
            self._index[key].add(cluster_id)

    def _candidates(self, report: Report) -> list[Cluster]:
        ids: set[str] = set()
        for key in blocking_keys(report):
            ids |= self._index.get(key, set())
        found = [self.clusters[i] for i in ids if self._within_reach(report, self.clusters[i])]
        return sorted(found, key=lambda c: c.sequence)

    def _within_reach(self, report: Report, cluster: Cluster) -> bool:
        span = cluster.span()
        if span is None or report.date_start is None or report.date_end is None:
            return True
        gap = (max(span[0], report.date_start) - min(span[1], report.date_end)).days
        return gap <= self.options.date_tolerance_days

    def _score(self, report: Report, cluster: Cluster) -> tuple[float, bool] | None:
        """(score, swapped relative to the cluster), or None when the cluster refuses it."""
        if not self.options.fuse_within_document and report.document_id in cluster.documents:
            return None
        story = self.story(report.document_id)
        ties = ties_to(report, [m.report for m in cluster.members])
        best: tuple[float, bool] | None = None
        vetoes = 0
        for member in cluster.members:
            copies = self.story(member.report.document_id) == story
            match = compare(member.report, report, self.options, copies=copies, ties=ties)
            if match is None:
                vetoes += 1
                continue
            swapped = match.swapped != member.swapped
            if best is None or match.score > best[0]:
                best = (match.score, swapped)
        if best is None or 2 * vetoes > len(cluster.members):
            return None
        return best
