"""Reading rules shared by German and English: relays, praise without a target, delegations,
linked dates, people of a group, bodies in lower case, titles and dismissals."""

from __future__ import annotations

import datetime as dt

from eventwire.extract import extract_text
from eventwire.model import Document
from tests.conftest import actor_named, names


def code_en(text: str, published: dt.date = dt.date(2025, 3, 14)) -> Document:
    return extract_text(text, lang="en", published=published)


def events_of(doc: Document, kind: str) -> list:
    return [e for e in doc.events if e.type == kind]


def test_an_agency_relaying_news_is_a_reporter_and_its_verdict_a_quote() -> None:
    doc = code_en(
        "Chinese President Xi Jinping met Hungarian Prime Minister Viktor Orban in Beijing on "
        "Friday, Xinhua reported. The talks were held in a candid and constructive atmosphere, "
        "the agency said."
    )
    talks = events_of(doc, "CONSULT")[0]
    assert [actor_named(doc, r) for r in talks.reported_by] == ["Xinhua"]
    assert [q.text.split()[:2] for q in doc.quotes] == [["The", "talks"]]
    assert actor_named(doc, doc.quotes[0].speaker or "") == "Xinhua"


def test_praise_needs_someone_to_praise() -> None:
    vague = code_en("Recep Tayyip Erdogan praised the progress of the negotiations on Monday.")
    assert not events_of(vague, "SUPPORT")
    aimed = code_en("Recep Tayyip Erdogan praised Qatar for its mediation on Monday.")
    assert [names(aimed, e.target) for e in events_of(aimed, "SUPPORT")] == [{"Qatar"}]


def test_heading_a_delegation_abroad_is_attending_in_the_host_state() -> None:
    doc = code_en(
        "Foreign Minister Wang Yi is heading a Chinese delegation to the conference in Geneva."
    )
    attend = events_of(doc, "CONSULT")
    assert [(e.mode, names(doc, e.source), names(doc, e.target)) for e in attend] == [
        ("attend", {"Wang Yi"}, {"Switzerland"})
    ]


def test_a_delegation_named_beside_another_verb_is_no_attendance(code_de) -> None:
    doc = code_de(
        "Zur russischen Delegation gehörte Sergej Schoigu, der inzwischen den Sicherheitsrat "
        "leitet."
    )
    assert not [e for e in doc.events if e.mode == "attend"]


def test_was_speaking_at_dates_the_setting_by_the_statement_before() -> None:
    doc = code_en(
        "Sergey Lavrov said on Wednesday that Moscow was ready for talks. He was speaking at a "
        "meeting with correspondents of Turkish media outlets in Moscow."
    )
    meeting = events_of(doc, "CONSULT")[0]
    assert meeting.date == "2025-03-12"
    group = next(a for a in doc.actors if a.id in meeting.target)
    assert group.mentions[0].text == "correspondents of Turkish media outlets"


def test_an_undated_sentence_without_a_link_stays_undated() -> None:
    doc = code_en(
        "Sergey Lavrov said on Wednesday that Moscow was ready for talks. Turkey later hosted a "
        "meeting with Ukrainian officials."
    )
    assert all(e.date is None for e in events_of(doc, "CONSULT"))


def test_a_body_inside_a_title_is_no_actor_of_its_own() -> None:
    title_only = code_en("Kremlin spokesman Dmitry Peskov said on Monday that talks would go on.")
    assert "Kremlin" not in {a.name for a in title_only.actors}
    named_again = code_en(
        "Kremlin spokesman Dmitry Peskov said on Monday that talks would go on. The Kremlin "
        "later accused Kyiv of sabotage."
    )
    assert "Kremlin" in {a.name for a in named_again.actors}


def test_an_english_body_in_lower_case_with_its_remit() -> None:
    doc = code_en(
        "Kozlov attended a session of the bilateral commission on energy and transport "
        "cooperation in Minsk."
    )
    bodies = [a for a in doc.actors if a.type == "organization"]
    assert [m.text for a in bodies for m in a.mentions] == [
        "bilateral commission on energy and transport cooperation"
    ]


def test_the_agency_points_back_at_the_outlet_named_before() -> None:
    doc = code_en(
        "Iranian President Masoud Pezeshkian visited Baghdad on Wednesday, IRNA reported. "
        "The agency quoted him as follows:\n\n"
        "\u201cOur two nations share a long history of friendship and trade.\u201d"
    )
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert [actor_named(doc, r) for q in direct for r in q.reported_by] == [
        "Islamic Republic News Agency"
    ]


def test_an_office_points_back_only_at_a_holder_of_that_office() -> None:
    doc = code_en(
        "The Democratic Party's leader, Lee Jae-myung, demanded resignations. Police opened an "
        "investigation into the interior minister."
    )
    lee = next(a for a in doc.actors if a.name == "Lee Jae-myung")
    assert [m.text for m in lee.mentions if "minister" in m.text] == []


def test_soldiers_sent_to_another_state_are_military_aid(code_de) -> None:
    en = code_en("Belarus has sent hundreds of soldiers to Russia, officials said.")
    de = code_de("Belarus hat Hunderte Soldaten nach Russland geschickt.")
    for doc in (en, de):
        aid = events_of(doc, "AID")
        assert [(e.mode, names(doc, e.source), names(doc, e.target)) for e in aid] == [
            ("military", {"Belarus"}, {"Russia"})
        ]


def test_calling_accusations_baseless_rejects_the_accuser(code_de) -> None:
    de = code_de(
        "Die Ukraine warf Russland Kriegsverbrechen vor. Moskau nannte die Vorwürfe haltlos."
    )
    en = code_en("Ukraine accused Russia of war crimes. Moscow called the accusations baseless.")
    for doc in (de, en):
        rejects = events_of(doc, "REJECT")
        assert [(names(doc, e.source), names(doc, e.target)) for e in rejects] == [
            ({"Russia"}, {"Ukraine"})
        ]


def test_rejecting_an_accusation_against_ones_own_state_targets_the_accuser(code_de) -> None:
    doc = code_de(
        "Maia Sandu warf Moskau Einmischung in die Wahl vor. Kremlsprecher Dmitri Peskow nannte "
        "den Vorwurf einer russischen Einmischung unbegründet."
    )
    rejects = events_of(doc, "REJECT")
    assert [(names(doc, e.source), names(doc, e.target)) for e in rejects] == [
        ({"Dmitry Peskov"}, {"Maia Sandu"})
    ]


def test_a_decision_to_act_is_the_act_of_whoever_decided(code_de) -> None:
    en = code_en("Protesters marched against the Serbian government's decision to expel Croatia's "
                 "ambassador.")
    de = code_de("Die Opposition kritisierte die Entscheidung der serbischen Regierung, den "
                 "kroatischen Botschafter auszuweisen.")
    for doc in (en, de):
        expel = [e for e in (*doc.events, *doc.nonfactual_events) if e.type == "SANCTION"]
        assert [names(doc, e.source) for e in expel] == [{"Serbia"}]
        assert expel[0].factuality != "hypothetical"
    planned = code_en("Serbia plans to expel Croatia's ambassador.")
    assert not events_of(planned, "SANCTION")


def test_a_relative_clause_takes_its_object_and_pronoun_subject_from_around_it() -> None:
    doc = code_en(
        "The United States imposed sanctions on Russia on Friday, targeting the tanker operator "
        "Sovcomflot, which it accuses of shipping oil above the price cap."
    )
    accuse = events_of(doc, "ACCUSE")
    assert [(names(doc, e.source), names(doc, e.target)) for e in accuse] == [
        ({"United States"}, {"Sovcomflot"})
    ]


def test_an_unnamed_spokesperson_speaks_for_the_body_that_spoke_last(code_de) -> None:
    doc = code_de(
        "Das türkische Außenministerium hat die Erklärung des Europarats scharf kritisiert. "
        "Der Europarat hatte die Türkei im Oktober gerügt.\n\n"
        "Ein Sprecher nannte die Vorwürfe haltlos."
    )
    rejects = events_of(doc, "REJECT")
    assert [(names(doc, e.source), names(doc, e.target)) for e in rejects] == [
        ({"Turkish foreign ministry"}, {"Council of Europe"})
    ]


def test_a_spokesperson_with_no_speaking_body_in_reach_is_not_guessed(code_de) -> None:
    doc = code_de("Ein Sprecher nannte die Vorwürfe haltlos.")
    assert not doc.events and not doc.actors


def test_the_filing_agency_and_city_of_a_dateline_are_not_in_the_story(code_de) -> None:
    doc = code_de(
        "Kiew (NPA) - Bei einem russischen Drohnenangriff auf die Hafenstadt Odessa sind am "
        "Montag acht Menschen getötet worden."
    )
    assert "NPA" not in {a.name for a in doc.actors}
    assert all(e.place is None or e.place.name != "Kyiv" for e in doc.events)
    kyiv = next(p for p in doc.places if p.name == "Kyiv")
    assert [m.kind for m in kyiv.mentions] == ["dateline"]  # still a place name of the text


def test_rejecting_without_an_earlier_accusation_targets_who_acted_against_one(code_de) -> None:
    doc = code_de(
        "Die Europäische Union verhängte am Montag neue Sanktionen gegen Belarus. Das "
        "belarussische Außenministerium nannte die Vorwürfe haltlos."
    )
    rejects = events_of(doc, "REJECT")
    assert [names(doc, e.target) for e in rejects] == [{"European Union"}]


def test_its_before_an_event_noun_names_the_body_before() -> None:
    doc = code_en(
        "The United Kingdom imposed sanctions on Belarus over its supply of fuel to Russia."
    )
    aid = events_of(doc, "AID")
    assert [(names(doc, e.source), names(doc, e.target)) for e in aid] == [
        ({"Belarus"}, {"Russia"})
    ]


def test_an_event_noun_in_a_requested_infinitive_is_not_asserted() -> None:
    doc = code_en(
        "Blinken urged Qatar to use its influence with Hamas to halt rocket launches, "
        "according to a spokesperson."
    )
    assert not events_of(doc, "ASSAULT")


def test_rejecting_the_decision_targets_who_decided() -> None:
    doc = code_en(
        "The European Union imposed sanctions on Iran on Monday. Iran's foreign ministry "
        "rejected the decision."
    )
    rejects = events_of(doc, "REJECT")
    assert [names(doc, e.target) for e in rejects] == [{"European Union"}]


def test_rejecting_a_decision_prefers_what_was_done_against_ones_own_side() -> None:
    doc = code_en(
        "The European Union imposed sanctions on Iran over its supply of drones to Russia. "
        "Iran's foreign ministry spokesman Esmaeil Baghaei rejected the decision."
    )
    rejects = events_of(doc, "REJECT")
    assert [names(doc, e.target) for e in rejects] == [{"European Union"}]


def test_a_known_surname_before_another_name_is_a_first_name(code_de) -> None:
    doc = code_de("Maia Kowalczyk kritisierte die Regierung. Kowalczyk sagte das am Montag.")
    assert "Rodrigo Maia" not in {a.name for a in doc.actors}
    assert "Maia Kowalczyk" in {a.name for a in doc.actors}


def test_any_before_an_event_noun_names_no_event_in_particular(code_de) -> None:
    en = code_en("Wang Yi said Beijing opposed any unilateral sanctions against Iran.")
    de = code_de("Wang Yi sagte, Peking lehne jegliche Sanktionen gegen Iran ab.")
    for doc in (en, de):
        assert not [
            e for e in (*doc.events, *doc.nonfactual_events)
            if e.type == "SANCTION" and e.factuality in ("asserted", "claimed")
        ]
