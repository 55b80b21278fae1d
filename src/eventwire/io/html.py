"""HTML pages: the article's main text and its metadata, through trafilatura.

trafilatura runs with ``favor_precision``: for event coding a missed paragraph costs less than
a menu, a teaser for another story or a reader comment coded as news. The date is taken only
from the page's markup (meta tags, structured data, URL), never guessed from the visible text,
and recorded as ``html-meta``; a fallback date (the WARC capture date) is used only when the
markup has none.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from typing import Any

from eventwire.errors import InputError
from eventwire.io.dates import parse_date
from eventwire.io.extras import require
from eventwire.io.finish import finished
from eventwire.io.options import ReadOptions
from eventwire.io.results import ReadResult
from eventwire.io.source import Source
from eventwire.io.textdecode import declared_charset, decode
from eventwire.model import Document

_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""",
                        re.IGNORECASE)
DATE_PARAMS = {"extensive_search": False, "original_date": True}

# trafilatura logs every page it cannot parse; the reason already reaches the caller as an
# InputError, so without a configured handler these lines must not reach stderr twice.
for _library in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_library).addHandler(logging.NullHandler())


def read_html(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    try:
        data = source.read_all(options.max_document_bytes)
    except InputError as exc:
        yield ReadResult.of(exc)
        return
    yield html_result(data, source.name, source.stem, options)


def html_result(data: bytes, name: str, doc_id: str, options: ReadOptions, *,
                charset: str | None = None, url: str | None = None,
                fallback_date: tuple[dt.date, str] | None = None) -> ReadResult:
    """One page as a result; ``charset`` is what a transport (HTTP header) declared."""
    try:
        doc, author = html_document(data, name, doc_id, options, charset=charset, url=url,
                                    fallback_date=fallback_date)
    except InputError as exc:
        return ReadResult.of(exc)
    return finished(name, doc, options, author)


def html_document(data: bytes, name: str, doc_id: str, options: ReadOptions, *,
                  charset: str | None = None, url: str | None = None,
                  fallback_date: tuple[dt.date, str] | None = None
                  ) -> tuple[Document, str | None]:
    trafilatura = require("trafilatura", name, "HTML")
    markup = decode(data, name, options.fallback_encoding, charset or declared_charset(data))
    try:
        found = trafilatura.bare_extraction(
            markup, url=url, favor_precision=True, with_metadata=True, include_comments=False,
            include_tables=False, date_extraction_params=dict(DATE_PARAMS))
    except Exception as exc:  # broad on purpose: lxml and trafilatura raise many kinds
        raise InputError(name, f"the HTML could not be parsed ({type(exc).__name__}: "
                               f"{str(exc)[:200]})") from exc
    text = _field(found, "text")
    if not text:
        raise InputError(name, "no article text found in the HTML (a page without a main "
                               "text, or one too short to tell it from boilerplate)")
    if len(text) < options.min_page_chars:
        raise InputError(name, f"the page's main text has {len(text)} characters, fewer than "
                               f"{options.min_page_chars} (ReadOptions.min_page_chars): not an "
                               "article")
    published, provenance = _published(_field(found, "date"), name, fallback_date)
    doc = Document(
        id=doc_id, text=text, lang=_html_lang(markup), published=published,
        published_from=provenance, source=_field(found, "sitename") or _field(found, "hostname"),
        url=_field(found, "url") or url, title=_field(found, "title"),
    )
    return doc, _field(found, "author")


def _published(value: str | None, name: str, fallback: tuple[dt.date, str] | None
               ) -> tuple[dt.date | None, str | None]:
    try:
        day = parse_date(value, name)
    except InputError:
        day = None
    if day is not None:
        return day, "html-meta"
    return fallback if fallback else (None, None)


def _html_lang(markup: str) -> str | None:
    match = _HTML_LANG.search(markup[:20000])
    return match.group(1) if match else None


def _field(found: Any, key: str) -> str | None:
    """A metadata field from trafilatura's result (a dict before 2.0, an object since)."""
    if found is None:
        return None
    value = found.get(key) if isinstance(found, dict) else getattr(found, key, None)
    return value.strip() or None if isinstance(value, str) else None
