"""Speech events: cue words from the lexicon, sources and messages from clause structure."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.extract import extract_text
from eventwire.langpacks import load_pack
from eventwire.model import Document, SpeechEvent

DAY = dt.date(2024, 3, 14)


def code_de(text: str) -> Document:
    return extract_text(text, lang="de", published=DAY)


def event(doc: Document, cue: str) -> SpeechEvent:
    found = [e for e in doc.speech_events if cue in [c.text for c in e.cue]]
    cues = [[c.text for c in e.cue] for e in doc.speech_events]
    assert found, f"no speech event with cue {cue!r}: {cues}"
    return found[0]


def words(e: SpeechEvent) -> tuple[list[str], str | None, str | None, str | None]:
    return ([c.text for c in e.cue], e.particle.text if e.particle else None,
            e.source.text if e.source else None, e.message.text if e.message else None)


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("Ich glaube, dass die Stadt mehr Busse braucht.", "glaube",
         (["glaube"], None, "Ich", "dass die Stadt mehr Busse braucht")),
        ("Deshalb fordern wir mehr Lehrer für die Grundschulen.", "fordern",
         (["fordern"], None, "wir", "mehr Lehrer für die Grundschulen")),
        ("Die Fraktion lehnt den Haushaltsplan des Senats ab.", "lehnt",
         (["lehnt"], "ab", "Die Fraktion", "den Haushaltsplan des Senats")),
        ("Das wissen auch die Pendler in Brandenburg.", "wissen",
         (["wissen"], None, "auch die Pendler", "Das")),
        ("Wie die Ministerin erwähnt hat, steigen die Mieten weiter.", "erwähnt",
         (["erwähnt"], None, "die Ministerin", "steigen die Mieten weiter")),
        ("Lassen Sie mich drei Punkte nennen.", "nennen",
         (["nennen"], None, "mich", "drei Punkte")),
    ],
)
def test_verb_cues_take_their_subject_as_source_and_their_clause_as_message(
        text: str, cue: str, expected: tuple[list[str], str | None, str | None, str | None]
) -> None:
    assert words(event(code_de(text), cue)) == expected


def test_nouns_take_a_possessive_or_the_subject_of_their_support_verb() -> None:
    doc = code_de("Ihr Antrag kommt zu spät. Ich stelle heute eine Frage zur Bahnstrecke.")
    assert words(event(doc, "Antrag"))[2] == "Ihr"
    assert words(event(doc, "Frage"))[:3] == (["stelle", "Frage"], None, "Ich")
    assert not [e for e in doc.speech_events if [c.text for c in e.cue] == ["stelle"]]


def test_a_particle_that_makes_another_verb_is_no_cue() -> None:
    doc = code_de("Die Anhörung findet am Freitag statt. Der Ausschuss hört damit auf.")
    assert doc.speech_events == [e for e in doc.speech_events
                                 if e.cue[0].text not in ("findet", "hört")]
    assert [c.text for e in doc.speech_events for c in e.cue] == ["Anhörung"]


def test_passives_and_thing_subjects_have_no_source() -> None:
    doc = code_de("Das Gesetz wurde im Mai beschlossen. Die Umfrage zeigt, dass viele umziehen.")
    assert event(doc, "beschlossen").source is None
    shown = event(doc, "zeigt")
    assert shown.source is None
    assert shown.message is not None and shown.message.text == "dass viele umziehen"


def test_a_relative_pronoun_is_the_source_of_its_clause() -> None:
    doc = code_de("Wir danken der Bürgermeisterin, die gestern betonte, der Hafen bleibe offen.")
    assert words(event(doc, "betonte"))[2] == "die"


def test_speech_events_point_to_the_quote_with_the_same_cue() -> None:
    doc = code_de("Bundeskanzler Olaf Scholz sagte am Montag in Berlin, die Lage sei ernst.")
    (quote,) = doc.quotes
    said = event(doc, "sagte")
    assert said.quote == quote.id
    assert said.speaker == quote.speaker is not None
    assert said.source is not None and "Scholz" in said.source.text


def test_speech_events_do_not_change_the_quotes() -> None:
    """'ich meine' and 'Ihr Antrag' are speech events only: quotes and events stay as they were."""
    doc = code_de("Ich meine, das ist richtig. Ihr Antrag wird abgelehnt.")
    assert doc.quotes == []
    assert len(doc.speech_events) >= 2


def test_languages_without_the_lexicon_have_no_speech_events() -> None:
    assert load_pack("en").speech_events.verbs == []
    doc = extract_text("The minister said on Monday that talks would resume.", lang="en")
    assert doc.speech_events == []


def test_the_german_lexicon_is_written_as_the_analyser_lemmatises() -> None:
    pack = load_pack("de").speech_events
    assert all(n[:1].isupper() for n in pack.nouns)
    assert all(v == v.lower() for v in pack.verbs)
    assert len(set(pack.verbs)) == len(pack.verbs)
    assert len(set(pack.nouns)) == len(pack.nouns)


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a request names its addressee as the source
        ("Denken Sie bitte an die Pendler im Umland.", "Denken", "Sie"),
        # 'hören': who is heard, not the listener
        ("Wir haben von der Ministerin nichts dazu gehört.", "gehört", "von der Ministerin"),
        # handing over the floor has no source
        ("Jetzt hat das Wort die Kollegin Marta Beispiel.", "Wort", None),
        # an adverb between the subordinator and the subject
        ("Wenn jetzt alle Parteien mehr Radwege fordern, wird es teuer.", "fordern",
         "alle Parteien"),
        # 'was' is the object, the phrase after it the subject
        ("Was die Ministerin gestern gesagt hat, stimmt nicht.", "gesagt", "die Ministerin"),
        # a question opened by 'wie' is a main clause
        ("Wie soll ich sagen?", "sagen", "ich"),
        # a clause opening with its verb after 'und' shares the subject before
        ("Wir kennen die Zahlen, und fordern deshalb neue Busse.", "fordern", "Wir"),
    ],
)
def test_sources_of_requests_hearing_subordinate_and_coordinated_clauses(
        text: str, cue: str, source: str | None) -> None:
    assert words(event(code_de(text), cue))[2] == source


def test_a_participle_before_its_noun_is_no_cue() -> None:
    doc = code_de("Wir prüfen die beschlossenen Maßnahmen.")
    assert not [e for e in doc.speech_events if [c.text for c in e.cue] == ["beschlossenen"]]


def cue_texts(doc: Document) -> list[list[str]]:
    return [[c.text for c in e.cue] for e in doc.speech_events]


@pytest.mark.parametrize(
    ("text", "cue", "is_cue"),
    [
        # 'finden' as 'locate' is no thought; with a clause or 'es'/'das' it is
        ("Die Gemeinden müssen bald neue Standorte finden.", "finden", False),
        ("Wir finden es falsch, die Linie zu streichen.", "finden", True),
        ("Wir finden, dass die Linie bleiben muss.", "finden", True),
        ("Das finde ich unfair.", "finde", True),
        # 'gehört' without an auxiliary belongs, with one it was heard
        ("Auch der Fahrplan gehört zur Reform.", "gehört", False),
        ("Wir haben es im Ausschuss gehört.", "gehört", True),
        # 'das heißt' rephrases; 'heißt es' reports a text
        ("Das heißt, die Bahn fährt seltener.", "heißt", False),
        ("Im Vertrag heißt es, die Bahn fahre stündlich.", "heißt", True),
        # 'klar' needs 'für mich' or a clause after it
        ("Eines ist auch klar: Der Tunnel kommt.", "klar", False),
        ("Für uns ist klar: Der Tunnel kommt.", "klar", True),
        # a present participle describes; 'drohen' of attribution.yaml looms here
        ("Entscheidend ist der Takt der Busse.", "Entscheidend", False),
        ("Den Pendlern drohen längere Wege.", "drohen", False),
    ],
)
def test_ambiguous_cue_words_need_their_complement(text: str, cue: str, is_cue: bool) -> None:
    doc = code_de(text)
    assert any(cue in c for c in cue_texts(doc)) is is_cue, cue_texts(doc)


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a relative clause holds its own finite verb: no modal from the clause before
        ("Man muss mit den Pendlern reden, die sagen: Der Bus kommt zu spät.", "sagen", "die"),
        # no cue word in its own source
        ("Es stellt sich die Frage, wer das bezahlt.", "Frage", None),
        # 'Jeder, der ...' after a colon
        ("Das Problem ist: Jeder, der hier pendelt, weiß, wie voll die Züge sind.", "weiß",
         "Jeder, der hier pendelt"),
        # a pronoun with 'als' and 'alle', nouns joined by 'und'
        ("Deshalb fordern wir als Fraktion einen dichteren Takt.", "fordern", "wir als Fraktion"),
        ("Darüber sprechen Bund und Länder seit Jahren.", "sprechen", "Bund und Länder"),
    ],
)
def test_sources_after_commas_quotes_and_colons(text: str, cue: str, source: str | None) -> None:
    assert words(event(code_de(text), cue))[2] == source


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # after the verb, nouns after 'ich' or 'wir' are objects; after 'viele' they are its nouns
        ("Dazu sage ich Ihnen eines: Der Takt reicht nicht.", "sage", "ich"),
        ("Deshalb beschließen wir Grenzwerte für den Lärm.", "beschließen", "wir"),
        ("Das wissen viele Pendler aus eigener Erfahrung.", "wissen", "viele Pendler"),
        # a possessive or quantifier opens the phrase; a title's period stays inside the name
        ("Das hat mein Kollege Tilo Brandt gesagt.", "gesagt", "mein Kollege Tilo Brandt"),
        ("Natürlich glaubt kein Mensch, dass der Bus pünktlich kommt.", "glaubt", "kein Mensch"),
        ("Als Nächstes spricht der Kollege Dr. Jonas Feld.", "spricht",
         "der Kollege Dr. Jonas Feld"),
        # adjectives after the article: 'die' is no object here
        ("Darauf hätten die zuständigen Ämter hinweisen können.", "hinweisen",
         "die zuständigen Ämter"),
        # an article after a comma opening a main clause is no relative pronoun
        ("Die Stadt kennt die Zahlen, die Verkehrsbehörde weiß mehr.", "weiß",
         "die Verkehrsbehörde"),
        ("Herr Kollege Ohm, der Kollege Lind möchte eine Zwischenfrage stellen.", "Zwischenfrage",
         "der Kollege Lind"),
        # a parenthesis between dashes does not cut the verb off its auxiliary
        ("Deshalb werden wir den Plan - das wird Sie nicht wundern - ablehnen.", "ablehnen", "wir"),
        # a participle without auxiliary has no source
        ("Vorsichtig ausgedrückt: Der Plan ist teuer.", "ausgedrückt", None),
        # 'die einen', 'die anderen' after a quotation
        ("„Der Bus fährt zu selten“, sagen die einen.", "sagen", "die einen"),
    ],
)
def test_source_phrases_after_verbs_articles_and_dashes(
    text: str, cue: str, source: str | None
) -> None:
    assert words(event(code_de(text), cue))[2] == source
