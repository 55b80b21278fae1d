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
