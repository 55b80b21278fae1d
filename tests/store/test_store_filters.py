"""Filter values the store cannot use fail early, and say what they accept."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.store import ActorFilter, CountOptions, DocumentFilter, EventFilter, FilterError


@pytest.mark.parametrize(("build", "message"), [
    (lambda: EventFilter(types=("FIGHT",)), "unknown event type FIGHT; supported: AGREE"),
    (lambda: EventFilter(country="DE"), "not an ISO 3166-1 alpha-3"),
    (lambda: EventFilter(since=dt.date(2023, 2, 1), until=dt.date(2023, 1, 1)), "after"),
    (lambda: DocumentFilter(since=dt.date(2023, 2, 1), until=dt.date(2023, 1, 1)), "after"),
    (lambda: ActorFilter(type="company"), "supported: person, organization"),
    (lambda: ActorFilter(country="Germany"), "alpha-3"),
    (lambda: CountOptions(by="year"), "supported: day, week, month"),
    (lambda: CountOptions(types=("x",)), "unknown event type X"),
])
def test_base_filters_reject_unusable_values(build, message):
    with pytest.raises(FilterError, match=message):
        build()


def test_base_filters_normalise_case():
    f = EventFilter(types=("assault", " Aid "), country=" ukr ")
    assert (f.types, f.country) == (("ASSAULT", "AID"), "UKR")
    with pytest.raises(ValueError):
        EventFilter(types=("nope",))
