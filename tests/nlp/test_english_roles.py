"""Subjects, objects, passive agents and coordination read off the parse, then end to end."""

from __future__ import annotations

from eventwire.clauses import ArgMention, SentenceView
from eventwire.extract import extract_text
from eventwire.langpacks import load_pack
from eventwire.model import Document
from tests.nlp.conftest import needs_parser

pytestmark = needs_parser


def _view(text: str) -> tuple[Document, SentenceView]:
    doc = extract_text(text, lang="en")
    return doc, SentenceView(doc, load_pack("en"))


def _names(doc: Document, m: ArgMention | None) -> list[str]:
    assert m is not None
    return [a.name for a in doc.actors if a.id in m.actors]


def _index(doc: Document, word: str) -> int:
    return next(i for i, t in enumerate(doc.tokens) if t.text == word)


def test_subject_sits_before_a_fronted_adverbial_and_after_a_dateline() -> None:
    doc, sv = _view("In Cairo on Tuesday, Egypt's foreign minister met Antony Blinken.")
    met = _index(doc, "met")
    assert sv.parsed(met)
    assert _names(doc, sv.subject_of(met)) == ["Egypt"]
    assert _names(doc, sv.object_of(met, set())) == ["Antony Blinken"]


def test_named_apposition_wins_over_its_description() -> None:
    doc, sv = _view(
        "A senior Russian official, Dmitry Peskov, told reporters the talks had failed."
    )
    told = _index(doc, "told")
    assert _names(doc, sv.subject_of(told)) == ["Dmitry Peskov"]


def test_passive_subject_and_agent() -> None:
    doc, sv = _view("Ukrainian troops were attacked by Russia on Monday.")
    attacked = _index(doc, "attacked")
    assert _names(doc, sv.agent_of(attacked)) == ["Russia"]
    patient = sv.subject_of(attacked)
    assert patient is not None and doc.text[doc.tokens[patient.first].start :].startswith(
        "Ukrainian troops"
    )


def test_prepositional_object_of_the_trigger_and_coordination() -> None:
    doc, sv = _view("Israel and Hamas held talks with Egypt and Qatar.")
    subject = sv.subject_of(_index(doc, "held"))
    assert subject is not None
    assert _names(doc, sv.coordinated(subject)) == ["Israel", "Hamas"]
    talks = _index(doc, "talks")
    target = sv.object_of(talks, {"with"})
    assert target is not None and _names(doc, target) == ["Egypt"]
    assert _names(doc, sv.coordinated(target)) == ["Egypt", "Qatar"]
    assert sv.object_of(talks, {"against"}) is None


def test_infinitive_takes_the_object_of_the_verb_that_asks_for_it() -> None:
    doc, sv = _view("Egypt urged Israel to withdraw its troops from Rafah.")
    assert _names(doc, sv.subject_of(_index(doc, "withdraw"))) == ["Israel"]


def test_english_events_from_the_parse() -> None:
    doc = extract_text(
        "Ukrainian troops were attacked by Russia on Monday. Israel will not attack Egypt.",
        lang="en",
    )
    names = {a.id: a.name for a in doc.actors}

    def coded(events: list) -> set[tuple[str, tuple[str, ...], tuple[str, ...], str]]:
        return {
            (
                e.type,
                tuple(names[x] for x in e.source),
                tuple(names[x] for x in e.target),
                e.factuality,
            )
            for e in events
        }

    events = coded(doc.events)
    assert ("ASSAULT", ("Russia",), ("Ukrainian troops",), "asserted") in events
    assert ("ASSAULT", ("Israel",), ("Egypt",), "negated") in coded(doc.nonfactual_events)


def test_english_quote_content_is_the_complement_clause() -> None:
    doc = extract_text(
        "Blinken told reporters in Cairo that Hamas had delivered its response.", lang="en"
    )
    names = {a.id: a.name for a in doc.actors}
    quotes = [(names.get(q.speaker or ""), q.kind, q.text) for q in doc.quotes]
    assert quotes == [("Antony Blinken", "indirect", "Hamas had delivered its response")]
