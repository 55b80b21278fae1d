"""Quotes: direct and indirect speech, speakers, cues and the attribution chain."""

from __future__ import annotations

import pytest

from tests.conftest import actor_named


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "starts"),
    [
        (
            "„Wir werden antworten“, sagte Sergej Lawrow am Montag.",
            "Sergey Lavrov",
            "direct",
            "Wir werden antworten",
        ),
        (
            "Sergej Lawrow sagte: „Wir werden antworten.“",
            "Sergey Lavrov",
            "direct",
            "Wir werden antworten",
        ),
        (
            "Lawrow sagte, Russland werde antworten.",
            "Sergey Lavrov",
            "indirect",
            "Russland werde antworten",
        ),
        (
            "Lawrow betonte, dass Russland bereit sei.",
            "Sergey Lavrov",
            "indirect",
            "Russland bereit sei",
        ),
        (
            "Am Dienstag erklärte Lawrow, die Gespräche seien gescheitert.",
            "Sergey Lavrov",
            "indirect",
            "die Gespräche seien",
        ),
        (
            "Nach Angaben der Nachrichtenagentur TASS war das Treffen lang.",
            "TASS",
            "indirect",
            "war das Treffen",
        ),
    ],
)
def test_quotes_find_speaker_kind_and_content(
    code_de, text: str, speaker: str, kind: str, starts: str
) -> None:
    doc = code_de(text)
    assert doc.quotes, "no quote found"
    q = doc.quotes[0]
    assert actor_named(doc, q.speaker or "") == speaker
    assert q.kind == kind
    assert q.text.startswith(starts)


def test_quotes_separable_cue_is_written_with_both_parts(code_de) -> None:
    doc = code_de("Lawrow hob die Bedeutung der Gespräche mit China hervor.")
    assert doc.quotes[0].cue == "hob ... hervor"
    assert doc.quotes[0].text.startswith("die Bedeutung der Gespräche")


def test_quotes_relay_becomes_reported_by(code_de) -> None:
    doc = code_de(
        "Die Nachrichtenagentur TASS zitierte Lawrow mit den Worten:\n"
        "„Der Westen hat jede Glaubwürdigkeit verloren.“\n"
        "Lawrow sagte zudem, Moskau sei zu Gesprächen bereit."
    )
    assert len(doc.quotes) == 2
    for q in doc.quotes:
        assert actor_named(doc, q.speaker or "") == "Sergey Lavrov"
        assert [actor_named(doc, r) for r in q.reported_by] == ["TASS"]


def test_quotes_report_sentence_attributes_the_sentence_before(code_de) -> None:
    doc = code_de("Lawrow traf am Montag seinen Amtskollegen. Dies berichtete die Agentur TASS.")
    assert [actor_named(doc, r) for r in doc.sentences[0].reported_by] == ["TASS"]


def test_quotes_short_quoted_title_without_cue_is_not_a_quote(code_de) -> None:
    doc = code_de("Beide Staaten unterzeichneten das „Abkommen über Zusammenarbeit“ in Minsk.")
    assert doc.quotes == []


def test_quotes_konjunktiv_sentence_continues_reported_speech(code_de) -> None:
    doc = code_de(
        "Lawrow sagte, Russland sei zu Gesprächen bereit. "
        "Die Bedingungen müsse aber Moskau bestimmen."
    )
    assert len(doc.quotes) == 2
    assert actor_named(doc, doc.quotes[1].speaker or "") == "Sergey Lavrov"


def test_quotes_sentence_opening_with_an_article_keeps_its_reported_speech(code_de) -> None:
    doc = code_de(
        "Das russische Verteidigungsministerium erklärte dagegen, bei dem Angriff sei "
        "ein Lager getroffen worden."
    )
    assert [q.text[:20] for q in doc.quotes] == ["bei dem Angriff sei "]


def test_quotes_impersonal_statement_is_attributed_to_the_named_source(code_de) -> None:
    doc = code_de("Das teilte das Auswärtige Amt mit. Berlin werde die Lage prüfen, hieß es.")
    assert len(doc.quotes) == 1
    assert doc.quotes[0].attribution == "report"
    assert doc.quotes[0].text.startswith("Berlin werde")
