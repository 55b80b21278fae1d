"""Plain text: one file, one document, named after the file."""

from __future__ import annotations

from collections.abc import Iterator

from eventwire.errors import InputError
from eventwire.io.finish import finished
from eventwire.io.options import ReadOptions
from eventwire.io.results import ReadResult
from eventwire.io.source import Source
from eventwire.io.textdecode import decode
from eventwire.model import Document


def read_text(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """One document; ``x.gold.txt`` keeps the id ``x`` so gold files pair with their text."""
    try:
        data = source.read_all(options.max_document_bytes)
        text = decode(data, source.name, options.fallback_encoding)
    except InputError as exc:
        yield ReadResult.of(exc)
        return
    yield finished(source.name, Document(id=source.stem.removesuffix(".gold"), text=text),
                   options)
