"""Matching: when two reports can be one real-world event, and how well they match."""

from __future__ import annotations

import pytest
from fusion_docs import Ev, doc

from eventwire.fusion.match import actor_similarity, compare, date_score, place_score
from eventwire.fusion.options import FusionOptions
from eventwire.fusion.reports import ActorRef, Report, reports_from_document

OPTIONS = FusionOptions()


def report(doc_id: str, published: str, ev: Ev, **kw: str | None) -> Report:
    return reports_from_document(doc(doc_id, published, ev, **kw))[0]  # type: ignore[arg-type]


def consult(doc_id: str, source: list[str], target: list[str], date: str | None = "2024-11-18",
            place: str | None = "Pyongyang", mode: str | None = "meet",
            published: str = "2024-11-19") -> Report:
    return report(doc_id, published, Ev("CONSULT", source, target, date, place, mode))


def assault(doc_id: str, date: str | None, place: str | None,
            published: str = "2024-11-27") -> Report:
    return report(doc_id, published, Ev("ASSAULT", ["Russia"], ["Ukraine"], date, place))


def test_match_same_actors_day_and_place_score_one() -> None:
    a = consult("a", ["Kim Jong Un"], ["Alexander Kozlov"])
    b = consult("b", ["Kim Jong Un"], ["Alexander Kozlov"])
    found = compare(a, b, OPTIONS)
    assert found is not None and found.score == 1.0 and not found.swapped


@pytest.mark.parametrize(("x", "y", "expected"), [
    ("Kim Jong Un", "Kim Jong Un", 1.0),          # same KB entity
    ("Kim Jong Un", "North Korea", 0.7),          # the state stands for its leader's meeting
    ("Kim Jong Un", "Alexander Kozlov", 0.0),     # two countries: a contradiction
    ("Olaf Scholz", "Germany", 0.7),
], ids=["same-entity", "person-and-state", "other-country", "chancellor-and-germany"])
def test_match_actor_similarity_by_kb_identity_or_country(x, y, expected) -> None:
    a, b = (report("d", "2024-11-19", Ev("CONSULT", [n])).source[0] for n in (x, y))
    assert actor_similarity(a, b) == expected


def test_match_guessed_actor_matches_by_surname() -> None:
    known = ActorRef(name="Alexander Kozlov", type="person", kb_id="person:alexander-kozlov",
                     country="RUS")
    guessed = ActorRef(name="Resources Alexander Kozlov", type="person")
    assert actor_similarity(known, guessed) == 0.8


def test_match_conflicting_countries_veto() -> None:
    a = consult("a", ["Olaf Scholz"], ["Emmanuel Macron"], "2024-12-02", "Berlin")
    b = consult("b", ["Olaf Scholz"], ["Rishi Sunak"], "2024-12-02", "Berlin")
    assert compare(a, b, OPTIONS) is None


def test_match_symmetric_types_may_swap_sides() -> None:
    a = consult("a", ["Kim Jong Un"], ["Alexander Kozlov"])
    b = consult("b", ["Alexander Kozlov"], ["Kim Jong Un"])
    found = compare(a, b, OPTIONS)
    assert found is not None and found.swapped and found.actors == 1.0


def test_match_directed_types_do_not_swap_sides() -> None:
    a = report("a", "2024-12-10", Ev("ACCUSE", ["Russia"], ["Ukraine"], "2024-12-09"))
    b = report("b", "2024-12-10", Ev("ACCUSE", ["Ukraine"], ["Russia"], "2024-12-09"))
    assert compare(a, b, OPTIONS) is None


def test_match_parties_named_jointly_must_not_contradict_the_other_report() -> None:
    joint = report("a", "2024-11-20", Ev("AGREE", ["North Korea", "Russia"], []))
    other = report("b", "2024-11-15", Ev("AGREE", ["South Korea"], ["North Korea"]))
    assert compare(joint, other, OPTIONS) is None


def test_match_types_must_agree() -> None:
    a = consult("a", ["Kim Jong Un"], ["Alexander Kozlov"])
    b = report("b", "2024-11-19", Ev("AGREE", ["Kim Jong Un"], ["Alexander Kozlov"],
                                     "2024-11-18"))
    assert compare(a, b, OPTIONS) is None


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("2024-11-18", "2024-11-18", 1.0),
    ("2024-11-18", "2024-11", 0.85),       # a month contains its days
    ("2024-11-18", "2024-W47", 0.85),      # so does an ISO week
    ("2024-11-18", "2024-11-19", 0.45),    # a day off: compatible, a claim to flag
    ("2024-11-18", "2024-11-20", 0.3),
    ("2024-11-18", "2024-11-22", None),    # beyond the tolerance
    ("2024-06", "2024-11-18", None),
], ids=["same-day", "month", "week", "one-day-off", "two-days-off", "four-days-off",
        "other-month"])
def test_match_dates_compare_at_their_granularity(first, second, expected) -> None:
    a = consult("a", ["Kim Jong Un"], ["Alexander Kozlov"], first, published="2024-11-25")
    b = consult("b", ["Kim Jong Un"], ["Alexander Kozlov"], second, published="2024-11-25")
    assert date_score(a, b, OPTIONS) == expected


def test_match_undated_report_is_taken_as_the_week_before_publication() -> None:
    undated = consult("a", ["Kim Jong Un"], ["Alexander Kozlov"], None, published="2024-11-20")
    assert (str(undated.date_start), str(undated.date_end)) == ("2024-11-13", "2024-11-20")
    dated = consult("b", ["Kim Jong Un"], ["Alexander Kozlov"])
    assert date_score(undated, dated, OPTIONS) == 0.6
    long_ago = consult("c", ["Kim Jong Un"], ["Alexander Kozlov"], "2024-06-19")
    assert compare(undated, long_ago, OPTIONS) is None


def test_match_a_day_off_needs_a_shared_person_or_the_same_city() -> None:
    same_city = compare(assault("a", "2024-11-25", "Odesa"), assault("b", "2024-11-26", "Odesa"),
                        OPTIONS)
    no_place = compare(assault("a", "2024-11-25", None), assault("b", "2024-11-26", None), OPTIONS)
    people = compare(consult("a", ["Kim Jong Un"], ["Alexander Kozlov"], "2024-11-18"),
                     consult("b", ["Kim Jong Un"], ["Alexander Kozlov"], "2024-11-19"), OPTIONS)
    assert same_city is not None and people is not None
    assert no_place is None  # Russia struck Ukraine on Monday, and again on Tuesday


def test_match_a_dateline_day_one_day_off_is_tolerated() -> None:
    # "BERLIN, Oct 30 (CWS) - ... on Tuesday": the extractor may date the event by the dateline
    dateline = report("a", "2024-10-30", Ev("AID", ["Germany"], ["Ukraine"], "2024-10-30"))
    tuesday = report("b", "2024-10-30", Ev("AID", ["Germany"], ["Ukraine"], "2024-10-29"))
    assert compare(dateline, tuesday, OPTIONS) is not None


def test_match_two_cities_are_two_attacks_but_one_meeting() -> None:
    assert compare(assault("a", "2024-11-26", "Odesa"), assault("b", "2024-11-26", "Kharkiv"),
                   OPTIONS) is None
    berlin = consult("a", ["Olaf Scholz"], ["Emmanuel Macron"], "2024-12-02", "Berlin")
    potsdam = consult("b", ["Emmanuel Macron"], ["Olaf Scholz"], "2024-12-02", "Potsdam")
    found = compare(berlin, potsdam, OPTIONS)
    assert found is not None and found.place == 0.25 and found.score >= OPTIONS.threshold


@pytest.mark.parametrize(("x", "y", "expected"), [
    ("Pyongyang", "Pyongyang", 1.0), ("Pyongyang", "North Korea", 0.8),
    ("Pyongyang", None, 0.5), ("Berlin", "Potsdam", 0.25), ("Pyongyang", "Moscow", 0.0),
])
def test_match_place_scores(x, y, expected) -> None:
    a = consult("a", ["Kim Jong Un"], ["Alexander Kozlov"], place=x)
    b = consult("b", ["Kim Jong Un"], ["Alexander Kozlov"], place=y)
    assert place_score(a.place, b.place) == expected


def test_match_a_phone_call_is_not_a_visit() -> None:
    call = consult("a", ["Kim Jong Un"], ["Alexander Kozlov"], mode="phone")
    visit = consult("b", ["Kim Jong Un"], ["Alexander Kozlov"], mode="visit")
    assert compare(call, visit, OPTIONS) is None
    session = consult("c", ["Alexander Kozlov"], ["North Korea"], mode="attend")
    talks = consult("d", ["Kim Jong Un"], ["Alexander Kozlov"], mode="meet")
    assert compare(session, talks, OPTIONS) is None


def test_match_reports_of_one_document_only_when_allowed() -> None:
    a = consult("same", ["Kim Jong Un"], ["Alexander Kozlov"])
    assert compare(a, a, OPTIONS) is not None
    assert compare(a, a, FusionOptions(fuse_within_document=False)) is None


def test_match_options_reject_weights_that_do_not_sum_to_one() -> None:
    with pytest.raises(ValueError, match="sum to 1"):
        FusionOptions(actor_weight=0.9)


def test_match_a_one_sided_report_keeps_its_sides_aligned() -> None:
    # "Kim received Kozlov", coded with Kozlov as the only (source) actor.
    full = consult("a", ["Kim Jong Un"], ["Alexander Kozlov"])
    one_sided = consult("b", ["Alexander Kozlov"], [])
    found = compare(full, one_sided, OPTIONS)
    assert found is not None and found.swapped
