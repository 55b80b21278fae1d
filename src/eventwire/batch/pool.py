"""Worker processes that code chunks, with results handed back in input order.

A ``concurrent.futures`` process pool (spawned processes: the same behaviour on Linux, macOS
and Windows, and no copy of the runner's open database connections). Each worker builds the
pipeline once, in the pool's initializer, and is replaced by a fresh one after
``worker_chunks`` chunks. At most ``2 x workers`` chunks are in flight, so memory stays
bounded however long the batch. A worker that dies (a crash in a parser, the kernel's
out-of-memory killer) breaks the pool: the chunk it held is retried one unit at a time in a
fresh pool, and only the unit that kills a worker again is rejected, with that reason.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from eventwire.batch.options import BatchOptions
from eventwire.batch.units import Chunk, Unit
from eventwire.batch.worker import ChunkResult, Coder, Outcome, code_chunk, init_worker
from eventwire.errors import EventwireError

CRASHED = ("the worker process died while reading or coding it (a crash in a parser, or "
           "out of memory)")
WORKERS_FAILED = ("the worker processes die before they code anything; see the error above. A "
                  "script that calls run_batch must guard it with if __name__ == '__main__':, "
                  "because workers are spawned processes that import the script again")
WORKERS_FAILED = ("the worker processes die before they code anything; see the error above. A "
                  "script that calls run_batch must guard it with if __name__ == '__main__':, "
                  "because workers are spawned processes that import the script again")
Pending = deque[tuple[Chunk, "Future[ChunkResult]"]]


class WorkersFailed(EventwireError):
    """The worker processes cannot start, so no input can be coded."""


class WorkerPool:
    """Codes chunks in ``options.workers`` processes (0: in this process)."""

    def __init__(self, options: BatchOptions) -> None:
        self.options = options
        self._executor: ProcessPoolExecutor | None = None
        self._started = False

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop()

    def run(self, chunks: Iterable[Chunk]) -> Iterator[tuple[Chunk, ChunkResult]]:
        """Each chunk with its result, in the order the chunks came."""
        if self.options.workers == 0:
            coder = Coder(self.options)
            for chunk in chunks:
                yield chunk, coder.code_units(chunk.units)
            return
        pending: Pending = deque()
        for chunk in chunks:
            pending.append((chunk, self._submit(chunk.units)))
            if len(pending) >= 2 * self.options.workers:
                yield self._finish(pending)
        while pending:
            yield self._finish(pending)

    def _submit(self, units: list[Unit]) -> Future[ChunkResult]:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.options.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker, initargs=(self.options,),
                max_tasks_per_child=self.options.worker_chunks)
        return self._executor.submit(code_chunk, units)

    def _finish(self, pending: Pending) -> tuple[Chunk, ChunkResult]:
        chunk, future = pending.popleft()
        try:
            result = future.result()
            self._started = True
            return chunk, result
        except BrokenProcessPool:
            self._stop()
        if not self._started:
            self._probe()
        result = self._isolate(chunk.units)
        for n, (waiting, _) in enumerate(pending):  # their futures died with the pool
            pending[n] = (waiting, self._submit(waiting.units))
        return chunk, result

    def _probe(self) -> None:
        """Tell a hostile input from workers that cannot run at all: give them no work."""
        try:
            self._submit([]).result()
        except BrokenProcessPool:
            self._stop()
            raise WorkersFailed(WORKERS_FAILED) from None
        self._started = True

    def _isolate(self, units: list[Unit]) -> ChunkResult:
        """Code a chunk whose worker died one unit at a time, rejecting the unit that kills."""
        outcomes: list[Outcome] = []
        documents, seconds, peak = 0, 0.0, 0.0
        for unit in units:
            try:
                result = self._submit([unit]).result()
            except BrokenProcessPool:
                self._stop()
                outcomes.append(Outcome(unit.key, 0, unit.name, reason=CRASHED))
                continue
            outcomes += result.outcomes
            documents += result.documents
            seconds += result.seconds
            peak = max(peak, result.peak_rss_mb)
        return ChunkResult(outcomes, documents, seconds, peak)

    def _stop(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
