"""Place stage: where things happen, resolved to coordinates.

A place is a name after a locative preposition ("in Pjöngjang", "nach Moskau"): a city from the
GeoNames gazetteer, or a state from the KB (placed at its centre). Without a preposition, a
name listed with such a place or a big city's name will do (``places.bare``). Capitals used as
actors ("zwischen Pjöngjang und Moskau") are metonyms and stay with the actors.
"""

from __future__ import annotations

from typing import ClassVar

from eventwire.actors.guess import given_names
from eventwire.actors.names import name_lexicon
from eventwire.dateline import opens_dateline
from eventwire.kb.index import KnowledgeBase
from eventwire.kb.loader import default_kb
from eventwire.langpacks import load_pack
from eventwire.model import Document, Mention, MentionKind, Place
from eventwire.pipeline.actors import content_ranges
from eventwire.places import Gazetteer
from eventwire.places.bare import BareCues, big_cities, listed_places

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
        pack = load_pack(lang).actors
        preps = set(pack.locative_prepositions)
        tokens = doc.tokens
        places: dict[str, Place] = {}
        cues = BareCues(
            determiners=frozenset(pack.determiners),
            given_names=given_names(),
            stop_words=frozenset(pack.name_stopwords),
        )
        named = _tokens_in_actor_names(doc)
        # the bare-name rules were tuned with the language's name lexicon (German so far);
        # in English they cost event precision on the dev set, so they wait for one
        bare = name_lexicon(lang) is not None
        for first, last in content_ranges(doc):
            placed: set[int] = set()
            for i in range(first + 1, last + 1):
                if tokens[i - 1].text.casefold() not in preps or not tokens[i].text[:1].isupper():
                    continue
                for n in range(min(MAX_PLACE_TOKENS, last - i + 1), 0, -1):
                    if not tokens[i + n - 1].text[:1].isalnum():
                        continue  # 'in Berlin.': the lookup ignores the stop, the span must not
                    if self._add(doc, places, i, i + n - 1):
                        placed.update(range(i, i + n))
                        break
            if not bare:
                continue
            # names in a list with a place, and big cities, need no preposition
            listed = listed_places(tokens, first, last, placed, self.gazetteer, cues)
            for i in listed:
                self._add(doc, places, i, i)
            taken = named | placed | set(listed)
            for i in big_cities(tokens, first, last, taken, self.gazetteer, cues):
                kind: MentionKind = "dateline" if opens_dateline(tokens, i, i + 1) else "name"
                self._add(doc, places, i, i, kind)
        doc.places = list(places.values())
        return doc

    def _add(
        self,
        doc: Document,
        places: dict[str, Place],
        first: int,
        last: int,
        kind: MentionKind = "name",
    ) -> bool:
        """Resolve tokens ``first..last`` and record the mention; False if nothing resolves."""
        tokens = doc.tokens
        surface = doc.text[tokens[first].start : tokens[last].end]
        found = self._resolve(surface)
        if found is None:
            return False
        kb_id, name, country, lat, lon = found
        place = places.get(kb_id)
        if place is None:
            place = Place(
                id=f"p{len(places) + 1}", name=name, country=country, lat=lat, lon=lon, kb_id=kb_id
            )
            places[kb_id] = place
        place.mentions.append(
            Mention(
                text=surface,
                start=tokens[first].start,
                end=tokens[last].end,
                kind=kind,
                sentence=tokens[first].sentence,
            )
        )
        return True


def _tokens_in_actor_names(doc: Document) -> set[int]:
    """Token indices inside actor mentions: 'Dortmund' in 'Borussia Dortmund' is no place."""
    index = {t.start: i for i, t in enumerate(doc.tokens)}
    inside: set[int] = set()
    for actor in doc.actors:
        for m in actor.mentions:
            i = index.get(m.start)
            while i is not None and i < len(doc.tokens) and doc.tokens[i].start < m.end:
                inside.add(i)
                i += 1
    return inside
