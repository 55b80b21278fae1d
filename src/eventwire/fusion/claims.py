"""Who claims what about a fused event: values per field with their sources, disagreements,
claims resting only on state-controlled media, the first report and how the story spread.

A claim's weight is the number of independent stories behind it (syndicated copies of one wire
story count once), and each report carries its chain: outlet -> the agencies and people the text
attributes it to -> the actor it is about ("Elbe-Kurier -> KCNA -> Kim Jong Un").
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from eventwire.fusion.cluster import Member
from eventwire.fusion.fused import FusedEvent
from eventwire.fusion.match import CONFLICT, DIFFERENT, PEERS, actor_similarity
from eventwire.fusion.reports import ActorRef, Report, actor_ref
from eventwire.model import Document, PlaceRef
from eventwire.store.dates import day_range
from eventwire.textnorm import fold

UNKNOWN_OUTLET = "(outlet unknown)"
OutletCheck = Callable[[str], bool]


@dataclass(frozen=True)
class ChainLink:
    """One step of "who said what": the outlet, an agency or person it cites, the actor."""

    name: str
    role: str
    """``outlet``, ``reported_by`` (outermost first) or ``source`` (the acting party)."""
    kb_id: str | None = None
    state_media: bool = False


@dataclass(frozen=True)
class QuoteChain:
    speaker: str | None
    chain: list[ChainLink]
    kind: str
    text: str


@dataclass(frozen=True)
class ReportInfo:
    document_id: str
    event_id: str
    outlet: str | None
    lang: str | None
    published: str | None
    story: str
    """The first document of the wire story this report's document belongs to."""
    copy: bool
    chain: list[ChainLink]
    state_media: list[str]
    """Names of state-controlled media in the chain (the outlet or an agency it cites)."""
    evidence: str
    quotes: list[QuoteChain] = field(default_factory=list)


@dataclass(frozen=True)
class ClaimValue:
    value: str
    reports: int
    stories: int
    outlets: list[str]
    state_media_only: bool
    first_published: str | None
    report_keys: list[list[str]]


@dataclass(frozen=True)
class Claim:
    field: str
    values: list[ClaimValue]
    disagreement: bool
    note: str | None = None


@dataclass(frozen=True)
class SpreadDay:
    day: str | None
    days_after_first: int | None
    reports: int
    stories: int
    outlets: list[str]
    new_outlets: list[str]
    languages: list[str]


@dataclass(frozen=True)
class Claims:
    id: str
    type: str
    mode: str | None
    date: str | None
    place: str | None
    source: list[str]
    target: list[str]
    report_count: int
    story_count: int
    state_media_only: bool
    first_report: ReportInfo
    claims: list[Claim]
    disagreements: list[str]
    state_media_only_claims: list[dict[str, str]]
    reports: list[ReportInfo]
    spread: list[SpreadDay]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _link(actor: ActorRef, role: str) -> ChainLink:
    return ChainLink(actor.label, role, actor.kb_id, actor.state_media)


def _quotes(report: Report, doc: Document | None, outlet: ChainLink) -> list[QuoteChain]:
    """Quotes of the event's actors, or in its sentence, with their own chains."""
    if doc is None:
        return []
    event = next((e for e in (*doc.events, *doc.nonfactual_events)
                  if e.id == report.event_id), None)
    if event is None:
        return []
    actors = {*event.source, *event.target}
    found = []
    for q in doc.quotes:
        if q.speaker in actors or q.sentence == event.sentence:
            speaker = doc.actor(q.speaker) if q.speaker else None
            chain = [outlet, *(_link(actor_ref(a), "reported_by")
                               for i in q.reported_by if (a := doc.actor(i)))]
            if speaker is not None:
                chain.append(_link(actor_ref(speaker), "speaker"))
            found.append(QuoteChain(speaker.name if speaker else None, chain, q.kind, q.text))
    return found


def report_info(member: Member, story: str, doc: Document | None,
                outlet_is_state_media: OutletCheck) -> ReportInfo:
    """One report with its chain: outlet -> cited agencies and people -> acting party."""
    r = member.report
    outlet_state = bool(r.outlet) and outlet_is_state_media(r.outlet or "")
    outlet = ChainLink(r.outlet or UNKNOWN_OUTLET, "outlet", None, outlet_state)
    chain = [outlet, *(_link(a, "reported_by") for a in r.reported_by)]
    named = {a.key for a in r.reported_by}
    chain += [_link(a, "source") for a in r.source if a.key not in named]
    state = [link.name for link in chain if link.state_media]
    return ReportInfo(r.document_id, r.event_id, r.outlet, r.lang,
                      r.published.isoformat() if r.published else None, story,
                      story != r.document_id, chain, state, r.evidence,
                      _quotes(r, doc, outlet))


def _values(members: Sequence[Member], infos: Mapping[tuple[str, str], ReportInfo],
            values: Callable[[Member], Sequence[tuple[Hashable, str]]]) -> list[ClaimValue]:
    """Group reports by the values they give; most independent stories first."""
    groups: dict[Hashable, tuple[str, list[Member]]] = {}
    for m in members:
        for key, label in dict.fromkeys(values(m)):
            groups.setdefault(key, (label, []))[1].append(m)
    out = []
    for label, ms in groups.values():
        own = [infos[m.report.key] for m in ms]
        published = sorted(i.published for i in own if i.published)
        out.append(ClaimValue(
            value=label, reports=len(ms), stories=len({i.story for i in own}),
            outlets=sorted({i.outlet or UNKNOWN_OUTLET for i in own}),
            state_media_only=all(i.state_media for i in own),
            first_published=published[0] if published else None,
            report_keys=[list(m.report.key) for m in ms]))
    return sorted(out, key=lambda v: (-v.stories, -v.reports, v.first_published or ""))


def _date_conflict(a: str, b: str) -> bool:
    (s1, e1), (s2, e2) = day_range(a), day_range(b)
    return None not in (s1, e1, s2, e2) and (e1 < s2 or e2 < s1)  # type: ignore[operator]


def _place_conflict(a: PlaceRef, b: PlaceRef) -> bool:
    if (a.kb_id and a.kb_id == b.kb_id) or fold(a.name) == fold(b.name):
        return False
    if a.country and b.country and a.country != b.country:
        return True
    return not any((p.kb_id or "").startswith("state:") for p in (a, b))


def _side(m: Member, role: str) -> tuple[ActorRef, ...]:
    return m.report.target if (role == "source") == m.swapped else m.report.source


def _conflicts(members: Sequence[Member], pick: Callable[[Member], list[Any]],
               clash: Callable[[Any, Any], bool]) -> list[tuple[Any, Any]]:
    """Pairs of values that contradict each other and that no single report gives together."""
    given = [pick(m) for m in members]
    pairs = []
    for (i, a), (j, b) in itertools.combinations(
            [(n, v) for n, vs in enumerate(given) for v in vs], 2):
        if i != j and clash(a, b) and not any(a in vs and b in vs for vs in given):
            pairs.append((a, b))
    return pairs


def _note(pairs: list[tuple[Any, Any]], label: Callable[[Any], str]) -> str | None:
    seen = list(dict.fromkeys(" vs ".join(sorted((label(a), label(b)))) for a, b in pairs))
    return "; ".join(seen) or None


def _claim(name: str, members: Sequence[Member], infos: Mapping[tuple[str, str], ReportInfo],
           pick: Callable[[Member], list[Any]], key: Callable[[Any], Hashable],
           label: Callable[[Any], str], clash: Callable[[Any, Any], bool]) -> Claim | None:
    values = _values(members, infos, lambda m: [(key(v), label(v)) for v in pick(m)])
    if not values:
        return None
    pairs = _conflicts(members, pick, clash)
    return Claim(name, values, bool(pairs), _note(pairs, label))


def _place_label(p: PlaceRef) -> str:
    return f"{p.name} ({p.country})" if p.country else p.name


def _number_clash(a: Any, b: Any) -> bool:
    if a.value == b.value:
        return False
    return not ((a.at_least and b.value >= a.value) or (b.at_least and a.value >= b.value))


def _side_picker(role: str) -> Callable[[Member], list[Any]]:
    return lambda m: list(_side(m, role))


def _number_picker(kind: str) -> Callable[[Member], list[Any]]:
    return lambda m: [n for n in m.report.numbers if n.kind == kind]


def _actor_clash(a: ActorRef, b: ActorRef) -> bool:
    return actor_similarity(a, b) in (CONFLICT, DIFFERENT, PEERS)


def field_claims(members: Sequence[Member], infos: Mapping[tuple[str, str], ReportInfo],
                 exclusive_modes: Sequence[str]) -> list[Claim]:
    """Claims about date, place, sides, mode and numbers, in that order."""
    found = [
        _claim("date", members, infos, lambda m: [m.report.date] if m.report.date else [],
               str, str, _date_conflict),
        _claim("place", members, infos, lambda m: [m.report.place] if m.report.place else [],
               lambda p: p.kb_id or fold(p.name), _place_label, _place_conflict),
    ]
    for role in ("source", "target"):
        found.append(_claim(role, members, infos, _side_picker(role), lambda a: a.key,
                            lambda a: a.label, _actor_clash))
    found.append(_claim(
        "mode", members, infos, lambda m: [m.report.mode] if m.report.mode else [], str, str,
        lambda a, b: a != b and (a in exclusive_modes or b in exclusive_modes)))
    kinds = sorted({n.kind for m in members for n in m.report.numbers})
    for kind in kinds:
        found.append(_claim(
            kind, members, infos, _number_picker(kind), lambda n: (n.value, n.at_least),
            lambda n: f"at least {n.value}" if n.at_least else str(n.value), _number_clash))
    return [c for c in found if c is not None]


def spread(infos: Sequence[ReportInfo]) -> list[SpreadDay]:
    """Reports per publication day, with the outlets that took the story up that day."""
    ordered = sorted(infos, key=lambda i: (i.published or "9999", i.document_id))
    first = next((i.published for i in ordered if i.published), None)
    seen: set[str] = set()
    days = []
    for day, group in itertools.groupby(ordered, key=lambda i: i.published):
        items = list(group)
        outlets = sorted({i.outlet or UNKNOWN_OUTLET for i in items})
        new = [o for o in outlets if o not in seen]
        seen.update(outlets)
        after = None
        if day and first:
            after = (dt.date.fromisoformat(day) - dt.date.fromisoformat(first)).days
        days.append(SpreadDay(day, after, len(items), len({i.story for i in items}), outlets,
                              new, sorted({i.lang or "?" for i in items})))
    return days


def claims_of(event: FusedEvent, stories: Mapping[str, str] | None = None,
              documents: Mapping[str, Document] | None = None,
              outlet_is_state_media: OutletCheck | None = None,
              exclusive_modes: Sequence[str] = ("phone",)) -> Claims:
    """The claims view of a fused event; ``documents`` (by id) add quotes to each report."""
    story = dict(stories or {})
    docs = documents or {}
    check = outlet_is_state_media or (lambda outlet: False)
    members = list(event.members)
    infos = {m.report.key: report_info(m, story.get(m.report.document_id, m.report.document_id),
                                       docs.get(m.report.document_id), check)
             for m in members}
    claims = field_claims(members, infos, exclusive_modes)
    ordered = [infos[m.report.key] for m in members]
    return Claims(
        id=event.id, type=event.type, mode=event.mode, date=event.date,
        place=_place_label(event.place) if event.place else None,
        source=[s.actor.label for s in event.source],
        target=[s.actor.label for s in event.target],
        report_count=event.reports, story_count=event.stories,
        state_media_only=all(i.state_media for i in ordered), first_report=ordered[0],
        claims=claims, disagreements=[c.field for c in claims if c.disagreement],
        state_media_only_claims=[{"field": c.field, "value": v.value}
                                 for c in claims for v in c.values if v.state_media_only],
        reports=ordered, spread=spread(ordered))
