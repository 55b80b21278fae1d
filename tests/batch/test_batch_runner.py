"""The local runner: near-duplicates, resumption, large files, options, and the CLI.

Most tests code in the runner's own process (``workers=0``) to stay quick; the hostile and
kill -9 tests use real worker processes.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from batch_corpus import ledger, make_batch, report, store_dump, syndicate
from click.testing import CliRunner

from eventwire.batch import BatchOptions, BatchOptionsError, run_batch
from eventwire.cli.main import cli
from eventwire.extract import ExtractOptions
from eventwire.io import read_inputs
from eventwire.store import open_store
from eventwire.store.batchlog import copies_of
from eventwire.store.ingest import ingest_documents

QUICK = {"workers": 0, "progress": False}


def _write(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _texts(n: int) -> dict[str, str]:
    import random

    rng = random.Random(3)
    return {f"doc{i:03d}.txt": report(i, rng) for i in range(n)}


def test_batch_runner_keeps_a_syndicated_copy_as_a_further_source(tmp_path):
    texts = _texts(6)
    texts["zz-wire.txt"] = syndicate(texts["doc002.txt"])
    folder = _write(tmp_path / "in", texts)
    db = tmp_path / "x.db"
    result = run_batch([str(folder)], BatchOptions(db=str(db), **QUICK))

    assert result.counts["inserted"] == 6 and result.counts["copy"] == 1
    with open_store(db) as store, store.engine.connect() as conn:
        assert store.count() == 6
        (copy,) = copies_of(conn, "doc002")
    assert copy["input"] == str(folder / "zz-wire.txt") and copy["similarity"] >= 0.5


def test_batch_runner_finds_copies_of_articles_stored_by_ingest(tmp_path):
    texts = _texts(3)
    db = tmp_path / "x.db"
    with open_store(db) as store:
        docs = [r.document for r in read_inputs([str(_write(tmp_path / "old", texts))])]
        ingest_documents(store, [d for d in docs if d], ExtractOptions())
    folder = _write(tmp_path / "new", {"wire.txt": syndicate(texts["doc001.txt"])})
    result = run_batch([str(folder)], BatchOptions(db=str(db), **QUICK))
    assert result.counts["copy"] == 1
    assert ledger(db)[str(folder / "wire.txt")][0] == "copy"


def test_batch_runner_without_dedup_stores_the_copy_as_a_document(tmp_path):
    texts = _texts(2)
    texts["wire.txt"] = syndicate(texts["doc000.txt"])
    result = run_batch([str(_write(tmp_path / "in", texts))],
                       BatchOptions(db=str(tmp_path / "x.db"), dedup=False, **QUICK))
    assert result.counts["inserted"] == 3 and result.counts["copy"] == 0


def test_batch_runner_second_run_skips_everything_and_reports_the_same(tmp_path):
    batch = make_batch(tmp_path / "in", 40, broken_share=0.1, huge=False)
    db = tmp_path / "x.db"
    first = run_batch([str(batch.folder)], BatchOptions(db=str(db), **QUICK))
    dump = store_dump(db)
    again = run_batch([str(batch.folder)], BatchOptions(db=str(db), **QUICK))
    assert again.documents == 0 and again.resumed == sum(first.counts.values())
    assert again.counts == first.counts
    assert sorted(r.line() for r in again.rejects) == sorted(r.line() for r in first.rejects)
    assert store_dump(db) == dump


def test_batch_runner_restart_codes_again_without_doubling(tmp_path):
    folder = _write(tmp_path / "in", _texts(4))
    db = tmp_path / "x.db"
    run_batch([str(folder)], BatchOptions(db=str(db), **QUICK))
    dump = store_dump(db)
    again = run_batch([str(folder)], BatchOptions(db=str(db), restart=True, **QUICK))
    assert again.documents == 4 and again.counts["unchanged"] == 4
    assert store_dump(db) == dump


def test_batch_runner_changed_file_is_read_again(tmp_path):
    folder = _write(tmp_path / "in", _texts(3))
    db = tmp_path / "x.db"
    run_batch([str(folder)], BatchOptions(db=str(db), **QUICK))
    (folder / "doc001.txt").write_text(report(99, __import__("random").Random(1)) + " Neu.",
                                       encoding="utf-8")
    again = run_batch([str(folder)], BatchOptions(db=str(db), **QUICK))
    assert again.documents == 1 and again.counts["inserted"] == 3
    with open_store(db) as store:
        assert store.count() == 4  # the old text stays; the new one gets an id of its own


def test_batch_runner_streams_large_files_record_by_record(tmp_path):
    lines = [json.dumps({"id": f"r{i}", "text": t}) for i, t in enumerate(_texts(9).values())]
    lines.insert(4, "{not json")
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    options = BatchOptions(db=str(db), stream_bytes=100, chunk_size=2, **QUICK)
    result = run_batch([str(tmp_path / "dump.jsonl")], options)
    assert result.counts["inserted"] == 9
    assert [r.name for r in result.rejects] == [f"{tmp_path / 'dump.jsonl'}:5"]
    keys = {row[0] for row in sqlite3.connect(db).execute("SELECT unit FROM batch_results")}
    assert len(keys) == 10  # one unit per record: a resumed run skips record by record
    again = run_batch([str(tmp_path / "dump.jsonl")], options)
    assert again.documents == 0 and again.resumed == 10


def test_batch_runner_rejects_missing_inputs_with_a_reason(tmp_path):
    result = run_batch([str(tmp_path / "nope.txt")], BatchOptions(db=str(tmp_path / "x.db"),
                                                                  **QUICK))
    assert [r.reason for r in result.rejects] == ["no such file or folder"]


@pytest.mark.parametrize(("options", "message"), [
    ({"engine": "spark"}, "--output"),
    ({"output": "out"}, "--engine spark"),
    ({"workers": -1}, "workers"),
    ({"chunk_size": 0}, "chunk size"),
    ({"dedup_threshold": 0.0}, "threshold"),
    ({"engine": "flink"}, "supported: local, spark"),
])
def test_batch_options_reject_combinations_that_do_not_fit(options, message):
    with pytest.raises(BatchOptionsError, match=message):
        BatchOptions(**options)


def test_batch_cli_prints_rejections_and_a_summary(tmp_path):
    folder = _write(tmp_path / "in", _texts(3))
    (folder / "empty.txt").write_bytes(b"")
    rejects = tmp_path / "rejects.jsonl"
    result = CliRunner().invoke(cli, ["batch", str(folder), "--db", str(tmp_path / "x.db"),
                                      "--workers", "0", "--rejects", str(rejects)])
    assert result.exit_code == 0, result.output
    assert "inserted=3" in result.stdout and "rejected=1" in result.stdout
    assert f"rejected {folder / 'empty.txt'}: the input is empty" in result.stderr
    assert json.loads(rejects.read_text())["reason"] == "the input is empty"


def test_batch_cli_exit_status_2_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "empty.txt"), "--db",
                                      str(tmp_path / "x.db"), "--workers", "0"])
    assert result.exit_code == 2


@pytest.mark.parametrize(("args", "message"), [
    (["--engine", "spark"], "--output"),
    (["--engine", "spark", "--output", "o", "--db", "x.db"], "--db is for the local engine"),
    (["--output", "o"], "--engine spark"),
])
def test_batch_cli_checks_options_before_reading(tmp_path, args, message):
    result = CliRunner().invoke(cli, ["batch", str(tmp_path), *args])
    assert result.exit_code == 2 and message in result.output


def test_batch_runner_on_each_backend_keeps_copies_and_resumes(batch_db, tmp_path):
    texts = _texts(5)
    texts["wire.txt"] = syndicate(texts["doc003.txt"])
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.txt").write_bytes(b"\0\1\2")
    folder = _write(tmp_path / "in", texts)
    first = run_batch([str(folder)], BatchOptions(db=batch_db, **QUICK))
    assert (first.counts["inserted"], first.counts["copy"], first.counts["rejected"]) == (5, 1, 1)
    again = run_batch([str(folder)], BatchOptions(db=batch_db, **QUICK))
    assert again.documents == 0 and again.counts == first.counts
    with open_store(batch_db) as store, store.engine.connect() as conn:
        assert store.count() == 5
        assert [c["input"] for c in copies_of(conn, "doc003")] == [str(folder / "wire.txt")]


def test_batch_runner_rejects_a_document_over_the_time_limit_and_goes_on(tmp_path):
    folder = _write(tmp_path / "in", _texts(3))
    slow = run_batch([str(folder)], BatchOptions(db=str(tmp_path / "slow.db"), doc_seconds=1e-4,
                                                 **QUICK))
    assert slow.stored == 0 and len(slow.rejects) == 3
    assert all("coding took longer than" in r.reason for r in slow.rejects)
    fine = run_batch([str(folder)], BatchOptions(db=str(tmp_path / "fine.db"), **QUICK))
    assert fine.stored == 3 and not fine.rejects


def test_batch_options_refuse_a_negative_time_limit(tmp_path):
    with pytest.raises(BatchOptionsError, match="doc_seconds"):
        BatchOptions(db=str(tmp_path / "x.db"), doc_seconds=-1)
