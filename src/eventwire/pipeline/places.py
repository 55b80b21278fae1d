"""Place stage: where things happen, resolved to coordinates.

A place is a name after a locative preposition ("in Pjöngjang", "nach Moskau"): a city from the
GeoNames gazetteer, or a state from the KB (placed at its centre). Capitals used as actors
("zwischen Pjöngjang und Moskau") are metonyms and stay with the actors.
"""

from __future__ import annotations

from typing import ClassVar

from eventwire.kb.index import KnowledgeBase
from eventwire.kb.loader import default_kb
from eventwire.langpacks import load_pack
from eventwire.model import Document, Mention, Place
from eventwire.pipeline.actors import content_ranges
from eventwire.places import Gazetteer

MAX_PLACE_TOKENS = 3


class PlaceResolver:
    name: ClassVar[str] = "places"
    requires: ClassVar[frozenset[str]] = frozenset({"tokens"})
    assigns: ClassVar[frozenset[str]] = frozenset({"places"})

    def __init__(self, kb: KnowledgeBase | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.kb = kb or default_kb()
        self.gazetteer = gazetteer or Gazetteer.default()

    def _resolve(
        self, surface: str
    ) -> tuple[str, str, str | None, float | None, float | None] | None:
        """(kb_id, name, country, lat, lon) for a place name."""
        for alias in self.kb.aliases(surface):
            entity = self.kb.entities[alias.entity_id]
            if entity.type == "state" and alias.kind == "name":
                return entity.id, entity.name, entity.country, entity.lat, entity.lon
        cities = self.gazetteer.lookup(surface, allow_ambiguous=True)
        if cities:
            c = cities[0]
            return f"geonames:{c.geonameid}", c.name, c.country, c.lat, c.lon
        return None

    def __call__(self, doc: Document) -> Document:
        lang = doc.lang or "de"
        preps = set(load_pack(lang).actors.locative_prepositions)
        tokens = doc.tokens
        places: dict[str, Place] = {}
        for first, last in content_ranges(doc):
            for i in range(first + 1, last + 1):
                if tokens[i - 1].text.casefold() not in preps or not tokens[i].text[:1].isupper():
                    continue
                for n in range(min(MAX_PLACE_TOKENS, last - i + 1), 0, -1):
                    if not tokens[i + n - 1].text[:1].isalnum():
                        continue  # 'in Berlin.': the lookup ignores the stop, the span must not
                    surface = doc.text[tokens[i].start : tokens[i + n - 1].end]
                    found = self._resolve(surface)
                    if found is None:
                        continue
                    kb_id, name, country, lat, lon = found
                    place = places.get(kb_id)
                    if place is None:
                        place = Place(
                            id=f"p{len(places) + 1}",
                            name=name,
                            country=country,
                            lat=lat,
                            lon=lon,
                            kb_id=kb_id,
                        )
                        places[kb_id] = place
                    place.mentions.append(
                        Mention(
                            text=surface,
                            start=tokens[i].start,
                            end=tokens[i + n - 1].end,
                            kind="name",
                            sentence=tokens[i].sentence,
                        )
                    )
                    break
        doc.places = list(places.values())
        return doc
