"""Filter forms: query parameters in, store filters and readable problems out.

Unlike the JSON API, a page never answers a bad value with an error body: it shows the form
again with the problem next to it, and the events it can still show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import QueryParams

from eventwire.model import PLOVER_TYPES
from eventwire.store.base import PERIODS, EventFilter, FilterError, Period

MAX_CHARS = 200
EVENT_FIELDS = ("actor", "country", "since", "until", "reported_by", "outlet", "text")


def text(params: QueryParams, name: str) -> str | None:
    value = (params.get(name) or "").replace("\x00", "").strip()[:MAX_CHARS]
    return value or None


def day(params: QueryParams, name: str, problems: list[str]) -> dt.date | None:
    value = text(params, name)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(f"{name}: {value!r} is not a date in the form YYYY-MM-DD")
        return None


def period(params: QueryParams, default: Period = "month") -> Period:
    value = text(params, "by")
    for p in PERIODS:
        if value == p:
            return p
    return default


def number(params: QueryParams, name: str, default: int, lo: int, hi: int) -> int:
    value = text(params, name)
    if value is None or not value.isdigit():
        return default
    return max(lo, min(hi, int(value)))


@dataclass
class EventForm:
    """The timeline's (and graph's) filter form, as typed, and the filter it gives."""

    values: dict[str, Any] = field(default_factory=dict)
    types: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    filters: EventFilter = field(default_factory=EventFilter)

    def query(self) -> dict[str, Any]:
        """The form's values as query parameters (for links that keep the filters)."""
        return {**{k: v for k, v in self.values.items() if v}, "type": self.types}


def event_form(params: QueryParams) -> EventForm:
    form = EventForm()
    for name in EVENT_FIELDS:
        form.values[name] = text(params, name)
    form.types = [t for t in (v.strip().upper() for v in params.getlist("type"))
                  if t in PLOVER_TYPES]
    since = day(params, "since", form.problems)
    until = day(params, "until", form.problems)
    try:
        form.filters = EventFilter(
            actor=form.values["actor"], country=form.values["country"],
            types=tuple(form.types), since=since, until=until,
            reported_by=form.values["reported_by"], outlet=form.values["outlet"],
            text=form.values["text"])
    except FilterError as exc:
        form.problems.append(str(exc))
        form.filters = EventFilter(types=tuple(form.types))
    return form
