"""Role descriptions resolved to the person holding the office on a day.

'der russische Außenminister', 'des russischen Außenministers', "Russia's foreign minister",
'Supreme Leader of Iran', 'UN-Generalsekretär', 'IAEA-Chef': the words split into markers that
name a state or an organisation (adjectives, names, acronyms, prefixes before a hyphen) and the
rest, which must name an office (offices.yaml) once articles, dangling connectors and German
case endings are set aside. Who held the office on the day comes from the people's roles.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.kb.entities import Entity
from eventwire.kb.query import connectors, uninflected, without_article

if TYPE_CHECKING:
    from eventwire.kb.index import KnowledgeBase

GENERIC_HEAD = "organisation_leader"
"""The office of 'Chef', 'head', 'leader': with an organisation it means that body's top post."""
HEAD_OFFICES = frozenset({
    GENERIC_HEAD, "secretary_general", "director_general", "commission_president",
    "council_president", "party_leader", "armed_group_leader", "central_bank_governor",
    "high_representative", "speaker_of_parliament",
})
# German noun endings that inflected office words carry (Präsident-en, Außenminister-s).
NOUN_ENDINGS = ("s", "es", "en", "n")
MARKER_KINDS = frozenset({"adjective", "name", "acronym", "capital", "demonym"})


@dataclass(frozen=True, slots=True)
class RoleQuery:
    office: str
    country: str | None
    organisation: str | None


@dataclass(frozen=True, slots=True)
class _Marker:
    country: str | None
    organisation: str | None


def _marker(kb: KnowledgeBase, words: list[str]) -> _Marker | None:
    """The state or organisation that a run of words names ('russischen', "Russia's", 'UN')."""
    surface = " ".join(words)
    for form in (surface, *uninflected(surface)):
        for alias in kb.aliases(form):
            if alias.kind not in MARKER_KINDS:
                continue
            entity = kb.entities[alias.entity_id]
            if entity.type == "state" or (entity.type == "organization" and entity.stands_for_state):
                return _Marker(entity.country, None)
            if entity.type == "organization":
                return _Marker(None, entity.id)
    return None


def _office(kb: KnowledgeBase, words: list[str], lang: str) -> tuple[str, str | None] | None:
    """The office a phrase names, allowing inflected last words and dangling 'of'/'des'."""
    joins = connectors(lang)
    while words and words[-1].casefold() in joins:
        words = words[:-1]
    while words and words[0].casefold() in joins:
        words = words[1:]
    if not words:
        return None
    for start in range(len(words)):  # longest phrase first: 'foreign minister' before 'minister'
        head, last = words[start:-1], words[-1]
        forms = [last] + [last[: -len(e)] for e in NOUN_ENDINGS
                          if last.endswith(e) and len(last) - len(e) >= 4]
        for form in forms:
            hit = kb.office_word(" ".join([*head, form]), lang)
            if hit is not None:
                return hit
    return None


def _scan(kb: KnowledgeBase, words: list[str], orgs: bool) -> tuple[list[_Marker], list[str]]:
    """Split words into markers (longest run first) and the rest."""
    markers: list[_Marker] = []
    rest: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(3, len(words) - i), 0, -1):
            found = _marker(kb, words[i:i + n])
            if found is not None and (orgs or found.organisation is None):
                markers.append(found)
                i += n
                break
        else:
            rest.append(words[i])
            i += 1
    return markers, rest


def _hyphen_marker(kb: KnowledgeBase, words: list[str]) -> _Marker | None:
    """'UN' in 'UN-Generalsekretär', 'IAEA' in 'IAEA-Chef'."""
    for word in words:
        prefix, dash, _ = word.rpartition("-")
        if dash and prefix:
            found = _marker(kb, [prefix])
            if found is not None:
                return found
    return None


def parse(kb: KnowledgeBase, text: str, lang: str) -> RoleQuery | None:
    """Office and the state or organisation it belongs to, or None if this is no role."""
    words = without_article(text.strip(), lang).split()
    if not words:
        return None
    for orgs in (False, True):  # states first: 'Security Council' must stay part of an office
        markers, rest = _scan(kb, words, orgs)
        office = _office(kb, rest, lang) if rest else None
        if office is None:
            continue
        key, country = office
        organisation = None
        for m in markers:
            country = country or m.country
            organisation = organisation or m.organisation
        if country is None and organisation is None:
            hyphen = _hyphen_marker(kb, rest)
            if hyphen is not None:
                country, organisation = hyphen.country, hyphen.organisation
        return RoleQuery(key, country, organisation)
    return None


def _in_org(kb: KnowledgeBase, org_id: str | None, wanted: str) -> bool:
    """True for the organisation itself and for its parts (the Commission is part of the EU)."""
    while org_id is not None:
        if org_id == wanted:
            return True
        entity = kb.entities.get(org_id)
        org_id = entity.part_of if entity else None
    return False


def holders(kb: KnowledgeBase, query: RoleQuery, day: dt.date | None) -> list[Entity]:
    """People who hold the office on the day (latest first); with no day, the latest holders."""
    offices = HEAD_OFFICES if query.office == GENERIC_HEAD and query.organisation else {query.office}
    found: dict[str, tuple[dt.date, Entity]] = {}
    for office in offices:
        for entity_id, role in kb.roles_by_office.get(office, ()):
            if day is not None and not role.holds_on(day):
                continue
            if query.organisation is not None:
                if not _in_org(kb, role.organisation, query.organisation):
                    continue
            elif query.country is not None:
                if role.country != query.country:
                    continue
            elif role.country is not None:  # no state named: only offices of organisations
                continue
            old = found.get(entity_id)
            if old is None or old[0] < role.start:
                found[entity_id] = (role.start, kb.entities[entity_id])
    ranked = sorted(found.values(), key=lambda pair: pair[0], reverse=True)
    if day is None:  # the latest holder only: the office as it is filled now
        ranked = ranked[:1]
    return [entity for _, entity in ranked]
