"""Every setting of the readers, with its default, in one place.

One frozen options object travels through all readers instead of keyword arguments on each,
so a batch runner or a worker process can pass one value (it pickles) and a test can change
one limit without touching the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    """Limits, encodings, language identification and fetching for :func:`read_inputs`."""

    max_document_bytes: int = 10 * MB
    """The largest single document: a text or HTML file, one archive member, one WARC record
    body, one JSON record, and the text extracted from any of them. Larger ones are rejected."""

    min_page_chars: int = 200
    """The shortest main text accepted from an HTML page: shorter ones are error pages, paywall
    teasers and index pages rather than articles. Plain text and feed entries have no minimum."""

    max_file_bytes: int = 256 * MB
    """The largest input that has to be parsed whole (a ``.json`` file, a feed, a fetched URL,
    a nested archive that must be spooled). Streamed formats (JSONL, WARC, zip) have no cap."""

    max_archive_members: int = 100_000
    """Members read from one zip archive; a larger archive is read up to this many."""

    max_depth: int = 3
    """How deep archives may nest (a zip in a zip is depth 2)."""

    fallback_encoding: str | None = "cp1252"
    """Tried when text is neither UTF-8 nor marked by a byte-order mark. cp1252 is a superset
    of Latin-1's printable characters, the usual encoding of legacy Western European news.
    ``None`` rejects such input instead."""

    identify_language: bool = True
    """Fill ``Document.lang`` from the text when the input's metadata does not give it."""

    default_published: dt.date | None = None
    """Publication date for documents whose metadata has none (recorded as ``cli``)."""

    fetch_timeout: float = 20.0
    """Seconds for the whole download of one http(s) argument, connection included."""

    user_agent: str = "eventwire-feed-reader/0.1"
