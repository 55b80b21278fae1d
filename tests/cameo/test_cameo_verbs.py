"""Reading verb dictionaries: synsets, blocks, verb forms, patterns and their codes."""

from __future__ import annotations

import pytest

from eventwire.cameo import DictionaryError, VerbDictionary
from eventwire.cameo.patterns import Codes, Element, parse_pattern
from eventwire.cameo.verbforms import regular_forms

VERBS = """\
&CASH_
+DOLLAR
+SWISS FRANC
&MONEY
+&CASH
+GOLD

--- GIVE [070] ---
DONATE
GIVE {GIVES GAVE GIVEN GIVING}
+HAND_OVER {+HANDS_OVER +HANDED_OVER +HANDING_OVER} [071]
WIRE_+TAP
- * &MONEY [071]
- $ NOT * ^ TO_ + [124]

--- LEAVE [032:033] ---
LEFT
"""


@pytest.fixture(scope="module")
def verbs() -> VerbDictionary:
    return VerbDictionary.from_text(VERBS, "v.txt")


def test_verbs_synsets_embed_other_synsets_and_add_plurals(verbs: VerbDictionary) -> None:
    assert verbs.synsets["CASH"] == [("SWISS", "FRANC"), ("DOLLAR",)]  # label ends in _
    assert set(verbs.synsets["MONEY"]) == {("DOLLAR",), ("SWISS", "FRANC"), ("GOLD",), ("GOLDS",)}


def test_verbs_regular_forms_are_generated_from_the_base(verbs: VerbDictionary) -> None:
    assert {"DONATE", "DONATES", "DONATED", "DONATING"} <= set(verbs.forms)
    assert "DONATEES" not in verbs.forms


def test_verbs_listed_forms_replace_generated_ones(verbs: VerbDictionary) -> None:
    assert {"GIVES", "GAVE", "GIVEN", "GIVING"} <= set(verbs.forms)
    assert "GIVED" not in verbs.forms


def test_verbs_multi_word_verbs_keep_their_particles(verbs: VerbDictionary) -> None:
    [handed] = verbs.forms["HANDED"]
    assert (handed.before, handed.after) == ((), ("OVER",))
    assert handed.codes == Codes("071")
    [tap] = [f for f in verbs.forms["TAPPED"] if f.before]
    assert tap.before == ("WIRE",)
    assert tap.codes == Codes("070")  # the block's code


def test_verbs_paired_codes(verbs: VerbDictionary) -> None:
    assert verbs.forms["LEFT"][0].codes == Codes("032", "033")
    assert Codes.parse(":173") == Codes(None, "173")
    assert Codes.parse("---").empty


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("DEPART", {"DEPART", "DEPARTS", "DEPARTED", "DEPARTING"}),
        ("DEPLORE", {"DEPLORE", "DEPLORES", "DEPLORED", "DEPLORING"}),
        ("RATIFY", {"RATIFY", "RATIFIES", "RATIFIED", "RATIFYING"}),
        ("STOP", {"STOP", "STOPS", "STOPED", "STOPING", "STOPPED", "STOPPING"}),
    ],
)
def test_verbforms_regular(base: str, forms: set[str]) -> None:
    assert set(regular_forms(base)) == forms


def test_patterns_tabari_style_connectors_and_markers() -> None:
    before, after = parse_pattern("$ NOT * ^ TO_ +", ["X"])
    assert before == (Element("word", "NOT"), Element("source"))
    assert after == (Element("skip"), Element("word", "TO"), Element("target", tight=True))


def test_patterns_underscore_binds_to_the_verb() -> None:
    before, after = parse_pattern("FAILED_TO_* _OUT", [])
    assert before == (Element("word", "TO", tight=True), Element("word", "FAILED", tight=True))
    assert after == (Element("word", "OUT", tight=True),)


def test_patterns_cameo2_noun_and_prepositional_phrases() -> None:
    _, after = parse_pattern("* {FINANCIAL AID} (FROM $)", [])
    assert after == (
        Element("word", "FINANCIAL"), Element("word", "AID", tight=True),
        Element("word", "FROM"), Element("source"),
    )


def test_patterns_synset_names_may_contain_underscores() -> None:
    _, after = parse_pattern("* NEW_&FIGHT_OF_WORDS_TODAY", ["FIGHT_OF_WORDS"])
    assert after == (Element("word", "NEW"), Element("synset", "FIGHT_OF_WORDS", tight=True),
                     Element("word", "TODAY", tight=True))


def test_verbs_undefined_synset_ignores_the_pattern_with_an_issue() -> None:
    verbs = VerbDictionary.from_text("--- GO [010] ---\nGO\n- * &NOWHERE [011]\n", "v.txt")
    assert verbs.pattern_count == 0
    assert verbs.issues.items == [
        "v.txt:3: pattern ignored: synset &NOWHERE is not defined before this pattern"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- * AID [070]\n", r"v\.txt:1: a pattern before any --- VERB"),
        ("GIVE\n", r"v\.txt:1: verb 'GIVE' outside a --- VERB"),
        ("--- GIVE [070] ---\nGIVE\n- * AID\n", r"v\.txt:3: a pattern reads"),
        ("&A\n+&B\n", r"v\.txt:2: synset &B is used before it is defined"),
    ],
)
def test_verbs_malformed_lines_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        VerbDictionary.from_text(text, "v.txt")
