"""Day ranges of ISO date values, and period labels."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.store.dates import day_range, period_label

D = dt.date


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-05-02", (D(2023, 5, 2), D(2023, 5, 2))),
    ("2023-05-02T14:30", (D(2023, 5, 2), D(2023, 5, 2))),
    ("2023-05", (D(2023, 5, 1), D(2023, 5, 31))),
    ("2024-02", (D(2024, 2, 1), D(2024, 2, 29))),
    ("2023", (D(2023, 1, 1), D(2023, 12, 31))),
    ("2023-W18", (D(2023, 5, 1), D(2023, 5, 7))),
    ("2023-Q2", (D(2023, 4, 1), D(2023, 6, 30))),
    ("2023-13", (None, None)),
    ("2023-02-30", (None, None)),
    ("PRESENT_REF", (None, None)),
    ("P3D", (None, None)),
    ("", (None, None)),
    (None, (None, None)),
])
def test_dates_day_range(value, expected):
    assert day_range(value) == expected


@pytest.mark.parametrize(("day", "by", "expected"), [
    (D(2023, 5, 2), "day", "2023-05-02"),
    (D(2023, 5, 2), "week", "2023-W18"),
    (D(2023, 1, 1), "week", "2022-W52"),
    (D(2023, 5, 2), "month", "2023-05"),
])
def test_dates_period_label(day, by, expected):
    assert period_label(day, by) == expected
