"""The worker side: arbitrary bytes never crash a worker, and a killed worker loses nothing."""

from __future__ import annotations

import functools
import os
import signal
import tempfile
import threading
import time
from pathlib import Path

import pytest
from batch_corpus import make_batch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.batch import BatchOptions
from eventwire.batch.pool import WorkerPool
from eventwire.batch.units import Chunk, Unit
from eventwire.batch.worker import Coder

SUFFIXES = [".txt", ".html", ".rss", ".xml", ".json", ".jsonl", ".warc", ".warc.gz", ".gz",
            ".zip", ""]
FRAGMENTS = [b"<html><body><p>", b"</p>", b"<rss><channel><item><description>", b"{\"text\": ",
             b"\"Olaf Scholz traf Emmanuel Macron in Paris.\"}", b"\n", b"WARC/1.0\r\n",
             b"\x1f\x8b\x08\x00", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00",
             "Außenministerin Baerbock sagte, Russland müsse den Krieg beenden. ".encode()]
content = st.lists(st.sampled_from(FRAGMENTS) | st.binary(max_size=24), max_size=30).map(
    b"".join)


@functools.cache
def coder() -> Coder:
    return Coder(BatchOptions(workers=0, max_chars=20_000))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=content, suffix=st.sampled_from(SUFFIXES))
def test_batch_worker_takes_arbitrary_bytes_without_a_crash(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        outcomes = list(coder().outcomes(Unit("key", str(path), path=str(path))))
    assert outcomes
    for outcome in outcomes:
        assert (outcome.document is None) != (outcome.reason is None)
        assert outcome.document is None or outcome.document.text.strip()


@pytest.mark.skipif(not Path("/proc/self/task").exists(),
                    reason="finds worker processes through /proc (Linux)")
def test_batch_worker_killed_mid_chunk_is_retried_without_losing_a_unit(tmp_path):
    # enough documents that the worker is still coding when its start-up is over
    batch = make_batch(tmp_path / "in", 240, broken_share=0.0, huge=False)
    units = [Unit(str(p), str(p), path=str(p)) for p in batch.good]
    chunks = [Chunk(units[i:i + 6], 6) for i in range(0, len(units), 6)]
    killed: list[int] = []

    def kill_a_busy_worker() -> None:
        deadline = time.monotonic() + 60
        me = os.getpid()
        while time.monotonic() < deadline and not killed:
            children = Path(f"/proc/{me}/task/{me}/children").read_text().split()
            for pid in map(int, children):
                if _cpu_ticks(pid) > 300:  # past start-up: the pipeline is loaded and coding
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                    return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    with WorkerPool(BatchOptions(workers=1, chunk_size=6)) as pool:
        results = list(pool.run(chunks))
    killer.join()
    assert killed, "no worker was killed: the test did not test anything"
    names = [o.name for _, r in results for o in r.outcomes]
    assert names == [str(p) for p in batch.good]
    assert all(o.document is not None for _, r in results for o in r.outcomes)


def _cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])
