"""The English language pack: its data loads, and the pipeline reads English news with it."""

from __future__ import annotations

import datetime as dt
import re
import typing

import pytest

from eventwire.events.triggers import TriggerLexicon
from eventwire.extract import extract_text
from eventwire.langdetect import detect_language
from eventwire.langpacks import load_pack
from eventwire.model import Document, PloverType
from eventwire.pipeline.analyse import TOKEN_PATTERN, lemmatize
from eventwire.pipeline.segment import split_sentences

DAY = dt.date(2024, 11, 20)


def code_en(text: str) -> Document:
    return extract_text(text, lang="en", published=DAY)


def actor_names(doc: Document, ids: list[str]) -> set[str]:
    return {a.name for a in doc.actors if a.id in ids}


def trigger_type(word: str) -> str | None:
    """The PLOVER type a word triggers out of context (noun readings first, as the matcher does)."""
    lex = TriggerLexicon.for_language("en")
    lemma = lemmatize(word, "en").casefold()
    plain = [t for t in lex.noun_triggers(word, lemma) if not t.context_words]
    if plain:
        return plain[0].type
    if lex.noun_triggers(word, lemma):
        return None  # only readings that need context
    verbs = lex.verbs.get(lemma) or lex.verbs.get(word.casefold()) or ()
    plain_verbs = [t for t in verbs if not t.context_words and t.particle is None]
    return plain_verbs[0].type if plain_verbs else None


def test_loader_en_pack_covers_every_plover_type() -> None:
    pack = load_pack("en")
    covered = {t.type for t in pack.events.triggers}
    assert covered == set(typing.get_args(PloverType))
    assert pack.events.light_verbs and pack.events.circumstance_prepositions
    assert pack.modality.finite_auxiliaries and pack.modality.infinitive_marker == "to"


def test_loader_en_pack_lists_hold_strings_only() -> None:
    """YAML reads bare on/no/yes as booleans; every word list must stay a list of strings."""
    pack = load_pack("en")
    lists = [pack.segment.abbreviations, pack.segment.function_words, pack.actors.name_stopwords,
             pack.actors.determiners, pack.actors.org_head_complements, pack.modality.negations,
             pack.events.circumstance_prepositions]
    lists += [t.target_preps for t in pack.events.triggers]
    assert all(isinstance(w, str) for words in lists for w in words)
    assert "on" in pack.events.circumstance_prepositions and "no" in pack.modality.negations


@pytest.mark.parametrize(
    ("line", "boilerplate"),
    [
        ("Read more: Kremlin says Putin will not attend summit", True),
        ("Related: Hungary blocks EU aid", True),
        ("Related Coverage", True),
        ("Reporting by Guy Faulconbridge; Editing by Mark Trevelyan", True),
        ("(Reporting by Anna Korvina; Editing by Clare Whitfield)", True),
        ("Additional reporting by Jane Doe in Kyiv", True),
        ("Photo: AFP", True),
        ("© AFP 2024", True),
        ("Sign up for our daily newsletter", True),
        ("Click here to read the full statement", True),
        ("(Reuters)", True),
        ("KYIV (Reuters) - Russian forces attacked Kharkiv overnight.", False),
        ("WASHINGTON (AP) — The United States imposed sanctions on Monday.", False),
        ("Related to the talks, Putin said nothing.", False),
    ],
)
def test_segment_boilerplate_lines(line: str, boilerplate: bool) -> None:
    sentences = split_sentences(line, "en")
    assert sentences[0].boilerplate is boilerplate


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Mr. Putin met Gen. Valery Gerasimov on Jan. 5 in the capital.", 1),
        ("Sen. Bernie Sanders and Rep. Nancy Pelosi spoke to Gov. Newsom.", 1),
        ("U.S. officials met U.N. envoys. They said nothing.", 2),
        ("The talks ended in No. 10 Downing St. on Monday.", 1),
        ("Putin met Xi. Both leaders signed a statement.", 2),
    ],
)
def test_segment_abbreviations_do_not_end_sentences(text: str, count: int) -> None:
    assert len(split_sentences(text, "en")) == count


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The government said it would not negotiate with the rebels.", "en"),
        ("Russia's foreign ministry said on Monday that it had been told about the plan.", "en"),
        ("Die Regierung sagte, dass sie nicht mit den Rebellen verhandeln werde.", "de"),
        ("Putin traf Xi in Peking.", "de"),
    ],
)
def test_langdetect_tells_english_from_german(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("word", "etype"),
    [
        ("met", "CONSULT"),
        ("meeting", "CONSULT"),
        ("talks", "CONSULT"),
        ("phone", "CONSULT"),
        ("visited", "CONSULT"),
        ("signed", "AGREE"),
        ("sign", None),  # "a sign that ..."
        ("ratified", "AGREE"),
        ("praised", "SUPPORT"),
        ("thanked", "SUPPORT"),  # simplemma lemmatises it to "thanke"
        ("lifted", "CONCEDE"),
        ("cooperate", "COOPERATE"),
        ("delivered", "AID"),
        ("withdrawal", "RETREAT"),
        ("ceasefire", "RETREAT"),
        ("stepped", None),  # only with "down"
        ("urged", "REQUEST"),
        ("accused", "ACCUSE"),
        ("criticized", "ACCUSE"),
        ("rejected", "REJECT"),
        ("vetoed", "REJECT"),
        ("threatened", "THREATEN"),
        ("protests", "PROTEST"),
        ("sanctioned", "SANCTION"),
        ("expelled", "SANCTION"),
        ("deployed", "MOBILIZE"),
        ("exercises", "MOBILIZE"),
        ("exercise", None),  # "exercise restraint"
        ("detained", "COERCE"),
        ("attacked", "ASSAULT"),
        ("airstrikes", "ASSAULT"),
        ("counteroffensive", "ASSAULT"),
        ("according", None),  # lemma "accord"
        ("disagreement", None),
        ("smartphone", None),
        ("March", None),
        ("released", None),  # needs hostages, prisoners ... or money in the sentence
    ],
)
def test_triggers_read_english_words(word: str, etype: str | None) -> None:
    assert trigger_type(word) == etype


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        ("Russian President Vladimir Putin met Chinese President Xi Jinping on Thursday.",
         "CONSULT", {"Vladimir Putin"}, {"Xi Jinping"}),
        ("The European Union imposed new sanctions on Iran on Monday.",
         "SANCTION", {"European Union"}, {"Iran"}),
        ("Hamas released two Israeli hostages on Sunday.", "RETREAT", {"Hamas"}, None),
        ("Poland expelled three Russian diplomats on Wednesday.", "SANCTION", {"Poland"}, None),
        ("Ukrainian President Volodymyr Zelensky accused Russia of attacking hospitals.",
         "ACCUSE", None, {"Russia"}),
        ("Egypt called on Israel to allow aid into Gaza.", "REQUEST", {"Egypt"}, {"Israel"}),
        ("Japan has donated 3 million doses to Indonesia.", "AID", {"Japan"}, {"Indonesia"}),
        ("North Korea tested a ballistic missile on Friday.", "MOBILIZE", {"North Korea"}, None),
    ],
)
def test_events_code_english_sentences(text: str, etype: str, source: set[str] | None,
                                       target: set[str] | None) -> None:
    doc = code_en(text)
    hits = [e for e in doc.events if e.type == etype]
    assert hits, [(e.type, e.trigger.text) for e in doc.events]
    event = hits[0]
    if source is not None:
        assert actor_names(doc, event.source) == source
    if target is not None:
        assert actor_names(doc, event.target) == target


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Kremlin released a statement on Sunday.", "RETREAT"),
        ("The WHO chief tested positive for COVID-19 on Monday.", "MOBILIZE"),
        ("Hungary urged the European Union to exercise restraint.", "MOBILIZE"),
        ("France recalled that the treaty was signed in 1963.", "SANCTION"),
    ],
)
def test_events_context_words_keep_other_senses_out(text: str, absent: str) -> None:
    doc = code_en(text)
    assert absent not in {e.type for e in doc.events + doc.nonfactual_events}


@pytest.mark.parametrize(
    ("text", "factuality"),
    [
        ("Putin did not meet Zelensky.", "negated"),
        ("Putin didn't meet Zelensky.", "negated"),
        ("Putin could meet Zelensky next week.", "hypothetical"),
        ("Putin plans to meet Zelensky.", "hypothetical"),
    ],
)
def test_modality_english_cues(text: str, factuality: str) -> None:
    doc = code_en(text)
    assert not doc.events
    assert [e.factuality for e in doc.nonfactual_events] == [factuality]


def test_modality_negations_match_the_tokenizer() -> None:
    """Contractions stay one token, so the pack lists them whole, with both apostrophes."""
    negations = set(load_pack("en").modality.negations)
    for text in ("didn't", "won’t", "hasn't"):
        tokens = TOKEN_PATTERN.findall(text)
        assert tokens == [text]
        assert text in negations


def test_attribution_reporting_verbs_are_lemmas() -> None:
    """Reporting verbs match by lemma, so each entry must be what simplemma makes of its forms."""
    verbs = {v.lemma for v in load_pack("en").attribution.reporting_verbs}
    for form, lemma in [("said", "say"), ("told", "tell"), ("added", "add"),
                        ("stressed", "stress"), ("warned", "warn"), ("quoted", "quote")]:
        assert lemmatize(form, "en") == lemma
        assert lemma in verbs
    assert not {w for w in verbs if re.search(r"[A-Z ]", w)}
