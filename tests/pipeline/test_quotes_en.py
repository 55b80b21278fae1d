"""English quotes: trailing attributions and relays."""

from __future__ import annotations

import datetime as dt

from eventwire.extract import extract_text
from tests.conftest import actor_named


def code_en(text: str):
    return extract_text(text, lang="en", published=dt.date(2024, 11, 20))


def test_quotes_en_trailing_agency_reports_the_sentence() -> None:
    doc = code_en(
        "Kim Jong Un held talks in Pyongyang on Monday with Alexander Kozlov, "
        "the state-run Korean Central News Agency (KCNA) reported."
    )
    talks = next(e for e in doc.events if e.type == "CONSULT")
    assert [actor_named(doc, r) for r in talks.reported_by] == ["Korean Central News Agency"]


def test_quotes_en_trailing_relay_keeps_the_inner_speaker() -> None:
    doc = code_en(
        "Kim Jong Un met Alexander Kozlov. Kim added that the relations had "
        "reached a new level, KCNA said."
    )
    q = doc.quotes[-1]
    assert actor_named(doc, q.speaker or "") == "Kim Jong Un"
    assert [actor_named(doc, r) for r in q.reported_by] == ["Korean Central News Agency"]


def test_quotes_en_trailing_ministry_said_relays_a_fact() -> None:
    doc = code_en(
        "Secretary of State Marco Rubio spoke by phone with Chinese Foreign Minister Wang Yi "
        "on Thursday, the State Department said."
    )
    call = next(e for e in doc.events if e.type == "CONSULT")
    assert call.mode == "phone"
    assert actor_named(doc, call.source[0]) == "Marco Rubio"
    assert actor_named(doc, call.target[0]) == "Wang Yi"
    assert [actor_named(doc, r) for r in call.reported_by] == ["State Department"]


def test_quotes_en_trailing_person_said_stays_a_claim() -> None:
    doc = code_en("Russia attacked Ukrainian ports on Thursday, Volodymyr Zelensky said.")
    assert not [e for e in doc.events if e.type == "ASSAULT"]
    assert [e.type for e in doc.nonfactual_events] == ["ASSAULT"]
