"""The local engine: worker processes code, this process keeps, the ledger checkpoints.

Planning, coding and writing overlap: while the writer stores one chunk, the workers code the
next ones. Every chunk is committed with its ledger rows, which is the whole checkpoint.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from eventwire.batch.options import BatchOptions
from eventwire.batch.pool import WorkerPool
from eventwire.batch.progress import make_progress
from eventwire.batch.report import BatchReport
from eventwire.batch.units import Planner, entries
from eventwire.batch.worker import peak_rss_mb
from eventwire.batch.writer import Writer
from eventwire.store import open_store


def run_local(inputs: Sequence[str], options: BatchOptions) -> BatchReport:
    report = BatchReport("local", options.workers)
    start = time.perf_counter()
    with open_store(options.db) as store:
        report.target = store.url
        writer = Writer(store, options)
        if options.dedup and writer.index is None:
            report.warnings.append("near-duplicates are not detected: the optional extra "
                                   "'ingest' (datasketch) is not installed")
        items = entries(inputs, options)
        report.inputs = len(items)
        with make_progress(len(items), options.progress) as progress:

            def skipped(keys: list[str], inputs_done: int) -> None:
                report.add(writer.ledger(keys), earlier=True)
                progress.advance(inputs_done, 0)

            planner = Planner(items, options, writer.done, skipped)
            with WorkerPool(options) as pool:
                for chunk, result in pool.run(planner.chunks()):
                    report.add(writer.write(result.outcomes))
                    report.documents += result.documents
                    report.peak_worker_rss_mb = max(report.peak_worker_rss_mb,
                                                    result.peak_rss_mb)
                    report.warnings += [f"{o.name}: {err}" for o in result.outcomes
                                        if o.document is not None for err in o.document.errors]
                    progress.advance(chunk.entries, result.documents)
    report.seconds = time.perf_counter() - start
    report.peak_runner_rss_mb = peak_rss_mb()
    return report
