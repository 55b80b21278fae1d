"""Inputs written for the reader tests: articles, pages, feeds, WARC files and broken files.

Nothing here touches the network; every file is made in a temporary folder by the test that
needs it, from the small texts below (written for these tests).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from html import escape

import pytest

from eventwire.io import ReadResult

GERMAN = (
    "Die Außenminister der G7-Staaten haben sich am Dienstag in Rom auf eine gemeinsame "
    "Erklärung zur Lage im Sudan geeinigt. Sie forderten die Konfliktparteien auf, die Kämpfe "
    "sofort einzustellen und humanitäre Helfer ungehindert arbeiten zu lassen.\n"
    "Die italienische Gastgeberin sagte nach dem Treffen, man werde den Druck auf beide Seiten "
    "erhöhen. Nach Angaben der Vereinten Nationen sind mehr als acht Millionen Menschen auf der "
    "Flucht, viele von ihnen in den Nachbarländern Tschad und Südsudan."
)
ENGLISH = (
    "Foreign ministers of the Group of Seven agreed on a joint statement on Sudan in Rome on "
    "Tuesday. They urged the warring parties to stop the fighting at once and to let aid "
    "workers reach people in need without hindrance.\n"
    "The Italian host told reporters after the meeting that pressure on both sides would grow. "
    "According to the United Nations, more than eight million people have fled their homes, "
    "many of them to neighbouring Chad and South Sudan."
)


def article_html(paragraphs: str = GERMAN, *, title: str = "G7 einig über Sudan",
                 lang: str | None = "de", published: str | None = "2024-04-16",
                 author: str | None = "Erika Beispiel",
                 canonical: str | None = "https://news.example/politik/g7-sudan",
                 site: str | None = "Beispielbote") -> str:
    """A news page with navigation and footer around the article, as sites serve them."""
    head = [f"<title>{escape(title)} | {escape(site or 'News')}</title>",
            '<meta charset="utf-8">']
    if author:
        head.append(f'<meta name="author" content="{escape(author)}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{published}T09:30:00Z">')
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    if site:
        head.append(f'<meta property="og:site_name" content="{escape(site)}">')
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs.split("\n"))
    lang_attr = f' lang="{lang}"' if lang else ""
    return (f"<!DOCTYPE html><html{lang_attr}><head>{''.join(head)}</head><body>"
            '<nav><a href="/">Start</a> <a href="/politik">Politik</a> <a href="/sport">Sport'
            f"</a></nav><main><article><h1>{escape(title)}</h1>{body}</article></main>"
            "<footer>Impressum · Datenschutz · Kontakt</footer></body></html>")


def rss_feed(items: Iterable[dict[str, str]], title: str = "Beispielbote Politik",
             lang: str = "de") -> str:
    parts = []
    for item in items:
        fields = "".join(f"<{k}>{v}</{k}>" for k, v in item.items())
        parts.append(f"<item>{fields}</item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>https://news.example/</link>"
            f"<language>{lang}</language>{''.join(parts)}</channel></rss>")


def warc_bytes(records: Iterable[tuple[str, bytes, str]], *, gzip: bool = True,
               date: str = "2024-04-18T06:00:00Z", status: str = "200 OK") -> bytes:
    """A WARC file of HTTP responses: (target URI, body, content type) each."""
    warcio = pytest.importorskip("warcio", reason="WARC tests need the 'ingest' extra")
    from warcio.statusandheaders import StatusAndHeaders

    buffer = io.BytesIO()
    writer = warcio.WARCWriter(buffer, gzip=gzip)
    for uri, body, content_type in records:
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                           http_headers=http,
                                           warc_headers_dict={"WARC-Date": date})
        writer.write_record(record)
    return buffer.getvalue()


def docs_of(results: list[ReadResult]) -> list:
    return [r.document for r in results if r.document is not None]


def errors_of(results: list[ReadResult]) -> dict[str, str]:
    return {r.name: r.error.problem for r in results if r.error is not None}


DAY = dt.date(2024, 4, 16)
