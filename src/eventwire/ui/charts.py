"""Chart geometry computed on the server: the templates only place numbers into SVG elements.

Drawing on the server keeps the timeline and dyad charts working without JavaScript and keeps
text out of any script: labels go into SVG ``<text>``/``<title>`` elements through the
template's escaping like every other string.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from eventwire.store.base import Period
from eventwire.store.dates import period_label

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 900, 180, 40, 28, 10
MAX_PERIODS = 400
MAX_BAR = 48


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str
    label: str
    link: str = ""


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[tuple[float, int]] = field(default_factory=list)
    baseline: float = HEIGHT - BOTTOM
    left: int = LEFT
    empty: bool = True


def period_start(label: str, by: Period) -> dt.date:
    """The first day of a period label (``2024-06``, ``2024-W18``, ``2024-06-03``)."""
    if by == "day":
        return dt.date.fromisoformat(label)
    if by == "week":
        year, week = label.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    year, month = label.split("-")[:2]
    return dt.date(int(year), int(month), 1)


def _next(day: dt.date, by: Period) -> dt.date:
    if by == "day":
        return day + dt.timedelta(days=1)
    if by == "week":
        return day + dt.timedelta(days=7)
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def period_end(label: str, by: Period) -> dt.date:
    """The last day of a period label."""
    return _next(period_start(label, by), by) - dt.timedelta(days=1)


def periods_between(first: dt.date, last: dt.date, by: Period) -> list[str]:
    """Every period label from ``first`` to ``last``, at most :data:`MAX_PERIODS` of them."""
    labels: list[str] = []
    day = period_start(period_label(first, by), by)
    while day <= last and len(labels) < MAX_PERIODS:
        labels.append(period_label(day, by))
        day = _next(day, by)
    return labels


def axis(labels: list[str], since: dt.date | None, until: dt.date | None,
         by: Period) -> list[str]:
    """The periods a chart shows: the asked range, else the data's first to last period."""
    if not labels and not (since and until):
        return []
    first = since or period_start(min(labels), by)
    last = until or period_start(max(labels), by)
    if first > last:
        return sorted(set(labels))
    return periods_between(first, last, by)


def _y_ticks(top: int, scale: float) -> list[tuple[float, int]]:
    step = max(1, round(top / 4))
    return [(HEIGHT - BOTTOM - v * scale, v) for v in range(0, top + 1, step)]


def grouped_bars(periods: list[str], series: list[tuple[str, dict[str, int], str]],
                 links: dict[str, str] | None = None) -> Chart:
    """One group per period, one bar per series: ``(css class, counts by period, name)``
    (the dyad chart: one series per direction)."""
    chart = Chart()
    if not periods:
        return chart
    top = max([1, *(counts.get(p, 0) for _, counts, _ in series for p in periods)])
    scale = (HEIGHT - BOTTOM - TOP) / top
    slot = (WIDTH - LEFT - 10) / len(periods)
    bar_w = max(min(slot * 0.8 / max(1, len(series)), MAX_BAR), 0.5)
    for i, period in enumerate(periods):
        x0 = LEFT + i * slot + (slot - bar_w * len(series)) / 2
        for j, (css, counts, name) in enumerate(series):
            n = counts.get(period, 0)
            if n:
                chart.empty = False
                h = n * scale
                chart.bars.append(Bar(round(x0 + j * bar_w, 2), round(HEIGHT - BOTTOM - h, 2),
                                      round(bar_w, 2), round(h, 2), css,
                                      f"{period}: {name}: {n}", (links or {}).get(period, "")))
    every = max(1, len(periods) // 12)
    chart.ticks = [Tick(round(LEFT + i * slot + slot / 2, 2), p)
                   for i, p in enumerate(periods) if i % every == 0]
    chart.y_ticks = _y_ticks(top, scale)
    return chart


def stacked_bars(periods: list[str], layers: list[tuple[str, dict[str, int], str]],
                 links: dict[str, str] | None = None) -> Chart:
    """One bar per period, stacked by layer (the timeline's quad classes)."""
    chart = Chart()
    if not periods:
        return chart
    totals = {p: sum(c.get(p, 0) for _, c, _ in layers) for p in periods}
    top = max([1, *totals.values()])
    scale = (HEIGHT - BOTTOM - TOP) / top
    slot = (WIDTH - LEFT - 10) / len(periods)
    bar_w = max(min(slot * 0.8, MAX_BAR), 0.5)
    for i, period in enumerate(periods):
        base = float(HEIGHT - BOTTOM)
        for css, counts, name in layers:
            n = counts.get(period, 0)
            if n:
                chart.empty = False
                h = n * scale
                base -= h
                chart.bars.append(Bar(round(LEFT + i * slot + (slot - bar_w) / 2, 2),
                                      round(base, 2), round(bar_w, 2), round(h, 2), css,
                                      f"{period}: {name}: {n}", (links or {}).get(period, "")))
    every = max(1, len(periods) // 12)
    chart.ticks = [Tick(round(LEFT + i * slot + slot / 2, 2), p)
                   for i, p in enumerate(periods) if i % every == 0]
    chart.y_ticks = _y_ticks(top, scale)
    return chart
