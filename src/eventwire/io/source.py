"""An input that can be opened (again) as a byte stream, wherever it lives.

Files, archive members, decompressed streams, standard input and downloads all become a
:class:`Source`, so each format reader is written once and works at any nesting depth. Reads
are capped: a reader asks for at most the limit plus one byte, so neither a huge file nor a
decompression bomb is ever held in memory whole.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from eventwire.errors import InputError

# What broken files, truncated compression and bad archives raise while being read.
STREAM_ERRORS: tuple[type[BaseException], ...] = (
    OSError, EOFError, zlib.error, zipfile.BadZipFile, zipfile.LargeZipFile,
)

_COMPOUND = (".warc.gz", ".jsonl.gz", ".ndjson.gz")


@dataclass(frozen=True)
class Source:
    """A named input; ``opener`` may be called more than once (to sniff, then to read).

    ``name`` is what results and errors show (``a.zip!x/b.html``); ``leaf`` is the file name
    the format is guessed from (``b.html``).
    """

    name: str
    opener: Callable[[], BinaryIO]
    leaf: str
    size: int | None = None
    depth: int = 0

    @classmethod
    def from_path(cls, path: Path) -> Source:
        try:
            size: int | None = path.stat().st_size
        except OSError:
            size = None
        return cls(str(path), lambda: path.open("rb"), path.name, size)

    @classmethod
    def from_bytes(cls, name: str, data: bytes, leaf: str | None = None,
                   depth: int = 0) -> Source:
        return cls(name, lambda: io.BytesIO(data), leaf or name, len(data), depth)

    def inner(self, member: str, opener: Callable[[], BinaryIO],
              size: int | None = None) -> Source:
        """A member of this archive (or the stream inside this compressed file)."""
        leaf = PurePosixPath(member.replace("\\", "/")).name or member
        return Source(f"{self.name}!{member}", opener, leaf, size, self.depth + 1)

    @property
    def stem(self) -> str:
        """The leaf without its format suffixes: ``CC-NEWS-1.warc.gz`` gives ``CC-NEWS-1``."""
        leaf = self.leaf
        lower = leaf.lower()
        for compound in _COMPOUND:
            if lower.endswith(compound):
                return leaf[: -len(compound)] or leaf
        if lower.endswith(".gz"):
            leaf = leaf[:-3]
        return PurePosixPath(leaf).stem or leaf

    def head(self, n: int = 2048) -> bytes:
        """The first bytes, for sniffing the format; empty when unreadable."""
        try:
            with self.opener() as stream:
                return stream.read(n)
        except STREAM_ERRORS:
            return b""

    def read_all(self, limit: int, setting: str = "max_document_bytes") -> bytes:
        """The whole input, refused when over ``limit`` bytes (the option named ``setting``)."""
        if self.size is not None and self.size > limit:
            raise InputError(self.name, too_large(self.size, limit, setting))
        try:
            with self.opener() as stream:
                data = stream.read(limit + 1)
        except STREAM_ERRORS as exc:
            raise InputError(self.name, stream_problem(exc)) from exc
        if len(data) > limit:
            raise InputError(self.name, too_large(None, limit, setting))
        return data


def too_large(size: int | None, limit: int, setting: str) -> str:
    found = f"{size} bytes" if size is not None else "more than that"
    return f"too large: {found}; the limit is {limit} bytes (ReadOptions.{setting})"


def stream_problem(exc: BaseException) -> str:
    """A reason for a read that failed half-way, in words a user can act on."""
    if isinstance(exc, EOFError):
        return f"the compressed data is truncated ({exc})"
    if isinstance(exc, zlib.error | zipfile.BadZipFile | gzip.BadGzipFile):
        return f"the compressed data is corrupt ({exc})"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read: {exc.strerror}"
    return f"cannot read: {exc or type(exc).__name__}"
