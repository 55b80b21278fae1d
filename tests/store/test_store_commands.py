"""``eventwire ingest``, ``events`` and ``documents`` on a real SQLite file.

Most tests call the click group in-process (CliRunner); one runs the installed ``eventwire``
entry point as a real process. Queries run on hand-built documents, so their expectations do
not move when the pipeline improves; ingest runs the real pipeline.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_corpus import corpus

from eventwire.cli.main import cli
from eventwire.store import open_store

TREFFEN = ("Bundeskanzler Olaf Scholz hat am Dienstag in Paris den französischen Präsidenten "
           "Emmanuel Macron getroffen.\n")
ANGRIFF = {"text": "Russland hat am 3. Mai 2023 die Ukraine angegriffen.",
           "url": "https://example.org/angriff", "source": "Tagesschau", "published": "2023-05-04"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """A folder with two good articles (one nested, as JSON with metadata) and two bad files."""
    folder = tmp_path / "news"
    (folder / "welt").mkdir(parents=True)
    (folder / "treffen.txt").write_text(TREFFEN, encoding="utf-8")
    (folder / "welt" / "angriff.json").write_text(json.dumps(ANGRIFF), encoding="utf-8")
    (folder / "kaputt.txt").write_bytes(bytes(range(32)) * 64)
    (folder / "leer.txt").write_text("  \n", encoding="utf-8")
    return folder


@pytest.fixture
def corpus_db(tmp_path: Path) -> str:
    path = tmp_path / "corpus.db"
    with open_store(path) as store:
        for doc in corpus():
            store.save(doc)
    return str(path)


def run(runner: CliRunner, *args: str, stdin: str | None = None):
    return runner.invoke(cli, list(args), input=stdin, catch_exceptions=False)


# --- ingest ------------------------------------------------------------------------------------

def test_store_commands_ingest_stores_good_inputs_and_names_bad_ones(runner, news, tmp_path):
    db = tmp_path / "eventwire.db"
    result = run(runner, "ingest", str(news), "--db", str(db), "--published", "2023-05-02")
    assert result.exit_code == 0, result.stderr
    assert "inserted=2 updated=0 unchanged=0 failed=0 unreadable=2" in result.stdout
    problems = sorted(line for line in result.stderr.splitlines() if "skipped" in line)
    assert len(problems) == 2                  # one line each, naming the file and a reason
    assert problems[0].split("kaputt.txt: ")[1] and problems[1].split("leer.txt: ")[1]
    with open_store(db, create=False) as store:
        rows = {r["id"]: r for r in store.documents().rows}
    assert set(rows) == {"treffen", "angriff"}
    assert rows["treffen"]["published"] == "2023-05-02"      # --published fills the gap
    assert rows["angriff"]["published"] == "2023-05-04"      # metadata wins
    assert rows["angriff"]["source"] == "Tagesschau"


def test_store_commands_ingest_twice_changes_nothing(runner, news, tmp_path):
    db = str(tmp_path / "eventwire.db")
    run(runner, "ingest", str(news), "--db", db)
    result = run(runner, "ingest", str(news), "--db", db, "-v")
    assert result.exit_code == 0
    assert "inserted=0 updated=0 unchanged=2 failed=0" in result.stdout
    assert "unchanged treffen" in result.stdout


def test_store_commands_ingest_replaces_a_changed_text_under_its_url(runner, news, tmp_path):
    db = str(tmp_path / "eventwire.db")
    run(runner, "ingest", str(news), "--db", db)
    changed = {**ANGRIFF, "text": "Russland hat am 5. Mai 2023 erneut die Ukraine angegriffen."}
    (news / "welt" / "angriff.json").write_text(json.dumps(changed), encoding="utf-8")
    result = run(runner, "ingest", str(news), "--db", db)
    assert "inserted=0 updated=1 unchanged=1" in result.stdout
    with open_store(db) as store:
        assert store.get_document("angriff").text == changed["text"]
        assert store.count() == 2


def test_store_commands_ingest_reads_standard_input(runner, tmp_path):
    db = str(tmp_path / "eventwire.db")
    result = run(runner, "ingest", "-", "--db", db, "--lang", "de", stdin=TREFFEN)
    assert result.exit_code == 0 and "inserted=1" in result.stdout
    with open_store(db) as store:
        assert store.get_document("stdin").lang == "de"


@pytest.mark.parametrize("inputs", [["missing.txt"], ["kaputt"], ["leer", "missing.txt"]])
def test_store_commands_ingest_nothing_readable_exits_2(runner, news, tmp_path, inputs):
    paths = [str(news / f"{name}.txt") if name != "missing.txt" else name for name in inputs]
    db = tmp_path / "eventwire.db"
    result = run(runner, "ingest", *paths, "--db", str(db))
    assert result.exit_code == 2
    assert "nothing could be read" in result.stderr
    assert not db.exists()


@pytest.mark.parametrize("command", [
    ["ingest", "NEWS"], ["events"], ["documents"],
])
@pytest.mark.parametrize(("db", "message"), [
    (lambda tmp: str(tmp), "is a folder"),
    (lambda tmp: str(tmp / "missing" / "x.db"), "does not exist"),
])
def test_store_commands_unopenable_database_exits_2_naming_it(runner, news, tmp_path, command,
                                                              db, message):
    where = db(tmp_path)
    args = [str(news) if a == "NEWS" else a for a in command]
    result = run(runner, *args, "--db", where)
    assert result.exit_code == 2
    assert where in result.stderr
    if command[0] == "ingest" or "missing" not in where:
        assert message in result.stderr


def test_store_commands_read_commands_do_not_create_a_database(runner, tmp_path):
    db = tmp_path / "none.db"
    result = run(runner, "events", "--db", str(db))
    assert result.exit_code == 2 and "no such file" in result.stderr
    assert not db.exists()


# --- events ------------------------------------------------------------------------------------

def jsonl_ids(output: str) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in output.splitlines()]
    return [(r["document_id"], r["id"]) for r in rows]


BM1, BM2, BN1 = ("berlin-moskau", "e1"), ("berlin-moskau", "e2"), ("berlin-moskau", "n1")
K1, K2, U1 = ("kiew", "e1"), ("kiew", "e2"), ("undated", "e1")


@pytest.mark.parametrize(("args", "expected"), [
    ([], [K1, K2, BM1, BM2, U1]),
    (["--actor", "RUSSLAND"], [BM1, BM2]),
    (["--actor", "state:UKR"], [K1, K2, U1]),
    (["--type", "assault", "--type", "AID"], [K1, K2]),
    (["--country", "ukr"], [K1, K2, U1]),
    (["--since", "2023-05-15"], [K1, K2, BM2]),
    (["--until", "2023-05-01"], [BM1, BM2]),
    (["--reported-by", "KCNA"], [BM2]),
    (["--outlet", "süddeutsche"], [K1, K2]),
    (["--text", "Charkiw"], [K1]),
    (["--document", "berlin-moskau", "--nonfactual"], [BN1, BM1, BM2]),  # n1: published day
    (["--limit", "2", "--offset", "1"], [K2, BM1]),
    (["--limit", "0"], [K1, K2, BM1, BM2, U1]),
])
def test_store_commands_events_filters(runner, corpus_db, args, expected):
    result = run(runner, "events", "--db", corpus_db, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.stderr
    assert jsonl_ids(result.stdout) == expected


def test_store_commands_events_jsonl_is_the_full_record(runner, corpus_db):
    result = run(runner, "events", "--db", corpus_db, "--format", "jsonl", "--reported-by", "kcna")
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"id", "type", "mode", "cameo", "source", "target", "date", "date_text", "place",
            "reported_by", "evidence", "confidence", "document_id"} <= row.keys()
    assert (row["source_names"], row["reported_by_names"]) == (["Olaf Scholz"], ["KCNA"])


def test_store_commands_events_csv_has_names_and_ids(runner, corpus_db):
    result = run(runner, "events", "--db", corpus_db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["document_id"], r["id"]) for r in rows] == [K1, K2, BM1, BM2, U1]
    bm2 = rows[3]
    assert (bm2["type"], bm2["source"], bm2["target"], bm2["reported_by"]) == (
        "CONSULT", "Olaf Scholz", "Russia", "KCNA")
    assert (bm2["source_ids"], bm2["date"], bm2["outlet"]) == ("a3", "2023-05", "Tagesschau")


def test_store_commands_events_table_shows_names_and_a_total(runner, corpus_db):
    result = run(runner, "events", "--db", corpus_db, "--limit", "3")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["document_id", "id", "date", "type", "mode", "source", "target",
                                "reported_by", "place"]
    assert "Lokale Behörden" in lines[2] and "Ukraine" in lines[2]
    assert lines[-1] == "3 of 5 events"


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "2023-13-01"], "not a date in the form YYYY-MM-DD"),
    (["--country", "DE"], "ISO 3166-1 alpha-3"),
    (["--type", "FIGHT"], "FIGHT"),
    (["--limit", "-1"], "-1"),
])
def test_store_commands_events_rejects_unusable_options(runner, corpus_db, args, message):
    result = run(runner, "events", "--db", corpus_db, *args)
    assert result.exit_code == 2
    assert message in result.stderr


# --- documents ---------------------------------------------------------------------------------

def test_store_commands_documents_table_and_jsonl(runner, corpus_db):
    table = run(runner, "documents", "--db", corpus_db)
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0].split()[:5] == ["id", "published", "lang", "events", "actors"]
    assert [line.split()[0] for line in lines[1:4]] == ["kiew", "berlin-moskau", "undated"]
    assert lines[-1] == "3 of 3 documents"
    jsonl = run(runner, "documents", "--db", corpus_db, "--format", "jsonl", "--lang", "de")
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert [(r["id"], r["events"], r["actors"]) for r in rows] == [("kiew", 2, 3),
                                                                   ("berlin-moskau", 2, 4)]


# --- the installed entry point, as a real process ----------------------------------------------

def test_store_commands_entry_point_ingests_and_queries_a_real_file(news, tmp_path):
    exe = Path(sys.executable).with_name("eventwire")
    command = str(exe) if exe.exists() else shutil.which("eventwire")
    if command is None:
        pytest.skip("the eventwire entry point is not installed (pip install -e .)")
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}

    def eventwire(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([command, *args], cwd=work, env=env, capture_output=True,
                              text=True, timeout=300)

    ingest = eventwire("ingest", str(news), "--published", "2023-05-02")
    assert ingest.returncode == 0, ingest.stderr
    assert "inserted=2" in ingest.stdout and "kaputt.txt" in ingest.stderr
    assert (work / "eventwire.db").is_file()                  # the default --db
    documents = eventwire("documents", "--format", "jsonl")
    assert sorted(json.loads(line)["id"] for line in documents.stdout.splitlines()) == [
        "angriff", "treffen"]
    events = eventwire("events", "--format", "jsonl")
    assert events.returncode == 0, events.stderr
    for line in events.stdout.splitlines():
        row = json.loads(line)
        assert row["document_id"] in {"angriff", "treffen"} and row["type"]
    again = eventwire("ingest", str(news))
    assert "unchanged=2" in again.stdout and again.returncode == 0
