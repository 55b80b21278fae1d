"""``eventwire export`` from the command line: files, standard output (a pipe), errors."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.store import SqlStore

pd = pytest.importorskip("pandas", reason="needs the export extra: pip install -e '.[export]'")
pq = pytest.importorskip("pyarrow.parquet", reason="needs the export extra")


def eventwire() -> list[str]:
    script = Path(sys.executable).with_name("eventwire")
    return [str(script)] if script.exists() else [
        sys.executable, "-c", "from eventwire.cli.main import main; main()"]


def test_cli_export_writes_a_csv_file(export_store: SqlStore, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "--db", export_store.url,
                                      "--country", "RUS", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert len(pd.read_csv(out)) == export_store.events(None, limit=None).total - 1
    assert "events as csv" in result.output


def test_cli_export_streams_parquet_through_a_pipe(export_store: SqlStore) -> None:
    done = subprocess.run([*eventwire(), "export", "--format", "parquet", "--db",
                           export_store.url], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert pq.read_table(io.BytesIO(done.stdout)).num_rows == export_store.events().total


def test_cli_export_refuses_bad_filters_and_missing_stores(export_store: SqlStore,
                                                           tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(cli, ["export", "--format", "gdelt", "--db", export_store.url,
                              "--type", "PARTY"])
    assert bad.exit_code == 2 and "unknown event type PARTY" in bad.output
    missing = runner.invoke(cli, ["export", "--format", "gdelt", "--db",
                                  str(tmp_path / "none.db")])
    assert missing.exit_code == 2
