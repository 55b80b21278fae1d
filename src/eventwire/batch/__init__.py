"""Coding many inputs: ``run_batch(inputs, options)`` on local processes or on Apache Spark.

Both engines read with :func:`eventwire.io.read_inputs`'s readers and code with the default
pipeline; the local engine keeps results in a store with a checkpoint and near-duplicate
grouping, the Spark engine writes Parquet. See ``docs/batch.md``.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.batch.options import BatchOptions, BatchOptionsError
from eventwire.batch.report import BatchReport, Reject

__all__ = ["BatchOptions", "BatchOptionsError", "BatchReport", "Reject", "run_batch"]


def run_batch(inputs: Sequence[str], options: BatchOptions | None = None) -> BatchReport:
    """Read, code and keep every input; rejected inputs are listed in the report, never raised.

    Raises :class:`~eventwire.store.StoreError` when the store cannot be written (a rerun then
    resumes where the run stopped).
    """
    opts = options or BatchOptions()
    if opts.engine == "spark":
        from eventwire.batch.spark import run_spark  # pyspark is an optional extra

        report = run_spark(inputs, opts)
    else:
        from eventwire.batch.local import run_local

        report = run_local(inputs, opts)
    if opts.rejects:
        report.write_rejects(opts.rejects)
    return report
