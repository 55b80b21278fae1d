"""``eventwire fuse``, ``claims``, ``dyad`` and ``events --fused`` from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fusion_docs import small_corpus

from eventwire.cli.main import cli
from eventwire.fusion.cluster import fused_id
from eventwire.store import open_store

MEETING = fused_id(("m1", "e1"))


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "eventwire.db"
    with open_store(path) as store:
        for d in small_corpus():
            store.save(d)
    return str(path)


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_fuse_reports_what_it_did_and_is_idempotent(db) -> None:
    first = run("fuse", "--db", db)
    assert first.exit_code == 0
    assert "documents=5 copies=1 reports=5 created=3" in first.output
    again = run("fuse", "--db", db)
    assert "reports=0 created=0" in again.output and "fused_events=3" in again.output
    assert "created=3" in run("fuse", "--db", db, "--rebuild").output


def test_cli_events_fused_lists_one_row_per_fused_event(db) -> None:
    run("fuse", "--db", db)
    table = run("events", "--db", db, "--fused")
    lines = table.output.splitlines()
    assert lines[0].split()[:4] == ["id", "date", "type", "mode"]
    assert lines[-1] == "3 of 3 fused events"
    rows = [json.loads(line) for line in
            run("events", "--db", db, "--fused", "--format", "jsonl").output.splitlines()]
    meeting = next(r for r in rows if r["id"] == MEETING)
    assert [{k: r[k] for k in ("document_id", "event_id", "source", "lang")}
            for r in meeting["reports"]] == [
        {"document_id": "m1", "event_id": "e1", "source": "Pacific Dispatch", "lang": "en"},
        {"document_id": "m2", "event_id": "e1", "source": "Elbe-Kurier", "lang": "en"}]
    found = list(csv.DictReader(io.StringIO(
        run("events", "--db", db, "--fused", "--format", "csv", "--actor", "Kozlov").output)))
    assert [(r["id"], r["reports"], r["stories"]) for r in found] == [(MEETING, "2", "1")]


def test_cli_claims_text_shows_chain_and_state_media(db) -> None:
    run("fuse", "--db", db)
    result = run("claims", MEETING, "--db", db)
    assert result.exit_code == 0
    text = result.output
    assert ("Pacific Dispatch -> Korean Central News Agency (KCNA) [state media] -> Kim Jong Un"
            in text)
    assert "Every report rests on state-controlled media" in text
    assert "2 reports from 1 independent story" in text
    data = json.loads(run("claims", MEETING, "--db", db, "--format", "json").output)
    assert data["state_media_only"] and data["report_count"] == 2
    assert data["first_report"]["chain"][1] == {
        "name": "Korean Central News Agency (KCNA)", "role": "reported_by", "kb_id": "org:kcna",
        "state_media": True}


def test_cli_claims_of_an_unknown_event_fails_with_a_hint(db) -> None:
    run("fuse", "--db", db)
    result = run("claims", "fe-nothing", "--db", db)
    assert result.exit_code == 1 and "run eventwire fuse first" in result.output


def test_cli_dyad_table_csv_and_json(db) -> None:
    run("fuse", "--db", db)
    table = run("dyad", "RUS", "UKR", "--db", db, "--by", "day")
    assert table.exit_code == 0
    assert table.output.splitlines()[-1] == "2 fused events (3 reports) between RUS and UKR"
    rows = list(csv.DictReader(io.StringIO(
        run("dyad", "RUS", "UKR", "--db", db, "--format", "csv").output)))
    assert [(r["period"], r["type"], r["events"], r["reports"]) for r in rows] == [
        ("2024-11", "ASSAULT", "2", "3")]
    data = json.loads(run("dyad", "Kim", "country:rus", "--db", db, "--format", "json").output)
    assert data["events"] == 1 and data["rows"][0]["event_ids"] == [MEETING]


def test_cli_dyad_refuses_an_inverted_range(db) -> None:
    result = run("dyad", "RUS", "UKR", "--db", db, "--since", "2024-12-01",
                 "--until", "2024-11-01")
    assert result.exit_code == 2 and "after --until" in result.output


def test_cli_fusion_commands_need_an_existing_database(tmp_path) -> None:
    result = run("fuse", "--db", str(tmp_path / "missing.db"))
    assert result.exit_code == 2 and "no such file" in result.output
