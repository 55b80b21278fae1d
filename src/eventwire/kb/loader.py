"""Build the in-memory knowledge base from the reviewed YAML source files.

Every file is validated with the models in :mod:`eventwire.kb.schema`; the loaded result is a
:class:`KnowledgeBase` with an alias index keyed by folded text and by a transliteration-blind
sound key (see :mod:`eventwire.textnorm`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from eventwire.errors import DataFileError
from eventwire.kb.entities import Alias, AliasKind, Entity, OfficeWords, RoleSpan
from eventwire.kb.index import KnowledgeBase
from eventwire.kb.schema import Office, Organisation, Person, State
from eventwire.langpacks.loader import read_yaml

DATA_DIR = Path(__file__).parent / "data"
GERMAN_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
M = TypeVar("M", bound=BaseModel)


def _records(path: Path, model: type[M]) -> list[M]:
    if not path.is_file():
        return []
    raw = read_yaml(path) or []
    try:
        return TypeAdapter(list[model]).validate_python(raw)  # type: ignore[valid-type]
    except ValidationError as exc:
        raise DataFileError(str(path), f"does not match {model.__name__}: {exc}") from exc


def declined(name: str) -> list[str]:
    """German case forms of a multi-word name whose adjectives inflect.

    'Demokratische Volksrepublik Korea' also appears as 'Demokratischen Volksrepublik Korea',
    'Vereinigte Staaten' as 'Vereinigten Staaten'.
    """
    words = name.split()
    slots = [i for i, w in enumerate(words[:-1]) if w.endswith("e") and len(w) > 4]
    if not slots:
        return []
    forms = []
    for ending in ("n", "r", "s", "m"):
        forms.append(" ".join(w + ending if i in slots else w for i, w in enumerate(words)))
    return forms


def _names(entity_id: str, names: dict[str, list[str]], kind: AliasKind) -> Iterable[Alias]:
    for lang, forms in names.items():
        for form in forms:
            yield Alias(entity_id, kind, lang, form)
            if lang == "de":
                for variant in declined(form):
                    yield Alias(entity_id, kind, lang, variant)


def _state_aliases(s: State) -> Iterable[Alias]:
    yield from _names(s.id, s.names, "name")
    yield from _names(s.id, s.demonyms, "demonym")
    for acronym in s.acronyms:
        yield Alias(s.id, "acronym", "any", acronym, case_sensitive=True)
    for lang, forms in s.adjectives.items():
        for form in forms:
            endings = GERMAN_ADJECTIVE_ENDINGS if lang == "de" else ("",)
            for ending in endings:
                yield Alias(s.id, "adjective", lang, form + ending)
    if s.capital:
        yield from _names(s.id, s.capital.names, "capital")


def _state(s: State) -> Entity:
    lat, lon = s.centroid if s.centroid else (None, None)
    return Entity(
        id=s.id, name=(s.names.get("en") or [s.iso3])[0], type="state", country=s.iso3,
        sector="GOV", cameo=s.cameo, wikidata=s.wikidata, lat=lat, lon=lon,
    )


def _organisation(o: Organisation) -> tuple[Entity, list[Alias]]:
    entity = Entity(
        id=o.id, name=(o.names.get("en") or next(iter(o.names.values())))[0], type="organization",
        country=o.country, sector=o.sector, cameo=o.cameo, wikidata=o.wikidata,
        state_media=o.state_media, stands_for_state=o.stands_for_state, org_kind=o.kind,
    )
    aliases = list(_names(o.id, o.names, "name"))
    aliases += [Alias(o.id, "acronym", "any", a, case_sensitive=True) for a in o.acronyms]
    return entity, aliases


def _person(p: Person) -> tuple[Entity, list[Alias]]:
    roles = tuple(
        RoleSpan(office=r.office, country=r.country, organisation=r.organisation,
                 title_en=(r.title.get("en") or [None])[0], title_de=(r.title.get("de") or [None])[0],
                 start=r.start, end=r.end)
        for r in sorted(p.roles, key=lambda r: r.start, reverse=True)
    )
    entity = Entity(id=p.id, name=p.name, type="person", country=p.country, gender=p.gender,
                    wikidata=p.wikidata, roles=roles)
    aliases = [Alias(p.id, "name", "any", p.name)]
    aliases += list(_names(p.id, p.names, "name"))
    aliases += [Alias(p.id, "short", "any", s) for s in p.short]
    return entity, aliases


def _offices(records: list[Office]) -> tuple[dict[str, OfficeWords], dict[str, str]]:
    by_lang: dict[str, OfficeWords] = {}
    sectors = {o.key: o.sector for o in records}
    for office in records:
        for lang, words in office.words.items():
            table = by_lang.setdefault(lang, OfficeWords(sectors=sectors))
            for word in words:
                table.words.setdefault(word.casefold(), office.key)
        for sw in office.state_words:
            table = by_lang.setdefault(sw.lang, OfficeWords(sectors=sectors))
            table.state_words[sw.word.casefold()] = (office.key, sw.country)
    return by_lang, sectors


def load_knowledge_base(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """Read and validate every source file below ``data_dir``."""
    kb = KnowledgeBase()
    for state in _records(data_dir / "states.yaml", State):
        kb.add(_state(state), _state_aliases(state))
        if state.capital:
            kb.capitals[state.iso3] = state.capital
    for org in _records(data_dir / "organisations.yaml", Organisation):
        kb.add(*_organisation(org))
    for path in sorted((data_dir / "people").glob("*.yaml")):
        for person in _records(path, Person):
            kb.add(*_person(person))
    kb.offices, _ = _offices(_records(data_dir / "offices.yaml", Office))
    kb.finish()
    return kb


@functools.cache
def default_kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process."""
    return load_knowledge_base()
