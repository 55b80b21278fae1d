"""The offline build script's filters, determinism, and the state of the shipped file."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.places.normalize import NORMALIZATION_VERSION

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "src" / "eventwire" / "places" / "data" / "cities.tsv.gz"


def _load_build() -> ModuleType:
    script = REPO / "tools" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)
    return module


build = _load_build()


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Moskau", True),
        ("Den Haag", True),
        ("Kyjiw", True),
        ("Ville-Lumière", True),
        ("MOW", False),  # IATA code
        ("UKKK", False),  # ICAO-like code
        ("mo si ke", False),  # unmarked romanisation, no capital letter
        ("Москва", False),  # Cyrillic unless asked for
        ("Moskva 2", False),  # digits
        ("Frankfurt (Oder)", False),  # bracketed qualifier
        ("P'yongyang", False),  # Wade-Giles: stray single letter
        ("Na", False),  # too short
        ("Perlina Chornogo morja i okrestnosti", False),  # too many tokens
        ("X" + "x" * 45, False),  # too long
    ],
)
def test_build_keep_alternate_filters_by_shape(name: str, kept: bool) -> None:
    assert build.keep_alternate(name) is kept


def test_build_keep_alternate_allows_cyrillic_on_request() -> None:
    assert build.keep_alternate("Москва", cyrillic=True)


def test_build_select_alternates_dedupes_and_drops_nicknames() -> None:
    raw = ["Moskau", "MOSKAU", "Moskva", "Moskwa", "Moscow", "The Big Onion", "MOW", "mo si ke"]
    assert build.select_alternates("Moscow", "Moscow", raw) == ("moskau", "moskva", "moskwa")
    # An English article is kept only when the city's own name has one.
    assert build.select_alternates("The Hague", "The Hague", ["The Haag", "Den Haag"]) == (
        "den haag",
        "the haag",
    )
    assert build.select_alternates("Den Haag", "Den Haag", ["The Hague"]) == ()


def test_build_render_is_deterministic() -> None:
    city = build.City(2, "Zeta", "DEU", "1.0", "2.0", 3, "PPL", "01", ("zet",))
    other = build.City(1, "Alpha", "FRA", "1.0", "2.0", 3, "PPLC", "11", ())
    first = build.render([city, other], "0" * 64)
    assert first == build.render([other, city], "0" * 64)
    lines = gzip.decompress(first).decode("utf-8").splitlines()
    assert lines[0].startswith("# eventwire gazetteer format=1 ")
    assert lines[1].split("\t") == list(build.COLUMNS)
    assert [line.split("\t")[0] for line in lines[2:]] == ["1", "2"]


def test_build_shipped_file_is_current_and_small() -> None:
    size = SHIPPED.stat().st_size
    with gzip.open(SHIPPED, "rt", encoding="utf-8") as fh:
        header = fh.readline()
        rows = sum(1 for _ in fh) - 1
    print(f"\ncities.tsv.gz: {size:,} bytes, {rows:,} cities")
    assert size < 2_000_000
    assert rows == 32_847
    # A change to normalize() without a rebuild would leave stale keys in the shipped file.
    assert f"normalization={NORMALIZATION_VERSION} " in header


SHARED = REPO.parent / "shared"


@pytest.mark.shared
@pytest.mark.skipif(
    not (SHARED / "data" / "geonames-cities15000" / "cities15000.txt.gz").exists(),
    reason="needs ../shared/data/geonames-cities15000 beside the checkout",
)
def test_build_main_reproduces_shipped_file(tmp_path: Path) -> None:
    out = tmp_path / "cities.tsv.gz"
    assert build.main(["--shared", str(SHARED), "--out", str(out)]) == 0
    assert out.read_bytes() == SHIPPED.read_bytes()
