"""The one normalisation shared by the gazetteer build and lookups."""

from __future__ import annotations

import pytest

from eventwire.places import normalize

CASES = [
    ("Pjöngjang", "pjongjang"),
    ("PJÖNGJANG", "pjongjang"),
    ("Straße", "strasse"),
    ("STRASSE", "strasse"),
    ("Łódź", "lodz"),
    ("Øresund", "oresund"),
    ("İstanbul", "istanbul"),
    ("Sankt-Petersburg", "sankt petersburg"),
    ("Moscow's", "moscow s"),
    ("Moscow’s", "moscow s"),
    ("'s-Gravenhage", "s gravenhage"),
    ("St. Gallen", "st gallen"),
    ("Washington, D.C.", "washington dc"),
    ("Frankfurt (Oder)", "frankfurt oder"),
    ("  Den   Haag\t", "den haag"),
    ("Ma‘ale Adummim", "ma ale adummim"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "key"), CASES)
def test_normalize_folds_case_accents_and_punctuation(text: str, key: str) -> None:
    assert normalize(text) == key


@pytest.mark.parametrize(("text", "_key"), CASES)
def test_normalize_is_idempotent(text: str, _key: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
