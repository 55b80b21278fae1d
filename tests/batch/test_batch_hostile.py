"""A batch with 5 % hostile inputs finishes, stores every good one and lists every rejection.

The 10,000-input acceptance test takes about 35 s on two idle cores (short texts), so CI runs
it; it is marked slow, and the 1,000-input version is the quick one for ``-m "not slow"``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_corpus import BROKEN_KINDS, make_batch

from eventwire.batch import BatchOptions, run_batch
from eventwire.store import open_store

GOOD = ("inserted", "copy")


def _check_hostile_batch(tmp_path: Path, total: int) -> None:
    batch = make_batch(tmp_path / "in", total)
    db = tmp_path / "batch.db"
    rejects = tmp_path / "rejects.jsonl"
    report = run_batch([str(batch.folder)], BatchOptions(db=str(db), workers=2,
                                                         rejects=str(rejects), progress=False))

    assert report.inputs == len(batch.good) + len(batch.broken)
    with open_store(db) as store:
        stored = store.stats()["documents"]
    assert stored + report.counts["copy"] == len(batch.good)
    assert report.counts["inserted"] + report.counts["copy"] == len(batch.good)

    rejected = {r.name for r in report.rejects}
    for path in batch.good:
        assert str(path) not in rejected
    for path, kind in batch.broken.items():
        assert any(name == str(path) or name.startswith(f"{path}!") or
                   name.startswith(f"{path}:") or name.startswith(f"{path}#")
                   for name in rejected), f"{kind} input {path.name} was not rejected"
    assert all(r.reason for r in report.rejects)
    lines = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert {line["name"] for line in lines} == rejected
    assert report.peak_worker_rss_mb < 500


def test_batch_hostile_1k_stores_every_good_input_and_lists_every_rejection(tmp_path):
    _check_hostile_batch(tmp_path, 1_000)


@pytest.mark.slow
def test_batch_hostile_10k_stores_every_good_input_and_lists_every_rejection(tmp_path):
    _check_hostile_batch(tmp_path, 10_000)


def test_batch_hostile_reasons_name_the_problem(tmp_path):
    batch = make_batch(tmp_path / "in", 60, broken_share=len(BROKEN_KINDS) / 60 + 2 / 60)
    report = run_batch([str(batch.folder)], BatchOptions(db=str(tmp_path / "x.db"),
                                                         workers=0, progress=False))
    reasons = {Path(r.name.split("!")[0].split(":")[0].split("#")[0]).name: r.reason
               for r in report.rejects}
    assert "binary data" in reasons["b" + _n(batch, "binary") + ".txt"]
    assert "truncated" in reasons["t" + _n(batch, "truncated-gzip") + ".txt.gz"]
    assert "UTF-16" in reasons["u" + _n(batch, "utf16-no-bom") + ".txt"]
    assert "empty" in reasons["e" + _n(batch, "empty") + ".txt"]
    assert "BatchOptions.max_chars" in reasons["huge-under.txt"]
    assert "too large" in reasons["huge-over.txt"]


def _n(batch, kind: str) -> str:
    path = next(p for p, k in batch.broken.items() if k == kind)
    return "".join(c for c in path.name.split(".")[0] if c.isdigit())
