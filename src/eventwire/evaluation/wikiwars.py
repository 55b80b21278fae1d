"""Suite ``wikiwars-de``: the German time tagger on WikiWarsDE (narrative mode).

The counting lives in :mod:`eventwire.timex.wikiwars` (span overlap and value agreement after
mapping TIMEX2 to TIMEX3/ISO; BC years, non-Gregorian dates and gold without a value skipped).
This module only turns its report into a :class:`SuiteResult` with the sample noted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluation.base import SuiteOptions, SuiteResult, prf
from eventwire.timex.wikiwars import evaluate_wikiwars

FOLDER = "wikiwars-de"


def _counts(block: dict[str, Any]) -> dict[str, float | int]:
    tp, system, gold = int(block["tp"]), int(block["system"]), int(block["gold"])
    return prf(tp, system - tp, gold - tp)


def wikiwars_suite(data: Path, options: SuiteOptions) -> SuiteResult:
    """Span and value P/R/F1 over all 22 documents, or the first ``options.limit``."""
    folder = data / FOLDER
    keyinline = folder / "WikiWarsDE_20110412" / "keyinline"
    if not keyinline.is_dir():
        raise InputError(str(keyinline), "WikiWarsDE keyinline folder not found; pass --data "
                         "with the folder holding wikiwars-de/")
    total = len(list(keyinline.glob("*.key.xml")))
    report = evaluate_wikiwars(folder, options.limit)
    span, value = _counts(report["span"]), _counts(report["value"])
    docs = int(report["documents"])
    wall = float(report["wall_seconds"])
    metrics: dict[str, float | int | None] = {
        "span_f1": span["f1"], "value_f1": value["f1"], "span_p": span["p"], "span_r": span["r"],
        "value_p": value["p"], "value_r": value["r"], "documents": docs,
        "gold": report["gold_scored"], "system": report["system_scored"],
        "skipped_gold": report["skipped_gold_total"],
        "seconds": round(wall, 3), "docs_per_s": round(docs / wall, 1) if wall else None,
    }
    skipped = {f"gold {reason}": int(n) for reason, n in sorted(report["skipped_gold"].items())}
    skipped["system matches on skipped gold"] = int(report["skipped_system_on_skipped_gold"])
    notes = [f"WikiWarsDE: {docs} of {total} documents, {report['words']} words; "
             f"{report['gold_scored']} gold TIMEX2 scored, {report['system_scored']} system",
             f"time: {wall:.2f} s wall, tagger alone {report['tagger_seconds']} s "
             f"({report['articles_per_second']} docs/s, {report['words_per_second']} words/s)"]
    if options.limit is not None and options.limit < total:
        notes.insert(0, f"SAMPLE: the first {docs} of {total} documents (--limit "
                        f"{options.limit}); the full suite runs without --limit")
    return SuiteResult("wikiwars-de", metrics, details={"span": span, "value": value},
                       skipped=skipped, notes=notes, gated=("span_f1", "value_f1"))
