"""Lookup behaviours users rely on, each as a small specification."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.kb.loader import default_kb
from eventwire.kb.query import romanised, uninflected, without_article

DAY = dt.date(2024, 11, 20)


def top(text: str, lang: str = "de", day: dt.date | None = None) -> str | None:
    hits = default_kb().lookup(text, lang=lang, day=day, limit=1)
    return hits[0].entity.id if hits else None


@pytest.mark.parametrize("surface,lang", [
    ("Koslow", "de"), ("Kozlov", "en"), ("Козлов", "ru"), ("Alexander Koslow", "de")])
def test_kb_lookup_kozlov_is_one_person_across_scripts(surface: str, lang: str) -> None:
    assert top(surface, lang) == "person:alexander-kozlov"


@pytest.mark.parametrize("surface", ["DVRK", "KDVR", "Nordkorea", "DPRK", "Pjöngjang"])
def test_kb_lookup_north_korea_forms(surface: str) -> None:
    assert top(surface) == "state:PRK"


@pytest.mark.parametrize("text,lang,expected", [
    ("der russische Außenminister", "de", "person:sergey-lavrov"),
    ("des russischen Außenministers", "de", "person:sergey-lavrov"),
    ("Russia's foreign minister", "en", "person:sergey-lavrov"),
    ("der Kremlsprecher", "de", "person:dmitry-peskov"),
    ("UN-Generalsekretär", "de", "person:antonio-guterres"),
    ("Russia's natural resources minister", "en", "person:alexander-kozlov"),
])
def test_kb_lookup_role_descriptions_resolve_by_date(text: str, lang: str, expected: str) -> None:
    assert top(text, lang, DAY) == expected


def test_kb_lookup_role_holder_changes_with_the_date() -> None:
    assert top("US-Präsident", day=dt.date(2021, 6, 1)) == "person:joe-biden"
    assert top("US-Präsident", day=dt.date(2025, 6, 1)) == "person:donald-trump"
    assert top("Bundeskanzler", day=dt.date(2023, 3, 1)) == "person:olaf-scholz"
    assert top("Bundeskanzler", day=dt.date(2025, 6, 15)) == "person:friedrich-merz"


def test_kb_lookup_named_state_overrides_the_office_word() -> None:
    assert top("der österreichische Bundeskanzler", day=dt.date(2023, 1, 1)) == (
        "person:karl-nehammer")


def test_kb_lookup_metonyms_with_articles() -> None:
    assert top("der Kreml") == "org:kremlin"
    assert top("des Kremls") == "org:kremlin"
    assert top("Moskau") == "state:RUS"
    assert default_kb().entities["org:kremlin"].stands_for_state


def test_kb_lookup_exact_spelling_beats_folded_match() -> None:
    assert top("OPEC", "en") == "org:opec"


def test_kb_lookup_unknown_text_gives_nothing() -> None:
    assert top("Schreibtischlampe") is None


def test_kb_query_helpers() -> None:
    assert without_article("der Kreml", "de") == "Kreml"
    assert without_article("Kreml", "de") == "Kreml"
    assert "Russia" in uninflected("Russia's")
    assert "Putin" in uninflected("Putins")
    assert romanised("Козлов") == "Kozlov"
    assert romanised("Kozlov") is None


def test_kb_lookup_ambiguous_role_scores_lower() -> None:
    single = default_kb().lookup("US-Präsident", day=DAY)
    assert single and single[0].score == pytest.approx(0.8)
