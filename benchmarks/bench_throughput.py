"""Throughput of eventwire: per stage, end to end, per worker, and on Spark local[N].

Corpora of article-sized documents (about 300 words) are assembled from real sentences in
../shared/data (German: UD German-GSD dev/test, UD German-PUD, GermEval 2014 dev/test, the
GePaDe-SpkAtt dev speeches; English: UD English-EWT) and the project's dev articles
(tests/data/dev-de, dev-en), at 1k, 10k and 100k documents per language, and cached as JSON
Lines under benchmarks/corpus/ (ignored by git). One article in ten opens with a dev article
and is filled up with sentences; the others are sentences drawn at random, so near-duplicates
arise only where a dev article repeats (as wire copies do).

Measured in one run, each against a reference measured in the same run (regex tokenisation
of the same texts, the cheapest thing any NLP system does) and reported as a ratio:

* each stage of the default pipeline, in one process (documents per second per core, and its
  share of the pipeline's time), plus reading (JSON Lines, language identification);
* end to end in one process: read + prepare + pipeline, the configuration ``extract`` uses,
  in the steady state after one warm-up document (as in each batch worker), with the
  start-up (lazy loading, collector settling) reported beside it;
* ``eventwire batch`` with 1..N worker processes into a fresh SQLite store (dedup on), with
  the peak resident memory of one worker, and on Spark local[1..N] writing Parquet;
* a cProfile of the German pipeline: the slowest stage with its share, the hottest functions.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_throughput.py --shared ../shared            # everything
    .venv/bin/python benchmarks/bench_throughput.py --sizes 1k --scaling-size 1k   # quick

Results go to benchmarks/results/throughput.json; the doc is docs/benchmarks/throughput.md.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gzip
import json
import os
import platform
import pstats
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "benchmarks" / "corpus"
RESULTS = REPO / "benchmarks" / "results" / "throughput.json"
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}
TARGET_WORDS = 300
TARGET_DOCS_PER_SECOND = 100
PUBLISHED = "2024-03-01"
TOKEN = re.compile(r"\w+|[^\w\s]")
NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}»“])")
NO_SPACE_AFTER = re.compile(r"([(\[{«„]) ")


# --- corpus ----------------------------------------------------------------------------------

def conllu_texts(path: Path) -> Iterator[str]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("# text = "):
                yield line[9:].strip()


def detokenise(tokens: list[str]) -> str:
    return NO_SPACE_AFTER.sub(r"\1", NO_SPACE_BEFORE.sub(r"\1", " ".join(tokens)))


def germeval_texts(path: Path) -> Iterator[str]:
    tokens: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            if not line.strip():
                if tokens:
                    yield detokenise(tokens)
                tokens = []
            else:
                tokens.append(line.split("\t")[1])


def spkatt_texts(path: Path) -> Iterator[str]:
    with gzip.open(path, "rt", encoding="utf-8") as data:
        for sentence in json.load(data).values():
            if len(sentence["words"]) >= 4:
                yield detokenise(sentence["words"])


def sentences(shared: Path, lang: str) -> list[str]:
    data = shared / "data"
    if lang == "en":
        found = [t for split in ("train", "dev", "test")
                 for t in conllu_texts(data / "ud-english-ewt" / f"en_ewt-ud-{split}.conllu.gz")]
    else:
        found = [*conllu_texts(data / "ud-german-gsd" / "de_gsd-ud-dev.conllu.gz"),
                 *conllu_texts(data / "ud-german-gsd" / "de_gsd-ud-test.conllu.gz"),
                 *conllu_texts(data / "ud-german-pud" / "de_pud-ud-test.conllu.gz"),
                 *germeval_texts(data / "germeval2014-ner" / "NER-de-dev.tsv.gz"),
                 *germeval_texts(data / "germeval2014-ner" / "NER-de-test.tsv.gz"),
                 *spkatt_texts(data / "spkatt-gepade-de" / "GePaDe-SpkAtt_dev.json.gz")]
    return [s for s in found if len(s.split()) >= 4]


def build_corpus(shared: Path, lang: str, size: int) -> Path:
    """``size`` articles of about 300 words as JSON Lines, cached by language and size."""
    path = CORPUS / f"{lang}-{size}.jsonl"
    if path.exists():
        return path
    CORPUS.mkdir(parents=True, exist_ok=True)
    pool = sentences(shared, lang)
    dev = [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "data" /
                                                          f"dev-{lang}").glob("*.txt"))]
    rng = random.Random(f"{lang}-{size}")
    with path.open("w", encoding="utf-8") as out:
        for n in range(size):
            parts = [rng.choice(dev)] if dev and n % 10 == 0 else []
            words = sum(len(p.split()) for p in parts)
            while words < TARGET_WORDS:
                parts.append(rng.choice(pool))
                words += len(parts[-1].split())
            record = {"id": f"{lang}-{n:06d}", "text": "\n\n".join(parts),
                      "published": PUBLISHED, "source": "benchmark"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def load(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for n, line in enumerate(lines) if limit is None or n < limit]


# --- measurements ----------------------------------------------------------------------------

def rate(count: int, seconds: float) -> float:
    return round(count / seconds, 2) if seconds > 0 else 0.0


def reference(texts: list[str]) -> float:
    """Documents per second of regex tokenisation: the yardstick of every ratio."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for text in texts:
            TOKEN.findall(text)
        best = min(best, time.perf_counter() - start)
    return rate(len(texts), best)


def stages(path: Path, limit: int) -> dict[str, Any]:
    """Seconds per stage over ``limit`` documents, coded in this process as ``extract`` does.

    As in each ``eventwire batch`` worker, one short warm-up document is read and coded first,
    so that what loads lazily (the lemmatiser's word list, the language detector) is loaded,
    and the garbage collector is settled (``eventwire.runtime``); the start-up is reported
    apart (``startup_seconds``) and the documents' seconds are the steady state.
    """
    from eventwire.batch.worker import WARM_UP
    from eventwire.extract import ExtractOptions, prepare
    from eventwire.io import ReadOptions, read_inputs
    from eventwire.pipeline.default import default_pipeline
    from eventwire.runtime import settle_for_coding

    pipeline = default_pipeline()
    options = ExtractOptions(published=dt.date.fromisoformat(PUBLISHED))
    work = Path(tempfile.mkdtemp())
    records = load(path, limit)
    lang = path.name.split("-")[0]
    (work / "warm-up.jsonl").write_text(json.dumps(
        {"id": "warm-up", "text": WARM_UP[lang]}, ensure_ascii=False) + "\n", encoding="utf-8")
    (work / "sample.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                               for r in records), encoding="utf-8")
    begin = time.perf_counter()
    for result in read_inputs([work / "warm-up.jsonl"], ReadOptions()):
        if result.document:
            pipeline(prepare(result.document, options))
    settle_for_coding()
    startup = time.perf_counter() - begin
    start = time.perf_counter()
    docs = [r.document for r in read_inputs([work / "sample.jsonl"], ReadOptions()) if r.document]
    spent = {"read": time.perf_counter() - start}
    for doc in docs:
        doc = prepare(doc, options)
        for stage in pipeline.stages:
            begin = time.perf_counter()
            try:
                doc = stage(doc)
            except Exception:  # as Pipeline.__call__: the document stops, the batch goes on
                spent[stage.name] = spent.get(stage.name, 0.0) + time.perf_counter() - begin
                break
            spent[stage.name] = spent.get(stage.name, 0.0) + time.perf_counter() - begin
    shutil.rmtree(work)
    return {"documents": len(docs), "seconds": spent, "startup_seconds": round(startup, 3)}


def profile(path: Path, limit: int, top: int = 15) -> list[dict[str, Any]]:
    from eventwire.extract import ExtractOptions, prepare
    from eventwire.model import Document
    from eventwire.pipeline.default import default_pipeline

    pipeline = default_pipeline()
    docs = [Document(id=r["id"], text=r["text"]) for r in load(path, limit)]
    options = ExtractOptions(published=dt.date.fromisoformat(PUBLISHED))
    profiler = cProfile.Profile()
    profiler.enable()
    for doc in docs:
        pipeline(prepare(doc, options))
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = max(sum(v[2] for v in stats.stats.values()), 1e-9)  # type: ignore[attr-defined]
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:top]  # type: ignore[attr-defined]
    return [{"function": f"{Path(f).name}:{line}({name})", "tottime_s": round(v[2], 3),
             "share": round(v[2] / total, 3), "calls": v[1]}
            for (f, line, name), v in rows]


def batch_run(path: Path, workers: int, engine: str = "local") -> dict[str, Any]:
    """``eventwire batch`` in a subprocess (as users run it), timed from start to exit."""
    work = Path(tempfile.mkdtemp())
    command = [sys.executable, "-c", "from eventwire.cli.main import main; main()", "batch",
               str(path), "--workers", str(workers), "--no-progress", "--published", PUBLISHED]
    command += (["--engine", "spark", "--output", str(work / "out")] if engine == "spark"
                else ["--db", str(work / "bench.db")])
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    shutil.rmtree(work)
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-500:]
    counts = dict(re.findall(r"(\w+)=(\d+)", summary))
    coded = int(counts.get("coded", 0))
    peak = re.search(r"peak worker RSS (\d+(?:\.\d+)?) MB", done.stdout)
    runner = re.search(r"runner (\d+(?:\.\d+)?) MB", done.stdout)
    return {"engine": engine, "workers": workers, "exit": done.returncode,
            "seconds": round(seconds, 1), "coded": coded, "docs_per_second": rate(coded, seconds),
            "docs_per_second_per_worker": rate(coded, seconds * max(workers, 1)),
            "copies": int(counts.get("copy", 0)), "rejected": int(counts.get("rejected", 0)),
            "peak_worker_rss_mb": float(peak.group(1)) if peak else None,
            "peak_runner_rss_mb": float(runner.group(1)) if runner else None, "summary": summary}


# --- report ----------------------------------------------------------------------------------

def stage_table(measured: dict[str, Any], ref: float) -> list[dict[str, Any]]:
    docs = measured["documents"]
    pipeline_seconds = sum(s for name, s in measured["seconds"].items() if name != "read")
    return [{"stage": name, "docs_per_second": rate(docs, seconds),
             "share_of_pipeline": (round(seconds / pipeline_seconds, 3)
                                   if name != "read" else None),
             "ratio_to_reference": round(rate(docs, seconds) / ref, 4)}
            for name, seconds in measured["seconds"].items()]


def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "date": dt.date.today().isoformat(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def timed(label: str, fn: Callable[..., Any], *args: Any) -> Any:
    start = time.perf_counter()
    result = fn(*args)
    print(f"  {label}: {time.perf_counter() - start:.1f}s", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--langs", default="de,en")
    parser.add_argument("--sizes", default="1k,10k,100k", help="corpora for the batch runs")
    parser.add_argument("--stage-docs", type=int, default=1000,
                        help="documents for the per-stage and end-to-end measurement")
    parser.add_argument("--scaling-size", default="1k", help="corpus for the 1..N scaling")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--merge", action="store_true",
                        help="only the batch runs of --sizes (and with --merge-scaling the "
                             "scaling runs on --scaling-size), added to the results in --output "
                             "(for the long runs after a full one)")
    parser.add_argument("--merge-scaling", action="store_true")
    args = parser.parse_args()
    if args.merge:
        merge(args)
        return

    result: dict[str, Any] = {"machine": machine(), "command": " ".join(sys.argv),
                              "languages": {}}
    for lang in args.langs.split(","):
        print(f"{lang}:", file=sys.stderr)
        wanted = {*args.sizes.split(","), "1k", args.scaling_size}
        corpora = {size: timed(f"corpus {size}", build_corpus, args.shared, lang, SIZES[size])
                   for size in sorted(wanted, key=SIZES.__getitem__)}
        sample = load(corpora["1k"], args.stage_docs)
        texts = [r["text"] for r in sample]
        ref = reference(texts)
        measured = timed("stages", stages, corpora["1k"], args.stage_docs)
        table = stage_table(measured, ref)
        end_to_end = rate(measured["documents"], sum(measured["seconds"].values()))
        pipeline_only = [row for row in table if row["stage"] != "read"]
        slowest = max(pipeline_only, key=lambda row: row["share_of_pipeline"])
        entry: dict[str, Any] = {
            "words_per_document": round(sum(len(t.split()) for t in texts) / len(texts), 1),
            "reference_tokenisation_docs_per_second": ref,
            "stages": table,
            "end_to_end_docs_per_second_per_core": end_to_end,
            "end_to_end_ratio_to_reference": round(end_to_end / ref, 5),
            "startup_seconds": measured["startup_seconds"],
            "end_to_end_with_startup_docs_per_second": rate(
                measured["documents"],
                sum(measured["seconds"].values()) + measured["startup_seconds"]),
            "meets_target": end_to_end >= TARGET_DOCS_PER_SECOND,
            "slowest_stage": {"stage": slowest["stage"], "share": slowest["share_of_pipeline"]},
            "batch": [], "scaling": [],
        }
        if lang == "de":
            entry["profile"] = timed("profile", profile, corpora["1k"], 200)
        for size in args.sizes.split(","):
            run = timed(f"batch {size}", batch_run, corpora[size], args.workers)
            entry["batch"].append({"size": size, **run})
        engines = ["local"] + ([] if args.no_spark else ["spark"])
        for engine in engines:
            for workers in range(1, args.workers + 1):
                run = timed(f"{engine} x{workers}", batch_run, corpora[args.scaling_size],
                            workers, engine)
                entry["scaling"].append({"size": args.scaling_size, **run})
        ratios(entry["scaling"], ref)
        result["languages"][lang] = entry
        print(json.dumps({k: v for k, v in entry.items() if k != "profile"}, indent=1),
              file=sys.stderr)
    result["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    keep_other_languages(result, args.output)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                           encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)


def keep_other_languages(result: dict[str, Any], output: Path) -> None:
    """Languages measured in an earlier run and not in this one stay in the results file,
    each with the command and machine of the run that measured it."""
    if not output.exists():
        return
    earlier = json.loads(output.read_text(encoding="utf-8"))
    for lang, entry in earlier.get("languages", {}).items():
        if lang not in result["languages"]:
            entry.setdefault("measured_by", {"command": earlier.get("command"),
                                             "machine": earlier.get("machine"),
                                             "extra_commands": earlier.get("extra_commands")})
            result["languages"][lang] = entry


def ratios(runs: list[dict[str, Any]], ref: float) -> None:
    """Speed-up over one worker of the same engine and size, and the ratio to the reference."""
    for run in runs:
        first = next(r for r in runs if (r["engine"], r["size"]) == (run["engine"], run["size"]))
        run["speedup"] = round(run["docs_per_second"] / max(first["docs_per_second"], 1e-9), 2)
        run["ratio_to_reference"] = round(run["docs_per_second"] / ref, 5)


def merge(args: argparse.Namespace) -> None:
    result = json.loads(args.output.read_text(encoding="utf-8"))
    result.setdefault("extra_commands", []).append(" ".join(sys.argv))
    for lang in args.langs.split(","):
        entry = result["languages"][lang]
        for size in args.sizes.split(","):
            path = build_corpus(args.shared, lang, SIZES[size])
            run = timed(f"{lang} batch {size}", batch_run, path, args.workers)
            entry["batch"] = [b for b in entry["batch"] if b["size"] != size]
            entry["batch"].append({"size": size, **run,
                                   "load_average_after": [round(x, 2) for x in os.getloadavg()]})
        entry["batch"].sort(key=lambda b: SIZES[b["size"]])
        if args.merge_scaling:
            path = build_corpus(args.shared, lang, SIZES[args.scaling_size])
            runs = [{"size": args.scaling_size, **timed(f"{lang} {engine} x{w}", batch_run,
                                                        path, w, engine)}
                    for engine in ["local"] + ([] if args.no_spark else ["spark"])
                    for w in range(1, args.workers + 1)]
            ratios(runs, entry["reference_tokenisation_docs_per_second"])
            entry["scaling"] = [r for r in entry["scaling"]
                                if r["size"] != args.scaling_size] + runs
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                           encoding="utf-8")
    print(f"merged into {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
