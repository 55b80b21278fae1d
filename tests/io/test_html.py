"""HTML pages: main text without boilerplate, metadata with the date's provenance."""

from __future__ import annotations

import datetime as dt

import pytest
from io_samples import ENGLISH, article_html, docs_of, errors_of

pytest.importorskip("trafilatura", reason="HTML pages need the 'ingest' extra")


def test_html_extracts_main_text_and_metadata(tmp_path, read) -> None:
    (tmp_path / "g7.html").write_text(article_html(), encoding="utf-8")
    [result] = read("g7.html")
    doc = result.document
    assert doc is not None
    assert "humanitäre Helfer" in doc.text and "Impressum" not in doc.text
    assert "Sport" not in doc.text
    assert (doc.id, doc.title, doc.lang) == ("g7", "G7 einig über Sudan", "de")
    assert (doc.published, doc.published_from) == (dt.date(2024, 4, 16), "html-meta")
    assert doc.url == "https://news.example/politik/g7-sudan"
    assert doc.source == "Beispielbote"
    assert result.author == "Erika Beispiel"


@pytest.mark.parametrize(("page", "lang", "published_from"), [
    (article_html(ENGLISH, title="G7 agree on Sudan", lang="en-GB"), "en", "html-meta"),
    (article_html(ENGLISH, title="G7 agree on Sudan", lang=None), "en", "html-meta"),
    (article_html(published=None), "de", None),
], ids=["lang-attribute", "identified", "no-date"])
def test_html_language_and_date_sources(tmp_path, read, page, lang, published_from) -> None:
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    [doc] = docs_of(read("p.html"))
    assert doc.lang == lang
    assert doc.published_from == published_from


def test_html_declared_legacy_charset(tmp_path, read) -> None:
    page = article_html().replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    (tmp_path / "legacy.htm").write_bytes(page.encode("cp1252", "replace"))
    [doc] = docs_of(read("legacy.htm"))
    assert "Außenminister" in doc.text


@pytest.mark.parametrize("page", [
    b"<html><body><div><p>unclosed <b>tags <i>everywhere<table><tr><td>cell",
    b"<html><head><title>Only a title</title></head><body></body></html>",
    b"<<<<>>>>",
    b"<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
    b"<html>" + b"<div>" * 5000 + b"deep" + b"</div>" * 5000 + b"</html>",
    b"<!DOCTYPE html><html><body><script>" + b"var a = 1;" * 1000 + b"</script></body></html>",
], ids=["unclosed", "no-text", "brackets", "xml-declaration", "deep", "script-only"])
def test_html_malformed_pages_are_rejected_with_a_reason(tmp_path, read, page) -> None:
    (tmp_path / "bad.html").write_bytes(page)
    results = read("bad.html")
    assert results and all(r.name == str(tmp_path / "bad.html") for r in results)
    for problem in errors_of(results).values():
        assert problem


def test_html_binary_data_is_not_parsed(tmp_path, read) -> None:
    (tmp_path / "image.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 50)
    assert "binary" in errors_of(read("image.html"))[str(tmp_path / "image.html")]
