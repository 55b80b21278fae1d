"""Table-driven tests of the time-expression finder on hand-written German and English news."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.timex import LexiconError, TimexMatch, TimexTagger

ANCHOR = date(2024, 11, 20)  # a Wednesday
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_b908b3031bc8d59f.txt"

# (sentence, expected surface, expected value)
DE_CASES: list[tuple[str, str, str]] = [
    ("Am Montag traf er Putin.", "Am Montag", "2024-11-18"),
    ("Am Montagabend sprach er im Fernsehen.", "Am Montagabend", "2024-11-18TEV"),
    ("Am Sonntagmorgen kam es zu Explosionen.", "Am Sonntagmorgen", "2024-11-17TMO"),
    ("Am vergangenen Freitag wurde gewählt.", "Am vergangenen Freitag", "2024-11-15"),
    ("Am kommenden Dienstag beginnt der Gipfel.", "Am kommenden Dienstag", "2024-11-26"),
    ("Die Wahl wird am Sonntag stattfinden.", "am Sonntag", "2024-11-24"),
    ("Der Minister sagte am Dienstag, man prüfe das.", "am Dienstag", "2024-11-19"),
    ("Heute tagt der Rat.", "Heute", "2024-11-20"),
    ("Gestern demonstrierten Tausende.", "Gestern", "2024-11-19"),
    ("Vorgestern war es ruhig.", "Vorgestern", "2024-11-18"),
    ("Der Rat tagt morgen erneut.", "morgen", "2024-11-21"),
    ("Übermorgen entscheidet das Gericht.", "Übermorgen", "2024-11-22"),
    ("Heute Morgen wurde er festgenommen.", "Heute Morgen", "2024-11-20TMO"),
    ("Gestern Abend fielen Schüsse.", "Gestern Abend", "2024-11-19TEV"),
    ("Diese Woche trifft sich die Regierung.", "Diese Woche", "2024-W47"),
    ("Vergangene Woche gab es Proteste.", "Vergangene Woche", "2024-W46"),
    ("Vorige Woche kam er an.", "Vorige Woche", "2024-W46"),
    ("Letzte Woche scheiterten die Gespräche.", "Letzte Woche", "2024-W46"),
    ("Nächste Woche beginnen die Gespräche.", "Nächste Woche", "2024-W48"),
    ("Kommende Woche reist sie nach Kiew.", "Kommende Woche", "2024-W48"),
    ("Am Wochenende gab es Kämpfe.", "Am Wochenende", "2024-W46-WE"),
    ("Im Juni wurde der Vertrag unterzeichnet.", "Im Juni", "2024-06"),
    ("Der Vertrag wurde im Juni 2023 unterzeichnet.", "im Juni 2023", "2023-06"),
    ("Anfang Dezember kam es zu Unruhen.", "Anfang Dezember", "2023-12"),
    ("Mitte Dezember soll gewählt werden.", "Mitte Dezember", "2024-12"),
    ("Ende Mai trat er zurück.", "Ende Mai", "2024-05"),
    ("Er kam im Mai nach Berlin.", "im Mai", "2024-05"),
    ("Im vergangenen Monat stiegen die Preise.", "Im vergangenen Monat", "2024-10"),
    ("Er wurde am 3. März 2022 verhaftet.", "am 3. März 2022", "2022-03-03"),
    ("Am 3. März wurde er verhaftet.", "Am 3. März", "2024-03-03"),
    ("Das Gesetz gilt seit dem 03.03.2022.", "seit dem 03.03.2022", "2022-03-03"),
    ("Er reiste am 3.3. ab.", "am 3.3.", "2024-03-03"),
    ("Stichtag war der 2022-03-03.", "2022-03-03", "2022-03-03"),
    ("2022 stieg die Zahl der Anträge.", "2022", "2022"),
    ("Im Jahr 2022 stieg die Zahl.", "Im Jahr 2022", "2022"),
    ("Im vergangenen Jahr stieg die Zahl.", "Im vergangenen Jahr", "2023"),
    ("Voriges Jahr stieg die Zahl.", "Voriges Jahr", "2023"),
    ("Ende 2023 fiel die Entscheidung.", "Ende 2023", "2023"),
    ("Anfang der 1990er Jahre zerfiel der Staat.", "Anfang der 1990er Jahre", "199"),
    ("In den 90er Jahren wuchs die Stadt.", "In den 90er Jahren", "199"),
    ("Im Herbst kam es zu Streiks.", "Im Herbst", "2024-FA"),
    ("Im ersten Quartal sank der Umsatz.", "Im ersten Quartal", "2024-Q1"),
    ("Er sitzt seit drei Jahren in Haft.", "seit drei Jahren", "P3Y"),
    ("Die Verhandlungen dauerten zwei Wochen.", "zwei Wochen", "P2W"),
    ("Vor zwei Jahren begann der Krieg.", "Vor zwei Jahren", "2022"),
    ("In zwei Wochen wird abgestimmt.", "In zwei Wochen", "2024-W49"),
    ("Die Sitzung begann um 14 Uhr.", "um 14 Uhr", "2024-11-20T14:00"),
    ("Die Sitzung begann 14.30 Uhr.", "14.30 Uhr", "2024-11-20T14:30"),
    ("Im 19. Jahrhundert war das anders.", "Im 19. Jahrhundert", "18"),
    ("Er demonstriert jeden Montag.", "jeden Montag", "XXXX-WXX-1"),
    ("Die Züge fahren täglich.", "täglich", "P1D"),
    ("Im Sommer 2023 brannten die Wälder.", "Im Sommer 2023", "2023-SU"),
    ("Zu Weihnachten 2022 kam er frei.", "Zu Weihnachten 2022", "2022-12-25"),
    ("Im Laufe des Jahres 1966 zog er nach Bonn.", "Im Laufe des Jahres 1966", "1966"),
    ("Bis zum Jahresbeginn 1918 hielt die Front.", "Bis zum Jahresbeginn 1918", "1918"),
]

EN_CASES: list[tuple[str, str, str]] = [
    ("Putin came to Pyongyang, his first visit in 24 years.", "in 24 years", "P24Y"),
    ("Turnout was the lowest in two decades.", "in two decades", "P2DE"),
    ("The first vote will be held in two weeks.", "in two weeks", "2024-W49"),
    ("On Monday, the minister met Putin.", "On Monday", "2024-11-18"),
    ("Shots were fired Monday night.", "Monday night", "2024-11-18TNI"),
    ("Thousands protested yesterday.", "yesterday", "2024-11-19"),
    ("The talks collapsed last week.", "last week", "2024-W46"),
    ("The treaty was signed in June.", "in June", "2024-06"),
    ("He was arrested on June 3, 2022.", "on June 3, 2022", "2022-06-03"),
    ("He was arrested on 3 June 2022.", "on 3 June 2022", "2022-06-03"),
    ("Fighting broke out in early December.", "in early December", "2023-12"),
    ("Prices rose last year.", "last year", "2023"),
    ("The war began two years ago.", "two years ago", "2022"),
    ("He has ruled since 2014.", "since 2014", "2014"),
    ("The meeting started at 2 p.m.", "at 2 p.m.", "2024-11-20T14:00"),
    ("The talks will resume on Tuesday.", "on Tuesday", "2024-11-26"),
    ("The court rules tomorrow.", "tomorrow", "2024-11-21"),
    ("Negotiations are scheduled for next week.", "for next week", "2024-W48"),
    ("The city grew in the 1990s.", "in the 1990s", "199"),
    ("It was different in the 19th century.", "in the 19th century", "18"),
    ("They protest every Monday.", "every Monday", "XXXX-WXX-1"),
    ("He was jailed for three years.", "for three years", "P3Y"),
    ("He was detained this morning.", "this morning", "2024-11-20TMO"),
    ("Sales fell in the first quarter of 2023.", "in the first quarter of 2023", "2023-Q1"),
    ("The deal was signed in May 2023.", "in May 2023", "2023-05"),
    ("It happened last Friday.", "last Friday", "2024-11-15"),
]

# sentences in which nothing is a time expression
DE_NOTHING = [
    "Koslow nimmt an der 11. Sitzung des Ausschusses teil.",
    "Das Abkommen besteht aus 23 Artikeln.",
    "1500 Soldaten wurden verlegt.",
    "Er zahlte 2000 Euro Strafe.",
    "Rund 2000 Menschen demonstrierten.",
    "Das Abkommen wurde inzwischen von beiden Ländern ratifiziert.",
    "Er will die Beziehungen weiterhin ausbauen.",
    "Derzeit gibt es keine Gespräche.",
    "Seit dem Abschluss des Vertrags wuchs der Handel.",
    "Mai Thi Nguyen-Kim sprach über Impfstoffe.",
    "Mit dem Minister sprach er lange.",
    "So sagte er es den Reportern.",
    "Die Juni-Offensive scheiterte.",
    "Die Nacht der langen Messer.",
    "August Bebel gründete die Partei.",
]
EN_NOTHING = [
    "He may come to the summit.",
    "Will Smith spoke to reporters.",
    "The Women's March drew crowds.",
    "The company has 2000 employees.",
    "Prices could fall further.",
    "He lives in room 1201.",
]


def _one(lang: str, sentence: str) -> TimexMatch:
    found = TimexTagger.for_language(lang).find(sentence, ANCHOR)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("sentence", "surface", "value"), DE_CASES)
def test_finder_german_surface_and_value(sentence: str, surface: str, value: str) -> None:
    m = _one("de", sentence)
    assert (m.text, m.value) == (surface, value)


@pytest.mark.parametrize(("sentence", "surface", "value"), EN_CASES)
def test_finder_english_surface_and_value(sentence: str, surface: str, value: str) -> None:
    m = _one("en", sentence)
    assert (m.text, m.value) == (surface, value)


@pytest.mark.parametrize("sentence", DE_NOTHING)
def test_finder_german_does_not_tag(sentence: str) -> None:
    assert TimexTagger.for_language("de").find(sentence, ANCHOR) == []


@pytest.mark.parametrize("sentence", EN_NOTHING)
def test_finder_english_does_not_tag(sentence: str) -> None:
    assert TimexTagger.for_language("en").find(sentence, ANCHOR) == []


@pytest.mark.parametrize(
    ("lang", "sentence", "field", "expected"),
    [
        ("de", "Anfang Dezember kam es zu Unruhen.", "mod", "START"),
        ("de", "Mitte Dezember soll gewählt werden.", "mod", "MID"),
        ("de", "Ende 2023 fiel die Entscheidung.", "mod", "END"),
        ("de", "Er sitzt seit drei Jahren in Haft.", "type", "DURATION"),
        ("de", "Die Züge fahren täglich.", "type", "SET"),
        ("de", "Die Sitzung begann um 14 Uhr.", "type", "TIME"),
        ("de", "Vor zwei Jahren begann der Krieg.", "granularity", "year"),
        ("de", "Diese Woche trifft sich die Regierung.", "granularity", "week"),
        ("de", "Im 19. Jahrhundert war das anders.", "granularity", "century"),
        ("de", "Am 3. März 2022 wurde er verhaftet.", "relative", False),
        ("de", "Am 3. März wurde er verhaftet.", "relative", True),
        ("en", "He has ruled since 2014.", "mod", "ON_OR_AFTER"),
        ("en", "Fighting broke out in early December.", "mod", "START"),
    ],
)
def test_finder_match_attributes(lang: str, sentence: str, field: str, expected: object) -> None:
    assert getattr(_one(lang, sentence), field) == expected


def test_finder_range_gives_two_matches_first_completed_from_second() -> None:
    found = TimexTagger.for_language("de").find("Vom 3. bis 5. März 2022 tagte er.", ANCHOR)
    assert [(m.text, m.value) for m in found] == [("Vom 3.", "2022-03-03"),
                                                 ("5. März 2022", "2022-03-05")]
    found = TimexTagger.for_language("de").find("Im Mai/Juni 1940 fiel Paris.", ANCHOR)
    assert [m.value for m in found] == ["1940-05", "1940-06"]
    found = TimexTagger.for_language("en").find("It ran June 3-5, 2022.", ANCHOR)
    assert [m.value for m in found] == ["2022-06-03", "2022-06-05"]


@pytest.mark.skipif(not SEED.is_file(), reason="shared seed article not present")
def test_finder_seed_article_three_expressions() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = TimexTagger.for_language("de").find(text, date(2024, 11, 20))
    assert [(m.text, m.value) for m in found] == [
        ("Am Montag", "2024-11-18"),
        ("im Juni", "2024-06"),
        ("am Dienstag", "2024-11-19"),
    ]


def test_finder_future_cue_only_counts_in_its_own_sentence() -> None:
    text = "Am Montag traf er Putin. Die Wahl wird am Sonntag stattfinden. Am Freitag kam er."
    found = TimexTagger.for_language("de").find(text, ANCHOR)
    assert [m.value for m in found] == ["2024-11-18", "2024-11-24", "2024-11-15"]


def test_finder_future_month_is_the_next_one() -> None:
    tagger = TimexTagger.for_language("de")
    assert tagger.find("Im März soll gewählt werden.", ANCHOR)[0].value == "2025-03"
    assert tagger.find("Im März wurde gewählt.", ANCHOR)[0].value == "2024-03"


def test_finder_anchor_none_keeps_relative_values_none() -> None:
    text = "Am Montag traf er Putin, am 3. März 2022 war er in Kiew, gestern in Minsk."
    found = TimexTagger.for_language("de").find(text, None)
    assert [(m.text, m.value, m.relative) for m in found] == [
        ("Am Montag", None, True),
        ("am 3. März 2022", "2022-03-03", False),
        ("gestern", None, True),
    ]


def test_finder_narrative_mode_counts_from_last_date() -> None:
    text = ("Am 1. September 1939 griff Deutschland Polen an. Zwei Tage später erklärten "
            "Großbritannien und Frankreich den Krieg. Im Mai des folgenden Jahres begann der "
            "Westfeldzug. Am 10. Mai fiel die Wehrmacht in die Niederlande ein; am selben Tag "
            "trat Chamberlain zurück. Bis heute wird darüber gestritten.")
    found = TimexTagger.for_language("de").find(text, None, mode="narrative")
    assert [(m.text, m.value) for m in found] == [
        ("Am 1. September 1939", "1939-09-01"),
        ("Zwei Tage später", "1939-09-03"),
        ("Im Mai des folgenden Jahres", "1940-05"),
        ("Am 10. Mai", "1940-05-10"),
        ("am selben Tag", "1940-05-10"),
        ("Bis heute", "PRESENT_REF"),
    ]


def test_finder_narrative_mode_without_earlier_date_leaves_value_none() -> None:
    found = TimexTagger.for_language("de").find("Am 10. Mai fiel Rotterdam.", None,
                                               mode="narrative")
    assert [(m.text, m.value) for m in found] == [("Am 10. Mai", None)]


def test_finder_narrative_mode_ignores_asides_as_reference() -> None:
    text = ("Im Jahr 1916 griff die Armee an; der Plan stammte von Schlieffen (1905). "
            "Am 21. Februar begann die Schlacht.")
    found = TimexTagger.for_language("de").find(text, None, mode="narrative")
    assert found[-1].value == "1916-02-21"


def test_finder_vague_references_only_in_narrative_mode() -> None:
    tagger = TimexTagger.for_language("de")
    assert tagger.find("Bald kam die Wende.", ANCHOR) == []
    assert [m.value for m in tagger.find("Bald kam die Wende.", None, mode="narrative")] == [
        "FUTURE_REF"]


def test_finder_unknown_language_lists_supported() -> None:
    with pytest.raises(LexiconError, match=r"supported: de, en"):
        TimexTagger.for_language("xx")


def test_finder_for_language_is_cached() -> None:
    assert TimexTagger.for_language("de") is TimexTagger.for_language("de")


def test_finder_rejects_unknown_mode() -> None:
    with pytest.raises(ValueError, match="mode"):
        TimexTagger.for_language("de").find("heute", ANCHOR, mode="poetry")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("Im Winter 1916/1917 hungerte die Stadt.", "1916", "1917"),
        ("Die Kämpfe der Jahre 1939/1940 waren kurz.", "1939", "1940"),
        ("Von 1884/85 an wuchs die Kolonie.", "1884", "1885"),
    ],
)
def test_finder_german_year_pairs_keep_both_years(sentence: str, first: str, second: str) -> None:
    found = TimexTagger.for_language("de").find(sentence, ANCHOR)
    assert [m.value[:4] if m.value else None for m in found] == [first, second]
