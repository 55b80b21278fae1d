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
SAME_PERSON_OFFICES = {"deputy_head_of_state": "deputy_head_of_government"}
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
            if entity.type == "state" or entity.stands_for_state:
                return _Marker(entity.country, None)
            if entity.type == "organization":
                return _Marker(None, entity.id)
    return None


def _office(kb: KnowledgeBase, words: list[str], lang: str, *,
            whole: bool = False) -> tuple[str, str | None] | None:
    """The office a phrase (or, unless ``whole``, its end) names; inflected last words and
    dangling 'of'/'des' allowed."""
    joins = connectors(lang)
    while words and words[-1].casefold() in joins:
        words = words[:-1]
    while words and words[0].casefold() in joins:
        words = words[1:]
    if not words:
        return None
    # longest phrase first: 'foreign minister' before 'minister'
    for start in range(1 if whole else len(words)):
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


def _query(key: str, country: str | None, markers: list[_Marker],
           hyphen: _Marker | None) -> RoleQuery:
    organisation = None
    for m in markers:  # a named state overrides the one an office word implies (österr. Kanzler)
        country = m.country or country
        organisation = organisation or m.organisation
    if country is None and organisation is None and hyphen is not None:
        country, organisation = hyphen.country, hyphen.organisation
    return RoleQuery(key, country, organisation)


def _markers_first(kb: KnowledgeBase, words: list[str], lang: str,
                   orgs: bool) -> RoleQuery | None:
    """Set the markers aside, read the rest as one office: 'Sprecherin des [russischen] Außen-
    ministeriums'."""
    markers, rest = _scan(kb, words, orgs)
    office = _office(kb, rest, lang) if rest else None
    if office is None:
        return None
    return _query(office[0], office[1], markers, _hyphen_marker(kb, rest))


def _office_first(kb: KnowledgeBase, words: list[str], lang: str) -> RoleQuery | None:
    """Find the longest office phrase, read markers around it: '[Russian] foreign ministry
    spokeswoman', where 'Russian foreign ministry' alone would also name a body."""
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            span = words[i:i + size]
            office = _office(kb, span, lang, whole=True)
            if office is not None:
                markers, _ = _scan(kb, words[:i] + words[i + size:], orgs=True)
                return _query(office[0], office[1], markers, _hyphen_marker(kb, span))
    return None


def parse(kb: KnowledgeBase, text: str, lang: str) -> list[RoleQuery]:
    """Readings of a role description as office + state or organisation, most likely first.

    The whole phrase is tried as an office word first ('Kremlin spokesman', 'Sprecherin des
    Weißen Hauses'); then with state markers set aside; then with organisations set aside too,
    so that 'Security Council' stays inside 'secretary of the Security Council'; then the
    longest office phrase with markers around it. Readings that name neither a state nor an
    organisation come last. Empty when the text names no office.
    """
    words = without_article(text.strip(), lang).split()
    if not words:
        return []
    whole = _office(kb, words, lang, whole=True)
    if whole is not None and whole[1] is not None:
        return [RoleQuery(whole[0], whole[1], None)]
    readings = [_markers_first(kb, words, lang, orgs=False), _markers_first(kb, words, lang, True),
                _office_first(kb, words, lang)]
    unique = list(dict.fromkeys(q for q in readings if q is not None))
    return [q for q in unique if q.country or q.organisation] + [
        q for q in unique if not (q.country or q.organisation)]


def _in_org(kb: KnowledgeBase, org_id: str | None, wanted: str) -> bool:
    """True for the organisation itself and for its parts (the Commission is part of the EU)."""
    while org_id is not None:
        if org_id == wanted:
            return True
        entity = kb.entities.get(org_id)
        org_id = entity.part_of if entity else None
    return False


def holders(kb: KnowledgeBase, query: RoleQuery, day: dt.date | None) -> list[Entity]:
    """People who hold the office on the day (latest first); with no day, the latest holder.

    An organisation's own officers come before those of its parts ('UN-Chef' is the Secretary-
    General, not the head of UNHCR); a presidential system's vice president may be recorded as
    deputy head of government, so that office stands in when no deputy head of state is found.
    """
    found = _holders(kb, query, day, direct=True)
    if not found and query.organisation is not None:
        found = _holders(kb, query, day, direct=False)
    alternative = SAME_PERSON_OFFICES.get(query.office)
    if not found and alternative is not None:
        return holders(kb, RoleQuery(alternative, query.country, query.organisation), day)
    return found


def _holders(kb: KnowledgeBase, query: RoleQuery, day: dt.date | None, *,
             direct: bool) -> list[Entity]:
    generic = query.office == GENERIC_HEAD and query.organisation
    offices = HEAD_OFFICES if generic else {query.office}
    found: dict[str, tuple[dt.date, Entity]] = {}
    for office in offices:
        for entity_id, role in kb.roles_by_office.get(office, ()):
            if day is not None and not role.holds_on(day):
                continue
            if query.organisation is not None:
                if direct and role.organisation != query.organisation:
                    continue
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
