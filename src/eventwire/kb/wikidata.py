"""Import people, states and organisations from a Wikidata JSON dump into a KB import file.

The dump (``latest-all.json.bz2`` or a filtered extract) is one entity per line inside a JSON
array; it is streamed line by line, so memory holds only what is kept: people with positions
held (P39), states, organisations of known kinds, and the position items people refer to. One
pass suffices because positions are resolved only at the end.

A position becomes an office of ``offices.yaml`` by its English (else German) label: the
longest office word in the label wins ('Minister of Foreign Affairs of Russia' ->
foreign_minister, 'President of Russia' -> head_of_state). Its country comes from the
statement's qualifiers P1001/P17, else from the position's own P1001/P17. States are matched
by ISO code (P298) or by the Wikidata ids in ``states.yaml``.
"""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import yaml

from eventwire.errors import InputError
from eventwire.kb.loader import DATA_DIR, load_knowledge_base
from eventwire.kb.schema import ImportedActors
from eventwire.textnorm import fold

HUMAN = "Q5"
STATE_CLASSES = frozenset({"Q3624078", "Q6256"})  # sovereign state, country
ORG_KINDS = {  # class -> Organisation.kind; instances of other classes are not kept
    "Q484652": "igo", "Q245065": "igo", "Q1127126": "igo",  # international, intergovernmental
    "Q7278": "party", "Q192283": "media", "Q327333": "government_body",
    "Q79913": "ngo", "Q163740": "ngo", "Q43229": "other",
}
POSITION_CLASSES = frozenset({"Q4164871", "Q294414"})  # position, public office
GENDER = {"Q6581097": "m", "Q6581072": "f"}
Json = dict[str, Any]


def open_dump(path: Path) -> IO[str]:
    """Text stream of a plain, gzip or bzip2 dump (by magic bytes, not by name)."""
    with path.open("rb") as fh:
        magic = fh.read(3)
    if magic[:2] == b"\x1f\x8b":
        return gzip.open(path, "rt", encoding="utf-8")
    if magic == b"BZh":
        return bz2.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def iter_entities(path: Path) -> Iterator[Json]:
    """Entities of a dump, one per line ('[' and ']' lines and trailing commas skipped)."""
    with open_dump(path) as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip().rstrip(",")
            if not line or line in ("[", "]"):
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}", f"not a JSON entity: {exc.msg}") from exc


def _values(claims: Json, prop: str) -> list[Json]:
    return [c for c in claims.get(prop, ()) if c.get("rank") != "deprecated"]


def _item(snak: Json) -> str | None:
    value = snak.get("datavalue", {}).get("value")
    return value.get("id") if isinstance(value, dict) else None


def _ids(claims: Json, prop: str) -> list[str]:
    return [i for c in _values(claims, prop) if (i := _item(c.get("mainsnak", {})))]


def _string(claims: Json, prop: str) -> str | None:
    for c in _values(claims, prop):
        value = c.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, str):
            return value
    return None


def _time(snaks: list[Json]) -> dt.date | None:
    """First Wikidata time value as a date; month or year precision gives the first day."""
    for snak in snaks:
        value = snak.get("datavalue", {}).get("value")
        if not isinstance(value, dict) or "time" not in value:
            continue
        m = re.match(r"([+-])(\d{4,})-(\d\d)-(\d\d)", value["time"])
        if not m or m.group(1) == "-":
            continue
        year, month, day = int(m.group(2)), int(m.group(3)) or 1, int(m.group(4)) or 1
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def _names(entity: Json, langs: Iterable[str]) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for lang in langs:
        forms = [entity.get("labels", {}).get(lang, {}).get("value")]
        forms += [a.get("value") for a in entity.get("aliases", {}).get(lang, ())]
        kept = list(dict.fromkeys(f for f in forms if f))
        if kept:
            names[lang] = kept
    return names


@dataclass
class Held:
    position: str
    start: dt.date | None
    end: dt.date | None
    jurisdiction: list[str]


@dataclass
class Collected:
    """What one pass keeps, before positions and states are resolved."""

    people: list[tuple[Json, list[Held]]] = field(default_factory=list)
    states: dict[str, tuple[str | None, dict[str, list[str]]]] = field(default_factory=dict)
    orgs: list[tuple[Json, str]] = field(default_factory=list)
    positions: dict[str, tuple[dict[str, str], list[str]]] = field(default_factory=dict)
    lines: int = 0


def _held(claims: Json) -> list[Held]:
    out = []
    for c in _values(claims, "P39"):
        position = _item(c.get("mainsnak", {}))
        if position is None:
            continue
        qual = c.get("qualifiers", {})
        where = [i for p in ("P1001", "P17") for s in qual.get(p, ()) if (i := _item(s))]
        out.append(Held(position, _time(qual.get("P580", [])), _time(qual.get("P582", [])), where))
    return out


def collect(path: Path, langs: tuple[str, ...]) -> Collected:
    """One streamed pass over the dump."""
    got = Collected()
    for entity in iter_entities(path):
        got.lines += 1
        claims = entity.get("claims", {})
        classes = set(_ids(claims, "P31"))
        qid = entity.get("id", "")
        if HUMAN in classes:
            held = _held(claims)
            if held:
                got.people.append((_slim(entity, langs), held))
        elif classes & STATE_CLASSES or _string(claims, "P298"):
            got.states[qid] = (_string(claims, "P298"), _names(entity, langs))
        elif kinds := [ORG_KINDS[c] for c in classes if c in ORG_KINDS]:
            got.orgs.append((_slim(entity, langs), sorted(kinds, key=_kind_rank)[0]))
        if claims.get("P1001") or (claims.get("P17") and (
                classes & POSITION_CLASSES or claims.get("P279"))):  # may be a held position
            labels = {lang: v["value"] for lang, v in entity.get("labels", {}).items()
                      if lang in ("en", "de", *langs)}
            got.positions[qid] = (labels, _ids(claims, "P1001") + _ids(claims, "P17"))
    return got


def _kind_rank(kind: str) -> int:
    return ["igo", "party", "media", "government_body", "ngo", "other"].index(kind)


def _slim(entity: Json, langs: tuple[str, ...]) -> Json:
    """Only the fields the import uses, so a long dump does not keep whole entities."""
    claims = entity.get("claims", {})
    return {"id": entity.get("id"), "names": _names(entity, langs),
            "P27": _ids(claims, "P27"), "P17": _ids(claims, "P17"),
            "P21": _ids(claims, "P21")}


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class _Resolver:
    """Maps state items to ISO3 and position labels to office keys."""

    def __init__(self, got: Collected) -> None:
        kb = load_knowledge_base(DATA_DIR, imports=False)
        self.iso3 = {e.wikidata: e.country for e in kb.entities.values()
                     if e.type == "state" and e.wikidata and e.country}
        for qid, (code, _) in got.states.items():
            if code and kb.state(code):
                self.iso3[qid] = code
        words: dict[str, list[tuple[str, str]]] = {}
        for lang, table in kb.offices.items():
            words[lang] = sorted(table.words.items(), key=lambda kv: -len(kv[0]))
        self.words = words
        self.positions = got.positions

    def country(self, items: Iterable[str]) -> str | None:
        return next((self.iso3[i] for i in items if i in self.iso3), None)

    def office(self, position: str) -> tuple[str, str | None, dict[str, str]] | None:
        labels, where = self.positions.get(position, ({}, []))
        for lang in ("en", "de"):
            label = f" {fold(labels.get(lang, ''))} "
            for word, key in self.words.get(lang, ()):
                if f" {fold(word)} " in label:
                    return key, self.country(where), labels
        return None


def _role(resolver: _Resolver, held: Held) -> dict[str, Any] | None:
    found = resolver.office(held.position)
    if found is None or held.start is None:
        return None
    key, country, labels = found
    where = resolver.country(held.jurisdiction) or country
    role: dict[str, Any] = {"office": key, "country": where}
    title = {lang: [labels[lang]] for lang in ("de", "en") if lang in labels}
    if title:
        role["title"] = title
    role.update({"start": held.start, "end": held.end})
    return role


def import_dump(path: Path, langs: tuple[str, ...] = ("de", "en")) -> tuple[ImportedActors,
                                                                            dict[str, int]]:
    """Read the dump and build a validated import; also counts of what was read."""
    got = collect(path, langs)
    resolver = _Resolver(got)
    people = []
    for person, held in got.people:
        roles = [r for h in held if (r := _role(resolver, h))]
        country = resolver.country(person["P27"]) or next(
            (r["country"] for r in roles if r["country"]), None)
        names = person["names"]
        name = (names.get("en") or next(iter(names.values()), [None]))[0]
        if country is None or name is None:
            continue
        entry: dict[str, Any] = {"id": f"person:{slug(name)}", "name": name, "names": names,
                                 "country": country, "wikidata": person["id"], "roles": roles}
        gender = next((GENDER[g] for g in person["P21"] if g in GENDER), None)
        if gender:
            entry["gender"] = gender
        people.append(entry)
    orgs = []
    for org, kind in got.orgs:
        names = org["names"]
        if not names:
            continue
        label = (names.get("en") or next(iter(names.values())))[0]
        orgs.append({"id": f"org:{slug(label)}", "names": names, "kind": kind,
                     "country": resolver.country(org["P17"]), "wikidata": org["id"]})
    states = [{"iso3": resolver.iso3[q], "names": names}
              for q, (_, names) in got.states.items() if q in resolver.iso3 and names]
    imported = ImportedActors.model_validate({
        "source": f"Wikidata JSON dump {path.name}", "licence": "CC0-1.0",
        "attribution": "Wikidata (https://www.wikidata.org), CC0",
        "people": people, "organisations": orgs, "state_names": states,
    })
    return imported, {"lines": got.lines}


def write_import(imported: ImportedActors) -> str:
    """YAML text of an import file, loadable through EVENTWIRE_KB_EXTRA."""
    data = imported.model_dump(mode="json", exclude_defaults=True)
    return "# Written by `eventwire kb import-wikidata`.\n" + yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=100)
