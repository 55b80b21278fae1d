"""Partial dates, calendar arithmetic and TIMEX3 value strings.

Historic texts need years before 1 AD and dates known only to the month or year, which
``datetime.date`` cannot hold; a ``PDate`` can (BC years are negative: -499 is 499 BC).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class PDate:
    """A date known to the year, month or day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def of(cls, d: date) -> PDate:
        return cls(d.year, d.month, d.day)

    def as_date(self) -> date | None:
        """The day as a ``date`` when it is a full AD date."""
        if self.month is None or self.day is None or self.year < 1:
            return None
        return date(self.year, self.month, self.day)


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether day exists in month (Feb 29 is allowed when the year is unknown)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None or year < 1:
        return day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    return day <= calendar.monthrange(year, month)[1]


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


def shift(base: PDate, n: int, unit: str) -> PDate | None:
    """base moved by n units; None when base is too coarse for the unit."""
    if unit in ("D", "W", "WE"):
        d = base.as_date()
        if d is None:
            return None
        try:
            return PDate.of(d + timedelta(days=n * (1 if unit == "D" else 7)))
        except OverflowError:
            return None
    if unit in ("M", "Q"):
        if base.month is None:
            return None
        y, m = add_months(base.year, base.month, n * (3 if unit == "Q" else 1))
        return PDate(y, m)
    factor = {"Y": 1, "DE": 10, "CE": 100}.get(unit)
    if factor is None:
        return None
    return PDate(base.year + n * factor)


def fmt_year(year: int) -> str:
    return f"BC{-year:04d}" if year < 0 else f"{year:04d}"


def fmt_day(y: int, m: int, d: int) -> str:
    return f"{fmt_year(y)}-{m:02d}-{d:02d}"


def fmt_week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def fmt(pd: PDate, gran: str) -> str | None:
    """TIMEX3 value of pd at a granularity (day, week, month, quarter, year, decade, century)."""
    if gran == "day":
        if pd.month is None or pd.day is None:
            return None
        return fmt_day(pd.year, pd.month, pd.day)
    if gran == "week":
        d = pd.as_date()
        return fmt_week(d) if d else None
    if gran == "month":
        return None if pd.month is None else f"{fmt_year(pd.year)}-{pd.month:02d}"
    if gran == "quarter":
        return None if pd.month is None else f"{fmt_year(pd.year)}-Q{(pd.month - 1) // 3 + 1}"
    if gran == "year":
        return fmt_year(pd.year)
    if gran == "decade":
        return None if pd.year < 0 else f"{pd.year // 10:03d}"
    if gran == "century":
        return None if pd.year < 0 else f"{pd.year // 100:02d}"
    return None


def weekday_near(base: date, weekday: int, direction: int, inclusive: bool) -> date:
    """The given ISO weekday nearest base going back (-1) or forward (+1)."""
    diff = (weekday - base.isoweekday()) % 7
    if direction > 0:
        if diff == 0 and not inclusive:
            diff = 7
        return base + timedelta(days=diff)
    back = (base.isoweekday() - weekday) % 7
    if back == 0 and not inclusive:
        back = 7
    return base - timedelta(days=back)


def year_for(anchor: PDate, month: int, day: int | None, direction: int, strict: bool) -> int:
    """Year of a month (and day) given without one: the nearest such date before (-1) or
    after (+1) the anchor, on or strictly beyond it."""
    here = (anchor.month or 1, anchor.day or 0) if day is not None else (anchor.month or 1, 0)
    there = (month, day or 0)
    if direction < 0:
        later = there > here or (strict and there == here)
        return anchor.year - 1 if later else anchor.year
    earlier = there < here or (strict and there == here)
    return anchor.year + 1 if earlier else anchor.year


NEAR_FUTURE_DAYS = 75  # an untensed month this close ahead is the coming one


def likely_year(anchor: PDate, month: int, day: int | None, tense: str | None) -> int:
    """Year of a month (and day) given without one, in news: the occurrence nearer to the
    publication date, with a bias towards the past (news mostly reports what happened) unless
    the clause speaks of the future. 'im Juni' in November is last June; 'im Dezember' in
    October is this December; 'Anfang Mai' in June is May, even next to a passive 'wird'."""
    past = year_for(anchor, month, day, -1, False)
    future = year_for(anchor, month, day, 1, False)
    if past == future:
        return past
    a = (anchor.month or 1) * 31 + (anchor.day or 15)
    back = (anchor.year - past) * 372 + a - (month * 31 + (day or 15))
    ahead = (future - anchor.year) * 372 + month * 31 + (day or 15) - a
    if tense == "future":
        return past if 2 * back < ahead else future
    if tense == "past":
        return past
    return future if 2 * ahead < back and ahead <= NEAR_FUTURE_DAYS else past


def duration_value(n: float | None, unit: str) -> str | None:
    """ISO-8601/TIMEX3 duration such as P3Y, PT30M, PXD; fractions go to the next smaller unit."""
    if unit == "WE":
        return None
    if unit == "Q":
        if n is None:
            return "PXQ"
        n, unit = n * 3, "M"
    count: str
    if n is None:
        count = "X"
    elif n == int(n):
        count = str(int(n))
    else:
        whole = int(n)
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60)}
        nxt = smaller.get(unit)
        if nxt is None:
            return None
        rest = round((n - whole) * nxt[1])
        head = duration_value(whole, unit) if whole else None
        tail = duration_value(rest, nxt[0]) or ""
        if head is None:
            return tail
        if "T" in tail and "T" in head:
            return head + tail.split("T", 1)[1]
        return head + tail.removeprefix("P")
    if unit in ("H", "MIN"):
        return f"PT{count}{'M' if unit == 'MIN' else 'H'}"
    return f"P{count}{unit}"
