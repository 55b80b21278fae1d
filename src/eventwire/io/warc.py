"""WARC and WARC.gz files, such as Common Crawl's CC-NEWS: each HTML response is an article.

Records are streamed one at a time (warcio), so a file of any size is read in the memory of
its largest record, and that is capped. Requests, metadata, redirects, error pages and
non-HTML responses are not articles and are passed over silently. The capture date
(``WARC-Date``) is only a fallback: a page is usually captured after it was published, so the
page's own metadata wins, and a capture date is recorded as ``warc``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from eventwire.errors import InputError
from eventwire.io.dates import parse_date
from eventwire.io.extras import require
from eventwire.io.html import html_result
from eventwire.io.options import ReadOptions
from eventwire.io.results import ReadResult
from eventwire.io.source import Source, too_large

HTML_TYPES = ("text/html", "application/xhtml+xml")
ARTICLE_RECORDS = ("response", "resource")


def read_warc(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """Record ``n`` (counting every record) is named ``crawl.warc.gz#n``, id ``crawl-n``."""
    try:
        archive = require("warcio.archiveiterator", source.name, "WARC files")
        stream = source.opener()
    except InputError as exc:
        yield ReadResult.of(exc)
        return
    except OSError as exc:
        yield ReadResult.failed(source.name, f"cannot read: {exc.strerror or exc}")
        return
    n = 0
    with stream:
        try:
            for n, record in enumerate(archive.ArchiveIterator(stream), 1):
                if record.format != "warc":
                    yield ReadResult.failed(source.name, "not a WARC file (no WARC/1.x header "
                                                         f"at record {n})")
                    return
                result = _record_result(record, n, source, options)
                if result is not None:
                    yield result
        except Exception as exc:  # broad on purpose: warcio raises many kinds on broken archives
            where = f"after record {n}" if n else "at the start"
            yield ReadResult.failed(source.name, f"the WARC data is truncated or corrupt {where} "
                                                 f"({type(exc).__name__}: {str(exc)[:200]})")
        if n == 0:
            yield ReadResult.failed(source.name, "not a WARC file (no WARC records found)")


def _record_result(record: Any, n: int, source: Source,
                   options: ReadOptions) -> ReadResult | None:
    """The article in one record, or ``None`` for a record that holds no article."""
    if record.rec_type not in ARTICLE_RECORDS:
        return None
    headers = record.http_headers
    if headers is not None:
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(HTML_TYPES):
        return None
    name = f"{source.name}#{n}"
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    limit = options.max_document_bytes
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        return ReadResult.failed(name, f"{uri}: {too_large(None, limit, 'max_document_bytes')}")
    if getattr(record.raw_stream, "limit", 0) > 0:
        return ReadResult.failed(name, f"{uri}: the record is truncated (the file ends before "
                                       "its declared Content-Length)")
    captured = _capture_day(record.rec_headers.get_header("WARC-Date"), name)
    return html_result(body, name, f"{source.stem}-{n}", options, charset=_charset(content_type),
                       url=uri, fallback_date=(captured, "warc") if captured else None)


def _capture_day(value: str | None, name: str) -> dt.date | None:
    try:
        return parse_date(value, name)
    except InputError:
        return None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
