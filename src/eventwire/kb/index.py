"""The alias index and the queries the recogniser and the CLI make of it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwire.kb import query, roles
from eventwire.kb.entities import Alias, Entity, OfficeWords, RoleSpan
from eventwire.textnorm import fold, sound_key

# How much each way of writing a name tells us, for ranking candidates.
KIND_WEIGHT = {
    "name": 1.0,
    "acronym": 0.95,
    "capital": 0.7,
    "short": 0.8,
    "adjective": 0.75,
    "demonym": 0.8,
}
SOUND_KINDS = frozenset({"name", "short", "capital"})
FOLDED_ONLY = 0.9  # a hit that matches only after folding case and punctuation ('OPEC+' ~ 'OPEC')


@dataclass(frozen=True, slots=True)
class Candidate:
    entity: Entity
    alias: Alias
    score: float
    exact: bool


@dataclass
class KnowledgeBase:
    entities: dict[str, Entity] = field(default_factory=dict)
    by_key: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    by_sound: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    offices: dict[str, OfficeWords] = field(default_factory=dict)
    capitals: dict[str, Any] = field(default_factory=dict)
    adjectives_en: dict[str, str] = field(default_factory=dict)  # ISO3 -> "Russian"
    max_tokens: int = 1
    roles_by_office: dict[str, list[tuple[str, RoleSpan]]] = field(default_factory=dict)
    by_compact: dict[str, list[Alias]] = field(default_factory=dict)  # sound key without spaces

    def add(self, entity: Entity, aliases: Iterable[Alias]) -> None:
        self.entities[entity.id] = entity
        for alias in aliases:
            if alias.kind == "adjective" and alias.lang == "en" and entity.country:
                self.adjectives_en.setdefault(entity.country, alias.surface)
            key = fold(alias.surface)
            if not key:
                continue
            if alias not in self.by_key[key]:
                self.by_key[key].append(alias)
            self.max_tokens = max(self.max_tokens, len(key.split()))
            if alias.kind in SOUND_KINDS and (
                entity.type == "person" or alias.kind == "capital" or entity.type == "state"
            ):
                skey = sound_key(alias.surface)
                if alias not in self.by_sound[skey]:
                    self.by_sound[skey].append(alias)

    def finish(self) -> None:
        """Freeze the indexes and derive the ones queries need (roles per office, compact keys)."""
        self.by_key = dict(self.by_key)
        self.by_sound = dict(self.by_sound)
        by_office: dict[str, list[tuple[str, RoleSpan]]] = defaultdict(list)
        for entity in self.entities.values():
            for role in entity.roles:
                by_office[role.office].append((entity.id, role))
        self.roles_by_office = dict(by_office)
        compact: dict[str, list[Alias]] = defaultdict(list)
        for skey, aliases in self.by_sound.items():
            if " " in skey:  # 'Kim Jongun' = 'Kim Jong Un'
                compact[skey.replace(" ", "")].extend(aliases)
        self.by_compact = dict(compact)

    def state(self, iso3: str) -> Entity | None:
        return self.entities.get(f"state:{iso3}")

    def aliases(self, surface: str, *, sound: bool = False) -> list[Alias]:
        """Index hits for a surface form; case-sensitive aliases must match exactly."""
        hits = [
            a
            for a in self.by_key.get(fold(surface), ())
            if not a.case_sensitive or a.surface == surface
        ]
        if not hits and sound:
            hits = list(self.by_sound.get(sound_key(surface), ()))
        return hits

    def holders(self, office: str, country: str | None, day: dt.date | None) -> list[Entity]:
        """People holding ``office`` for ``country`` on ``day`` (the latest holder if no day)."""
        found: list[tuple[dt.date, Entity]] = []
        for entity_id, role in self.roles_by_office.get(office, ()):
            if country and role.country != country:
                continue
            if day is None or role.holds_on(day):
                found.append((role.start, self.entities[entity_id]))
        found.sort(key=lambda pair: pair[0], reverse=True)
        return [e for _, e in found]

    def office_word(self, word: str, lang: str) -> tuple[str, str | None] | None:
        """Cached: the recogniser asks for every capitalised token of every article."""
        cache: dict[tuple[str, str], tuple[str, str | None] | None] = self.__dict__.setdefault(
            "_office_cache", {}
        )
        key = (word, lang)
        if key not in cache:
            cache[key] = self._office_word(word, lang)
        return cache[key]

    def office_pair_ends(self, lang: str) -> frozenset[str]:
        """Folded last words of two-word office names ('erster Vizepräsident'): a word pair
        can name an office only when it ends in one, so the finders ask for no other pair."""
        cache: dict[str, frozenset[str]] = self.__dict__.setdefault("_pair_end_cache", {})
        if lang not in cache:
            table = self.offices.get(lang)
            keys = [*table.words, *table.state_words] if table else []
            cache[lang] = frozenset(k.split(" ")[1] for k in keys if k.count(" ") == 1)
        return cache[lang]

    def _office_word(self, word: str, lang: str) -> tuple[str, str | None] | None:
        """(office key, country or None) for a title noun such as 'Außenminister', 'Kremlsprecher'.

        Compounds are read from the right: 'Vizeaußenminister' ends with a known office word.
        """
        table = self.offices.get(lang)
        if table is None:
            return None
        low = word.casefold()
        if low in table.state_words:
            return table.state_words[low]
        if low in table.words:
            return table.words[low], None
        if " " in low:
            return None
        if "-" in low:  # 'Verdi-Chef', 'NATO-Generalsekretär', 'US-Außenminister'
            prefix, _, tail = low.rpartition("-")
            hit = self.office_word(tail, lang)
            if hit is not None:
                country = hit[1]
                for alias in self.aliases(prefix):
                    entity = self.entities[alias.entity_id]
                    if entity.type == "state" or alias.kind == "adjective":
                        country = country or entity.country
                return hit[0], country
        for cut in range(1, len(low) - 3):
            tail = low[cut:]
            if tail in table.state_words:
                return table.state_words[tail]
            if tail in table.words and (len(tail) >= 6 or (len(tail) >= 4 and cut >= 3)):
                return table.words[tail], None
        return None

    def lookup(
        self, text: str, *, lang: str | None = None, day: dt.date | None = None, limit: int = 10
    ) -> list[Candidate]:
        """Ranked candidates for a name, acronym, adjective, metonym or role description.

        Tries, in order and stopping at the first that finds something: the text as written;
        without a leading article; without a possessive or genitive ending; by sound key (also
        romanised from Cyrillic and with German 'dsch' read as 'j', and with spaces ignored);
        as a role description resolved on ``day``.
        """
        stripped = " ".join(text.split())
        bare = query.without_article(stripped, lang)
        forms = list(dict.fromkeys([stripped, bare]))
        results: dict[str, Candidate] = {}
        for form in forms:
            self._offer_all(results, self.aliases(form), form, lang, day, exact=True)
            if results:
                break
        if not results:
            for form in (f for base in forms for f in query.uninflected(base)):
                self._offer_all(results, self.aliases(form), form, lang, day, exact=True)
                if results:
                    break
        if not results:
            for form in [bare, *query.spelling_variants(bare)]:
                for base in [form, *query.uninflected(form)]:
                    skey = sound_key(base)
                    hits = self.by_sound.get(skey) or self.by_compact.get(skey.replace(" ", ""))
                    self._offer_all(results, list(hits or ()), base, lang, day, exact=False)
                    if results:
                        break
                if results:
                    break
        if not results:
            for holder in self._role_description(stripped, lang or "de", day):
                results[holder.entity.id] = holder
        return sorted(results.values(), key=lambda c: (-c.score, c.entity.name))[:limit]

    def _offer_all(
        self,
        results: dict[str, Candidate],
        aliases: list[Alias],
        surface: str,
        lang: str | None,
        day: dt.date | None,
        *,
        exact: bool,
    ) -> None:
        """Score each hit and keep the best per entity."""
        for alias in aliases:
            entity = self.entities[alias.entity_id]
            score = KIND_WEIGHT.get(alias.kind, 0.5) * (1.0 if exact else 0.85)
            if exact and alias.surface != surface:
                score *= FOLDED_ONLY
            if lang and alias.lang not in (lang, "any"):
                score *= 0.95
            if entity.type == "person" and day is not None and entity.role_on(day):
                score += 0.05
            old = results.get(entity.id)
            if old is None or old.score < score:
                results[entity.id] = Candidate(entity, alias, round(min(score, 1.0), 3), exact)

    def _role_description(self, text: str, lang: str, day: dt.date | None) -> list[Candidate]:
        """Holders of the office a description names; one holder scores higher than several."""
        people: list[Entity] = []
        for reading in roles.parse(self, text, lang):
            people = roles.holders(self, reading, day)[:3]
            if people:
                break
        score = 0.8 if len(people) == 1 else 0.6
        return [
            Candidate(h, Alias(h.id, "name", lang, text), round(score - 0.05 * i, 3), False)
            for i, h in enumerate(people)
        ]
