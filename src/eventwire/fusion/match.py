"""Could two reports describe the same real-world event? A score in 0..1, or a veto.

Four parts, weighted by :class:`~eventwire.fusion.options.FusionOptions`:

- actors, side by side: the same KB entity is best; the same country is good when one side is
  a state ("North Korea" and "Kim Jong Un" for one meeting); two known countries that differ
  veto. Symmetric types (CONSULT, AGREE, COOPERATE) may swap sides or pool them;
- date at its granularity: a month or week contains the days in it; explicit dates a day or two
  apart score lower (a disagreement to flag) and are only accepted when a shared person or
  organisation or the same city ties the reports together; further apart they veto;
- place: the same place, or a country and a place in it; another place in the same country
  scores low, another country zero, and either vetoes unless the two reports share a person
  or organisation (two strikes on two cities are two events, one meeting reported in two
  places is one event with a disagreement);
- mode: a phone call is not a visit, attending a session is not a meeting (vetoes).

A score is only a comparison of two reports; :mod:`eventwire.fusion.cluster` decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.fusion.options import FusionOptions
from eventwire.fusion.reports import ActorRef, Report
from eventwire.model import PlaceRef
from eventwire.textnorm import fold

SAME, NAME, COUNTRY, PEERS, UNKNOWN, DIFFERENT, CONFLICT = 1.0, 0.8, 0.7, 0.4, 0.35, 0.15, 0.0
DIFFERENT_PLACE = 0.25
EMPTY = 0.45
"""A side one report leaves empty ("Odesa was hit"): it neither confirms nor contradicts."""


@dataclass(frozen=True)
class Match:
    score: float
    swapped: bool
    """The second report's sides are the other way round (a symmetric type)."""
    actors: float
    date: float
    place: float
    mode: float


def _surname(name: str) -> str:
    words = fold(name).split()
    return words[-1] if words else ""


def actor_similarity(a: ActorRef, b: ActorRef) -> float:
    """How likely two actor references name the same actor, or one stands for the other."""
    if a.kb_id and a.kb_id == b.kb_id:
        return SAME
    if a.country and b.country and a.country != b.country:
        return CONFLICT
    if not (a.kb_id and b.kb_id):
        if fold(a.name) == fold(b.name):
            return SAME
        persons = "person" in (a.type, b.type)
        if persons and _surname(a.name) and _surname(a.name) == _surname(b.name):
            return NAME
    if a.country and a.country == b.country:
        return COUNTRY if "state" in (a.type, b.type) or not (a.kb_id and b.kb_id) else PEERS
    return DIFFERENT if a.kb_id and b.kb_id else UNKNOWN


def side_score(a: Sequence[ActorRef], b: Sequence[ActorRef]) -> float:
    """The best pairing across two sides; :data:`EMPTY` when either names nobody."""
    if not a or not b:
        return EMPTY
    return max(actor_similarity(x, y) for x in a for y in b)


def _pooled(a: Report, b: Report) -> float:
    """Participants compared regardless of side, each of the smaller set to its best match."""
    small, large = sorted((a.participants, b.participants), key=len)
    if not small:
        return EMPTY
    scores = [max(actor_similarity(x, y) for y in large) for x in small]
    return 0.0 if min(scores) == CONFLICT else sum(scores) / len(scores)


def _joint(r: Report) -> bool:
    """All parties named together on one side ("both countries ratified the treaty")."""
    return len(r.participants) >= 2 and not (r.source and r.target)


def _facing_empty(a: Report, b: Report, sides: tuple[Sequence[ActorRef], ...]) -> bool:
    """An actor faces the empty side of a report that names its parties jointly, and
    contradicts every one of them: "South Korea and North Korea agreed" must not pass for
    "North Korea and Russia agreed" because the second put both parties on one side."""
    s1, s2, t1, t2 = sides
    for mine, theirs, other in ((s1, s2, b), (s2, s1, a), (t1, t2, b), (t2, t1, a)):
        if mine and not theirs and _joint(other) and any(
                all(actor_similarity(x, y) == CONFLICT for y in other.participants)
                for x in mine):
            return True
    return False


def _fits_swapped(a: Report, b: Report) -> bool:
    """Whether ``b``'s sides line up with ``a``'s better the other way round, so that a
    pooled match ("Kozlov met [nobody]" with "Kim met Kozlov") keeps sides aligned."""
    direct = side_score(a.source, b.source) + side_score(a.target, b.target)
    swapped = side_score(a.source, b.target) + side_score(a.target, b.source)
    return swapped > direct


def actor_score(a: Report, b: Report, options: FusionOptions) -> tuple[float, bool] | None:
    """(score, swapped), or None when the actors contradict each other."""
    options_found: list[tuple[float, bool]] = []
    orientations = [(a.source, b.source, a.target, b.target, False)]
    if a.type in options.symmetric_types:
        orientations.append((a.source, b.target, a.target, b.source, True))
    for s1, s2, t1, t2, swapped in orientations:
        source, target = side_score(s1, s2), side_score(t1, t2)
        hidden = a.type in options.symmetric_types and _facing_empty(a, b, (s1, s2, t1, t2))
        if source > CONFLICT and target > CONFLICT and not hidden:
            options_found.append(((source + target) / 2, swapped))
    one_sided = not (a.source and a.target) or not (b.source and b.target)
    if a.type in options.symmetric_types and one_sided:
        pooled = _pooled(a, b)
        if pooled > CONFLICT:
            options_found.append((pooled, _fits_swapped(a, b)))
    if not options_found:
        return None
    return max(options_found, key=lambda o: (o[0], not o[1]))


def date_score(a: Report, b: Report, options: FusionOptions) -> float | None:
    """Compatibility of two date ranges at their granularity; None beyond the tolerance."""
    if a.date_start is None or b.date_start is None or a.date_end is None or b.date_end is None:
        return 0.3
    gap = (max(a.date_start, b.date_start) - min(a.date_end, b.date_end)).days
    inferred = a.date_inferred or b.date_inferred
    if gap <= 0:
        if inferred:
            return 0.5 if a.date_inferred and b.date_inferred else 0.6
        days = a.date_start == a.date_end and b.date_start == b.date_end
        return 1.0 if days else 0.85
    if gap > options.date_tolerance_days:
        return None
    if inferred:
        return 0.3
    return 0.45 if gap == 1 else 0.3


def place_score(a: PlaceRef | None, b: PlaceRef | None) -> float:
    if a is None or b is None:
        return 0.5
    if (a.kb_id and a.kb_id == b.kb_id) or fold(a.name) == fold(b.name):
        return 1.0
    if not (a.country and b.country):
        return 0.3
    if a.country != b.country:
        return 0.0
    countrywide = any((p.kb_id or "").startswith("state:") for p in (a, b))
    return 0.8 if countrywide else DIFFERENT_PLACE


def mode_score(a: str | None, b: str | None, options: FusionOptions) -> float:
    if a is None or b is None:
        return 0.7
    if a == b:
        return 1.0
    if a in options.exclusive_modes or b in options.exclusive_modes:
        return 0.0
    return 0.6


def share_specific_actor(a: Report, b: Report) -> bool:
    """Both name one person or organisation the KB knows (not merely a state)."""
    def specific(r: Report) -> set[str]:
        return {x.kb_id for x in r.participants if x.kb_id and x.type != "state"}

    return bool(specific(a) & specific(b))


def _on_publication_day(r: Report) -> bool:
    return r.date_start is not None and r.date_start == r.date_end == r.published


def dates_disagree(a: Report, b: Report) -> bool:
    """Both texts give dates, and the days they cover do not overlap.

    A day that is the report's own publication day and lies one day off is not held against
    it: wire stories open with a dateline ("BERLIN, Oct 30"), which gives the filing day, not
    the day of the event the next words date ("on Tuesday").
    """
    if a.date_start is None or a.date_end is None or b.date_start is None or b.date_end is None:
        return False
    if a.date_inferred or b.date_inferred:
        return False
    gap = (max(a.date_start, b.date_start) - min(a.date_end, b.date_end)).days
    if gap == 1 and (_on_publication_day(a) or _on_publication_day(b)):
        return False
    return gap > 0


def same_local_place(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    """The same city (not merely the same country)."""
    if a is None or b is None or (a.kb_id or "").startswith("state:"):
        return False
    return (bool(a.kb_id) and a.kb_id == b.kb_id) or fold(a.name) == fold(b.name)


def same_story(a: Report, b: Report) -> bool:
    """The same sentence coded the same way, as in two syndicated copies of one story."""
    return a.type == b.type and fold(a.evidence) == fold(b.evidence) and bool(a.evidence)


@dataclass(frozen=True)
class Ties:
    """What ties a report to a fused event as a whole, beyond one member: a person or
    organisation, or the city, that another member shares with it."""

    actor: bool = False
    place: bool = False


def ties_to(report: Report, others: Sequence[Report]) -> Ties:
    return Ties(any(share_specific_actor(report, o) for o in others),
                any(same_local_place(report.place, o.place) for o in others))


def compare(a: Report, b: Report, options: FusionOptions, *, copies: bool = False,
            ties: Ties | None = None) -> Match | None:
    """How well ``b`` matches ``a``; None when they cannot be one event. ``copies`` says the
    two documents are copies of one wire story; ``ties`` what else ties ``b`` to the fused
    event ``a`` belongs to."""
    if a.type != b.type:
        return None
    if a.document_id == b.document_id and not options.fuse_within_document:
        return None
    actors = actor_score(a, b, options)
    if copies and same_story(a, b):
        return Match(1.0, actors[1] if actors else False, 1.0, 1.0, 1.0, 1.0)
    date = date_score(a, b, options)
    if actors is None or date is None:
        return None
    place = place_score(a.place, b.place)
    shared = ties or Ties()
    specific = shared.actor or share_specific_actor(a, b)
    if place <= DIFFERENT_PLACE and not specific:
        # Two attacks by one state on one day in two cities are two events; a meeting of the
        # same two people reported in two places is one, with a disagreement to show.
        return None
    local = shared.place or same_local_place(a.place, b.place)
    if dates_disagree(a, b) and not (specific or local):
        # Likewise a strike on Monday and one on Tuesday, unless the place ties them.
        return None
    mode = mode_score(a.mode, b.mode, options)
    if mode == 0.0:
        return None  # a phone call is not a visit, attending a session is not a meeting
    score = (options.actor_weight * actors[0] + options.date_weight * date
             + options.place_weight * place + options.mode_weight * mode)
    return Match(round(score, 4), actors[1], actors[0], date, place, mode)
