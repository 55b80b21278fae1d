"""Every setting of a batch run, with its default, in one place, checked in one place.

One frozen object goes from the CLI to the runner and (pickled) to every worker process or
Spark executor, so the engines cannot drift apart in what they read and how they code it.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Literal

from eventwire.errors import EventwireError
from eventwire.io.options import MB, ReadOptions

Engine = Literal["local", "spark"]
ENGINES: tuple[Engine, ...] = ("local", "spark")


class BatchOptionsError(EventwireError, ValueError):
    """Options that do not fit together; the message says which and what to do."""


@dataclass(frozen=True)
class BatchOptions:
    """How to read, code and keep a batch; see ``docs/batch.md``."""

    engine: Engine = "local"
    db: str = "eventwire.db"
    """The store the local engine writes (a file path or a database URL)."""

    output: str | None = None
    """The folder (or cluster URI) the Spark engine writes Parquet to."""

    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    """Worker processes of the local engine; 0 codes in the runner's own process."""

    worker_chunks: int = 100
    """Chunks a worker process codes before a fresh one replaces it. The pipeline's caches
    grow with every new word and name; a fresh process every few thousand documents keeps a
    worker's memory flat for a few seconds of start-up."""

    chunk_size: int = 32
    """Inputs per task: a chunk is coded by one worker and stored in one transaction, and it is
    the unit the checkpoint advances by."""

    lang: str = "auto"
    published: dt.date | None = None
    """Publication date for documents whose metadata has none (as ``ingest --published``)."""

    max_chars: int = 200_000
    """The longest text that is coded (about 30,000 words, far beyond a news article). Longer
    texts are rejected: the pipeline's memory grows with the text, and a 10 MB log file is no
    article."""

    doc_seconds: float = 60.0
    """The longest a worker spends on one document; a document that takes longer is rejected
    with the reason, and the worker goes on with the next. 0 means no limit. (A 300-word
    article takes about 10 ms.)"""

    stream_bytes: int = 1 * MB
    """Files larger than this (a JSONL dump, a WARC file) are read by the runner and their
    documents sent to the workers in chunks, so that all workers share one file and no worker
    holds all of it. Smaller files are read by the workers themselves."""

    dedup: bool = True
    """Keep syndicated copies of a stored article as further sources of it (MinHash/LSH)."""

    dedup_threshold: float = 0.5
    """Estimated Jaccard similarity from which a text is a copy (``DedupOptions.threshold``)."""

    restart: bool = False
    """Forget which inputs earlier runs finished and code everything again."""

    progress: bool | None = None
    """Show a progress bar: ``None`` shows it when standard error is a terminal."""

    rejects: str | None = None
    """A JSON Lines file to write every rejected input to (name, status, reason)."""

    master: str | None = None
    """Spark master for a run outside ``spark-submit``; default ``local[workers]``."""

    read: ReadOptions = field(default_factory=ReadOptions)

    def __post_init__(self) -> None:
        check(self)


def check(options: BatchOptions) -> None:
    """Every cross-option rule, so the CLI and library callers get the same messages."""
    if options.engine not in ENGINES:
        raise BatchOptionsError(f"unknown engine {options.engine!r}; supported: "
                                f"{', '.join(ENGINES)}")
    if options.engine == "spark" and not options.output:
        raise BatchOptionsError("the spark engine writes Parquet files: give --output DIR")
    if options.engine == "local" and options.output:
        raise BatchOptionsError("--output is for --engine spark; the local engine writes "
                                "to the store given by --db")
    if options.workers < 0:
        raise BatchOptionsError(f"workers must be 0 or more, not {options.workers}")
    if options.worker_chunks < 1:
        raise BatchOptionsError(f"worker_chunks must be at least 1, not {options.worker_chunks}")
    if options.chunk_size < 1:
        raise BatchOptionsError(f"chunk size must be at least 1, not {options.chunk_size}")
    if options.doc_seconds < 0:
        raise BatchOptionsError(f"doc_seconds must be 0 (no limit) or more, not "
                                f"{options.doc_seconds}")
    if options.max_chars < 1:
        raise BatchOptionsError(f"max_chars must be at least 1, not {options.max_chars}")
    if not 0.0 < options.dedup_threshold <= 1.0:
        raise BatchOptionsError(f"the near-duplicate threshold must be in (0, 1], not "
                                f"{options.dedup_threshold}")
    if options.lang not in ("auto", "de", "en"):
        raise BatchOptionsError(f"unknown language {options.lang!r}; supported: auto, de, en")
