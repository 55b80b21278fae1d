"""Build the in-memory knowledge base from the reviewed YAML source files.

Every file is validated with the models in :mod:`eventwire.kb.schema`; the loaded result is a
:class:`KnowledgeBase` with an alias index keyed by folded text and by a transliteration-blind
sound key (see :mod:`eventwire.textnorm`).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from eventwire.errors import DataFileError
from eventwire.kb.entities import Alias, AliasKind, Entity, OfficeWords, RoleSpan
from eventwire.kb.index import KnowledgeBase
from eventwire.kb.schema import CodeSpan, ImportedActors, Office, Organisation, Person, State
from eventwire.langpacks.loader import read_yaml, validate_file
from eventwire.textnorm import fold

DATA_DIR = Path(__file__).parent / "data"
IMPORT_DIR = "imported"
EXTRA_ENV = "EVENTWIRE_KB_EXTRA"
"""Environment variable: extra import files (``kb import-wikidata`` output), os.pathsep
separated."""
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


def declined_strong(name: str) -> list[str]:
    """Weak and oblique forms of a name that opens with a strong adjective ending -es or -er.

    'Weißes Haus' -> 'Weiße Haus', 'Weißen Haus'; 'Internationaler Strafgerichtshof' ->
    'Internationalen Strafgerichtshof'. Only for names of bodies and places: a person's first
    name ending in -er (Peter) is no adjective.
    """
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper() or len(words[0]) < 5:
        return []
    first = words[0]
    if not first.endswith(("es", "er")) or not words[1][:1].isupper():
        return []
    stem = first[:-2]
    return [" ".join([stem + ending, *words[1:]]) for ending in ("e", "en", "em")]


def _names(entity_id: str, names: dict[str, list[str]], kind: AliasKind) -> Iterable[Alias]:
    person = entity_id.startswith("person:")
    for lang, forms in names.items():
        for form in forms:
            yield Alias(entity_id, kind, lang, form)
            if lang == "de":
                variants = declined(form) + ([] if person else declined_strong(form))
                for variant in variants:
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
        part_of=o.part_of,
    )
    aliases = list(_names(o.id, o.names, "name"))
    aliases += [Alias(o.id, "acronym", "any", a, case_sensitive=True) for a in o.acronyms]
    return entity, aliases


def _latest_code(spans: list[CodeSpan]) -> str | None:
    """The code of the span that reaches furthest forward (open-ended spans first)."""
    if not spans:
        return None
    return max(spans, key=lambda c: (c.end is None, c.end or c.start or dt.date.min)).code


def _person(p: Person) -> tuple[Entity, list[Alias]]:
    roles = tuple(
        RoleSpan(office=r.office, country=r.country, organisation=r.organisation,
                 title_en=next(iter(r.title.get("en", ())), None),
                 title_de=next(iter(r.title.get("de", ())), None),
                 start=r.start, end=r.end)
        for r in sorted(p.roles, key=lambda r: r.start, reverse=True)
    )
    entity = Entity(id=p.id, name=p.name, type="person", country=p.country, gender=p.gender,
                    wikidata=p.wikidata, roles=roles, cameo=_latest_code(p.cameo))
    aliases = [Alias(p.id, "name", "any", p.name)]
    aliases += list(_names(p.id, p.names, "name"))
    aliases += [Alias(p.id, "short", "any", s) for s in p.short]
    return entity, aliases


def _offices(records: list[Office]) -> tuple[dict[str, OfficeWords], dict[str, str]]:
    by_lang: dict[str, OfficeWords] = {}
    sectors: dict[str, str] = {o.key: str(o.sector) for o in records}
    for office in records:
        for lang, words in office.words.items():
            table = by_lang.setdefault(lang, OfficeWords(sectors=sectors))
            for word in words:
                table.words.setdefault(word.casefold(), office.key)
        for sw in office.state_words:
            table = by_lang.setdefault(sw.lang, OfficeWords(sectors=sectors))
            table.state_words[sw.word.casefold()] = (office.key, sw.country)
    return by_lang, sectors


def source_files(data_dir: Path = DATA_DIR, extra: Sequence[Path] = ()) -> list[Path]:
    """Every file the knowledge base is built from, in load order (the cache key covers them)."""
    files = [data_dir / "states.yaml", data_dir / "organisations.yaml"]
    files += sorted((data_dir / "people").glob("*.yaml"))
    files += [data_dir / "offices.yaml"]
    files += sorted((data_dir / IMPORT_DIR).glob("*.yaml"))
    files += list(extra)
    return [f for f in files if f.is_file()]


def extra_files() -> list[Path]:
    """Import files named in ``EVENTWIRE_KB_EXTRA``; a missing file is an error, not a skip."""
    raw = os.environ.get(EXTRA_ENV, "")
    paths = [Path(p) for p in raw.split(os.pathsep) if p.strip()]
    for path in paths:
        if not path.is_file():
            raise DataFileError(str(path), f"named in {EXTRA_ENV} but not found")
    return paths


def _known(kb: KnowledgeBase, aliases: list[Alias], types: set[str]) -> bool:
    """True when a full name or acronym of an imported entity already names a KB entity."""
    for alias in aliases:
        if alias.kind not in ("name", "acronym"):
            continue
        for hit in kb.by_key.get(fold(alias.surface), ()):
            if hit.kind in ("name", "acronym") and kb.entities[hit.entity_id].type in types:
                return True
    return False


def _add_imported(kb: KnowledgeBase, imported: ImportedActors) -> None:
    """Add what an import knows and the curated files do not; curated records always win."""
    for org in imported.organisations:
        entity, aliases = _organisation(org)
        if entity.id not in kb.entities and not _known(kb, aliases, {"organization", "state"}):
            kb.add(entity, aliases)
    for person in imported.people:
        entity, aliases = _person(person)
        if entity.id not in kb.entities and not _known(kb, aliases, {"person"}):
            kb.add(entity, aliases)
    for extra in imported.state_names:
        state_id = f"state:{extra.iso3}"
        if state_id in kb.entities:
            kb.add(kb.entities[state_id], _names(state_id, extra.names, "name"))


def load_knowledge_base(data_dir: Path = DATA_DIR, extra: Sequence[Path] = (), *,
                        imports: bool = True) -> KnowledgeBase:
    """Read and validate every source file below ``data_dir``, then the import files.

    ``imports=False`` gives the curated KB alone, which importers compare their input with.
    """
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
    imported = sorted((data_dir / IMPORT_DIR).glob("*.yaml")) if imports else []
    for path in [*imported, *extra]:
        _add_imported(kb, validate_file(path, ImportedActors))
    kb.finish()
    return kb


@functools.cache
def default_kb() -> KnowledgeBase:
    """The shipped knowledge base (plus ``EVENTWIRE_KB_EXTRA``), loaded once per process.

    Served from the compiled cache when it matches the sources, so a process starts in a
    fraction of the time the YAML takes; see :mod:`eventwire.kb.cache`.
    """
    from eventwire.kb.cache import cached_kb

    return cached_kb(DATA_DIR, extra_files())
