"""The link table: every surface form must link to its KB id through KnowledgeBase.lookup."""

from __future__ import annotations

from pathlib import Path

from eventwire.kb.linkeval import read_table, report, score
from eventwire.kb.loader import default_kb

TABLE = Path(__file__).with_name("link_table.tsv")
FLOOR = 0.95


def test_kb_linking_table_is_large_and_mixed() -> None:
    rows = read_table(TABLE)
    assert len(rows) >= 420
    assert {r.lang for r in rows} >= {"de", "en"}
    categories = {r.category for r in rows}
    assert {"role", "transliteration", "acronym", "metonym", "capital"} <= categories
    assert sum(1 for r in rows if r.day is not None) >= 100


def test_kb_linking_accuracy_meets_floor(capsys) -> None:
    result = score(default_kb(), read_table(TABLE))
    with capsys.disabled():
        print()
        print("\n".join(report(result)))
    assert result.accuracy >= FLOOR, f"link accuracy {result.accuracy:.3f} < {FLOOR}"
