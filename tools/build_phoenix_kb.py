#!/usr/bin/env python3
"""Import people and organisations from the Phoenix (PETRARCH2) actor dictionaries into the KB.

Usage (from the repository root)::

    .venv/bin/python tools/build_phoenix_kb.py --shared ../shared
    .venv/bin/python tools/build_phoenix_kb.py --shared ../shared --check   # fail if stale

Reads ``Phoenix.Countries.actors.txt.gz``, ``Phoenix.International.actors.txt.gz``,
``Phoenix.MilNonState.actors.txt`` and ``Phoenix.agents.txt`` from
``<shared>/data/petrarch2-dictionaries`` (format: ``dictionaries.upstream.rst`` there) and
writes ``src/eventwire/kb/data/imported/phoenix_actors.yaml`` (an ``ImportedActors`` record).

What is kept, and why (the dictionaries were written for English wire text around 2000-2015;
their aliases must not start matching ordinary words in German or English text):

* people whose dated codes reach 2010 or later (or are open-ended), whose code starts with a
  state's CAMEO code, and whose name looks like a name: two to five words, no word that the
  agents dictionary uses for a role (PRESIDENT, MINISTER, ...), no organisation head noun;
* organisations from the international and non-state files and named national institutions
  (a head noun such as MINISTRY, PARTY, FRONT in the name), whatever their dates;
* aliases with a title or a country adjective in them ('PRESIDENT_PUTIN', 'RUSSIAN_PRESIDENT_
  ...') are dropped (the recogniser reads titles itself); single-word aliases are kept only
  when they are no German or English dictionary word and at least four letters long
  (acronyms: at least three capitals);
* anything whose name or acronym the curated KB already has is left out here, and again when
  the KB is loaded (curated records always win).

The output is sorted and deterministic: rerunning with the same inputs gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import simplemma
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eventwire.kb.loader import DATA_DIR, load_knowledge_base  # noqa: E402
from eventwire.kb.schema import ImportedActors  # noqa: E402
from eventwire.textnorm import fold  # noqa: E402

DICTS = Path("data") / "petrarch2-dictionaries"
ACTOR_FILES = ("Phoenix.Countries.actors.txt.gz", "Phoenix.International.actors.txt.gz",
               "Phoenix.MilNonState.actors.txt")
DEFAULT_OUT = DATA_DIR / "imported" / "phoenix_actors.yaml"
CUTOFF = dt.date(2010, 1, 1)
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ORG_HEADS = _words("ARMY BRIGADE BRIGADES FRONT MOVEMENT PARTY ORGANIZATION ORGANISATION "
                   "COUNCIL "
                      "COMMITTEE UNION ASSOCIATION FEDERATION AGENCY MINISTRY DEPARTMENT OFFICE "
                      "BANK FUND PROGRAM PROGRAMME COMMISSION COURT TRIBUNAL INSTITUTE UNIVERSITY "
                      "SERVICE SERVICES FORCE FORCES GUARD GUARDS ALLIANCE LEAGUE CONGRESS "
                      "ASSEMBLY PARLIAMENT SENATE GROUP CORPS BUREAU AUTHORITY CENTRE CENTER "
                      "FOUNDATION SOCIETY NETWORK COALITION SECRETARIAT MISSION CELLS CELL NUCLEI "
                      "FACTION MILITIA TIGERS COMMAND")
SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "de", "del", "la", "al",
                         "el", "bin", "ibn", "von", "van", "der", "du", "des", "da", "y"})
SECTOR_KIND = {"GOV": "government_body", "MIL": "military", "COP": "government_body",
               "SPY": "government_body", "LEG": "government_body", "JUD": "court",
               "PTY": "party", "MED": "media", "BUS": "company", "REB": "armed_group",
               "INS": "armed_group", "UAF": "armed_group", "OPP": "party", "NGO": "ngo",
               "IGO": "igo", "MNC": "company", "IMG": "armed_group", "NGM": "ngo"}
SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "REB", "OPP", "UAF", "MED",
                     "BUS", "CVL", "EDU", "ELI", "HLH", "HRI", "IGO", "NGO", "LAB", "REL", "REF"})
_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class Span:
    code: str
    start: dt.date | None
    end: dt.date | None


@dataclass
class Record:
    """One dictionary entry: primary phrase, synonyms and (dated) codes."""

    source: str
    phrase: str
    synonyms: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    countryinfo: bool = False


def _date(raw: str) -> dt.date | None:
    """YYYYMMDD, or YYMMDD with years up to 29 read as 20YY (the files date from ~2015)."""
    raw = raw.strip()
    try:
        if len(raw) == 8:
            return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
        if len(raw) == 6:
            year = int(raw[:2])
            return dt.date(2000 + year if year <= 29 else 1900 + year, int(raw[2:4]), int(raw[4:]))
    except ValueError:
        return None
    return None


def _span(body: str) -> Span | None:
    parts = body.split()
    if not parts or parts[0] == "---":
        return None
    code, restriction = parts[0], "".join(parts[1:])
    if not restriction:
        return Span(code, None, None)
    if restriction.startswith("<"):
        return Span(code, None, _date(restriction[1:]))
    if restriction.startswith(">"):
        return Span(code, _date(restriction[1:]), None)
    first, _, last = restriction.partition("-")
    return Span(code, _date(first), _date(last))


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).strip(" +")


def read_actors(path: Path) -> Iterator[Record]:
    """Records of a TABARI/PETRARCH actor dictionary (plain or gzipped)."""
    opener = gzip.open if path.suffix == ".gz" else open
    record: Record | None = None
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            if raw.lstrip().startswith("#") or not raw.strip():
                continue
            body, _, comment = raw.rstrip("\n").partition("#")
            body = body.split(";")[0]
            codes = [s for s in (_span(m) for m in _CODE.findall(body)) if s]
            text = _CODE.sub(" ", body)
            if raw[:1] in (" ", "\t") or raw.lstrip().startswith("["):
                if record is not None:
                    record.spans += codes
                continue
            if raw.startswith("+"):
                if record is not None:
                    record.synonyms.append(_phrase(text[1:]))
                    record.spans += codes
                continue
            if record is not None:
                yield record
            record = Record(path.name, _phrase(text), spans=codes,
                            countryinfo="countryinfo" in (comment + raw).lower())
    if record is not None:
        yield record


def read_agent_words(path: Path) -> frozenset[str]:
    """Single words the agents dictionary uses for roles and groups (PRESIDENT, REBEL, ...)."""
    words: set[str] = set()
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = raw.split("#")[0]
        if "[" not in body or body.startswith("!"):
            continue
        phrase = body.split("[")[0].split("{")[0].replace("!PERSON!", "MAN").strip()
        words.update(w for w in phrase.replace("_", " ").split() if w.isalpha())
    return frozenset(words)


def is_dictionary_word(word: str) -> bool:
    low = word.lower()
    return any(simplemma.is_known(form, lang=lang)
               for lang in ("de", "en") for form in (low, low.capitalize()))


def _word_case(word: str) -> str:
    """'O'NEILL' -> "O'Neill", "JOAN'S" -> "Joan's", 'BOUTROS-GHALI' -> 'Boutros-Ghali'."""
    parts = re.split(r"([-'.])", word.lower())
    out = []
    for i, part in enumerate(parts):
        after_apostrophe = i >= 2 and parts[i - 1] == "'" and len(parts[i - 2]) > 1
        out.append(part if after_apostrophe else part.capitalize())
    return "".join(out)


def display(phrase: str, *, person: bool = False) -> str:
    """'VLADIMIR_PUTIN' -> 'Vladimir Putin'; organisations keep short acronyms ('UN Mission')."""
    out = []
    for i, word in enumerate(phrase.split()):
        low = word.lower()
        if i and low in SMALL_WORDS:
            out.append(low)
        elif not person and len(word) <= 4 and word.isalpha() and not is_dictionary_word(word):
            out.append(word)
        else:
            out.append(_word_case(word))
    return " ".join(out)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


COMPANY_HEADS = _words("INC CORP CORPORATION LTD LIMITED HOLDINGS HOLDING PLC COMPANY AG SA "
                          "GMBH AIRLINES AIRWAYS GROUP INDUSTRIES BANK PETROLEUM OIL MOTORS "
                          "TELECOM TELECOMMUNICATIONS")


@dataclass
class Context:
    """What the filters need: known names, state codes, dictionary of role words."""

    cameo_to_iso3: dict[str, str]
    state_words: frozenset[str]
    agent_words: frozenset[str]
    known: set[str]
    curated: frozenset[str] = frozenset()


def _country(spans: Iterable[Span], ctx: Context) -> str | None:
    """The state of the first code that starts with a state's CAMEO code."""
    for span in spans:
        iso3 = ctx.cameo_to_iso3.get(span.code[:3])
        if iso3:
            return iso3
    return None


def _is_acronym(word: str) -> bool:
    """'IAEA', 'U.N.': short capitals that are no word ('GAZPROM' is a name, not an acronym)."""
    letters = word.replace(".", "")
    return letters.isalpha() and letters.isupper() and 3 <= len(letters) <= 5 and (
        not is_dictionary_word(letters))


def _single_name(word: str) -> bool:
    """A one-word organisation name such as 'GAZPROM': long, no dictionary word."""
    return word.isalpha() and len(word) >= 6 and not is_dictionary_word(word)


def _alias_ok(alias: str, primary: set[str], ctx: Context, person: bool) -> bool:
    """Drop titles, country words and single words that are ordinary vocabulary."""
    words = alias.split()
    if not words or any(ch.isdigit() for ch in alias):
        return False
    extra = [w for w in words if w not in primary]
    if any(w in ctx.agent_words or w in ctx.state_words for w in extra):
        return False
    if len(words) == 1:
        word = words[0]
        if person:
            return len(word) >= 4 and word.isalpha() and not is_dictionary_word(word)
        return _is_acronym(word)
    if person:
        return len(words) <= 5
    rest = [w for w in words if w not in ORG_HEADS and w.lower() not in SMALL_WORDS]
    if all(fold(w) in ctx.curated for w in rest):
        return False  # 'UN Mission', 'EU Office': a known body plus a head noun is no name
    if len(rest) < len(words):  # 'Islamic Liberation Front' names a body
        return True
    return not all(is_dictionary_word(w) for w in words if w.lower() not in SMALL_WORDS)


def _person_like(record: Record, ctx: Context) -> bool:
    words = record.phrase.split()
    if not 2 <= len(words) <= 5 or words[0] in ctx.agent_words:
        return False
    if any(w in ORG_HEADS or w in COMPANY_HEADS for w in words):
        return False
    return all(re.fullmatch(r"[A-Z][A-Z.'\-]*", w) for w in words)


def _current(spans: list[Span]) -> bool:
    """Some dated code is open-ended or ends in 2010 or later."""
    dated = [s for s in spans if s.start or s.end]
    return any(s.end is None or s.end >= CUTOFF for s in dated) and bool(dated)


def person_entry(record: Record, ctx: Context) -> dict[str, Any] | None:
    if not (record.countryinfo or any(s.start or s.end for s in record.spans)):
        return None
    if not _person_like(record, ctx) or not _current(record.spans):
        return None
    country = _country(record.spans, ctx)
    if country is None:
        return None
    primary = set(record.phrase.split())
    names = [display(record.phrase, person=True)] + [
        display(a, person=True) for a in record.synonyms
        if len(a.split()) > 1 and _alias_ok(a, primary, ctx, True)]
    short = [display(a, person=True) for a in record.synonyms
             if len(a.split()) == 1 and a == record.phrase.split()[-1]
             and _alias_ok(a, primary, ctx, True)]
    if _seen(names + short, ctx):
        return None
    spans = sorted(record.spans, key=lambda s: (s.start or dt.date.min, s.code))
    return {
        "id": f"person:{slug(names[0])}", "name": names[0],
        "names": {"en": list(dict.fromkeys(names))}, "short": list(dict.fromkeys(short)),
        "country": country,
        "cameo": [{"code": s.code, "start": s.start, "end": s.end} for s in spans],
    }


def _org_like(record: Record) -> bool:
    words = record.phrase.split()
    if len(words) == 1:  # a country file's one-word entries are mostly places and people
        national = record.source.startswith("Phoenix.Countries")
        return _is_acronym(words[0]) or (_single_name(words[0]) and not national)
    return any(w in ORG_HEADS or w in COMPANY_HEADS for w in words)


def _kind(code: str, ctx: Context) -> tuple[str, str | None, str | None]:
    """(kind, sector, country) from a code such as IGOUNOIAE, RUSGOV, MNCUSA, SYRREB."""
    head = code[:3]
    if head in ("IGO", "NGO", "NGM", "MNC", "IMG"):
        home = ctx.cameo_to_iso3.get(code[3:6]) if head == "MNC" else None
        group = {"IGO": "IGO", "NGO": "NGO", "NGM": "NGO", "MNC": "BUS", "IMG": "REB"}[head]
        return SECTOR_KIND[head], group, home
    sector = code[3:6] if code[3:6] in SECTORS else None
    return SECTOR_KIND.get(code[3:6], "other"), sector, ctx.cameo_to_iso3.get(head)


def org_entry(record: Record, ctx: Context) -> dict[str, Any] | None:
    codes = [s.code for s in record.spans if s.code]
    if not codes or not _org_like(record) or codes[-1].startswith("MNC"):
        return None  # companies: thousands of listed firms, few political actors; see docs
    code = codes[-1]
    kind, sector, country = _kind(code, ctx)
    if record.source.startswith("Phoenix.Countries") and (country is None or sector is None):
        return None  # a country's own entry (names, cities), not an institution
    if sector == "ELI":
        return None  # elites are people
    forms = []
    for form in [record.phrase, *record.synonyms]:  # 'MORO ISLAMIC LIBERATION FRONT (MILF)'
        inner = re.findall(r"\(([^)]*)\)", form)
        forms.append(" ".join(re.sub(r"\([^)]*\)", " ", form).split()))
        forms += [i.strip() for i in inner if i.strip()]
    forms = [f for f in forms if f]
    if not forms:
        return None
    primary = set(forms[0].split())
    names = [display(f) for f in forms if (len(f.split()) > 1 and _alias_ok(f, primary, ctx, False))
             or (len(f.split()) == 1 and _single_name(f))]
    acronyms = [f.replace(" ", "") for f in forms if len(f.split()) == 1 and _is_acronym(f)]
    if not names and not acronyms:
        return None
    if _seen(names + acronyms, ctx):
        return None
    entry: dict[str, Any] = {"id": f"org:{slug((names or acronyms)[0])}",
                             "names": {"en": list(dict.fromkeys(names or acronyms[:1]))}}
    if acronyms and names:
        entry["acronyms"] = list(dict.fromkeys(acronyms))
    entry.update({"kind": kind, "country": country, "sector": sector, "cameo": code})
    return entry


def _seen(forms: list[str], ctx: Context) -> bool:
    """True if any form is already known (curated KB or an earlier record); else remember them."""
    keys = {fold(f) for f in forms}
    if keys & ctx.known:
        return True
    ctx.known |= keys
    return False


def build(shared: Path) -> dict[str, Any]:
    folder = shared / DICTS
    kb = load_knowledge_base(DATA_DIR, imports=False)
    cameo_to_iso3 = {e.cameo: e.country for e in kb.entities.values()
                     if e.type == "state" and e.cameo and e.country}
    state_words: set[str] = set()
    for key, aliases in kb.by_key.items():
        if any(kb.entities[a.entity_id].type == "state" and a.lang in ("en", "any")
               for a in aliases):
            state_words.update(w.upper() for w in key.split() if len(w) > 3)
    agent = {w for w in read_agent_words(folder / "Phoenix.agents.txt") if len(w) > 1}
    ctx = Context(cameo_to_iso3, frozenset(state_words), frozenset(agent), set(kb.by_key),
                  frozenset(kb.by_key))
    people: list[dict[str, Any]] = []
    orgs: list[dict[str, Any]] = []
    for name in ACTOR_FILES:
        for record in read_actors(folder / name):
            person = person_entry(record, ctx)
            if person is not None:
                people.append(person)
                continue
            org = org_entry(record, ctx)
            if org is not None:
                orgs.append(org)
    people = _unique_ids(people)
    orgs = _unique_ids(orgs)
    return {
        "source": "PETRARCH2 Phoenix dictionaries (Countries, International, MilNonState actors; "
                  "agents), openeventdata/petrarch2 commit "
                  "676801cd9cb2924bbbad09f86d15c9323e7097bf",
        "licence": "MIT",
        "attribution": "Copyright (c) 2014 Open Event Data Alliance; Norris, Schrodt and Beieler "
                       "(2017), PETRARCH2, JOSS 2(9) 133",
        "people": sorted(people, key=lambda p: p["id"]),
        "organisations": sorted(orgs, key=lambda o: o["id"]),
    }


def _unique_ids(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for entry in entries:
        if entry["id"] and entry["id"] not in seen and not entry["id"].endswith(":"):
            seen.add(entry["id"])
            out.append(entry)
    return out


def render(data: dict[str, Any]) -> str:
    ImportedActors.model_validate(data)  # fail before writing, naming the bad record
    header = ("# Generated by tools/build_phoenix_kb.py from the PETRARCH2 Phoenix actor\n"
              "# dictionaries (MIT, see SOURCES.md). Do not edit: change the tool and rebuild.\n")
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = render(build(args.shared))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        if current != text:
            print(f"{args.out} is stale; rerun without --check", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    data = yaml.safe_load(text)
    print(f"wrote {args.out}: {len(data['people'])} people, {len(data['organisations'])} "
          "organisations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
