"""Fusion accuracy on the fusion corpus: B-cubed of fused events against the gold clusters.

    .venv/bin/python benchmarks/eval_fusion.py [--data tests/data/fusion] [--db FILE] [--check]

Ingests the corpus (46 German and English articles, ``tests/data/fusion``) into a fresh SQLite
store with the full pipeline, runs ``eventwire fuse`` and scores the fused events; how reports
are matched to gold and how unmatched ones count is explained in
``eventwire.fusion.evaluate`` and ``tests/data/fusion/README.md``. The last line reads
``fusion metric=value ...``; ``--check`` exits 1 when a figure is below its floor in
``tests/data/fusion/baseline.json``.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import tempfile
import time
from pathlib import Path

from eventwire.extract import ExtractOptions
from eventwire.fusion.evaluate import FusionScore, corpus_documents, evaluate_store
from eventwire.fusion.run import fuse
from eventwire.store import open_store
from eventwire.store.ingest import ingest_documents

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "fusion"


def figures(score: FusionScore) -> dict[str, float]:
    return {"bcubed_p": score.bcubed.p, "bcubed_r": score.bcubed.r,
            "bcubed_f1": score.bcubed.f1, "matched_f1": score.matched_only.f1,
            "with_missed_f1": score.with_missed.f1, "copies_f1": score.copies.f1}


def run(data: Path, db: Path) -> FusionScore:
    with open_store(db) as store:
        started = time.perf_counter()
        report = ingest_documents(store, corpus_documents(data), ExtractOptions())
        coded = time.perf_counter()
        result = fuse(store)
        fused = time.perf_counter()
        print(f"ingest: {report.summary()} in {coded - started:.1f}s")
        print(f"fuse:   {result.summary()} in {fused - coded:.2f}s")
        return evaluate_store(store, data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--db", type=Path, default=None,
                        help="keep the store here (default: a temporary file)")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a figure falls below tests/data/fusion/baseline.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "fusion.db"
        if db.exists():
            parser.error(f"{db} exists; give a new file")
        score = run(args.data, db)
    print(f"reports: {score.reports} produced, {score.matched} matched to gold mentions; "
          f"gold: {score.found_mentions} of {score.gold_mentions} mentions found by extraction, "
          f"{score.gold_events} events; fused events: {score.fused_events}")
    print(f"B-cubed, all produced reports (unmatched = singletons): {score.bcubed}")
    print(f"B-cubed, matched reports only:                          {score.matched_only}")
    print(f"B-cubed, missed gold mentions as singletons:            {score.with_missed}")
    print(f"syndicated copies (document pairs):                     {score.copies}")
    values = figures(score)
    failed = []
    if args.check:
        floors = json.loads((args.data / "baseline.json").read_text("utf-8"))["floors"]
        failed = [f"{k}={values[k]:.4f} < {v}" for k, v in floors.items() if values[k] < v]
        print("below floor: " + ("; ".join(failed) if failed else "none"))
    command = ["python", "benchmarks/eval_fusion.py", *(argv if argv is not None else sys.argv[1:])]
    print(f"reproduce: {shlex.join(command)}")
    print("fusion " + " ".join(f"{k}={v:.4f}" for k, v in values.items()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
