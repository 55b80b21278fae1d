"""Without the 'ingest' extra, inputs that need it are rejected with the extra's name."""

from __future__ import annotations

import gzip
import sys

import pytest
from io_samples import GERMAN, article_html, docs_of, errors_of, rss_feed

from eventwire.dedup import NearDuplicateIndex


@pytest.mark.parametrize(("module", "name", "content"), [
    ("trafilatura", "page.html", article_html().encode()),
    ("feedparser", "feed.rss", rss_feed([{"title": "t", "description": GERMAN}]).encode()),
    ("warcio.archiveiterator", "crawl.warc", b"WARC/1.0\r\n\r\n"),
], ids=["html", "feed", "warc"])
def test_extras_missing_library_names_the_extra(tmp_path, read, monkeypatch, module, name,
                                                content) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes the import fail
    (tmp_path / name).write_bytes(content)
    (tmp_path / "plain.txt.gz").write_bytes(gzip.compress(GERMAN.encode()))
    results = read(name, "plain.txt.gz")
    problem = errors_of(results)[str(tmp_path / name)]
    assert "optional extra 'ingest'" in problem and "pip install 'eventwire[ingest]'" in problem
    assert [d.id for d in docs_of(results)] == ["plain"]  # the standard library still reads


def test_extras_language_falls_back_to_function_words(tmp_path, read, monkeypatch) -> None:
    from eventwire import langdetect

    monkeypatch.setitem(sys.modules, "lingua", None)
    langdetect._lingua.cache_clear()
    try:
        assert not langdetect.lingua_available()
        (tmp_path / "a.txt").write_text(GERMAN, encoding="utf-8")
        [doc] = docs_of(read("a.txt"))
        assert doc.lang == "de"
    finally:
        langdetect._lingua.cache_clear()


def test_extras_dedup_without_datasketch_says_what_to_install(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "datasketch", None)
    with pytest.raises(ImportError, match=r"eventwire\[ingest\]"):
        NearDuplicateIndex()
