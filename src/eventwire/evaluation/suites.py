"""The evaluation suites behind ``eventwire evaluate SUITE``.

Each suite reads its data, runs the same pipeline ``extract`` uses, and returns its metrics as
a flat mapping; the CLI prints them and, last, one line ``SUITE metric=value ...``. A suite is
a function ``(data folder, SuiteOptions) -> SuiteResult``; the external ones live in their own
modules (``spkatt``, ``wikiwars``, ``germeval``) and honour ``SuiteOptions.limit``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluation.base import SuiteOptions, SuiteResult
from eventwire.evaluation.germeval import germeval_dev_suite, germeval_suite
from eventwire.evaluation.petrarch import petrarch2_suite, universalpetrarch_suite
from eventwire.evaluation.scoring import score_documents
from eventwire.evaluation.spkatt import spkatt_suite
from eventwire.evaluation.wikiwars import wikiwars_suite
from eventwire.extract import ExtractOptions, extract_documents
from eventwire.model import Document

REPO_ROOT = Path(__file__).resolve().parents[3]
DEV_SETS = REPO_ROOT / "tests" / "data"
SHARED_DEFAULT = REPO_ROOT.parent / "shared" / "data"
HEADLINE = ("actors", "events_strict", "events_lenient", "quotes", "timex", "timex_value")

__all__ = ["SHARED_DEFAULT", "SUITES", "SuiteOptions", "SuiteResult", "run_suite"]


def _gold_pairs(folder: Path, lang: str) -> list[tuple[dict[str, Any], Document]]:
    pairs = []
    for gold_file in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text_file = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt"))
        if not text_file.exists():
            raise InputError(str(gold_file),
                             f"no article text {text_file.name} beside the gold file")
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


def seed_suite(data: Path, options: SuiteOptions) -> SuiteResult:
    folder = data.parent / "seed" if (data.parent / "seed").is_dir() else data / "seed"
    return score_gold_folder("seed", folder, "de")


def _dev_suite(name: str, lang: str) -> Callable[[Path, SuiteOptions], SuiteResult]:
    def run(data: Path, options: SuiteOptions) -> SuiteResult:
        return score_gold_folder(name, DEV_SETS / name, lang)

    return run


Suite = Callable[[Path, SuiteOptions], SuiteResult]

SUITES: dict[str, Suite] = {
    "seed": seed_suite,
    "dev-de": _dev_suite("dev-de", "de"),
    "dev-en": _dev_suite("dev-en", "en"),
    "spkatt": spkatt_suite,
    "wikiwars-de": wikiwars_suite,
    "germeval": germeval_suite,
    "germeval-dev": germeval_dev_suite,
    "petrarch2": petrarch2_suite,
    "universalpetrarch-en": universalpetrarch_suite,
}
# suites that honour --limit
SAMPLED = frozenset({"spkatt", "wikiwars-de", "germeval", "germeval-dev"})


def run_suite(name: str, data: Path | None = None,
              options: SuiteOptions | None = None) -> SuiteResult:
    """Run one suite on ``data`` (default: ../shared/data beside the checkout)."""
    if name not in SUITES:
        raise InputError(name, f"unknown suite; choose one of {', '.join(SUITES)}")
    return SUITES[name](data or SHARED_DEFAULT, options or SuiteOptions())
