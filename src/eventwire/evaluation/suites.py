"""The evaluation suites behind ``eventwire evaluate SUITE``.

Each suite reads its data, runs the same pipeline ``extract`` uses, and returns its metrics as
a flat mapping; the CLI prints them and, last, one line ``SUITE metric=value ...``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluation.scoring import score_documents
from eventwire.extract import ExtractOptions, extract_documents
from eventwire.model import Document

REPO_ROOT = Path(__file__).resolve().parents[3]
DEV_SETS = REPO_ROOT / "tests" / "data"
SHARED_DEFAULT = REPO_ROOT.parent / "shared" / "data"
HEADLINE = ("actors", "events_strict", "events_lenient", "quotes", "timex", "timex_value")


@dataclass
class SuiteResult:
    name: str
    metrics: dict[str, float | int | None]
    details: dict[str, Any] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)


def _gold_pairs(folder: Path, lang: str) -> list[tuple[dict[str, Any], Document]]:
    pairs = []
    for gold_file in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text_file = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt"))
        if not text_file.exists():
            raise InputError(str(gold_file), f"no article text {text_file.name} beside the gold file")
        published = gold.get("publication_date")
        doc = Document(id=str(gold.get("id") or text_file.stem),
                       text=text_file.read_text(encoding="utf-8"), lang=gold.get("lang") or lang,
                       published=dt.date.fromisoformat(published) if published else None)
        pairs.append((gold, doc))
    if not pairs:
        raise InputError(str(folder), "no *.gold.json files found")
    return pairs


def score_gold_folder(name: str, folder: Path, lang: str) -> SuiteResult:
    pairs = _gold_pairs(folder, lang)
    coded = list(extract_documents([d for _, d in pairs], ExtractOptions(lang=lang)))
    scores = score_documents([(g, c.to_dict()) for (g, _), c in zip(pairs, coded, strict=True)])
    metrics: dict[str, float | int | None] = {f"{k}_f1": scores[k]["f1"] for k in HEADLINE}
    for k in ("event_date", "event_reported_by", "quote_kind", "quote_reported_by"):
        metrics[f"{k}_acc"] = scores[f"{k}_accuracy"]
    metrics["documents"] = scores["documents"]
    errors = sum(len(c.errors) for c in coded)
    return SuiteResult(name, metrics, details=scores, skipped={"documents_with_errors": errors})


def seed_suite(data: Path) -> SuiteResult:
    folder = data.parent / "seed" if (data.parent / "seed").is_dir() else data / "seed"
    return score_gold_folder("seed", folder, "de")


SUITES: dict[str, Callable[[Path], SuiteResult]] = {
    "seed": seed_suite,
    "dev-de": lambda data: score_gold_folder("dev-de", DEV_SETS / "dev-de", "de"),
    "dev-en": lambda data: score_gold_folder("dev-en", DEV_SETS / "dev-en", "en"),
}


def run_suite(name: str, data: Path | None = None) -> SuiteResult:
    if name not in SUITES:
        raise InputError(name, f"unknown suite; choose one of {', '.join(SUITES)}")
    return SUITES[name](data or SHARED_DEFAULT)
