"""The working record of an actor mention before actors are assembled."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.model import MentionKind


@dataclass(slots=True)
class Found:
    """A mention found in one sentence; ``first``/``last`` are token indices (inclusive)."""

    first: int
    last: int
    kind: MentionKind
    candidates: tuple[str, ...] = ()  # KB entity ids, best first
    type: str | None = None  # for guessed actors
    name: str | None = None
    country: str | None = None
    role: str | None = None
    sector: str | None = None
    gender: str | None = None
    locative: bool = False  # after "in", "nach": a place rather than an actor
    absorbed: bool = False  # an adjective that only gives an actor its country
    refs: list[int] = field(default_factory=list)  # collectives: indices of referred Founds
    title_span: tuple[int, int] | None = None  # title + name, kept as an extra mention
    key: str | None = None  # actor grouping key, set when actors are assembled
    generic: bool = False  # an unnamed group, kept only where it takes part in something
    office: str | None = None  # office key of a title ("foreign_minister")
    needs_antecedent: bool = False  # "der Minister": resolved to a person named before

    @property
    def entity_id(self) -> str | None:
        return self.candidates[0] if self.candidates else None
