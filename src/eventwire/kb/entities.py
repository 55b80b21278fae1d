"""Runtime form of the knowledge base: entities, their names and their roles over time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["person", "organization", "state", "location", "group"]
AliasKind = Literal["name", "short", "acronym", "adjective", "demonym", "capital"]


@dataclass(frozen=True, slots=True)
class RoleSpan:
    office: str
    country: str | None
    organisation: str | None
    title_en: str | None
    title_de: str | None
    start: dt.date
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    country: str | None = None
    sector: str | None = None
    cameo: str | None = None
    wikidata: str | None = None
    gender: str | None = None
    state_media: bool = False
    stands_for_state: bool = False
    org_kind: str | None = None
    part_of: str | None = None
    roles: tuple[RoleSpan, ...] = ()
    lat: float | None = None
    lon: float | None = None

    def role_on(self, day: dt.date | None) -> RoleSpan | None:
        """The most senior role held on ``day`` (or the latest role when no day is known)."""
        if not self.roles:
            return None
        if day is None:
            return max(self.roles, key=lambda r: (r.end is None, r.end or r.start))
        current = [r for r in self.roles if r.holds_on(day)]
        return current[0] if current else None


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of writing an entity, as stored in the index."""

    entity_id: str
    kind: AliasKind
    lang: str
    surface: str
    case_sensitive: bool = False


@dataclass(slots=True)
class OfficeWords:
    """Nouns naming offices, and compounds that carry a country, for one language."""

    words: dict[str, str] = field(default_factory=dict)  # folded word -> office key
    state_words: dict[str, tuple[str, str]] = field(default_factory=dict)  # -> (office, ISO3)
    sectors: dict[str, str] = field(default_factory=dict)  # office key -> sector
