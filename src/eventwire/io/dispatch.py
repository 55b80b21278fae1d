"""Which reader reads a source: by its suffix, else by its first bytes.

Files found in folders and archive members are read only when their suffix names a known
format (an archive's images and stylesheets are not news). A file named explicitly, standard
input and a member without any suffix are sniffed instead: gzip, zip and WARC have magic
bytes, HTML and feeds have telling first tags, and anything else is read as plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import PurePosixPath

from eventwire.io.archives import read_gzip, read_zip
from eventwire.io.feeds import read_feed
from eventwire.io.html import read_html
from eventwire.io.options import ReadOptions
from eventwire.io.records import read_json, read_jsonl
from eventwire.io.results import ReadResult
from eventwire.io.source import Source
from eventwire.io.text import read_text
from eventwire.io.textdecode import bom_encoding
from eventwire.io.warc import read_warc

Reader = Callable[[Source, ReadOptions], Iterator[ReadResult]]

COMPOUND_KINDS = {".warc.gz": "warc"}
SUFFIX_KINDS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc", ".gz": "gzip", ".gzip": "gzip", ".zip": "zip",
}
UNSUPPORTED_SUFFIXES = frozenset({".tar", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".pdf", ".doc",
                                  ".docx", ".epub"})
SKIPPED_SUFFIXES = (".gold.json",)  # answer keys beside test articles, not articles


def kind_by_name(leaf: str) -> str | None:
    """The format a file name announces, or ``None`` when it announces none."""
    lower = leaf.lower()
    for suffix, kind in COMPOUND_KINDS.items():
        if lower.endswith(suffix):
            return kind
    suffix = PurePosixPath(lower).suffix
    return "unsupported" if suffix in UNSUPPORTED_SUFFIXES else SUFFIX_KINDS.get(suffix)


def wanted(member: str) -> bool:
    """Whether a file inside a folder or archive is read: a known format, or no suffix."""
    leaf = PurePosixPath(member.replace("\\", "/")).name
    if not leaf or leaf.startswith(".") or member.startswith("__MACOSX/"):
        return False
    if leaf.lower().endswith(SKIPPED_SUFFIXES):
        return False
    kind = kind_by_name(leaf)
    return (kind is None and not PurePosixPath(leaf).suffix) or kind in SUFFIX_KINDS.values()


def sniff(head: bytes) -> str:
    """The format of data by its first bytes; plain text when nothing else fits."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"WARC/"):
        return "warc"
    bom = bom_encoding(head)
    if bom and not bom.startswith("utf-8"):
        return "text"
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if start.startswith(b"<?xml"):
        return "html" if b"<html" in start else "feed"
    return "text"


def kind_of(source: Source) -> str:
    kind = kind_by_name(source.leaf)
    if kind == "feed" and source.leaf.lower().endswith(".xml"):
        return sniff(source.head())  # .xml may be a feed, XHTML, or something else
    return kind or sniff(source.head())


def read_source(source: Source, options: ReadOptions, kind: str | None = None
                ) -> Iterator[ReadResult]:
    """Every result in one source; a source never raises, it yields its errors."""
    if source.depth > options.max_depth:
        yield ReadResult.failed(source.name, f"archives nested deeper than {options.max_depth} "
                                             "levels (ReadOptions.max_depth)")
        return
    found = False
    for result in READERS[kind or kind_of(source)](source, options):
        found = True
        yield result
    if not found:  # say so, so that every input shows up in a batch's report
        yield ReadResult.failed(source.name, "no documents in it (no articles, records, "
                                             "entries or members of a known format)")


def _unsupported(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    suffix = PurePosixPath(source.leaf.lower()).suffix
    known = ", ".join(sorted({*SUFFIX_KINDS, *COMPOUND_KINDS}))
    yield ReadResult.failed(source.name, f"{suffix} files are not supported; supported: {known}")


def _gzip(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    return read_gzip(source, options, read_source)


def _zip(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    return read_zip(source, options, read_source, wanted)


READERS: dict[str, Reader] = {
    "text": read_text, "html": read_html, "feed": read_feed, "json": read_json,
    "jsonl": read_jsonl, "warc": read_warc, "gzip": _gzip, "zip": _zip,
    "unsupported": _unsupported,
}
KINDS = tuple(READERS)
