"""WARC files such as CC-NEWS: HTML responses become documents, the capture date a fallback."""

from __future__ import annotations

import datetime as dt

import pytest
from io_samples import ENGLISH, article_html, docs_of, errors_of, warc_bytes

pytest.importorskip("trafilatura", reason="WARC pages need the 'ingest' extra")


def _crawl(**kwargs) -> bytes:
    return warc_bytes([
        ("https://news.example/g7", article_html().encode(), "text/html; charset=utf-8"),
        ("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
        ("https://wire.example/g7", article_html(ENGLISH, title="G7 agree", lang="en",
                                                 published=None, canonical=None).encode(),
         "text/html"),
    ], **kwargs)


@pytest.mark.parametrize("name", ["CC-NEWS-20240418.warc.gz", "crawl.warc"])
def test_warc_html_responses_become_documents(tmp_path, read, name) -> None:
    (tmp_path / name).write_bytes(_crawl(gzip=name.endswith(".gz")))
    results = read(name)
    assert not errors_of(results)
    dated, undated = docs_of(results)
    stem = name.split(".")[0]
    assert (dated.id, dated.published, dated.published_from) == (
        f"{stem}-1", dt.date(2024, 4, 16), "html-meta")
    assert dated.url == "https://news.example/politik/g7-sudan"  # the canonical link wins
    assert (undated.published, undated.published_from) == (dt.date(2024, 4, 18), "warc")
    assert undated.url == "https://wire.example/g7" and undated.lang == "en"
    assert results[1].name.endswith(f"{name}#3")


def test_warc_error_pages_are_not_articles(tmp_path, read) -> None:
    (tmp_path / "404.warc.gz").write_bytes(_crawl(status="404 Not Found"))
    results = read("404.warc.gz")
    assert not docs_of(results)
    assert "no documents" in errors_of(results)[str(tmp_path / "404.warc.gz")]


@pytest.mark.parametrize("compressed", [True, False], ids=["gzip", "plain"])
def test_warc_truncated_file_keeps_earlier_records(tmp_path, read, compressed) -> None:
    data = _crawl(gzip=compressed)
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 200])
    results = read("cut.warc.gz")
    assert [d.id for d in docs_of(results)] == ["cut-1"]
    assert "truncated" in errors_of(results)[f"{tmp_path / 'cut.warc.gz'}#3"]


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "not a WARC file"),
    (b"this is not a warc file at all\r\n\r\n", "not a WARC file"),
    (b"\x1f\x8b\x08\x00garbage", "not a WARC file"),
], ids=["empty", "not-warc", "bad-gzip"])
def test_warc_broken_files_are_rejected(tmp_path, read, content, reason) -> None:
    (tmp_path / "bad.warc.gz").write_bytes(content)
    assert reason in errors_of(read("bad.warc.gz"))[str(tmp_path / "bad.warc.gz")]


def test_warc_record_over_the_limit(tmp_path, read) -> None:
    page = article_html(ENGLISH + "\n" + "More words here. " * 2000, lang="en")
    (tmp_path / "big.warc.gz").write_bytes(
        warc_bytes([("https://news.example/big", page.encode(), "text/html")]))
    errors = errors_of(read("big.warc.gz", max_document_bytes=10_000))
    assert "too large" in errors[f"{tmp_path / 'big.warc.gz'}#1"]
