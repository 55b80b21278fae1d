"""Property tests: every reader takes arbitrary bytes without an unexpected exception.

Readers yield their problems as results; the only exception any of them may let through is an
InputError. Besides random bytes, the strategies splice fragments of real formats and damage
valid files (truncate, flip a byte), which reaches much deeper into the parsers.
"""

from __future__ import annotations

import gzip
import io
import json
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from io_samples import GERMAN, article_html, rss_feed

from eventwire.errors import InputError
from eventwire.io import ReadOptions, read_inputs
from eventwire.io.dispatch import KINDS, read_source, sniff
from eventwire.io.htmltext import html_to_text
from eventwire.io.source import Source
from eventwire.io.textdecode import decode

OPTIONS = ReadOptions(max_document_bytes=200_000, max_file_bytes=400_000, max_depth=2)
SUFFIX = {"text": "a.txt", "html": "a.html", "feed": "a.rss", "json": "a.json",
          "jsonl": "a.jsonl", "warc": "a.warc.gz", "gzip": "a.txt.gz", "zip": "a.zip",
          "unsupported": "a.pdf"}
FRAGMENTS = [
    b"<html>", b"<body>", b"<p>", b"</p>", b"<article>", b"<meta charset='utf-16'>",
    b"<?xml version='1.0'?>", b"<rss version='2.0'>", b"<channel>", b"<item>", b"<title>",
    b"<description>", b"<feed xmlns='http://www.w3.org/2005/Atom'>", b"<entry>", b"<content>",
    b"<!ENTITY a 'aaaa'>", b"&a;", b"&#0;", b"<![CDATA[", b"]]>", b"{\"text\": ", b"\"x\"}",
    b"\n", b"WARC/1.0\r\n", b"WARC-Type: response\r\n", b"Content-Length: 10\r\n", b"\r\n",
    b"HTTP/1.1 200 OK\r\n", b"Content-Type: text/html\r\n", b"\x1f\x8b\x08\x00", b"PK\x03\x04",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", "Außenminister".encode(), GERMAN[:80].encode(),
]
spliced = st.lists(st.sampled_from(FRAGMENTS) | st.binary(max_size=16), max_size=40).map(
    b"".join)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


VALID = {
    "text": GERMAN.encode(),
    "html": article_html().encode(),
    "feed": rss_feed([{"title": "t", "description": GERMAN}]).encode(),
    "json": json.dumps([{"text": GERMAN}]).encode(),
    "jsonl": (json.dumps({"text": GERMAN}) + "\n").encode() * 2,
    "gzip": gzip.compress(GERMAN.encode()),
    "zip": _zip({"a.txt": GERMAN.encode(), "b.html": article_html().encode(),
                 "c.txt.gz": gzip.compress(GERMAN.encode())}),
}


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(sorted(VALID)))
    data = bytearray(VALID[kind])
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    cut = draw(st.integers(0, len(data)))
    return kind, bytes(data[:cut])


def _read_all(kind: str, data: bytes) -> None:
    source = Source.from_bytes(SUFFIX[kind], data)
    try:
        for result in read_source(source, OPTIONS, kind):
            assert (result.document is None) != (result.error is None)
    except InputError:
        pass


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(kind=st.sampled_from(KINDS), data=st.binary(max_size=2000))
def test_reader_properties_arbitrary_bytes(kind: str, data: bytes) -> None:
    _read_all(kind, data)


@SETTINGS
@given(kind=st.sampled_from(KINDS), data=spliced)
def test_reader_properties_spliced_format_fragments(kind: str, data: bytes) -> None:
    _read_all(kind, data)


@SETTINGS
@given(case=damaged())
def test_reader_properties_damaged_valid_files(case: tuple[str, bytes]) -> None:
    kind, data = case
    _read_all(kind, data)
    _read_all(sniff(data[:2048]), data)


@SETTINGS
@given(data=spliced | st.binary(max_size=500))
def test_reader_properties_standard_input_never_raises(data: bytes) -> None:
    results = list(read_inputs(["-"], OPTIONS, stdin=io.BytesIO(data)))
    assert results and all(r.name.startswith("stdin") for r in results)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300), fallback=st.sampled_from([None, "cp1252", "latin-1"]),
       declared=st.sampled_from([None, "utf-8", "utf-16", "idna", "rot13", "nonsense", "cp1251"]))
def test_reader_properties_decode_returns_text_or_input_error(data, fallback, declared) -> None:
    try:
        assert isinstance(decode(data, "x", fallback, declared), str)
    except InputError as exc:
        assert exc.source == "x" and exc.problem


@settings(max_examples=200, deadline=None)
@given(markup=st.text(max_size=300) | spliced.map(lambda b: b.decode("utf-8", "replace")))
def test_reader_properties_html_to_text_never_raises(markup: str) -> None:
    assert isinstance(html_to_text(markup), str)
