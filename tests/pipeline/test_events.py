"""Events: PLOVER type and mode, CAMEO code, who did what to whom, when, where."""

from __future__ import annotations

import pytest

from tests.conftest import names


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        (
            "Sergej Lawrow traf am Montag in Ankara den türkischen Außenminister Hakan Fidan.",
            "CONSULT",
            {"Sergey Lavrov"},
            {"Hakan Fidan"},
        ),
        (
            "Am Dienstag telefonierte Emmanuel Macron mit Wolodymyr Selenskyj.",
            "CONSULT",
            {"Emmanuel Macron"},
            {"Volodymyr Zelenskyy"},
        ),
        (
            "Die Europäische Union hat neue Sanktionen gegen den Iran verhängt.",
            "SANCTION",
            {"European Union"},
            {"Iran"},
        ),
        (
            "Polen wies am Mittwoch drei russische Diplomaten aus.",
            "SANCTION",
            {"Poland"},
            {"Russian diplomats"},
        ),
        (
            "Der ukrainische Präsident Wolodymyr Selenskyj warf Russland vor, "
            "Kliniken anzugreifen.",
            "ACCUSE",
            {"Volodymyr Zelenskyy"},
            {"Russia"},
        ),
        (
            "Bei einem russischen Luftangriff auf die ostukrainische Stadt Charkiw "
            "starben zwei Menschen.",
            "ASSAULT",
            {"Russia"},
            {"Ukraine"},
        ),
        (
            "Polen und Litauen verhandelten lange. Das Abkommen wurde inzwischen von "
            "beiden Ländern "
            "ratifiziert.",
            "AGREE",
            {"Poland", "Lithuania"},
            set(),
        ),
        (
            "Nachdem Polen und Litauen verhandelt hatten, endete der Streit.",
            "CONSULT",
            {"Poland"},
            {"Lithuania"},
        ),
    ],
)
def test_events_code_type_source_and_target(
    code_de, text: str, etype: str, source: set[str], target: set[str]
) -> None:
    doc = code_de(text)
    found = [e for e in doc.events if e.type == etype]
    assert found, [(e.type, e.trigger) for e in doc.events]
    e = found[0]
    assert names(doc, e.source) == source
    assert names(doc, e.target) == target
    assert e.cameo and e.quad in (1, 2, 3, 4)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Lawrow will am Freitag nach Peking reisen.", "planned"),
        (
            "Polen und Litauen verpflichten sich, einander im Falle eines Angriffs "
            "zu unterstützen.",
            "hypothetical",
        ),
        ("Polen hat die Diplomaten nicht ausgewiesen.", "negated"),
        ("Lawrow sagte, Polen habe Sanktionen verhängt.", "claimed"),
    ],
)
def test_events_keep_unasserted_events_apart(code_de, text: str, status: str) -> None:
    doc = code_de(text)
    assert doc.events == []
    assert [e.factuality for e in doc.nonfactual_events][:1] == [status]


def test_events_date_comes_from_the_same_sentence_only(code_de) -> None:
    doc = code_de(
        "Am Montag traf Lawrow in Ankara Hakan Fidan. "
        "Polen und Litauen haben das Abkommen inzwischen ratifiziert.",
        "2024-11-20",
    )
    meeting = next(e for e in doc.events if e.type == "CONSULT")
    ratify = next(e for e in doc.events if e.type == "AGREE")
    assert meeting.date == "2024-11-18"
    assert ratify.date is None


def test_events_visit_targets_the_visited_state(code_de) -> None:
    doc = code_de(
        "Während des Besuchs von Sergej Lawrow in Peking im Mai wurden Verträge unterzeichnet.",
        "2024-11-20",
    )
    visit = next(e for e in doc.events if e.mode == "visit")
    assert names(doc, visit.target) == {"China"}
    assert visit.place is not None and visit.place.name == "Beijing"
    assert visit.date == "2024-05"


def test_events_repeated_mention_of_one_meeting_is_one_event(code_de) -> None:
    doc = code_de(
        "Am Montag traf Lawrow in Ankara Hakan Fidan. "
        "Das Treffen zwischen Lawrow und Fidan dauerte drei Stunden.",
        "2024-11-20",
    )
    assert len([e for e in doc.events if e.type == "CONSULT"]) == 1


def test_events_boilerplate_lines_yield_nothing(code_de) -> None:
    doc = code_de("Polen wies drei Diplomaten aus.\nMehr zum Thema – Russland greift Kiew an")
    assert all(e.sentence == 0 for e in doc.events)
    assert all(m.sentence == 0 for a in doc.actors for m in a.mentions)


def test_events_object_pointing_back_takes_the_earlier_actor_as_target(code_de) -> None:
    doc = code_de(
        "Präsidentin Maia Sandu warf Russland Einmischung vor. "
        "Kremlsprecher Dmitri Peskow wies die Vorwürfe zurück."
    )
    reject = next(e for e in doc.events if e.type == "REJECT")
    assert names(doc, reject.source) == {"Dmitry Peskov"}
    assert names(doc, reject.target) == {"Maia Sandu"}
