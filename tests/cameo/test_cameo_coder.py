"""Coding sentences with the test dictionaries: who did what to whom."""

from __future__ import annotations

import pytest

from eventwire.cameo import CoderOptions

from .dictionaries import coder, triples

C = coder()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # active voice: the subject is the source, the first actor after the verb the target
        ("Freedonia attacked Sylvania on Monday.", {("FRE", "SYL", "190")}),
        # passive voice with an agent swaps them
        ("Sylvania was attacked by Freedonia on Monday.", {("FRE", "SYL", "190")}),
        ("Sylvania was fiercely attacked yesterday by Freedonia.", {("FRE", "SYL", "190")}),
        # a verb with a pattern: "* &ARMS" through a multi-word synset member
        ("Freedonia shelled Sylvania with heavy artillery.", {("FRE", "SYL", "194")}),
        # a pattern word before the verb
        ("Freedonia strongly condemned Klopstokia.", {("FRE", "KLO", "112")}),
        # a multi-word verb and a prepositional pattern with a target slot
        ("Freedonian soldiers pulled out from Klopstokia.", {("FREMIL", "KLO", "0872")}),
        # a pattern that puts the target before the verb and the source in a phrase after it
        ("Sylvania received aid from Freedonia.", {("FRE", "SYL", "070")}),
        # paired codes: each meets the other
        ("Freedonia met Sylvania in Geneva.", {("FRE", "SYL", "040"), ("SYL", "FRE", "040")}),
    ],
)
def test_coder_active_passive_and_patterns(sentence: str, expected: set[tuple[str, ...]]) -> None:
    assert triples(C, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an agent after the actor adds its code after the actor's
        ("Freedonian police arrested Sylvanian students.", {("FRECOP", "SYLEDU", "173")}),
        # a multi-word agent wins over its last word (FOREIGN_MINISTER over MINISTER)
        ("The Freedonian foreign minister denounced Sylvania.", {("FREGOVFRM", "SYL", "111")}),
        # a prefix agent (NGO~) goes before; "of ACTOR" attaches the actor to the agent
        ("An aid agency of Freedonia denounced Sylvania.", {("NGOFRE", "SYL", "111")}),
        # an agent without an actor is ---AGENT
        ("The students denounced Sylvania.", {("---EDU", "SYL", "111")}),
        # agents through a substitution marker, spread over a compound of actors
        ("Congressmen in Freedonia and Sylvania denounced Klopstokia.",
         {("FRELEG", "KLO", "111"), ("SYLLEG", "KLO", "111")}),
    ],
)
def test_coder_attaches_agents(sentence: str, expected: set[tuple[str, ...]]) -> None:
    assert triples(C, sentence) == expected


def test_coder_compound_source_and_target() -> None:
    assert triples(C, "Freedonia and Sylvania denounced Klopstokia and the Balkan Union.") == {
        ("FRE", "KLO", "111"), ("FRE", "IGOBAL", "111"), ("FRE", "IGOEUR", "111"),
        ("SYL", "KLO", "111"), ("SYL", "IGOBAL", "111"), ("SYL", "IGOEUR", "111"),
    }


def test_coder_compound_without_target_meets_mutually() -> None:
    assert triples(C, "Freedonia and Sylvania met in Geneva.") == {
        ("FRE", "SYL", "040"), ("SYL", "FRE", "040"),
    }


def test_coder_shared_subject_of_coordinated_verbs() -> None:
    assert triples(C, "Freedonia denounced Sylvania on Monday and attacked Klopstokia.") == {
        ("FRE", "SYL", "111"), ("FRE", "KLO", "190"),
    }


def test_coder_nouns_that_look_like_verbs_are_not_coded() -> None:
    assert triples(C, "Freedonia denounced the attack on Sylvania.") == {("FRE", "SYL", "111")}


def test_coder_date_restricted_actor_codes() -> None:
    sentence = "Rufus Firefly denounced Sylvania."
    assert triples(C, sentence, "1934-05-01") == {("FREGOV", "SYL", "111")}
    assert triples(C, sentence, "1950-01-01") == {("FREELI", "SYL", "111")}


def test_coder_discarded_sentence_is_not_coded() -> None:
    coded = C.code_sentence("Freedonia attacked Sylvania after the football match.")
    assert coded.events == []
    assert coded.discarded == "FOOTBALL"


def test_coder_story_discard_stops_every_sentence() -> None:
    story = "Freedonia attacked Sylvania. The chess tournament was cancelled."
    sentences = C.code_text(story)
    assert [s.events for s in sentences] == [[], []]
    assert {s.discarded for s in sentences} == {"CHESS TOURNAMENT"}


def test_coder_negation_is_marked_or_dropped() -> None:
    [event] = C.code_sentence("Freedonia did not attack Sylvania.").events
    assert (event.source, event.target, event.code, event.negated) == ("FRE", "SYL", "190", True)
    dropped = C.code_sentence("Freedonia did not attack Sylvania.", options=CoderOptions(
        negation="drop"))
    assert dropped.events == []


def test_coder_require_dyad_off_keeps_one_sided_events() -> None:
    assert triples(C, "Freedonia attacked.") == set()
    loose = coder(require_dyad=False)
    assert triples(loose, "Freedonia attacked.") == {("FRE", "---", "190")}


def test_coder_new_actor_length_names_unknown_phrases() -> None:
    named = coder(new_actor_length=3)
    assert triples(named, "The Marx Brothers attacked Sylvania.") == {
        ('"THE MARX BROTHERS"', "SYL", "190")
    }


def test_coder_offsets_point_into_the_text() -> None:
    text = "Calm day. Freedonian police arrested Sylvanian students."
    [sentence_a, sentence_b] = C.code_text(text)
    assert sentence_a.events == []
    [event] = sentence_b.events
    assert text[event.start:event.end] == "arrested"
    assert event.source_span and text[slice(*event.source_span)] == "Freedonian police"
    assert event.target_text == "Sylvanian students"


def test_coder_short_lowercase_words_do_not_match_acronym_actors() -> None:
    from eventwire.cameo import ActorDictionary, AgentDictionary, CameoCoder, VerbDictionary

    acronym = CameoCoder(ActorDictionary.from_text("US_ [USA]\nFREEDONIA [FRE]\n"),
                         AgentDictionary(), VerbDictionary.from_text("--- A [190] ---\nATTACK\n"))
    assert triples(acronym, "Freedonia attacked us.") == set()
    assert triples(acronym, "Freedonia attacked the US.") == {("FRE", "USA", "190")}
