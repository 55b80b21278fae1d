"""Claims: who says what about a fused event, where reports disagree, what rests on state
media alone, and how the story spread."""

from __future__ import annotations

import pytest
from fusion_docs import Ev, doc, meeting

from eventwire.fusion.claims import Claims, claims_of
from eventwire.fusion.memory import fuse_documents
from eventwire.fusion.numbers import claims_in, lexicon


def claims(*docs, state_outlets: tuple[str, ...] = ()) -> Claims:
    fusion = fuse_documents(docs)
    assert len(fusion.events) == 1, [e.members for e in fusion.events]
    return claims_of(fusion.events[0], fusion.stories, {d.id: d for d in docs},
                     lambda outlet: outlet in state_outlets)


def field(c: Claims, name: str) -> dict[str, int]:
    claim = next(x for x in c.claims if x.field == name)
    return {v.value: v.stories for v in claim.values}


def test_claims_chain_runs_from_outlet_through_agency_to_actor() -> None:
    c = claims(meeting("m1", "2024-11-19", outlet="Pacific Dispatch",
                       quote="relations had reached a new level"))
    (report,) = c.reports
    assert [(link.name, link.role) for link in report.chain] == [
        ("Pacific Dispatch", "outlet"), ("Korean Central News Agency (KCNA)", "reported_by"),
        ("Kim Jong Un", "source")]
    assert report.chain[1].state_media and report.state_media == [
        "Korean Central News Agency (KCNA)"]
    (quote,) = report.quotes
    assert [link.name for link in quote.chain] == [
        "Pacific Dispatch", "Korean Central News Agency (KCNA)", "Kim Jong Un"]


def test_claims_resting_only_on_state_media_are_flagged() -> None:
    independent = doc("x", "2024-11-20", Ev("CONSULT", ["Kim Jong Un"], ["Alexander Kozlov"],
                                            "2024-11-18", "Pyongyang", "meet"), source="Other")
    c = claims(meeting("m1", "2024-11-19"), independent)
    assert not c.state_media_only
    place = next(x for x in c.claims if x.field == "place")
    assert not place.values[0].state_media_only  # also reported without KCNA
    only_kcna = claims(meeting("m1", "2024-11-19"), meeting("m2", "2024-11-20"))
    assert only_kcna.state_media_only
    assert {"field": "date", "value": "2024-11-18"} in only_kcna.state_media_only_claims


def test_claims_a_state_outlet_counts_as_state_media() -> None:
    c = claims(meeting("m1", "2024-11-19", reported_by=[], outlet="KCNA"),
               state_outlets=("KCNA",))
    assert c.reports[0].chain[0].state_media and c.state_media_only


def test_claims_a_different_day_is_a_disagreement_a_month_is_not() -> None:
    c = claims(meeting("m1", "2024-11-19"), meeting("m2", "2024-11-20", date="2024-11-19"),
               meeting("m3", "2024-11-25", date="2024-11"))
    date = next(x for x in c.claims if x.field == "date")
    assert date.disagreement and date.note == "2024-11-18 vs 2024-11-19"
    assert set(field(c, "date")) == {"2024-11-18", "2024-11-19", "2024-11"}
    assert c.disagreements == ["date"]


def test_claims_a_different_city_is_a_disagreement_the_country_is_not() -> None:
    berlin = doc("b", "2024-12-02", Ev("CONSULT", ["Olaf Scholz"], ["Emmanuel Macron"],
                                       "2024-12-02", "Berlin"))
    potsdam = doc("p", "2024-12-03", Ev("CONSULT", ["Emmanuel Macron"], ["Olaf Scholz"],
                                        "2024-12-02", "Potsdam"))
    c = claims(berlin, potsdam)
    assert c.disagreements == ["place"]
    assert c.source == ["Olaf Scholz"] and c.target == ["Emmanuel Macron"]  # aligned sides
    country = claims(meeting("m1", "2024-11-19"), meeting("m2", "2024-11-19",
                                                         place="North Korea"))
    assert country.disagreements == []


def test_claims_numbers_disagree_unless_one_is_a_lower_bound() -> None:
    def attack(doc_id: str, text: str) -> object:
        return doc(doc_id, "2024-11-26", Ev("ASSAULT", ["Russia"], ["Ukraine"], "2024-11-25",
                                            "Odesa", text=text))

    c = claims(attack("a", "Russian drones struck Odesa, killing eight people."),
               attack("b", "Russian drones struck Odesa, killing ten people and injuring 21."),
               attack("c", "Russian drones struck Odesa, killing at least 8 people."))
    assert field(c, "killed") == {"8": 1, "10": 1, "at least 8": 1}
    killed = next(x for x in c.claims if x.field == "killed")
    assert killed.disagreement and killed.note == "10 vs 8"
    assert field(c, "injured") == {"21": 1}


def test_claims_copies_of_one_story_count_once() -> None:
    text = ("Kim Jong Un met Alexander Kozlov in Pyongyang on Monday, KCNA reported. "
            "The two discussed trade, economic and scientific cooperation at length.")
    wire = meeting("w", "2024-11-19", outlet="Wire", text=text)
    copy = meeting("c", "2024-11-19", outlet="Paper", text="Opinion and more\n" + text)
    c = claims(wire, copy)
    assert (c.report_count, c.story_count) == (2, 1)
    assert [r.copy for r in c.reports] == [False, True]


def test_claims_first_report_and_spread_over_days() -> None:
    c = claims(meeting("m2", "2024-11-20", outlet="Late"), meeting("m1", "2024-11-19",
                                                                    outlet="Early"),
               meeting("m3", "2024-11-20", outlet="Early"))
    assert c.first_report.document_id == "m1"
    assert [(d.day, d.days_after_first, d.new_outlets) for d in c.spread] == [
        ("2024-11-19", 0, ["Early"]), ("2024-11-20", 1, ["Late"])]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Drones struck Odesa, killing eight people and injuring 21.",
     [("killed", 8, False), ("injured", 21, False)]),
    ("en", "At least 12 people were killed and more than 30 injured.",
     [("killed", 12, True), ("injured", 30, True)]),
    ("de", "Die Zahl der Toten ist auf zehn gestiegen.", [("killed", 10, False)]),
    ("de", "Drei Menschen wurden getötet und zwölf verletzt.",
     [("killed", 3, False), ("injured", 12, False)]),
    ("de", "Mindestens 1.200 Menschen wurden festgenommen.", [("arrested", 1200, True)]),
    ("en", "Kozlov heads the delegation at the 11th session.", []),
])
def test_claims_numbers_read_with_the_language_cue_words(lang, text, expected) -> None:
    lex = lexicon(lang)
    assert lex is not None
    assert [(n.kind, n.value, n.at_least) for n in claims_in(text, lex)] == expected


def test_claims_numbers_need_a_lexicon() -> None:
    assert lexicon("xx") is None and lexicon("../en") is None
