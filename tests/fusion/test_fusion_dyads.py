"""Dyads over time: fused events counted once, with PLOVER scores, per day, week or month."""

from __future__ import annotations

import pytest
from fusion_docs import Ev, doc, meeting

from eventwire.fusion.dyads import ActorSpec, DyadEvent, dyad_series
from eventwire.fusion.memory import fuse_documents
from eventwire.fusion.reports import ActorRef

KIM = ActorRef(name="Kim Jong Un", type="person", kb_id="person:kim-jong-un", country="PRK")


@pytest.mark.parametrize(("text", "country", "kb_ids", "name"), [
    ("PRK", "PRK", (), None),
    ("country:prk", "PRK", (), None),
    ("person:kim-jong-un", None, ("person:kim-jong-un",), None),
    ("Kim", None, (), "kim"),
    ("prk", None, (), "prk"),  # lower case is a name: 'Prk' is no country code
])
def test_dyads_actor_spec_reads_country_kb_id_or_name(text, country, kb_ids, name) -> None:
    spec = ActorSpec.parse(text)
    assert (spec.country, spec.kb_ids, spec.name) == (country, kb_ids, name)


@pytest.mark.parametrize(("text", "expected"), [
    ("PRK", True), ("RUS", False), ("person:kim-jong-un", True), ("Kim", True),
    ("Jong", True), ("Ki", False),
])
def test_dyads_actor_spec_matches(text, expected) -> None:
    assert ActorSpec.parse(text).matches(KIM) is expected


def test_dyads_a_blank_actor_spec_matches_nobody() -> None:
    assert not ActorSpec.parse("  ").matches(KIM)


def test_dyads_actor_spec_uses_the_kb_lookup_for_names() -> None:
    spec = ActorSpec.parse("Nordkoreas Machthaber", lambda name: ["person:kim-jong-un"])
    assert spec.matches(KIM)


def test_dyads_count_each_real_event_once_not_each_report() -> None:
    reports = [meeting(f"m{i}", "2024-11-19") for i in range(5)]
    attacks = [doc(f"o{i}", "2024-11-26", Ev("ASSAULT", ["Russia"], ["Ukraine"], "2024-11-25",
                                             "Odesa")) for i in range(3)]
    fusion = fuse_documents([*reports, *attacks])
    events = [DyadEvent.of(e) for e in fusion.events]
    series = dyad_series(events, ActorSpec.parse("PRK"), ActorSpec.parse("RUS"))
    assert (series.events, series.reports) == (1, 5)
    (row,) = series.rows
    assert (row.period, row.source, row.target, row.type, row.events, row.reports) == (
        "2024-11", "PRK", "RUS", "CONSULT", 1, 5)
    assert (row.quad, row.intensity) == (1, 2.5)


def test_dyads_rows_per_direction_period_and_type() -> None:
    docs = [
        doc("a", "2024-11-19", Ev("ACCUSE", ["Russia"], ["Ukraine"], "2024-11-18")),
        doc("b", "2024-11-27", Ev("ACCUSE", ["Ukraine"], ["Russia"], "2024-11-26")),
        doc("c", "2024-11-27", Ev("ASSAULT", ["Russia"], ["Ukraine"], "2024-11-26", "Kharkiv",
                                  mode="drone")),
    ]
    events = [DyadEvent.of(e) for e in fuse_documents(docs).events]
    series = dyad_series(events, ActorSpec.parse("UKR"), ActorSpec.parse("RUS"), by="week")
    assert [(r.period, r.source, r.target, r.type, r.intensity) for r in series.rows] == [
        ("2024-W47", "RUS", "UKR", "ACCUSE", -2.0),
        ("2024-W48", "UKR", "RUS", "ACCUSE", -2.0),
        ("2024-W48", "RUS", "UKR", "ASSAULT", -9.5),
    ]
    by_day = dyad_series(events, ActorSpec.parse("UKR"), ActorSpec.parse("RUS"), by="day")
    assert [r.period for r in by_day.rows] == ["2024-11-18", "2024-11-26", "2024-11-26"]


def test_dyads_a_joint_symmetric_event_counts_between_its_parties() -> None:
    joint = doc("r", "2024-11-20", Ev("AGREE", ["North Korea", "Russia"], [], "2024-11-11",
                                      mode="ratify"))
    events = [DyadEvent.of(e) for e in fuse_documents([joint]).events]
    series = dyad_series(events, ActorSpec.parse("RUS"), ActorSpec.parse("PRK"))
    assert [(r.source, r.target, r.type) for r in series.rows] == [("RUS", "PRK", "AGREE")]


def test_dyads_undated_events_are_counted_but_in_no_period() -> None:
    event = DyadEvent("x", "CONSULT", 1, 2.5, None, (KIM,), (), 1, 1)
    other = ActorRef(name="Russia", type="state", kb_id="state:RUS", country="RUS")
    series = dyad_series([DyadEvent("x", "CONSULT", 1, 2.5, None, (KIM,), (other,), 1, 1),
                          event], ActorSpec.parse("PRK"), ActorSpec.parse("RUS"))
    assert (series.events, series.undated, series.rows) == (1, 1, [])
