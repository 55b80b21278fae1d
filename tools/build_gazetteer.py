#!/usr/bin/env python3
"""Build the shipped city gazetteer from the GeoNames cities15000 dump, offline.

Usage (from the repository root)::

    .venv/bin/python tools/build_gazetteer.py --shared ../shared

Reads ``<shared>/data/geonames-cities15000/{cities15000.txt.gz,countryInfo.tsv}`` and writes
``src/eventwire/places/data/cities.tsv.gz``. The output is byte-for-byte reproducible (rows
sorted by geonameid, names sorted, gzip header without timestamp), so a rebuild that changes
nothing shows no diff and a changed filter shows up as a reviewable change in row content.

Alternate names are stored as lookup keys (``eventwire.places.normalize``), so the loader does
not normalise them again; the header records the normalisation version they were made with.
Only alternate names that can plausibly appear in German or English news are kept: the dump's
alternate names carry no language tags, so the filter works on script and shape (Latin letters,
at least one capital letter, no codes, no digits, not too long) rather than on language.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eventwire.places.normalize import NORMALIZATION_VERSION, normalize  # noqa: E402

FORMAT_VERSION = 1
DEFAULT_OUT = REPO / "src" / "eventwire" / "places" / "data" / "cities.tsv.gz"
SOURCE_DIR = Path("data") / "geonames-cities15000"
COLUMNS = (
    "geonameid", "name", "country", "lat", "lon", "population",
    "feature_code", "admin1", "alternates",
)
ALT_SEPARATOR = "|"

MAX_ALT_CHARS = 40
"""Longer alternates are descriptive phrases or nicknames, not names a reporter writes."""
MAX_ALT_TOKENS = 4
MIN_ALT_KEY_CHARS = 3
"""One- and two-letter alternates are abbreviations that would match stray tokens."""

# Non-letters a real Latin-script place name may contain; anything else (digits, brackets,
# slashes, commas, ampersands) marks a code, a qualifier or a data-entry artefact.
_NAME_PUNCTUATION = frozenset(" -'.\u2019\u2018\u02bb\u02bc`\u00b4\u2010\u2011")


@dataclass(frozen=True, slots=True)
class City:
    """One output row, before serialisation."""

    geonameid: int
    name: str
    country: str
    lat: str
    lon: str
    population: int
    feature_code: str
    admin1: str
    alternates: tuple[str, ...]

    def to_line(self) -> str:
        """Tab-separated row; alternate keys joined with ``|`` (never part of a kept name)."""
        return "\t".join((
            str(self.geonameid), self.name, self.country, self.lat, self.lon,
            str(self.population), self.feature_code, self.admin1,
            ALT_SEPARATOR.join(self.alternates),
        ))


def _script(ch: str) -> str:
    """First word of the Unicode name ("LATIN", "CYRILLIC", ...): cheap script detection."""
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def keep_alternate(name: str, *, cyrillic: bool = False) -> bool:
    """Decide from its shape alone whether an untagged alternate name is worth matching.

    Rejects other scripts (news here is German/English), all-lowercase romanisations of
    CJK/Arabic names ("mo si ke"), all-capital codes ("MOW", "IEV"), digits and qualifiers,
    Wade-Giles style names with stray single letters, and long descriptive names.
    """
    if not name or len(name) > MAX_ALT_CHARS or ALT_SEPARATOR in name:
        return False
    scripts = {"LATIN", "CYRILLIC"} if cyrillic else {"LATIN"}
    letters = 0
    upper = 0
    for ch in name:
        if ch.isalpha():
            if _script(ch) not in scripts:
                return False
            letters += 1
            upper += ch.isupper()
        elif ch not in _NAME_PUNCTUATION and not unicodedata.combining(ch):
            return False
    if upper == 0 or (upper == letters and letters > 1):
        return False
    key = normalize(name)
    tokens = key.split()
    if len(key.replace(" ", "")) < MIN_ALT_KEY_CHARS or len(tokens) > MAX_ALT_TOKENS:
        return False
    # A lone letter other than a possessive "s" marks Wade-Giles ("P'yongyang" -> "p yongyang")
    # or a broken romanisation ("D'er", "U-hang"): never what a German or English text says.
    return all(len(t) > 1 or t == "s" for t in tokens)


def select_alternates(
    name: str, asciiname: str, raw: Iterable[str], *, cyrillic: bool = False
) -> tuple[str, ...]:
    """Normalised keys of the kept alternates, sorted, without the canonical name's key.

    Keys rather than surface forms are stored: matching only ever uses keys, several
    spellings that normalise alike ("Kijów", "Kijow") would cost file size without adding a
    match, and normalising 90,000 names at every start-up would dominate load time.
    """
    canonical_key = normalize(name)
    # "The Big Easy", "The Bank", "The Center": English nicknames and descriptions, which
    # would fire on ordinary phrases; kept only when the city's own name has the article.
    allow_article = canonical_key.startswith("the ")
    keys = {
        normalize(alt)
        for alt in {a.strip() for a in raw} | {asciiname.strip()}
        if keep_alternate(alt, cyrillic=cyrillic)
    }
    if not allow_article:
        keys = {k for k in keys if not k.startswith("the ")}
    keys.discard(canonical_key)
    return tuple(sorted(keys))


def read_iso3(path: Path) -> dict[str, str]:
    """ISO 3166-1 alpha-2 to alpha-3, from GeoNames countryInfo."""
    mapping: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 1 and len(cols[0]) == 2 and len(cols[1]) == 3:
                mapping[cols[0]] = cols[1]
    return mapping


def read_cities(path: Path, iso3: dict[str, str], *, cyrillic: bool = False) -> Iterator[City]:
    """Parse the 19-column GeoNames dump into output rows."""
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as fh:
        for lineno, line in enumerate(fh, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 19:
                raise ValueError(f"{path}:{lineno}: expected 19 columns, got {len(cols)}")
            cc = cols[8]
            if cc not in iso3:
                raise ValueError(f"{path}:{lineno}: country {cc!r} missing from countryInfo")
            yield City(
                geonameid=int(cols[0]),
                name=cols[1].strip(),
                country=iso3[cc],
                lat=cols[4],
                lon=cols[5],
                population=int(cols[14] or 0),
                feature_code=cols[7],
                admin1=cols[10],
                alternates=select_alternates(
                    cols[1], cols[2], cols[3].split(",") if cols[3] else (), cyrillic=cyrillic
                ),
            )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with gzip.open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def render(cities: Iterable[City], source_sha256: str) -> bytes:
    """The complete gzip file; fixed mtime and no file name make it reproducible."""
    rows = sorted(cities, key=lambda c: c.geonameid)
    text = io.StringIO()
    text.write(
        f"# eventwire gazetteer format={FORMAT_VERSION} normalization={NORMALIZATION_VERSION} "
        f"source=GeoNames cities15000 (CC BY 4.0, https://www.geonames.org) "
        f"source_sha256={source_sha256} rows={len(rows)}\n"
    )
    text.write("\t".join(COLUMNS) + "\n")
    for city in rows:
        text.write(city.to_line() + "\n")
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, required=True, help="the shared/ directory")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--cyrillic", action="store_true", help="also keep Cyrillic alternate names"
    )
    args = parser.parse_args(argv)

    source = args.shared / SOURCE_DIR
    cities_path = source / "cities15000.txt.gz"
    iso3 = read_iso3(source / "countryInfo.tsv")
    cities = list(read_cities(cities_path, iso3, cyrillic=args.cyrillic))
    data = render(cities, _sha256(cities_path))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    alternates = sum(len(c.alternates) for c in cities)
    print(
        f"wrote {args.out}: {len(cities)} cities, {alternates} alternate names, "
        f"{len(data):,} bytes",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
