"""The spaCy parse on real eventwire tokens: mapping, language gating and the switch."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_text
from eventwire.model import Document
from eventwire.nlp import english
from tests.nlp.conftest import needs_parser

pytestmark = needs_parser


def _by_text(doc: Document) -> dict[str, int]:
    return {t.text: i for i, t in enumerate(doc.tokens)}


def test_tokenizer_differences_map_by_offsets() -> None:
    doc = extract_text("Russia's envoy met U.S. officials on Oct. 7 in Hamas-led Gaza.", lang="en")
    at = _by_text(doc)
    tokens = doc.tokens
    assert all(t.head is not None and t.dep and t.pos for t in tokens)
    assert tokens[at["Russia's"]].dep == "poss" and tokens[at["Russia's"]].head == at["envoy"]
    assert tokens[at["envoy"]].dep == "nsubj" and tokens[at["envoy"]].head == at["met"]
    assert tokens[at["U.S."]].head == at["officials"]
    assert tokens[at["met"]].dep == "ROOT" and tokens[at["met"]].head == at["met"]
    assert tokens[at["Hamas-led"]].head == at["Gaza"]
    assert tokens[at["met"]].pos == "VERB" and tokens[at["officials"]].pos == "NOUN"


def test_heads_stay_inside_eventwire_sentences() -> None:
    text = "Kim met Putin on Oct. 3. Russia attacked Ukraine. Kyiv condemned the attack."
    doc = extract_text(text, lang="en")
    assert doc.tokens and all(t.head is not None for t in doc.tokens)
    for t in doc.tokens:
        assert t.head is not None and doc.tokens[t.head].sentence == t.sentence


def test_german_and_switched_off_english_stay_unparsed(monkeypatch: pytest.MonkeyPatch) -> None:
    german = extract_text("Russland griff die Ukraine an.", lang="de")
    assert german.tokens and all(t.head is None and t.pos is None for t in german.tokens)
    monkeypatch.setenv(english.SWITCH, "off")
    plain = extract_text("Russia attacked Ukraine.", lang="en")
    assert plain.tokens and all(t.dep is None for t in plain.tokens)


def test_parse_stays_out_of_the_default_json() -> None:
    doc = extract_text("Russia attacked Ukraine.", lang="en")
    assert "tokens" not in doc.to_dict()
    token = doc.to_dict(include_tokens=True)["tokens"][1]
    assert token["dep"] == "ROOT" and token["pos"] == "VERB"


def test_mapped_heads_form_a_tree() -> None:
    text = (
        "CAIRO, Feb 8 (Reuters) - U.S.-backed talks on Gaza's future resumed on Oct. 7, "
        "Egypt's state-run Al-Qahera News said, citing Hamas' Osama Hamdan."
    )
    doc = extract_text(text, lang="en")
    content = next(i for i, t in enumerate(doc.tokens) if t.text.startswith("U.S."))
    # the dateline is left unparsed, so the parser cannot take it for the subject
    assert all(t.head is None for t in doc.tokens[:content])
    for i in range(content, len(doc.tokens)):
        k, steps = i, 0
        while doc.tokens[k].head != k:
            head = doc.tokens[k].head
            assert head is not None and steps <= len(doc.tokens)
            k, steps = head, steps + 1
