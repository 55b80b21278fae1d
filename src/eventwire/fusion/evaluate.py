"""Scoring fusion against gold clusters: B-cubed over the reports eventwire produces.

The gold (``tests/data/fusion/gold_clusters.json``, described in that folder's README) lists the
underlying events and, per article, an *anchor*: the words that assert the event. A produced
report takes the gold event of the anchor its trigger lies in (or, without a trigger, whose
anchor its evidence contains), provided the types agree; several reports can share one anchor.

Reports that match no anchor (extraction noise, wrong types) count as their own singleton gold
events: fusing them with anything costs precision, leaving them alone costs nothing. Gold
mentions no report matched are missing from the main figure; ``with_missed`` adds each as a
singleton system cluster, which shows what the extraction's misses cost recall.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection

from eventwire.fusion.reports import ReportKey
from eventwire.model import Document, Event
from eventwire.store.fused import report_keys, stories
from eventwire.store.queries import get_document
from eventwire.store.sql import SqlStore

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Article:
    id: str
    file: str
    lang: str
    published: dt.date
    source: str
    copy_of: str | None


@dataclass(frozen=True)
class GoldMention:
    index: int
    event: str
    type: str
    article: str
    start: int
    end: int


@dataclass(frozen=True)
class Score:
    p: float
    r: float
    f1: float

    def __str__(self) -> str:
        return f"P={self.p:.3f} R={self.r:.3f} F1={self.f1:.3f}"


def read_manifest(folder: Path) -> list[Article]:
    rows = [json.loads(line) for line in (folder / "manifest.jsonl").read_text("utf-8")
            .splitlines() if line.strip()]
    return [Article(r["id"], r["file"], r["lang"], dt.date.fromisoformat(r["published"]),
                    r["source"], r.get("copy_of")) for r in rows]


def corpus_documents(folder: Path) -> list[Document]:
    """The corpus articles as uncoded documents with their metadata."""
    return [Document(id=a.id, text=(folder / a.file).read_text("utf-8"), lang=a.lang,
                     published=a.published, published_from="metadata", source=a.source)
            for a in read_manifest(folder)]


def read_gold(folder: Path) -> tuple[list[GoldMention], dict[str, dict[str, object]]]:
    """Mentions with their character spans, and the events by id; an anchor must occur
    exactly once in its article."""
    data = json.loads((folder / "gold_clusters.json").read_text("utf-8"))
    texts = {a.id: (folder / a.file).read_text("utf-8") for a in read_manifest(folder)}
    mentions: list[GoldMention] = []
    events: dict[str, dict[str, object]] = {}
    for event in data["events"]:
        events[event["id"]] = event
        for m in event["mentions"]:
            text = texts[m["article"]]
            if text.count(m["anchor"]) != 1:
                raise ValueError(f"{event['id']}: anchor {m['anchor']!r} must occur once in "
                                 f"{m['article']}")
            start = text.index(m["anchor"])
            mentions.append(GoldMention(len(mentions), event["id"], m.get("type", event["type"]),
                                        m["article"], start, start + len(m["anchor"])))
    return mentions, events


def _hits(event: Event, mention: GoldMention) -> bool:
    if event.type != mention.type:
        return False
    if event.trigger is not None:
        return event.trigger.start < mention.end and mention.start < event.trigger.end
    return event.evidence.start <= mention.start and mention.end <= event.evidence.end


def label_reports(docs: Sequence[Document], mentions: Sequence[GoldMention],
                  keys: set[ReportKey]) -> dict[ReportKey, GoldMention | None]:
    """The gold mention each produced report (by key) belongs to, or None."""
    by_article: dict[str, list[GoldMention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article].append(m)
    labels: dict[ReportKey, GoldMention | None] = {}
    for doc in docs:
        for event in (*doc.events, *doc.nonfactual_events):
            if (doc.id, event.id) in keys:
                found = [m for m in by_article[doc.id] if _hits(event, m)]
                labels[(doc.id, event.id)] = found[0] if found else None
    return labels


def bcubed(system: Mapping[K, str], gold: Mapping[K, str]) -> Score:
    """B-cubed precision and recall averaged over items (Bagga and Baldwin 1998)."""
    if not system:
        return Score(0.0, 0.0, 0.0)
    by_system: dict[str, set[K]] = defaultdict(set)
    by_gold: dict[str, set[K]] = defaultdict(set)
    for item, cluster in system.items():
        by_system[cluster].add(item)
        by_gold[gold[item]].add(item)
    p = r = 0.0
    for item in system:
        mine, truth = by_system[system[item]], by_gold[gold[item]]
        both = len(mine & truth)
        p += both / len(mine)
        r += both / len(truth)
    p, r = p / len(system), r / len(system)
    return Score(round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0)


@dataclass(frozen=True)
class FusionScore:
    reports: int
    matched: int
    gold_mentions: int
    found_mentions: int
    gold_events: int
    fused_events: int
    bcubed: Score
    """All produced reports; unmatched ones are singleton gold events."""
    matched_only: Score
    with_missed: Score
    """As ``bcubed``, plus each gold mention no report matched as a singleton system cluster."""
    copies: Score
    """Pairs of documents found to be copies of one wire story, against the manifest."""


def _pairs(groups: Mapping[str, str]) -> set[tuple[str, str]]:
    by: dict[str, list[str]] = defaultdict(list)
    for doc, story in groups.items():
        by[story].append(doc)
    return {tuple(sorted(p)) for ds in by.values()  # type: ignore[misc]
            for p in itertools.combinations(ds, 2)}


def _pair_score(found: set[tuple[str, str]], truth: set[tuple[str, str]]) -> Score:
    p = len(found & truth) / len(found) if found else 1.0
    r = len(found & truth) / len(truth) if truth else 1.0
    return Score(round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0)


def score_fusion(docs: Sequence[Document], assignment: Mapping[ReportKey, str],
                 mentions: Sequence[GoldMention], stories: Mapping[str, str],
                 articles: Sequence[Article]) -> FusionScore:
    """Score fused events (report key -> fused id) of the coded corpus ``docs``."""
    labels = label_reports(docs, mentions, set(assignment))
    gold = {k: (m.event if m else f"unmatched:{k[0]}/{k[1]}") for k, m in labels.items()}
    matched = {k for k, m in labels.items() if m is not None}
    found = {m.index for m in labels.values() if m is not None}
    missed = [m for m in mentions if m.index not in found]
    system_plus = {**assignment, **{("missed", str(m.index)): f"missed:{m.index}"
                                   for m in missed}}
    gold_plus = {**gold, **{("missed", str(m.index)): m.event for m in missed}}
    truth = {a.id: a.copy_of or a.id for a in articles}
    return FusionScore(
        reports=len(assignment), matched=len(matched), gold_mentions=len(mentions),
        found_mentions=len(found), gold_events=len({m.event for m in mentions}),
        fused_events=len(set(assignment.values())),
        bcubed=bcubed(assignment, gold),
        matched_only=bcubed({k: assignment[k] for k in matched}, {k: gold[k] for k in matched}),
        with_missed=bcubed(system_plus, gold_plus),
        copies=_pair_score(_pairs(stories), _pairs(truth)))


def evaluate_store(store: SqlStore, folder: Path) -> FusionScore:
    """Score the fused events of a store into which the corpus in ``folder`` was ingested
    (under its manifest ids) and fused."""
    articles = read_manifest(folder)
    mentions, _ = read_gold(folder)

    def read(conn: Connection) -> tuple[dict[ReportKey, str], dict[str, str], list[Document]]:
        docs = [d for a in articles if (d := get_document(conn, a.id)) is not None]
        return report_keys(conn), stories(conn, [a.id for a in articles]), docs

    assignment, story, docs = store._read(read)
    ids = {a.id for a in articles}
    mine = {k: v for k, v in assignment.items() if k[0] in ids}
    return score_fusion(docs, mine, mentions, story, articles)
