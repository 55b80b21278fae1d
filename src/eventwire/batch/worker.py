"""The worker side: read and code units, with the pipeline and KB loaded once per process.

``init_worker`` runs once in each worker process (the pool's initializer) and builds a
:class:`Coder`: the default pipeline (which loads the KB and language packs) and the MinHash
signer. Every chunk then only reads and codes. Workers never touch the store: they return
coded documents and the runner's single writer keeps them, in input order.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.batch.deadline import DocumentTimeout, time_limit
from eventwire.batch.options import BatchOptions
from eventwire.batch.units import Unit, too_long
from eventwire.extract import ExtractOptions, prepare
from eventwire.io import read_inputs
from eventwire.langdetect import identify_language
from eventwire.model import Document
from eventwire.pipeline.default import default_pipeline
from eventwire.runtime import settle_for_coding

log = logging.getLogger(__name__)
WARM_UP = {"de": "Bundeskanzler Olaf Scholz hat am Dienstag in Paris Emmanuel Macron getroffen.",
           "en": "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Tuesday."}


@dataclass(frozen=True)
class Outcome:
    """One result of a unit: a coded document (with its signature) or a reason."""

    unit: str
    seq: int
    name: str
    document: Document | None = None
    reason: str | None = None
    signature: bytes | None = None


@dataclass(frozen=True)
class ChunkResult:
    outcomes: list[Outcome]
    documents: int
    seconds: float
    peak_rss_mb: float


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (0 where the platform does not tell).

    Linux: ``VmHWM``, which starts afresh at ``exec``. ``ru_maxrss`` would not: a worker
    spawned late in a long batch would report the runner's memory at the time of the fork.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class Coder:
    """Everything one process needs to code documents, built once."""

    def __init__(self, options: BatchOptions) -> None:
        self.options = options
        self.extract = ExtractOptions(lang=options.lang, published=options.published)
        self.pipeline = default_pipeline()
        self.signer = make_signer(options)
        # Load the language's lazily built resources now rather than in the first chunk. Only
        # one language: English adds a parser (about 115 MB) that a German batch never needs,
        # and a mixed batch loads it with its first English document.
        lang = "de" if options.lang == "auto" else options.lang
        warm_up = Document(id="warm-up", text=WARM_UP[lang])
        self.pipeline(prepare(warm_up, ExtractOptions(lang=lang)))
        settle_for_coding()

    def code_units(self, units: list[Unit]) -> ChunkResult:
        start = time.perf_counter()
        outcomes = [o for unit in units for o in self.outcomes(unit)]
        return ChunkResult(outcomes, sum(o.document is not None for o in outcomes),
                           time.perf_counter() - start, peak_rss_mb())

    def outcomes(self, unit: Unit) -> Iterator[Outcome]:
        if unit.document is not None:
            if unit.identify:  # as eventwire.io.finish does when reading identifies it
                unit.document.lang = identify_language(unit.document.text)
            yield self.code(unit.key, 0, unit.name, unit.document)
        elif unit.path is not None:
            for seq, result in enumerate(read_inputs([unit.path], self.options.read)):
                if result.document is not None:
                    yield self.code(unit.key, seq, result.name, result.document)
                else:
                    reason = result.error.problem if result.error else "unreadable"
                    yield Outcome(unit.key, seq, result.name, reason=reason)
        else:
            yield Outcome(unit.key, 0, unit.name, reason=unit.error or "unreadable")

    def code(self, key: str, seq: int, name: str, doc: Document) -> Outcome:
        """Code one document; an error here rejects this document only."""
        reason = too_long(doc, self.options.max_chars)
        if reason:
            return Outcome(key, seq, name, reason=reason)
        try:
            with time_limit(self.options.doc_seconds):
                coded = self.pipeline(prepare(doc, self.extract))
        except DocumentTimeout:
            log.warning("coding %s took longer than %s s", name, self.options.doc_seconds)
            return Outcome(key, seq, name, reason=f"coding took longer than "
                           f"{self.options.doc_seconds:g} s (BatchOptions.doc_seconds)")
        except Exception as exc:  # broad on purpose: one document must not stop a batch
            log.exception("coding %s failed", name)
            return Outcome(key, seq, name, reason=f"coding failed ({type(exc).__name__}: {exc})")
        coded.tokens = []  # not stored, and the bulk of what would travel back
        signature = (self.signer.signature_bytes(coded.text) if self.signer is not None
                     else None)
        return Outcome(key, seq, name, document=coded, signature=signature)


def make_signer(options: BatchOptions) -> Any:
    """A near-duplicate index used for its signatures, or None without dedup/datasketch."""
    if not options.dedup:
        return None
    try:
        from eventwire.dedup import DedupOptions, NearDuplicateIndex
        return NearDuplicateIndex(DedupOptions(threshold=options.dedup_threshold))
    except ImportError:
        return None


_CODER: Coder | None = None


def init_worker(options: BatchOptions) -> None:
    """Pool initializer: build the coder once, and exit when the runner dies (kill -9)."""
    global _CODER
    _CODER = Coder(options)
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """An orphaned worker would keep coding for nobody; leave as soon as the parent is gone."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def code_chunk(units: list[Unit]) -> ChunkResult:
    """The task a pool runs: code one chunk with this process's coder."""
    if _CODER is None:
        raise RuntimeError("init_worker has not run in this process")
    return _CODER.code_units(units)
