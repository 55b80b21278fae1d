"""WikiWarsDE evaluation of the German tagger in narrative mode (suite ``wikiwars-de``).

Counting follows SUITES.md: a gold TIMEX2 and a system match pair up when their character spans
overlap (one-to-one, in text order); span P/R/F1 counts the pairs, value P/R/F1 the pairs whose
values agree after mapping TIMEX2 to TIMEX3/ISO form (a time on the gold day counts, as in
score.py). Gold items with BC years, non-Gregorian dates (annotated with a calendar comment) or
no value are skipped and counted, and so are the system matches that overlap them.

Run: ``PYTHONPATH=src python -m eventwire.timex.wikiwars ../shared/data/wikiwars-de``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.timex.finder import TimexMatch, TimexTagger

_TAG = re.compile(r"<TIMEX2([^>]*)>|</TIMEX2>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    value: str | None
    attrs: dict[str, str]


def read_keyinline(path: Path) -> tuple[str, list[GoldTimex]]:
    """Plain text of the TEXT element and its TIMEX2 annotations with offsets into it."""
    raw = path.read_text(encoding="utf-8")
    body = raw.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    out: list[str] = []
    gold: list[GoldTimex] = []
    stack: list[tuple[int, dict[str, str]]] = []
    pos = length = 0
    for m in _TAG.finditer(body):
        out.append(body[pos:m.start()])
        length += m.start() - pos
        pos = m.end()
        if m.group(1) is not None:
            stack.append((length, dict(_ATTR.findall(m.group(1)))))
        elif stack:
            start, attrs = stack.pop()
            gold.append(GoldTimex(start, length, "", attrs.get("val"), attrs))
    out.append(body[pos:])
    text = "".join(out)
    gold = [GoldTimex(g.start, g.end, text[g.start:g.end], g.value, g.attrs) for g in gold]
    gold.sort(key=lambda g: (g.start, g.end))
    return text, gold


def timex2_to_timex3(value: str) -> str:
    """TIMEX2 value in TIMEX3/ISO form: no time zone offsets, weekends as YYYY-Www-WE."""
    v = value.strip()
    v = re.sub(r"(T\d\d:\d\d(?::\d\d)?)(?:Z|[+-]\d\d(?::?\d\d)?)$", r"\1", v)
    v = re.sub(r"(W\d\d)WE$", r"\1-WE", v)
    return v


def values_agree(gold: str, system: str | None) -> bool:
    """Same value, or a time of day on the gold day."""
    if system is None:
        return False
    g = timex2_to_timex3(gold)
    return system == g or (len(g) == 10 and system.startswith(g + "T"))


def skip_reason(g: GoldTimex) -> str | None:
    """Why a gold item is left out of the counts, if it is."""
    if g.value is None or not g.value.strip():
        return "no value"
    if g.value.startswith("BC"):
        return "BC year"
    comment = g.attrs.get("comment", "").lower()
    if "calendar" in comment or "kalender" in comment:
        return "non-Gregorian calendar"
    return None


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp,
            "system": n_sys, "gold": n_gold}


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score_document(gold: list[GoldTimex], system: list[TimexMatch]) -> dict[str, Any]:
    """Counts for one document (also used by diagnostics)."""
    skipped: Counter[str] = Counter()
    kept: list[GoldTimex] = []
    skipped_spans: list[GoldTimex] = []
    for g in gold:
        reason = skip_reason(g)
        if reason:
            skipped[reason] += 1
            skipped_spans.append(g)
        else:
            kept.append(g)
    sys_kept = [s for s in system
                if not any(_overlap(s.start, s.end, g.start, g.end) for g in skipped_spans)]
    sys_dropped = len(system) - len(sys_kept)
    used: set[int] = set()
    pairs: list[tuple[GoldTimex, TimexMatch]] = []
    for g in kept:
        for i, s in enumerate(sys_kept):
            if i not in used and _overlap(s.start, s.end, g.start, g.end):
                used.add(i)
                pairs.append((g, s))
                break
    right = sum(values_agree(g.value or "", s.value) for g, s in pairs)
    return {"gold": len(kept), "system": len(sys_kept), "span_tp": len(pairs),
            "value_tp": right, "skipped": skipped, "system_on_skipped": sys_dropped,
            "pairs": pairs, "kept_gold": kept, "kept_system": sys_kept}


def evaluate_wikiwars(data_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Span and value P/R/F1 of the German tagger on WikiWarsDE keyinline files."""
    folder = data_dir
    for candidate in (data_dir / "keyinline", data_dir / "WikiWarsDE_20110412" / "keyinline"):
        if candidate.is_dir():
            folder = candidate
    files = sorted(folder.glob("*.key.xml")) or sorted(folder.glob("*.sgm"))
    if limit is not None:
        files = files[:limit]
    if not files:
        raise FileNotFoundError(f"no WikiWarsDE keyinline files under {data_dir}")
    tagger = TimexTagger.for_language("de")
    totals: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    tag_seconds = 0.0
    words = 0
    started = time.perf_counter()
    for path in files:
        text, gold = read_keyinline(path)
        words += len(text.split())
        t0 = time.perf_counter()
        system = tagger.find(text, None, mode="narrative")
        tag_seconds += time.perf_counter() - t0
        doc = score_document(gold, system)
        for k in ("gold", "system", "span_tp", "value_tp", "system_on_skipped"):
            totals[k] += doc[k]
        skipped.update(doc["skipped"])
    wall = time.perf_counter() - started
    return {
        "suite": "wikiwars-de",
        "documents": len(files),
        "words": words,
        "gold_scored": totals["gold"],
        "system_scored": totals["system"],
        "span": _prf(totals["span_tp"], totals["system"], totals["gold"]),
        "value": _prf(totals["value_tp"], totals["system"], totals["gold"]),
        "skipped_gold": dict(skipped),
        "skipped_gold_total": sum(skipped.values()),
        "skipped_system_on_skipped_gold": totals["system_on_skipped"],
        "tagger_seconds": round(tag_seconds, 4),
        "wall_seconds": round(wall, 4),
        "articles_per_second": round(len(files) / tag_seconds, 1) if tag_seconds else None,
        "words_per_second": round(words / tag_seconds) if tag_seconds else None,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Evaluate the German timex tagger on WikiWarsDE.")
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    print(json.dumps(evaluate_wikiwars(args.data_dir, args.limit), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
