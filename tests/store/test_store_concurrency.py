"""Several writers at once: each document is still stored once, and nobody fails."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from store_corpus import corpus

from eventwire.store import open_store

WORKER = """
import json, sys
from eventwire.model import Document
from eventwire.store import open_store
docs = [Document.model_validate(d) for d in json.load(open(sys.argv[2], encoding="utf-8"))]
with open_store(sys.argv[1]) as store:
    print(json.dumps([store.save(d).status for d in docs]))
"""


def test_store_concurrent_processes_store_each_document_once(store_target, tmp_path):
    if store_target == "sqlite://":
        pytest.skip("an in-memory database lives in one process")
    batch = tmp_path / "docs.json"
    batch.write_text(json.dumps([d.to_dict() for d in corpus()]), encoding="utf-8")
    # Started together on a database that does not exist yet: they race for the migration too.
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, store_target, str(batch)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for _ in range(4)]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        results.append(json.loads(out))
    for n in range(len(corpus())):
        assert sorted(r[n] for r in results) == ["inserted", "unchanged", "unchanged",
                                                 "unchanged"]
    with open_store(store_target) as store:
        assert store.stats()["documents"] == 3 and store.stats()["events"] == 6


def test_store_concurrent_threads_share_one_store(store):
    docs = corpus() * 4
    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(lambda d: store.save(d).status, docs))
        pages = list(pool.map(lambda _: store.events(limit=None).total, range(12)))
    assert statuses.count("inserted") == 3 and statuses.count("unchanged") == 9
    assert all(0 <= n <= 5 for n in pages)
    assert store.events().total == 5
