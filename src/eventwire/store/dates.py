"""Day ranges for ISO date values, and the period labels counts are grouped by.

An event dated "2023-05" happened some day in May: stored as the range 2023-05-01..2023-05-31
it is found by a filter from 2023-05-10, which a string comparison would miss.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from eventwire.store.base import Period

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-\d)?")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")


def day_range(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day a TIMEX3/ISO value covers; (None, None) when it names no days."""
    if not value:
        return None, None
    try:
        return _range(value.strip())
    except ValueError:
        return None, None


def _range(value: str) -> tuple[dt.date | None, dt.date | None]:
    if m := _DAY.fullmatch(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _MONTH.fullmatch(value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if m := _WEEK.fullmatch(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + dt.timedelta(days=6)
    if m := _QUARTER.fullmatch(value):
        year, first = int(m[1]), 3 * int(m[2]) - 2
        last = first + 2
        return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
    if m := _YEAR.fullmatch(value):
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    return None, None


def period_label(day: dt.date, by: Period) -> str:
    """``2023-05-02`` (day), ``2023-W18`` (ISO week) or ``2023-05`` (month)."""
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year}-{day.month:02d}"
