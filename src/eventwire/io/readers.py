"""The functions callers used before the readers were split by format.

``read_path`` reads one file of any supported format and raises the first problem as an
:class:`~eventwire.errors.InputError`, which suits a caller that reads one file. Batches should
use :func:`eventwire.io.read_inputs`, which reports problems per document and goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eventwire.io.dates import parse_date
from eventwire.io.dispatch import read_source
from eventwire.io.inputs import expand_paths
from eventwire.io.options import ReadOptions
from eventwire.io.records import document_from_record
from eventwire.io.source import Source
from eventwire.io.textdecode import decode
from eventwire.model import Document

__all__ = ["decode", "document_from_record", "expand_paths", "parse_date", "read_path"]


def read_path(path: Path, options: ReadOptions | None = None) -> Iterator[Document]:
    """Documents in one file; the first unreadable part raises ``InputError``."""
    for result in read_source(Source.from_path(path), options or ReadOptions()):
        if result.error is not None:
            raise result.error
        if result.document is not None:
            yield result.document
