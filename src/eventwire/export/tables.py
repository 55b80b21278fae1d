"""The lookup tables the exporters ship as data: Goldstein scores, FIPS codes, PLOVER contexts.

Each table is a small TSV in ``data/`` with its source in a header comment; they are read once,
checked as they are read, and never edited in code.
"""

from __future__ import annotations

import functools
from pathlib import Path

from eventwire.errors import DataFileError

DATA = Path(__file__).parent / "data"


def read_tsv(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a shipped TSV (``#`` lines are comments); the header must name ``columns``."""
    path = DATA / name
    lines = [line.rstrip("\n") for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    header = tuple(lines[0].split("\t")) if lines else ()
    if header != columns:
        raise DataFileError(str(path), f"header is {header}, expected {columns}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise DataFileError(str(path), f"data line {number} has {len(cells)} cells, "
                                           f"expected {len(columns)}")
        rows.append(dict(zip(columns, cells, strict=True)))
    return rows


@functools.cache
def _goldstein() -> dict[str, float]:
    return {r["cameo"]: float(r["goldstein"])
            for r in read_tsv("cameo_goldstein.tsv", ("cameo", "goldstein"))}


@functools.cache
def _countries() -> dict[str, dict[str, str]]:
    return {r["iso3"]: r for r in read_tsv("iso3_fips.tsv", ("iso3", "iso2", "fips", "name"))}


@functools.cache
def _contexts() -> dict[str, list[str]]:
    rows = read_tsv("cameo_plover_context.tsv", ("cameo", "plover", "mode", "context"))
    return {r["cameo"]: [c for c in r["context"].split(";") if c] for r in rows}


@functools.cache
def _fallback_cameo() -> dict[str, str]:
    return {r["plover"]: r["cameo"] for r in read_tsv("plover_cameo.tsv", ("plover", "cameo"))}


def _prefixes(code: str) -> list[str]:
    """A code, then its base (3-digit) and root (2-digit) codes: the CAMEO hierarchy."""
    return [code[:n] for n in (len(code), 3, 2) if n <= len(code)]


def goldstein(cameo: str | None) -> float | None:
    """The Goldstein score of a CAMEO code; an unknown subcode takes its parent's score."""
    if not cameo:
        return None
    table = _goldstein()
    return next((table[c] for c in _prefixes(cameo) if c in table), None)


def quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass from the CAMEO root: 1 verbal and 2 material cooperation (01-05,
    06-08), 3 verbal and 4 material conflict (09-13, 14-20)."""
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if not 1 <= root <= 20:
        return None
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def default_cameo(plover_type: str) -> str | None:
    """The CAMEO code a GDELT row carries for an event the coder gave no CAMEO code."""
    return _fallback_cameo().get(plover_type)


def plover_contexts(cameo: str | None) -> list[str]:
    """PLOVER contexts the CAMEO->PLOVER table gives a code (or its parent)."""
    if not cameo:
        return []
    table = _contexts()
    return next((list(table[c]) for c in _prefixes(cameo) if c in table), [])


def fips(iso3: str | None) -> str | None:
    """The FIPS 10-4 code GDELT's geography fields use for an ISO3 country."""
    row = _countries().get((iso3 or "").upper())
    return (row["fips"] or None) if row else None


def country_name(iso3: str | None) -> str | None:
    row = _countries().get((iso3 or "").upper())
    return row["name"] if row else None
