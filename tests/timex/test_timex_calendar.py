"""Calendar helpers: partial dates, weekday search, TIMEX3 value strings."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.timex.calendar import PDate, duration_value, fmt, shift, weekday_near, year_for


@pytest.mark.parametrize(
    ("n", "unit", "value"),
    [(3, "Y", "P3Y"), (2, "W", "P2W"), (None, "D", "PXD"), (0.5, "H", "PT30M"),
     (1.5, "Y", "P1Y6M"), (1.5, "H", "PT1H30M"), (2, "Q", "P6M"), (48, "H", "PT48H")],
)
def test_calendar_duration_value(n: float | None, unit: str, value: str) -> None:
    assert duration_value(n, unit) == value


def test_calendar_weekday_near_past_and_future() -> None:
    wed = date(2024, 11, 20)
    assert weekday_near(wed, 1, -1, True) == date(2024, 11, 18)
    assert weekday_near(wed, 3, -1, True) == wed
    assert weekday_near(wed, 3, -1, False) == date(2024, 11, 13)
    assert weekday_near(wed, 2, 1, False) == date(2024, 11, 26)


def test_calendar_year_for_month_without_year() -> None:
    nov = PDate(2024, 11, 20)
    assert year_for(nov, 6, None, -1, False) == 2024
    assert year_for(nov, 12, None, -1, False) == 2023
    assert year_for(nov, 3, None, 1, False) == 2025
    assert year_for(nov, 11, None, -1, True) == 2023


def test_calendar_bc_years_and_shifts() -> None:
    assert fmt(PDate(-216), "year") == "BC0216"
    assert shift(PDate(2024, 1, 31), 1, "M") == PDate(2024, 2)
    assert shift(PDate(2024), 1, "D") is None
    assert fmt(PDate(2024, 11, 20), "week") == "2024-W47"
