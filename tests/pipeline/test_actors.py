"""Actors: KB links across spellings, guessed names, coreference."""

from __future__ import annotations

import pytest

from eventwire.model import Document


def by_name(doc: Document) -> dict[str, object]:
    return {a.name: a for a in doc.actors}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Wladimir Putin empfing am Montag Gäste.", "Vladimir Putin", "RUS"),
        ("Der Kremlsprecher Dmitri Peskow äußerte sich nicht.", "Dmitry Peskov", "RUS"),
        ("Sergej Lawrow reiste nach Ankara.", "Sergey Lavrov", "RUS"),
        ("Präsident Wolodymyr Selenskyj dankte den Partnern.", "Volodymyr Zelenskyy", "UKR"),
        ("Nordkorea testete eine Rakete.", "North Korea", "PRK"),
        ("Die DVRK wies die Vorwürfe zurück.", "North Korea", "PRK"),
        ("Die Regierung Russlands schwieg.", "Russia", "RUS"),
        ("Die Nachrichtenagentur KCNA meldete den Test.", "Korean Central News Agency", "PRK"),
    ],
)
def test_actors_link_names_across_spellings(code_de, text: str, name: str, country: str) -> None:
    doc = code_de(text)
    actors = by_name(doc)
    assert name in actors, [a.name for a in doc.actors]
    assert actors[name].country == country  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "name", "role_word"),
    [
        (
            "Der Gouverneur von Belgorod, Wjatscheslaw Gladkow, meldete Schäden.",
            "Wjatscheslaw Gladkow",
            "Gouverneur",
        ),
        ("Polizeichefin Anna Berger trat zurück.", "Anna Berger", "Polizeichefin"),
        ("Der Sprecher des Ministeriums, Tomasz Nowak, sagte nichts.", "Tomasz Nowak", "Sprecher"),
    ],
)
def test_actors_guess_people_from_titles(code_de, text: str, name: str, role_word: str) -> None:
    actor = by_name(code_de(text)).get(name)
    assert actor is not None
    assert actor.type == "person" and actor.kb_id is None  # type: ignore[attr-defined]
    assert role_word in (actor.role or "")  # type: ignore[attr-defined]


def test_actors_surname_and_pronoun_refer_back(code_de) -> None:
    doc = code_de(
        "Ministerin Anna Berger besuchte Kiew. Berger sagte, die Lage sei ernst. "
        "Sie kündigte Hilfe an."
    )
    berger = by_name(doc)["Anna Berger"]
    texts = [m.text for m in berger.mentions]  # type: ignore[attr-defined]
    assert "Berger" in texts and "Sie" in texts


def test_actors_collective_reference_points_at_two_states(code_de) -> None:
    doc = code_de(
        "Polen und Litauen unterzeichneten ein Abkommen. Beide Länder wollen kooperieren."
    )
    holders = [a.name for a in doc.actors if any(m.text == "Beide Länder" for m in a.mentions)]
    assert sorted(holders) == ["Lithuania", "Poland"]


def test_actors_capital_after_preposition_is_a_place_not_an_actor(code_de) -> None:
    doc = code_de("Der Minister hielt sich in Moskau auf.")
    assert "Russia" not in by_name(doc)
    assert [p.name for p in doc.places] == ["Moscow"]


def test_actors_dateline_agency_is_the_source_not_an_actor(code_de) -> None:
    doc = code_de("Berlin (dpa) - Die Regierung Polens hat Sanktionen verhängt.")
    assert doc.source is not None
    assert all(a.type != "organization" or a.sector != "MED" for a in doc.actors)


def test_actors_function_word_never_links_a_person(code_de) -> None:
    doc = code_de("Das teilte das Ministerium mit. Die Lage bleibt ernst.")
    assert all(a.type != "person" for a in doc.actors)


def test_actors_names_keep_lower_case_particles(code_de) -> None:
    doc = code_de("Außenminister Araghtschi traf seinen Amtskollegen Badr al-Bussaidi.")
    assert "Badr al-Bussaidi" in by_name(doc)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Karin Welge sagte, die Forderungen seien zu hoch.", "Karin Welge"),
        ("Am Abend widersprach Olaf Brenner der Darstellung.", "Olaf Brenner"),
    ],
)
def test_actors_given_name_and_surname_make_a_person(code_de, text: str, name: str) -> None:
    actor = by_name(code_de(text)).get(name)
    assert actor is not None and actor.type == "person"  # type: ignore[attr-defined]


def test_actors_given_name_alone_is_not_a_person(code_de) -> None:
    doc = code_de("Die Stiftung Anna zahlte die Summe aus.")
    assert all(a.type != "person" for a in doc.actors)
