"""RSS and Atom feeds: each entry becomes a document with its summary or content as text.

The linked pages are not fetched: a feed is read as it is, and what the entries carry is what
the documents hold. The data is handed to feedparser as a stream, never as a string, because
feedparser treats a string as a file name or URL to open. Feeds that feedparser can read only
partly ("bozo" feeds) still give the entries it found.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any
from xml.sax import SAXParseException

from eventwire.errors import InputError
from eventwire.io.dates import struct_date
from eventwire.io.extras import require
from eventwire.io.finish import finished
from eventwire.io.htmltext import html_to_text
from eventwire.io.options import ReadOptions
from eventwire.io.results import ReadResult
from eventwire.io.source import Source
from eventwire.model import Document

DATE_KEYS = ("published_parsed", "updated_parsed", "created_parsed")


def read_feed(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """Entry ``n`` is named ``feed.xml#n`` and gets the id ``feed-n``."""
    try:
        parsed = parse_feed(source, options)
    except InputError as exc:
        yield ReadResult.of(exc)
        return
    feed = parsed.get("feed") or {}
    outlet = _text(feed.get("title"))
    feed_lang = _plain(feed.get("language"))
    for n, entry in enumerate(parsed.get("entries") or [], 1):
        if n > options.max_archive_members:
            yield ReadResult.failed(source.name, "more than "
                                    f"{options.max_archive_members} entries; the rest were not "
                                    "read (ReadOptions.max_archive_members)")
            return
        name = f"{source.name}#{n}"
        try:
            doc, author = entry_document(entry, name, f"{source.stem}-{n}", outlet, feed_lang)
        except InputError as exc:
            yield ReadResult.of(exc)
            continue
        yield finished(name, doc, options, author)
    if isinstance(parsed.get("bozo_exception"), SAXParseException):
        yield ReadResult.failed(source.name, f"the feed is malformed ({parsed['bozo_exception']});"
                                             " the entries before the error were read")


def parse_feed(source: Source, options: ReadOptions) -> Any:
    """feedparser's result, or an error when the data holds no feed entries at all."""
    feedparser = require("feedparser", source.name, "RSS/Atom feeds")
    data = source.read_all(options.max_file_bytes, "max_file_bytes")
    if not data.strip():
        raise InputError(source.name, "the input is empty")
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # broad on purpose: a parser bug on hostile data rejects this input
        raise InputError(source.name, f"the feed could not be parsed ({type(exc).__name__}: "
                                      f"{str(exc)[:200]})") from exc
    if not parsed.get("entries"):
        if parsed.get("bozo") or not parsed.get("version"):
            problem = parsed.get("bozo_exception") or "no rss, feed or rdf element"
            raise InputError(source.name, f"not a readable RSS or Atom feed ({problem})")
        raise InputError(source.name, "the feed has no entries")
    return parsed


def entry_document(entry: Any, name: str, doc_id: str, outlet: str | None,
                   feed_lang: str | None) -> tuple[Document, str | None]:
    text = _entry_text(entry)
    if not text:
        raise InputError(name, "the feed entry has no summary or content text")
    published = next((d for d in (struct_date(entry.get(k)) for k in DATE_KEYS) if d), None)
    doc = Document(
        id=doc_id, text=text, lang=_content_lang(entry) or feed_lang, published=published,
        published_from="feed" if published else None, source=outlet,
        url=_plain(entry.get("link")), title=_text(entry.get("title")),
    )
    return doc, _text(entry.get("author"))


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content parts and its summary, as plain text."""
    candidates = [part.get("value") for part in entry.get("content") or []
                  if isinstance(part, dict)]
    candidates.append(entry.get("summary"))
    texts = [html_to_text(c) for c in candidates if isinstance(c, str) and c.strip()]
    return max(texts, key=len, default="")


def _content_lang(entry: Any) -> str | None:
    for part in entry.get("content") or []:
        if isinstance(part, dict) and _plain(part.get("language")):
            return _plain(part.get("language"))
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return html_to_text(value) or None
    return None


def _plain(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
