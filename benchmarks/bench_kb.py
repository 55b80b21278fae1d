"""Benchmark the actor knowledge base: load times, lookup speed, share of pipeline time.

Measures, in one process:

* load time of the KB from the YAML sources (cold) and from the compiled cache (warm);
* lookups per second of ``KnowledgeBase.lookup`` for exact names, sound-key names (spellings
  the KB does not hold) and role descriptions with a date, against a reference in the same
  run: a plain ``dict`` lookup of the same strings (so the figures travel across machines);
* the link accuracy on ``tests/kb/link_table.tsv``;
* the share of pipeline time spent in the actors stage (the KB's consumer) and in the lookups
  it makes, on the dev articles (``tests/data/dev-de``, ``dev-en``), with
  ``eventwire.pipeline.default.default_pipeline()``.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_kb.py            # writes benchmarks/results/kb.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventwire.io.readers import read_path
from eventwire.kb import cache, linkeval
from eventwire.kb.index import KnowledgeBase
from eventwire.kb.loader import DATA_DIR, default_kb, extra_files
from eventwire.model import Document
from eventwire.pipeline.default import default_pipeline

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "results" / "kb.json"
DAY = dt.date(2024, 11, 20)
EXACT = ["Russland", "Wladimir Putin", "Putin", "DVRK", "Nordkorea", "KCNA", "Kreml", "Moskau",
         "Vereinigte Staaten", "russischen", "Lawrow", "Europäischen Union", "NATO", "Selenskyj",
         "Pjöngjang", "Kim Jong Un", "Weißes Haus", "Bundeswehr", "Xi Jinping", "IAEA"]
SOUND = ["Koslov", "Schojgu", "Selenskij", "Zakharowa", "Chamenej", "Kim Jongun", "Peskovv",
         "Lukaschenka", "Medvedew", "Netanyahou"]
ROLES = ["der russische Außenminister", "des russischen Außenministers", "US-Präsident",
         "Kremlsprecher", "Bundeskanzler", "UN-Generalsekretär", "der iranische Präsident",
         "Irans Außenminister", "der chinesische Staatschef", "NATO-Generalsekretär"]


def per_second(fn: Callable[[str], object], items: Sequence[str], min_time: float = 0.5) -> float:
    """Calls per second of ``fn`` over ``items``, best of three runs of at least ``min_time``."""
    rates = []
    for _ in range(3):
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < min_time:
            for item in items:
                fn(item)
            n += len(items)
        rates.append(n / (time.perf_counter() - start))
    return max(rates)


def lookup_speed(kb: KnowledgeBase) -> dict[str, Any]:
    reference: dict[str, int] = {s: i for i, s in enumerate(EXACT + SOUND + ROLES)}
    ref = per_second(reference.get, EXACT + SOUND + ROLES)
    rows: dict[str, Any] = {"reference_dict_get_per_s": round(ref)}
    for name, items in (("exact", EXACT), ("sound_key", SOUND), ("role_description", ROLES)):
        assert all(kb.lookup(s, lang="de", day=DAY) for s in items), name
        rate = per_second(lambda s: kb.lookup(s, lang="de", day=DAY), items)
        rows[name] = {"lookups_per_s": round(rate), "ratio_to_reference": round(rate / ref, 5)}
    return rows


def dev_documents() -> list[Document]:
    docs: list[Document] = []
    for lang in ("de", "en"):
        folder = REPO / "tests" / "data" / f"dev-{lang}"
        for path in sorted(folder.glob("*.txt")):
            for doc in read_path(path):
                doc.lang = doc.lang or lang
                docs.append(doc)
    return docs


def pipeline_share(kb: KnowledgeBase) -> dict[str, Any]:
    """Seconds per stage over the dev articles (second of two passes), and the KB's share."""
    pipeline = default_pipeline()
    docs = dev_documents()
    calls = {"n": 0, "seconds": 0.0}
    original_aliases = KnowledgeBase.aliases

    def counted(self: KnowledgeBase, surface: str, *, sound: bool = False) -> Any:
        start = time.perf_counter()
        try:
            return original_aliases(self, surface, sound=sound)
        finally:
            calls["n"] += 1
            calls["seconds"] += time.perf_counter() - start

    stage_time: dict[str, float] = {}
    for run in range(2):  # the first pass warms caches (language packs, lemma caches)
        stage_time = {s.name: 0.0 for s in pipeline.stages}
        if run == 1:
            KnowledgeBase.aliases = counted  # type: ignore[method-assign]
        try:
            for doc in docs:
                copy = Document(id=doc.id, text=doc.text, lang=doc.lang, published=doc.published)
                for stage in pipeline.stages:
                    start = time.perf_counter()
                    copy = stage(copy)
                    stage_time[stage.name] += time.perf_counter() - start
        finally:
            KnowledgeBase.aliases = original_aliases  # type: ignore[method-assign]
    total = sum(stage_time.values())
    return {
        "documents": len(docs),
        "pipeline_seconds": round(total, 3),
        "stage_seconds": {k: round(v, 4) for k, v in stage_time.items()},
        "actors_stage_share": round(stage_time.get("actors", 0.0) / total, 3),
        "kb_alias_calls": calls["n"],
        "kb_alias_seconds": round(calls["seconds"], 4),
        "kb_alias_share_of_pipeline": round(calls["seconds"] / total, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    loads = [cache.measure_load(DATA_DIR, extra_files()) for _ in range(3)]
    kb = default_kb()
    link = linkeval.score(kb, linkeval.read_table(linkeval.REPO_TABLE))
    result = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "command": ".venv/bin/python benchmarks/bench_kb.py",
        "entities": loads[0].entities,
        "load_ms": {"cold_yaml_median": round(statistics.median(t.cold for t in loads) * 1000),
                    "warm_cache_median": round(statistics.median(t.warm for t in loads) * 1000)},
        "lookup": lookup_speed(kb),
        "link_table": {"rows": link.total, "correct": link.correct,
                       "accuracy": round(link.accuracy, 3)},
        "pipeline": pipeline_share(kb),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
