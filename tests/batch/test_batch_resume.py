"""kill -9 in the middle of a batch, run it again: the store equals an uninterrupted run's.

The batch runs as a real ``eventwire batch`` process with real worker processes and a real
SQLite file; the kill is SIGKILL to the runner once the checkpoint shows progress, so nothing
in the runner gets a chance to clean up.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_corpus import ledger, make_batch, store_dump

RUN = "from eventwire.cli.main import main; main()"


def _batch(db: Path, folder: Path) -> list[str]:
    return [sys.executable, "-c", RUN, "batch", str(folder), "--db", str(db), "--workers", "2",
            "--chunk-size", "4", "--no-progress", "--published", "2024-03-01"]


def _committed(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM batch_results").fetchone()[0])
    except sqlite3.Error:
        return 0


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _gone(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not [p for p in pids if Path(f"/proc/{p}").exists() and not _zombie(p)]:
            return True
        time.sleep(0.2)
    return False


def _zombie(pid: int) -> bool:
    try:
        return " Z " in Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(),
                    reason="finds worker processes through /proc (Linux)")
def test_batch_resume_after_kill_9_equals_an_uninterrupted_run(tmp_path):
    batch = make_batch(tmp_path / "in", 240, broken_share=0.05, copies=12, huge=False)
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    subprocess.run(_batch(whole, batch.folder), check=True, capture_output=True, timeout=600)

    runner = subprocess.Popen(_batch(killed, batch.folder), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while _committed(killed) < 40 and runner.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert runner.poll() is None, "the batch finished before it could be killed"
    workers = _children(runner.pid)
    os.kill(runner.pid, signal.SIGKILL)
    runner.wait()
    assert 0 < _committed(killed) < _committed(whole)
    assert _gone(workers, 10), "worker processes outlived the killed runner"

    rerun = subprocess.run(_batch(killed, batch.folder), capture_output=True, text=True,
                           timeout=600, check=True)
    assert "resumed=" in rerun.stdout and "resumed=0 " not in rerun.stdout

    assert store_dump(killed) == store_dump(whole)
    assert ledger(killed) == ledger(whole)
    statuses = ledger(whole)
    assert all(statuses[str(path)][0] == "copy" for path in batch.copies)
