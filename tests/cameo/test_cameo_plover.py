"""CAMEO codes to PLOVER, and coded sentences to eventwire documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.cameo.plover import (
    TABLE_FILE,
    PloverTable,
    event_rows,
    parse_cameo2plover,
    to_document,
    to_tsv,
)
from eventwire.model import Document

from .dictionaries import coder

SHARED_TABLE = Path(__file__).resolve().parents[3] / "shared/data/plover/CAMEO2PLOVER-2021.txt"


@pytest.mark.parametrize(
    ("code", "kind", "mode"),
    [
        ("042", "CONSULT", "visit"),
        ("190", "ASSAULT", None),
        ("1717", "COERCE", "seize"),  # not listed: its prefix 171 is
        ("174K", "COERCE", "deport"),  # letters after the digits are ignored
        ("0841", "RETREAT", "release"),
    ],
)
def test_plover_lookup_uses_the_longest_listed_prefix(code: str, kind: str, mode: str) -> None:
    row = PloverTable.default().lookup(code)
    assert row is not None
    assert (row.type, row.mode) == (kind, mode)


@pytest.mark.parametrize("code", ["010", "023", "345", ""])
def test_plover_statements_appeals_and_unknown_codes_have_no_type(code: str) -> None:
    assert PloverTable.default().type_of(code) is None


def test_plover_upstream_rows_are_read() -> None:
    text = "# header\n04: CONSULT\n041: CONSULT, phone,   # Discuss by telephone\n" \
           "091: ACCUSE, investigate, crime; corruption # Investigate crime\n~~~~~\n"
    rows = parse_cameo2plover(text)
    assert [(r.cameo, r.type, r.mode, r.context) for r in rows] == [
        ("04", "CONSULT", None, None),
        ("041", "CONSULT", "phone", None),
        ("091", "ACCUSE", "investigate", "crime;corruption"),
    ]


def test_plover_shipped_table_carries_its_attribution() -> None:
    head = TABLE_FILE.read_text(encoding="utf-8")[:600]
    assert "Creative Commons Attribution-ShareAlike 4.0" in head
    assert (TABLE_FILE.parent / "ATTRIBUTION.md").is_file()


def test_plover_shipped_table_matches_the_upstream_file() -> None:
    if not SHARED_TABLE.is_file():
        pytest.skip("../shared/data/plover is not beside the checkout")
    rows = parse_cameo2plover(SHARED_TABLE.read_text(encoding="utf-8"))
    shipped = TABLE_FILE.read_text(encoding="utf-8").split("cameo\ttype", 1)[1]
    assert to_tsv(rows, "").split("cameo\ttype", 1)[1] == shipped


def test_plover_to_document_builds_actors_and_events() -> None:
    text = "Freedonian police arrested Sylvanian students. Freedonia met Sylvania."
    sentences = coder().code_text(text, "1934-05-01")
    doc = to_document(text, sentences, doc_id="story")
    Document.from_dict(doc.to_dict())  # valid against the model
    assert [(e.type, e.cameo) for e in doc.events] == [
        ("COERCE", "173"), ("CONSULT", "040"), ("CONSULT", "040"),
    ]
    arrest = doc.events[0]
    assert arrest.mode == "arrest" and arrest.quad == 4
    assert text[arrest.evidence.start:arrest.evidence.end] == sentences[0].text
    police = doc.actor(arrest.source[0])
    assert police is not None and (police.cameo, police.sector) == ("FRECOP", "COP")
    assert police.mentions[0].text == "Freedonian police"
    assert [len(doc.sentences), doc.events[1].sentence] == [2, 1]


def test_plover_event_rows_carry_the_type() -> None:
    rows = event_rows(coder().code_text("Freedonia attacked Sylvania."))
    assert rows[0]["plover"] == "ASSAULT" and rows[0]["sentence"] == 0
