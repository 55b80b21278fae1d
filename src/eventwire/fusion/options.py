"""Every setting of fusion in one place, with the reason for each default.

The weights and thresholds were set by reasoning about news reports first (what varies between
two reports of one event, what separates two events of one dyad) and then checked against the
fusion test corpus in ``tests/data/fusion``; ``docs/fusion.md`` explains the scoring.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FusionOptions:
    """How reports are compared and when they become one fused event."""

    threshold: float = 0.6
    """A report joins the best-scoring fused event at or above this score, else starts one."""

    actor_weight: float = 0.45
    date_weight: float = 0.3
    place_weight: float = 0.15
    mode_weight: float = 0.1
    """Weights of the four parts of a score; they sum to 1 so a score stays in 0..1."""

    date_tolerance_days: int = 2
    """Two explicit dates this many days apart can still be one event (a report one day off
    is a claim to flag, not a different event); further apart they never fuse."""

    undated_lookback_days: int = 7
    """A report whose text gives no date is taken to be about the week before publication:
    news reports what happened in the last days, and fusion must not guess tighter."""

    factualities: tuple[str, ...] = ("asserted", "claimed")
    """Which events are reports of something that happened: asserted ones, and those the text
    attributes to a source ("Ukrainian officials said drones struck Odesa"), which are exactly
    what the claims view is about. Planned, hypothetical and negated events are left out."""

    symmetric_types: tuple[str, ...] = ("CONSULT", "AGREE", "COOPERATE")
    """Types whose sides may be swapped between reports: "A met B" is "B met A"."""

    exclusive_modes: tuple[str, ...] = ("phone", "attend")
    """Modes that exclude the others of their type: a phone call is not a visit, and attending a
    session of a commission or summit is not the talks held beside it."""

    fuse_within_document: bool = True
    """Two reports from one document may be one event: the extractor merges repeated mentions
    only when they look alike, so "met ... on Monday" and "the talks took place" stay two
    reports. The vetoes (actors, dates, places) keep two events of one article apart."""

    copy_threshold: float = 0.5
    """Estimated Jaccard similarity of word 5-shingles from which two documents are copies of
    one wire story (syndicated with their own headline and boilerplate)."""

    def __post_init__(self) -> None:
        total = self.actor_weight + self.date_weight + self.place_weight + self.mode_weight
        if abs(total - 1.0) > 1e-6:
            raise ValueError(f"the four weights must sum to 1, not {total:.3f}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {self.threshold}")
        if not 0.0 < self.copy_threshold <= 1.0:
            raise ValueError(f"copy_threshold must be in (0, 1], not {self.copy_threshold}")
        if self.date_tolerance_days < 0 or self.undated_lookback_days < 0:
            raise ValueError("day counts must not be negative")
