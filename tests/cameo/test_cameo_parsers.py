"""Reading dictionaries: actors, agents, discards and the comment rules they share."""

from __future__ import annotations

import pytest

from eventwire.cameo import ActorDictionary, AgentDictionary, DictionaryError, DiscardList
from eventwire.cameo.actors import parse_actors
from eventwire.cameo.agents import parse_agents
from eventwire.cameo.source import iter_lines

from .dictionaries import ACTORS


def test_source_comments_are_stripped_but_codes_with_hashes_kept() -> None:
    text = "<!-- a block\ncomment -->\nALPHA [###]  # note\n\n; tabari comment\nBETA [B] ; x\n"
    assert [(line.number, line.text.strip()) for line in iter_lines(text)] == [
        (3, "ALPHA [###]"),
        (6, "BETA [B]"),
    ]


def test_actors_synonyms_share_the_entry() -> None:
    actors = ActorDictionary.from_text(ACTORS)
    freedonia = actors.entries[0]
    assert [str(p) for p in freedonia.phrases] == ["FREEDONIA", "FREEDONIAN", "FREEDONIANS"]
    assert freedonia.codes_on(None) == ("FRE",)


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (19320101, "FREELI"),  # before the restriction
        (19330101, "FREELI"),  # limits include the day: the earlier line wins on a shared day
        (19330102, "FREGOV"),
        (19351231, "FREGOV"),  # a range includes its last day
        (19400101, "FREELI"),  # no restriction applies: the undated default
        (None, "FREELI"),
    ],
)
def test_actors_date_restrictions_pick_the_code_of_the_day(day: int | None, code: str) -> None:
    firefly = next(e for e in ActorDictionary.from_text(ACTORS).entries
                   if str(e.phrases[0]) == "RUFUS_FIREFLY")
    assert firefly.code_on(day) == code


def test_actors_six_digit_dates_and_spaces_inside_brackets() -> None:
    [entry] = parse_actors("SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 950601 - 991231]\n", "a.txt")
    assert entry.code_on(19950101) == "HOB"
    assert entry.code_on(19990101) == "HOBGOV"
    assert entry.code_on(20050101) is None  # no default and nothing applies


def test_actors_slash_codes_are_several_actors_and_dashes_are_null() -> None:
    entries = parse_actors("THE_TRIO [AAA/BBB]\nNOBODY [---]\n", "a.txt")
    assert entries[0].codes_on(None) == ("AAA", "BBB")
    assert entries[1].codes_on(None) == ()


def test_actors_malformed_date_names_file_and_line() -> None:
    with pytest.raises(DictionaryError, match=r"a\.txt:3: .*'9901' is not a date"):
        parse_actors("# header\nPERSON\n\t[ABC 9901-991231]\n", "a.txt")


def test_actors_restriction_without_code_is_an_error() -> None:
    with pytest.raises(DictionaryError, match=r"a\.txt:2: .*has no code"):
        parse_actors("PERSON\n\t[950601-990815]\n", "a.txt")


def test_actors_lenient_reading_skips_bad_codes_and_repairs_missing_plus() -> None:
    actors = ActorDictionary.from_text(
        "LEADER_ONE\nLEADER_ALIAS\n\t[XXXGOV 9008223-950101]\n\t[XXXELI]\n", "a.txt"
    )
    [entry] = actors.entries
    assert [str(p) for p in entry.phrases] == ["LEADER_ONE", "LEADER_ALIAS"]
    assert entry.code_on(None) == "XXXELI"
    assert any("a.txt:3" in issue for issue in actors.issues.items)
    assert any("lacks the '+'" in issue for issue in actors.issues.items)


def test_actors_blank_allows_a_short_gap_underscore_does_not() -> None:
    [entry] = parse_actors("ITHIL TELEVISION [ITHTV]\n", "a.txt")
    assert entry.phrases[0].open_gaps == (True,)
    [entry] = parse_actors("ITHIL_TELEVISION [ITHTV]\n", "a.txt")
    assert entry.phrases[0].open_gaps == (False,)


def phrases_of(text: str) -> dict[str, str]:
    return {str(p): ("" if a.prefix else "~") + a.code + ("~" if a.prefix else "")
            for p, a in parse_agents(text, "g.txt")}


def test_agents_regular_plurals_are_generated() -> None:
    assert phrases_of("SOLDIER [~MIL]\nAUTHORITY [~GOV]\nCONGRESS [~LEG]\n") == {
        "SOLDIER": "~MIL", "SOLDIERS": "~MIL", "AUTHORITY": "~GOV", "AUTHORITIES": "~GOV",
        "CONGRESS": "~LEG", "CONGRESSES": "~LEG",
    }


def test_agents_empty_braces_suppress_plurals_and_listed_ones_replace_them() -> None:
    found = phrases_of("POLICE {} [~COP]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n")
    assert found == {"POLICE": "~COP", "GOLDEN_GOOSE": "~GGS", "GOLDEN_GEESE": "~GGS"}


def test_agents_substitution_markers_expand_without_plurals() -> None:
    found = phrases_of("!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\n")
    assert found == {"CONGRESSMAN": "~LEG", "CONGRESSWOMAN": "~LEG"}


def test_agents_prefix_codes_go_before_the_actor() -> None:
    assert phrases_of("AID_AGENCY [ NGO~]\n")["AID_AGENCY"] == "NGO~"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("ISLAMIST_EXTREMIST", r"g\.txt:1: expected PHRASE"),
        ("REBEL [REB]", r"g\.txt:1: agent code \[REB\] must be ~XXX"),
        ("!MINST!_OF_FUN [~GOV]", r"g\.txt:1: substitution marker !MINST! is not defined"),
    ],
)
def test_agents_malformed_lines_name_file_and_line(line: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        parse_agents(line + "\n", "g.txt")


def test_agents_lenient_reading_skips_and_reports() -> None:
    agents = AgentDictionary.from_text("ISLAMIST_EXTREMIST\nMILITIA [~MIL]\n", "g.txt")
    assert agents.count == 2  # MILITIA and MILITIAS
    assert agents.issues.items == ["g.txt:1: expected PHRASE {PLURALS} [~CODE], got "
                                   "'ISLAMIST_EXTREMIST'; skipped"]


@pytest.mark.parametrize(
    ("sentence", "hit"),
    [
        ("The football match ended.", "FOOTBALL"),
        ("The footballer scored.", None),  # FOOTBALL_ must end at a word boundary
        ("A chess tournaments started.", "CHESS TOURNAMENT"),  # a stem otherwise
        ("Freedonia attacked Sylvania.", None),
    ],
)
def test_discards_match_words_and_stems(sentence: str, hit: str | None) -> None:
    discards = DiscardList.from_text("FOOTBALL_\n+CHESS TOURNAMENT  # story level\n")
    found = discards.match(sentence)
    assert (found.phrase if found else None) == hit
    if found and hit == "CHESS TOURNAMENT":
        assert found.story
