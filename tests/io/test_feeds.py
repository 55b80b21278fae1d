"""RSS and Atom feeds: one document per entry, with the entry's own date as 'feed'."""

from __future__ import annotations

import datetime as dt

import pytest
from io_samples import ENGLISH, GERMAN, docs_of, errors_of, rss_feed

pytest.importorskip("feedparser", reason="feeds need the 'ingest' extra")

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Example Wire World</title><id>urn:example:wire</id><updated>2024-04-16T10:00:00Z</updated>
  <entry><title>G7 agree on Sudan</title><id>urn:example:1</id>
    <link href="https://wire.example/g7-sudan"/>
    <published>2024-04-16T08:00:00Z</published><updated>2024-04-17T08:00:00Z</updated>
    <author><name>Sam Example</name></author>
    <summary>Short teaser.</summary>
    <content type="html">&lt;p&gt;{body}&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;</content>
  </entry>
</feed>""".format(body=ENGLISH.replace("\n", "&lt;/p&gt;&lt;p&gt;"))


def test_feeds_rss_entries_become_documents(tmp_path, read) -> None:
    feed = rss_feed([
        {"title": "G7 einig über Sudan", "link": "https://news.example/1",
         "pubDate": "Tue, 16 Apr 2024 08:00:00 GMT",
         "description": "&lt;p&gt;" + GERMAN.replace("\n", "&lt;/p&gt;&lt;p&gt;") + "&lt;/p&gt;"},
        {"title": "Ohne Datum", "link": "https://news.example/2",
         "description": "Die Regierung in Berlin hat am Mittwoch den Haushalt beschlossen."},
    ])
    (tmp_path / "politik.rss").write_text(feed, encoding="utf-8")
    first, second = docs_of(read("politik.rss"))
    assert (first.id, first.title, first.url) == ("politik-1", "G7 einig über Sudan",
                                                  "https://news.example/1")
    assert (first.published, first.published_from) == (dt.date(2024, 4, 16), "feed")
    assert first.source == "Beispielbote Politik" and first.lang == "de"
    assert "humanitäre Helfer" in first.text and "<p>" not in first.text
    assert (second.published, second.published_from) == (None, None)


def test_feeds_atom_content_preferred_over_summary(tmp_path, read) -> None:
    (tmp_path / "wire.atom").write_text(ATOM, encoding="utf-8")
    [result] = read("wire.atom")
    doc = result.document
    assert doc is not None and result.name.endswith("wire.atom#1")
    assert doc.text.startswith("Foreign ministers") and "track()" not in doc.text
    assert doc.published == dt.date(2024, 4, 16) and result.author == "Sam Example"
    assert doc.url == "https://wire.example/g7-sudan" and doc.lang == "en"


def test_feeds_xml_suffix_is_sniffed(tmp_path, read) -> None:
    (tmp_path / "feed.xml").write_text(ATOM, encoding="utf-8")
    assert len(docs_of(read("feed.xml"))) == 1


def test_feeds_entry_without_text_is_rejected_alone(tmp_path, read) -> None:
    feed = rss_feed([{"title": "Nur Titel", "link": "https://news.example/3"},
                     {"title": "Mit Text", "description": GERMAN}])
    (tmp_path / "f.rss").write_text(feed, encoding="utf-8")
    results = read("f.rss")
    assert errors_of(results) == {f"{tmp_path / 'f.rss'}#1":
                                  "the feed entry has no summary or content text"}
    assert [d.id for d in docs_of(results)] == ["f-2"]


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"),
    (b"<rss><channel><title>kaputt", "not a readable RSS or Atom feed"),
    (b"just some words, no feed at all", "not a readable RSS or Atom feed"),
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
     "no entries"),
    (b"\x00\x01\x02\x03" * 100, "not a readable RSS or Atom feed"),
], ids=["empty", "truncated", "not-xml", "no-entries", "binary"])
def test_feeds_malformed_feed_is_rejected(tmp_path, read, content, reason) -> None:
    (tmp_path / "bad.rss").write_bytes(content)
    assert reason in errors_of(read("bad.rss"))[str(tmp_path / "bad.rss")]


def test_feeds_bozo_feed_still_gives_its_entries(tmp_path, read) -> None:
    feed = rss_feed([{"title": "A &amp; B", "description": GERMAN}]).replace(
        "</channel></rss>", "<item><title>unclosed")
    (tmp_path / "half.rss").write_text(feed, encoding="utf-8")
    results = read("half.rss")
    assert any("in Rom" in d.text for d in docs_of(results))
    assert "malformed" in errors_of(results)[str(tmp_path / "half.rss")]


def test_feeds_external_entities_are_not_resolved(tmp_path, read) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT", encoding="utf-8")
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<rss version="2.0"><channel><title>t</title><item><title>x</title>'
            f"<description>{GERMAN} &x;</description></item></channel></rss>")
    (tmp_path / "xxe.rss").write_text(feed, encoding="utf-8")
    assert all("TOP SECRET" not in d.text for d in docs_of(read("xxe.rss")))


def test_feeds_a_file_name_inside_the_data_is_not_opened(tmp_path, read) -> None:
    secret = tmp_path / "secret.rss"
    secret.write_text(rss_feed([{"title": "s", "description": "TOP SECRET"}]), encoding="utf-8")
    (tmp_path / "name.rss").write_text(str(secret), encoding="utf-8")
    results = read("name.rss")
    assert not docs_of(results) and str(tmp_path / "name.rss") in errors_of(results)
