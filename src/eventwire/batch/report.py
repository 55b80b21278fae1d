"""What a batch did: counts per outcome, every rejected input with its reason, and speed.

The same report comes back from every engine, so the CLI prints one summary whatever ran.
Rejections recorded by an earlier, interrupted run of the same inputs are included, so the
report of a resumed run is the report of the whole batch.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.store.batchlog import LedgerRow

STORED = ("inserted", "updated", "unchanged")
REJECTS = ("rejected", "failed")


@dataclass(frozen=True)
class Reject:
    """An input (file, record, member, entry) that was not stored, and why."""

    name: str
    status: str
    reason: str

    def line(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass
class BatchReport:
    engine: str
    workers: int
    target: str = ""
    """Where the results went: the store's address or the output folder."""

    counts: Counter[str] = field(default_factory=Counter)
    rejects: list[Reject] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    inputs: int = 0
    """Files, URLs and ``-`` after folders were expanded."""

    resumed: int = 0
    """Results an earlier run had already committed (skipped now)."""

    documents: int = 0
    """Documents coded by this run."""

    seconds: float = 0.0
    peak_worker_rss_mb: float = 0.0
    peak_runner_rss_mb: float = 0.0
    """The runner: reading large files, the writer and the near-duplicate index (about
    10 KB per stored article)."""

    def add(self, rows: Iterable[LedgerRow], *, earlier: bool = False) -> None:
        for row in rows:
            self.counts[row.status] += 1
            self.resumed += earlier
            if row.status in REJECTS:
                self.rejects.append(Reject(row.name, row.status, row.reason or "unknown"))

    @property
    def stored(self) -> int:
        """Documents now in the store or output (new, replaced or already there)."""
        return sum(self.counts[s] for s in STORED)

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        parts = [f"{s}={self.counts[s]}" for s in (*STORED, "copy", *REJECTS)]
        memory = (f", peak worker RSS {self.peak_worker_rss_mb:.0f} MB, runner "
                  f"{self.peak_runner_rss_mb:.0f} MB" if self.peak_worker_rss_mb else "")
        return (f"{self.target}: {' '.join(parts)} resumed={self.resumed} "
                f"coded={self.documents} in {self.seconds:.1f}s "
                f"({self.docs_per_second:.1f} docs/s, {self.workers} workers, "
                f"{self.engine}{memory})")

    def write_rejects(self, path: str | Path) -> None:
        """Every rejection as one JSON object per line: name, status, reason."""
        with Path(path).open("w", encoding="utf-8") as out:
            for reject in self.rejects:
                out.write(json.dumps({"name": reject.name, "status": reject.status,
                                      "reason": reject.reason}, ensure_ascii=False) + "\n")
