#!/usr/bin/env python3
"""Build the knowledge-base state list ``kb/data/states.yaml``, offline and reproducibly.

Usage (from the repository root)::

    .venv/bin/python tools/build_states.py --shared ../shared
    .venv/bin/python tools/build_states.py --shared ../shared --check   # fail if stale

Inputs, merged in this order:

1. ``kb/data/states_overlay.yaml`` (hand-curated, in this repository): which states exist,
   UN membership, extra and preferred names, acronyms, adjectives, demonyms, capital names
   per language, centroids, Wikidata ids and the few CAMEO codes that need stating.
2. CLDR territory names per language, read through ``babel`` (``Locale(lang).territories``).
3. ISO 3166-1 names from ``pycountry`` (short, common and official names and their
   translations shipped with pycountry's iso-codes message catalogues).
4. ``<shared>/data/petrarch2-dictionaries/Phoenix.Countries.actors.txt.gz``: CAMEO country
   codes, taken from the country entries' open-ended codes.
5. ``<shared>/data/geonames-cities15000/{countryInfo.tsv,cities15000.txt.gz}``: the capital
   named in countryInfo, matched to its cities15000 row for geonameid and coordinates.

Every record is validated with :class:`eventwire.kb.schema.State` before anything is written.
The output is sorted by id with a fixed key order, so a rebuild that changes nothing leaves the
file byte-for-byte identical. Needs ``babel`` and ``pycountry`` (the ``kb-build`` extra).
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
import yaml
from babel import Locale
from pydantic import ValidationError

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eventwire.kb.schema import State  # noqa: E402

DATA_DIR = REPO / "src" / "eventwire" / "kb" / "data"
DEFAULT_OVERLAY = DATA_DIR / "states_overlay.yaml"
DEFAULT_OUT = DATA_DIR / "states.yaml"
PHOENIX = Path("data") / "petrarch2-dictionaries" / "Phoenix.Countries.actors.txt.gz"
GEONAMES = Path("data") / "geonames-cities15000"

LANGS = ("de", "en", "fr", "es", "ru")
"""Languages written for every state; the first two are the pipeline's own languages."""
LATIN_LANGS = frozenset({"de", "en", "fr", "es"})
"""Languages in which a missing capital name falls back to the GeoNames name."""

OUTPUT_HEADER = """\
# GENERATED FILE - do not edit by hand.
# Built by tools/build_states.py from kb/data/states_overlay.yaml (hand-curated), CLDR names
# via babel, ISO 3166 names via pycountry, CAMEO codes from the PETRARCH2 Phoenix dictionary
# and capitals from GeoNames. Sources and licences: kb/data/SOURCES.md.
# Rebuild: .venv/bin/python tools/build_states.py --shared ../shared
"""

_PAREN = re.compile(r"^(?P<main>[^()]+?)\s*\((?P<alt>[^()]+)\)$")
_CODE = re.compile(r"\[([^\]]*)\]")
_CAMEO_COUNTRY = re.compile(r"^[A-Z]{3}$")


class BuildError(RuntimeError):
    """Inconsistent inputs; the message names the state and the problem."""


# --------------------------------------------------------------------------------------------
# Small text helpers


def fold(text: str) -> str:
    """Case-folded, accent-free, punctuation-free key for comparing names across sources."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-zA-Z\u0400-\u04ff]+", " ", bare).upper().split())


def clean_name(name: str) -> str:
    """Tidy a source name: drop stress marks, close spaced dashes, trim a leading article."""
    text = unicodedata.normalize("NFC", name.replace("\u0301", "")).strip()
    text = re.sub(r"\s+-\s+", "-", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\bо-ва\b", "острова", text)  # CLDR's Russian abbreviation for 'islands'
    if text[:4].lower() == "the ":
        text = text[4:]
    if re.match(r"^L['\u2019]\w", text):  # French article before an official name
        text = text[2:]
    return text


def name_variants(name: str) -> Iterator[str]:
    """A cleaned source name, split at a trailing parenthesis ('Myanmar (Burma)' gives both).

    Names written in the inverted catalogue style ('Korea, Republic of') are not names
    anyone writes in running text and are dropped.
    """
    text = clean_name(name)
    match = _PAREN.match(text)
    parts = [match["main"], match["alt"]] if match else [text]
    for part in parts:
        part = part.strip()
        if part and "," not in part and "(" not in part:
            yield part


def with_apostrophe_variants(names: Iterable[str]) -> list[str]:
    """Add the straight-apostrophe spelling after every name written with a typographic one."""
    out: list[str] = []
    for name in names:
        out.append(name)
        if "\u2019" in name:
            out.append(name.replace("\u2019", "'"))
    return out


def dedupe(items: Iterable[str]) -> list[str]:
    """Keep the first spelling of every string, compared case-insensitively, order preserved."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def as_list(value: Any) -> list[str]:
    """Overlay values may be a single string or a list of strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise BuildError(f"expected a string or a list of strings, got {value!r}")


# --------------------------------------------------------------------------------------------
# Sources


def cldr_names(iso2: str) -> dict[str, list[str]]:
    """CLDR's territory name for ``iso2`` in every output language."""
    out: dict[str, list[str]] = {}
    for lang in LANGS:
        name = Locale.parse(lang).territories.get(iso2)
        if name:
            out[lang] = list(name_variants(name))
    return out


def iso_names(
    iso2: str, catalogues: Mapping[str, gettext.NullTranslations]
) -> dict[str, list[str]]:
    """pycountry's short, common and official names, translated with its message catalogues."""
    country = pycountry.countries.get(alpha_2=iso2)
    if country is None:
        return {}
    english = [getattr(country, attr, None) for attr in ("common_name", "name", "official_name")]
    msgids = [n for n in english if n]
    out: dict[str, list[str]] = {"en": [v for n in msgids for v in name_variants(n)]}
    for lang in LANGS:
        if lang == "en":
            continue
        names: list[str] = []
        for msgid in msgids:
            translated = catalogues[lang].gettext(msgid)
            if translated != msgid:  # untranslated entries come back unchanged
                names.extend(name_variants(translated))
        out[lang] = names
    return out


def load_catalogues() -> dict[str, gettext.NullTranslations]:
    """pycountry's ISO 3166-1 message catalogues for the non-English output languages."""
    out: dict[str, gettext.NullTranslations] = {}
    for lang in LANGS:
        if lang != "en":
            out[lang] = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True
            )
    return out


@dataclass
class PhoenixCountries:
    """Current CAMEO country codes in the Phoenix country dictionary, and the names behind them."""

    codes: set[str] = field(default_factory=set)
    by_name: dict[str, str] = field(default_factory=dict)


def _open_ended_country_codes(code_specs: Iterable[str]) -> list[str]:
    """Plain three-letter codes that are undated or open-ended ('[UKR]', '[UKR >911221]')."""
    out = []
    for spec in code_specs:
        parts = spec.split()
        if not parts or not _CAMEO_COUNTRY.match(parts[0]):
            continue
        dates = "".join(parts[1:])
        if not dates or dates.startswith(">"):
            out.append(parts[0])
    return out


def load_phoenix(path: Path) -> PhoenixCountries:
    """Parse the TABARI-format country dictionary into entries of names and codes.

    An entry starts at an unindented line that is not a synonym ('+NAME'); indented lines
    and brackets on the head line carry its codes. Only country-level codes (three capital
    letters, no sector suffix) that are still valid (no end date) are collected.
    """
    result = PhoenixCountries()
    names: list[str] = []
    specs: list[str] = []

    def flush() -> None:
        current = _open_ended_country_codes(specs)
        if len(set(current)) == 1:
            code = current[0]
            result.codes.add(code)
            for name in names:
                result.by_name.setdefault(fold(name.replace("_", " ")), code)

    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            codes = _CODE.findall(line)
            head = _CODE.sub(" ", line).strip()
            if line[0] in " \t":
                specs.extend(codes)
            elif line.startswith("+"):
                names.append(head[1:])
                specs.extend(codes)
            else:
                flush()
                names, specs = [head], list(codes)
        flush()
    return result


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    asciiname: str
    alternates: frozenset[str]
    lat: float
    lon: float
    feature_code: str
    population: int

    def is_named(self, name: str) -> bool:
        return name in (self.name, self.asciiname) or name in self.alternates


@dataclass(frozen=True)
class CountryInfo:
    iso2: str
    iso3: str
    name: str
    capital: str


def load_country_info(path: Path) -> dict[str, CountryInfo]:
    """countryInfo rows by ISO3 (Kosovo appears as XKX/XK)."""
    out: dict[str, CountryInfo] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) > 5:
            out[cols[1]] = CountryInfo(iso2=cols[0], iso3=cols[1], name=cols[4], capital=cols[5])
    return out


def load_cities(path: Path, countries: set[str]) -> dict[str, list[City]]:
    """cities15000 rows of the given ISO2 countries, grouped by country."""
    out: dict[str, list[City]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or cols[8] not in countries:
                continue
            out.setdefault(cols[8], []).append(
                City(
                    geonameid=int(cols[0]),
                    name=cols[1],
                    asciiname=cols[2],
                    alternates=frozenset(a for a in cols[3].split(",") if a),
                    lat=float(cols[4]),
                    lon=float(cols[5]),
                    feature_code=cols[7],
                    population=int(cols[14] or 0),
                )
            )
    return out


def find_capital(cities: list[City], names: list[str]) -> City | None:
    """The city carrying one of ``names``; a national capital (PPLC) wins, then population."""
    for name in names:
        found = [c for c in cities if c.is_named(name)]
        if found:
            return min(found, key=lambda c: (c.feature_code != "PPLC", -c.population, c.geonameid))
    return None


# --------------------------------------------------------------------------------------------
# Merging


_OVERLAY_KEYS = frozenset(
    {
        "iso2",
        "cameo",
        "wikidata",
        "un_member",
        "names",
        "primary",
        "drop",
        "acronyms",
        "adjectives",
        "demonyms",
        "capital",
        "centroid",
    }
)
_CAPITAL_KEYS = frozenset({*LANGS, "geonameid", "lat", "lon"})


def as_point(value: Any, where: str) -> list[float] | None:
    """A ``[lat, lon]`` pair from the overlay, as floats."""
    if value is None:
        return None
    if not (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        raise BuildError(f"{where}: expected [lat, lon], got {value!r}")
    return [float(value[0]), float(value[1])]


def lang_lists(value: Any, where: str) -> dict[str, list[str]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BuildError(f"{where}: expected a mapping of language to names")
    return {str(lang): as_list(names) for lang, names in value.items()}


def merge_names(
    sources: Iterable[Mapping[str, list[str]]],
    primary: Mapping[str, list[str]],
    extra: Mapping[str, list[str]],
    drop: Mapping[str, list[str]],
) -> dict[str, list[str]]:
    """Preferred names first, then source names in source order, then curated extras."""
    source_list = list(sources)
    langs = sorted(
        {lang for src in (*source_list, primary, extra) for lang in src},
        key=lambda lang: (LANGS.index(lang) if lang in LANGS else len(LANGS), lang),
    )
    out: dict[str, list[str]] = {}
    for lang in langs:
        dropped = {d.casefold() for d in drop.get(lang, [])}
        merged = [
            *primary.get(lang, []),
            *(n for src in source_list for n in src.get(lang, [])),
            *extra.get(lang, []),
        ]
        names = dedupe(n for n in with_apostrophe_variants(merged) if n.casefold() not in dropped)
        if names:
            out[lang] = names
    return out


def build_capital(
    iso3: str,
    spec: Mapping[str, Any],
    info: CountryInfo | None,
    cities: list[City],
    warnings: list[str],
) -> dict[str, Any] | None:
    unknown = set(spec) - _CAPITAL_KEYS
    if unknown:
        raise BuildError(f"{iso3}: unknown capital keys {sorted(unknown)}")
    # English names: the curated list if given (it replaces outdated or unwanted GeoNames
    # spellings such as Nur-Sultan or Male), else the countryInfo name and the spelling of the
    # matched cities15000 row.
    geonames_capital = [info.capital] if info and info.capital else []
    curated_en = as_list(spec.get("en"))
    candidates = dedupe([*geonames_capital, *curated_en])
    if not candidates:
        return None
    city = find_capital(cities, candidates)
    geo_names = [city.name] if city else []
    english = curated_en or [*geonames_capital, *geo_names]
    names: dict[str, list[str]] = {"en": dedupe(with_apostrophe_variants(english))}
    for lang in LANGS:
        if lang == "en":
            continue
        curated = as_list(spec.get(lang))
        if not curated and lang in LATIN_LANGS:
            curated = geo_names or names["en"][:1]
        if not curated:
            warnings.append(f"{iso3}: no capital name in {lang}")
            continue
        names[lang] = dedupe(with_apostrophe_variants(curated))
    capital: dict[str, Any] = {"names": {lang: names[lang] for lang in LANGS if lang in names}}
    if "geonameid" in spec or "lat" in spec:
        capital.update(geonameid=spec.get("geonameid"), lat=spec.get("lat"), lon=spec.get("lon"))
    elif city is not None:
        capital.update(geonameid=city.geonameid, lat=city.lat, lon=city.lon)
    else:
        warnings.append(f"{iso3}: capital {candidates[0]!r} not found in cities15000")
    return capital


def resolve_cameo(
    iso3: str,
    explicit: str | None,
    english: list[str],
    phoenix: PhoenixCountries,
    warnings: list[str],
) -> str:
    if explicit:
        if explicit not in phoenix.codes:
            warnings.append(f"{iso3}: CAMEO code {explicit} from the overlay is not in Phoenix")
        return explicit
    if iso3 in phoenix.codes:
        return iso3
    for name in english:
        code = phoenix.by_name.get(fold(name))
        if code:
            return code
    raise BuildError(f"{iso3}: no CAMEO code in Phoenix; state one in the overlay")


def build_state(
    iso3: str,
    spec: Mapping[str, Any],
    *,
    catalogues: Mapping[str, gettext.NullTranslations],
    phoenix: PhoenixCountries,
    country_info: Mapping[str, CountryInfo],
    cities: Mapping[str, list[City]],
    warnings: list[str],
) -> dict[str, Any]:
    unknown = set(spec) - _OVERLAY_KEYS
    if unknown:
        raise BuildError(f"{iso3}: unknown overlay keys {sorted(unknown)}")
    iso_entry = pycountry.countries.get(alpha_3=iso3)
    iso2 = spec.get("iso2") or (iso_entry.alpha_2 if iso_entry else None)
    if iso2 is None:
        raise BuildError(f"{iso3}: not in ISO 3166-1; state iso2 in the overlay")

    names = merge_names(
        sources=[cldr_names(iso2), iso_names(iso2, catalogues)],
        primary=lang_lists(spec.get("primary"), f"{iso3}.primary"),
        extra=lang_lists(spec.get("names"), f"{iso3}.names"),
        drop=lang_lists(spec.get("drop"), f"{iso3}.drop"),
    )
    info = country_info.get(iso3)
    capital = build_capital(iso3, spec.get("capital") or {}, info, cities.get(iso2, []), warnings)
    centroid = as_point(spec.get("centroid"), f"{iso3}.centroid")
    if not isinstance(spec.get("un_member", True), bool):
        raise BuildError(f"{iso3}.un_member: expected true or false")
    record: dict[str, Any] = {
        "id": f"state:{iso3}",
        "iso3": iso3,
        "iso2": iso2,
        "cameo": resolve_cameo(iso3, spec.get("cameo"), names.get("en", []), phoenix, warnings),
        "wikidata": spec.get("wikidata"),
        "names": names,
        "acronyms": dedupe(as_list(spec.get("acronyms"))),
        "adjectives": lang_lists(spec.get("adjectives"), f"{iso3}.adjectives"),
        "demonyms": lang_lists(spec.get("demonyms"), f"{iso3}.demonyms"),
        "capital": capital,
        "centroid": centroid,
        "un_member": spec.get("un_member", True),
    }
    try:
        State.model_validate(record)
    except ValidationError as exc:
        raise BuildError(f"{iso3}: record does not validate: {exc}") from exc
    return record


def build(shared: Path, overlay_path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    overlay = yaml.safe_load(overlay_path.read_text(encoding="utf-8"))
    states = overlay.get("states") if isinstance(overlay, dict) else None
    if not isinstance(states, dict) or not states:
        raise BuildError(f"{overlay_path}: expected a top-level 'states' mapping")

    phoenix = load_phoenix(shared / PHOENIX)
    country_info = load_country_info(shared / GEONAMES / "countryInfo.tsv")
    wanted_iso2 = {info.iso2 for iso3, info in country_info.items() if iso3 in states}
    cities = load_cities(shared / GEONAMES / "cities15000.txt.gz", wanted_iso2)
    catalogues = load_catalogues()

    warnings: list[str] = []
    records = [
        build_state(
            iso3,
            spec or {},
            catalogues=catalogues,
            phoenix=phoenix,
            country_info=country_info,
            cities=cities,
            warnings=warnings,
        )
        for iso3, spec in sorted(states.items())
    ]
    return records, warnings


# --------------------------------------------------------------------------------------------
# Output


class _Dumper(yaml.SafeDumper):
    """Block mappings, one-line lists of scalars, no aliases, keys in insertion order."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    scalar_only = all(isinstance(item, str | int | float) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=scalar_only)


_Dumper.add_representer(list, _represent_list)


def render(records: list[dict[str, Any]]) -> str:
    body = yaml.dump(
        records,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    return OUTPUT_HEADER + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--shared",
        type=Path,
        required=True,
        help="the shared data checkout (holds data/geonames-cities15000 ...)",
    )
    parser.add_argument("--overlay", type=Path, default=DEFAULT_OVERLAY)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if the output file is not up to date",
    )
    args = parser.parse_args(argv)

    try:
        records, warnings = build(args.shared, args.overlay)
    except (BuildError, OSError, yaml.YAMLError) as exc:
        print(f"build_states: {exc}", file=sys.stderr)
        return 2
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    text = render(records)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date; rerun without --check", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date ({len(records)} states)")
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(records)} states to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
