"""The compiled KB cache: built once, reused while fresh, rebuilt when a source changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eventwire.kb import cache
from eventwire.kb.loader import DATA_DIR, load_knowledge_base


@pytest.fixture(scope="module")
def small_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the KB sources without the people and imports (fast to build)."""
    root = tmp_path_factory.mktemp("kbdata")
    for name in ("states.yaml", "organisations.yaml", "offices.yaml"):
        shutil.copy(DATA_DIR / name, root / name)
    (root / "people").mkdir()
    shutil.copy(DATA_DIR / "people" / "prk.yaml", root / "people" / "prk.yaml")
    return root


def test_kb_cache_round_trip_keeps_the_index(small_data: Path, tmp_path: Path) -> None:
    built = cache.build(small_data, out=tmp_path / "kb.pickle")
    warm = cache.read_cache(built)
    cold = load_knowledge_base(small_data)
    assert warm is not None
    assert warm.entities == cold.entities
    assert warm.lookup("DVRK")[0].entity.id == "state:PRK"


def test_kb_cache_is_served_while_sources_are_unchanged(
        small_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.DIR_ENV, str(tmp_path))
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    first = cache.cached_kb(small_data)
    assert list(tmp_path.glob("kb-*.pickle"))

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("rebuilt although the cache was fresh")

    monkeypatch.setattr(cache, "load_knowledge_base", fail)
    assert cache.cached_kb(small_data).entities.keys() == first.entities.keys()


def test_kb_cache_rebuilds_when_a_source_changes(
        small_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(small_data, data)
    monkeypatch.setenv(cache.DIR_ENV, str(tmp_path / "cache"))
    key_before = cache.cache_key(data)
    cache.cached_kb(data)
    people = data / "people" / "prk.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace(
        "name: Kim Jong Un", "name: Kim Jong-un"), encoding="utf-8")
    assert cache.cache_key(data) != key_before
    kb = cache.cached_kb(data)
    assert kb.entities["person:kim-jong-un"].name == "Kim Jong-un"
    assert len(list((tmp_path / "cache").glob("kb-*.pickle"))) == 1  # the stale one is pruned


def test_kb_cache_ignores_a_damaged_file(tmp_path: Path) -> None:
    bad = tmp_path / "kb.pickle"
    bad.write_bytes(b"not a pickle")
    assert cache.read_cache(bad) is None
    assert cache.read_cache(tmp_path / "missing.pickle") is None


def test_kb_cache_can_be_turned_off(small_data: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.DIR_ENV, str(tmp_path))
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    cache.cached_kb(small_data)
    assert not list(tmp_path.glob("kb-*.pickle"))


def test_kb_cache_measures_cold_and_warm_loads(small_data: Path) -> None:
    times = cache.measure_load(small_data)
    assert times.entities > 200
    assert 0 < times.warm < times.cold
