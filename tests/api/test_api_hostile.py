"""Hostile article text and metadata come back from every page and endpoint as inert text.

Parses the served HTML (no browser needed): the only script is the UI's own file, no element
carries an event handler attribute, no link points at a ``javascript:`` URL, and the payloads
are present as text. tests/ui repeats this in Chromium and checks nothing runs.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from tests.api.corpus import HOSTILE_INGEST, SCRIPT
from tests.api.handbuilt import HOSTILE_ID
from tests.api.live import LiveServer


class Markup(HTMLParser):
    """Every tag and attribute of a page, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Markup:
    page = Markup()
    page.feed(html)
    return page


def assert_inert(html: str) -> Markup:
    page = parse(html)
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert scripts == [{"src": "/static/app.js", "defer": None}]
    for tag, attrs in page.tags:
        handlers = [name for name in attrs if name.startswith("on")]
        assert not handlers, f"<{tag}> carries {handlers}"
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)
        ours = tag == "svg" and attrs.get("class") in ("chart", "graph")
        assert ours or tag not in ("img", "iframe", "object", "embed", "svg"), (tag, attrs)
    return page


PAGES = [
    f"/articles/{quote(HOSTILE_ID, safe='')}",
    f"/articles/{HOSTILE_INGEST['id']}",
    "/?text=onmouseover", "/?actor=Putin", "/articles", "/graph",
    "/dyad?a=Minister&b=Putin",
]


@pytest.mark.parametrize("path", PAGES)
def test_hostile_text_renders_as_text(server: LiveServer, path: str) -> None:
    answer = server.get(path)
    assert answer.status_code == 200, answer.text[:500]
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    page = assert_inert(answer.text)
    if path.startswith("/articles/hostile"):
        assert SCRIPT in "".join(page.text)


def test_hostile_metadata_shows_as_text_and_is_not_linked(server: LiveServer) -> None:
    html = server.get(f"/articles/{quote(HOSTILE_ID, safe='')}").text
    page = parse(html)
    text = "".join(page.text)
    assert "hostile title" in text and SCRIPT in text
    assert "javascript:window.__pwned" in text  # the URL is shown ...
    assert not any(attrs.get("href", "").startswith("javascript") for _, attrs in page.tags)


def test_hostile_strings_round_trip_through_the_json_api(server: LiveServer) -> None:
    doc = server.get(f"/api/documents/{quote(HOSTILE_ID, safe='')}").json()
    assert doc["title"].startswith(SCRIPT)
    answer = server.get(f"/api/documents/{HOSTILE_INGEST['id']}")
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["url"] == HOSTILE_INGEST["url"]
