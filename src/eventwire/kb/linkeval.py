"""Score KnowledgeBase.lookup against a table of surface forms and the ids they must link to.

The table is tab-separated (``surface, lang, date, expected, category``; ``#`` comments and
one header line). Only the top candidate counts: linking is a ranking problem, and a right
answer in second place is still a wrong link in the output.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import DataFileError
from eventwire.kb.index import KnowledgeBase

REPO_TABLE = Path(__file__).resolve().parents[3] / "tests" / "kb" / "link_table.tsv"
"""The project's table, present in a source checkout (not in an installed wheel)."""


@dataclass(frozen=True, slots=True)
class LinkRow:
    surface: str
    lang: str
    day: dt.date | None
    expected: str
    category: str


@dataclass
class LinkScore:
    total: int = 0
    correct: int = 0
    per_category: dict[str, tuple[int, int]] = field(default_factory=dict)
    failures: list[tuple[LinkRow, str | None]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def read_table(path: Path) -> list[LinkRow]:
    """Rows of a link table; a malformed line is an error naming the line."""
    rows: list[LinkRow] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(n, line) for n, line in enumerate(lines, 1)
            if line.strip() and not line.startswith("#")]
    for n, line in body[1:]:
        cells = line.split("\t")
        if len(cells) != 5:
            raise DataFileError(f"{path}:{n}", f"expected 5 tab-separated cells, got {len(cells)}")
        surface, lang, day, expected, category = cells
        try:
            when = dt.date.fromisoformat(day) if day else None
        except ValueError:
            raise DataFileError(f"{path}:{n}", f"{day!r} is not a date YYYY-MM-DD") from None
        rows.append(LinkRow(surface, lang, when, expected, category))
    return rows


def score(kb: KnowledgeBase, rows: list[LinkRow]) -> LinkScore:
    """Top-1 accuracy overall and per category, with the rows that failed and what won."""
    result = LinkScore()
    seen: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for row in rows:
        top = kb.lookup(row.surface, lang=row.lang, day=row.day, limit=1)
        got = top[0].entity.id if top else None
        seen[row.category] += 1
        result.total += 1
        if got == row.expected:
            result.correct += 1
            right[row.category] += 1
        else:
            result.failures.append((row, got))
    result.per_category = {c: (right[c], n) for c, n in sorted(seen.items())}
    return result


def report(result: LinkScore) -> list[str]:
    """Human-readable lines: failures, per-category figures, then the overall figure last."""
    lines = [f"FAIL {r.surface!r} ({r.lang}, {r.day or '-'}): expected {r.expected}, got {got}"
             for r, got in result.failures]
    lines += [f"{cat:18} {ok}/{n} = {ok / n:.3f}" for cat, (ok, n) in result.per_category.items()]
    lines.append(f"kb-link accuracy={result.accuracy:.3f} correct={result.correct} "
                 f"rows={result.total}")
    return lines
