"""Sentences, boilerplate lines and headlines."""

from __future__ import annotations

import pytest

from eventwire.model import Document
from eventwire.pipeline.segment import Segmenter, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Am 3. März traf er ein. Danach sprach er.",
            ["Am 3. März traf er ein.", "Danach sprach er."],
        ),
        (
            "Die 11. Sitzung begann. Sie dauerte lange.",
            ["Die 11. Sitzung begann.", "Sie dauerte lange."],
        ),
        ("Das war 2022. Dann kam 2023.", ["Das war 2022.", "Dann kam 2023."]),
        ("Dr. Weber sagte das. Er ging.", ["Dr. Weber sagte das.", "Er ging."]),
        ("„Wir gehen“, sagte sie. Dann ging sie.", ["„Wir gehen“, sagte sie.", "Dann ging sie."]),
        ("Erste Zeile\nZweite Zeile.", ["Erste Zeile", "Zweite Zeile."]),
    ],
)
def test_segment_splits_german_sentences(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text, "de")] == expected


@pytest.mark.parametrize(
    "line",
    [
        "Mehr zum Thema – Gemeinsame Verteidigung im Angriffsfall",
        "Lesen Sie auch: Was der Vertrag bedeutet",
        "Foto: Agentur",
        "© AFP",
        "(dpa)",
    ],
)
def test_segment_marks_boilerplate_lines(line: str) -> None:
    text = f"Der Minister reiste ab.\n{line}"
    sentences = split_sentences(text, "de")
    assert sentences[-1].boilerplate
    assert not sentences[0].boilerplate


def test_segment_headline_becomes_title_and_is_not_coded() -> None:
    doc = Segmenter()(
        Document(
            id="x", lang="de", text="Minister tritt zurück\n\nBerlin - Der Minister trat zurück."
        )
    )
    assert doc.title == "Minister tritt zurück"
    assert doc.sentences[0].boilerplate and doc.sentences[0].headline
    assert not doc.sentences[1].boilerplate


def test_segment_offsets_point_into_the_original_text() -> None:
    text = "  Erste Aussage.  Zweite Aussage!\n\nDritte?"
    for s in split_sentences(text, "de"):
        assert text[s.start : s.end].strip() == text[s.start : s.end]
