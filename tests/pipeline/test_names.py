"""Names the KB does not know: given names, organisation patterns, places by gazetteer."""

from __future__ import annotations

from eventwire.extract import ExtractOptions, extract_documents
from eventwire.model import Document


def _actors(text: str) -> dict[str, str]:
    doc = next(iter(extract_documents([Document(id="t", text=text, lang="de")],
                                      ExtractOptions(lang="de"))))
    return {m.text: a.type for a in doc.actors for m in a.mentions if m.kind != "pronoun"}


def test_everyday_given_name_and_surname_make_a_person() -> None:
    found = _actors("Die Schulleiterin Heidrun Kästle-Obermaier lobte am Montag Heinrich Vogtmann.")
    assert found.get("Heinrich Vogtmann") == "person"


def test_organisations_by_legal_form_club_prefix_and_acronym() -> None:
    found = _actors("Die Brenner Logistik GmbH sponsert den VfL Dornstadt, sagte die ZKVB.")
    assert found.get("Brenner Logistik GmbH") == "organization"
    assert found.get("VfL Dornstadt") == "organization"
    assert found.get("ZKVB") == "organization"


def test_apposition_noun_is_not_part_of_the_company_name() -> None:
    found = _actors("Er wechselte 2003 zur Firma Hallinger Pumpen AG nach Ulm.")
    assert found.get("Hallinger Pumpen AG") == "organization"


def test_units_roman_numerals_and_headlines_are_not_acronyms() -> None:
    found = _actors("Das Gerät speichert 40 GB, Teil II erscheint auf DVD.")
    assert "DVD" not in found
    assert found.get("GB") != "organization" and found.get("II") != "organization"
    assert "ALARM" not in _actors("ALARM IM RATHAUS VON ULM")


def test_name_lexicon_is_validated() -> None:
    from eventwire.actors.names import name_lexicon

    lex = name_lexicon("de")
    assert lex is not None and "GmbH" in lex.org_suffixes and "ISBN" in lex.acronym_stopwords
    assert name_lexicon("en") is None


def _places(text: str, lang: str = "de") -> list[str]:
    doc = next(iter(extract_documents([Document(id="t", text=text, lang=lang)],
                                      ExtractOptions(lang=lang))))
    return sorted(m.text for p in doc.places for m in p.mentions)


def test_places_listed_with_a_place_need_no_preposition() -> None:
    assert _places("Der Chor trat in Leipzig, Dresden und Zwickau auf.") == [
        "Dresden", "Leipzig", "Zwickau"]


def test_big_cities_without_preposition_but_not_inside_names_or_after_articles() -> None:
    assert _places("Hamburg bleibt für Familien teuer.") == ["Hamburg"]
    assert _places("Borussia Dortmund gewann, die Ära endete.") == []
