"""What a batch consists of: input units with stable keys, grouped into chunks in input order.

A *unit* is a small file (read and coded by a worker), or one document of a large file, a URL
or standard input (read here, coded by a worker). Its key is its name plus a fingerprint of the
file (size and modification time), so a killed run resumes at the first unit it had not
committed, and a file changed since is read again. Units are planned lazily and in input order
(folders in sorted order, as ``read_inputs`` reads them), which the writer keeps: ids and the
choice of the first copy of a wire story are then the same in every run.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.batch.options import BatchOptions
from eventwire.io import expand_paths, read_inputs
from eventwire.io.fetch import is_url
from eventwire.model import Document

STDIN = "-"
STREAM = "stream"
DoneQuery = Callable[[list[str]], set[str]]


@dataclass(frozen=True)
class Entry:
    """One file, URL or ``-`` after folders are expanded."""

    name: str
    key: str
    streamed: bool


@dataclass(frozen=True)
class Unit:
    """Work for a worker: a file to read (``path``) or a document already read."""

    key: str
    name: str
    path: str | None = None
    document: Document | None = None
    error: str | None = None
    identify: bool = False
    """The worker identifies the document's language (the runner's reading skipped that, the
    costliest part of reading, so that one reading process feeds many workers)."""


@dataclass
class Chunk:
    """Units coded together and stored in one transaction; ``entries`` it completes."""

    units: list[Unit] = field(default_factory=list)
    entries: int = 0


def too_long(doc: Document, limit: int) -> str | None:
    """Why a text is not coded: the pipeline's memory grows with it (``max_chars``)."""
    if len(doc.text) > limit:
        return (f"too long to code: {len(doc.text)} characters; the limit is {limit} "
                "(BatchOptions.max_chars)")
    return None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def fingerprint(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return "unreadable"
    return f"{stat.st_size}-{stat.st_mtime_ns}"


def entries(inputs: Iterable[str], options: BatchOptions) -> list[Entry]:
    """Every input file in reading order; large files, URLs and ``-`` are streamed."""
    found: list[Entry] = []
    seen: set[str] = set()
    for raw in inputs:
        if raw == STDIN or is_url(raw):
            found.append(Entry(raw, f"{raw}@{STREAM}", True))
            continue
        for path in expand_paths([Path(raw)]):
            name = str(path)
            key = f"{path.resolve()}@{fingerprint(path)}"
            if key in seen:
                continue
            seen.add(key)
            found.append(Entry(name, key, _large(path, options.stream_bytes)))
    return found


def _large(path: Path, limit: int) -> bool:
    try:
        return path.is_file() and path.stat().st_size > limit
    except OSError:
        return False


class Planner:
    """Chunks of units not yet done, in input order; tells ``on_skip`` what it passes over."""

    def __init__(self, items: Sequence[Entry], options: BatchOptions, is_done: DoneQuery,
                 on_skip: Callable[[list[str], int], None]) -> None:
        self.items = items
        self.options = options
        self.is_done = is_done
        self.on_skip = on_skip

    def chunks(self) -> Iterator[Chunk]:
        size = self.options.chunk_size
        chunk = Chunk()
        for start in range(0, len(self.items), 500):
            window = self.items[start:start + 500]
            done = self.is_done([e.key for e in window if not e.streamed])
            self.on_skip([e.key for e in window if e.key in done], len(done))
            for entry in window:
                if entry.streamed:
                    for unit in self._streamed(entry):
                        chunk.units.append(unit)
                        if len(chunk.units) >= size:
                            yield chunk
                            chunk = Chunk()
                    chunk.entries += 1
                elif entry.key not in done:
                    chunk.units.append(Unit(entry.key, entry.name, path=entry.name))
                    chunk.entries += 1
                if len(chunk.units) >= size:
                    yield chunk
                    chunk = Chunk()
        if chunk.units or chunk.entries:
            yield chunk

    def _streamed(self, entry: Entry) -> Iterator[Unit]:
        """Documents of a large file, URL or standard input, read here, in groups."""
        group: list[Unit] = []
        stamp = entry.key.rsplit("@", 1)[1]
        identify = self.options.read.identify_language
        reading = dataclasses.replace(self.options.read, identify_language=False)
        for n, result in enumerate(read_inputs([entry.name], reading), 1):
            doc = result.document
            reason = None if doc else (result.error.problem if result.error else "unreadable")
            if doc is not None and (reason := too_long(doc, self.options.max_chars)):
                doc = None  # rejected here: a 10 MB text need not travel to a worker
            # A URL or standard input has no file to fingerprint: its content is the stamp.
            seal = stamp if stamp != STREAM else _digest(doc.text if doc else str(reason))
            key = f"{result.name}#{n}@{seal}"
            group.append(Unit(key, result.name, document=doc, error=reason,
                              identify=identify and doc is not None and doc.lang is None))
            if len(group) >= self.options.chunk_size:
                yield from self._fresh(group)
                group = []
        yield from self._fresh(group)

    def _fresh(self, group: list[Unit]) -> list[Unit]:
        if not group:
            return []
        done = self.is_done([u.key for u in group])
        if done:
            self.on_skip([u.key for u in group if u.key in done], 0)
        return [u for u in group if u.key not in done]
