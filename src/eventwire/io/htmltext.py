"""Text of a small HTML fragment, such as a feed entry's summary.

A whole page goes through trafilatura, which finds the article among menus and adverts; a
feed summary has no such clutter, and is often too short for trafilatura's thresholds. The
standard library's tolerant parser is enough: block elements become line breaks, scripts and
styles are dropped, character references are resolved.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul",
})
SKIPPED = frozenset({"script", "style", "template", "noscript", "head", "title"})
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Readable text with one paragraph per line; never raises on malformed markup."""
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    collector = _TextCollector()
    try:
        collector.feed(fragment)
        collector.close()
        raw = "".join(collector.parts)
    except Exception:  # broad on purpose: a parser bug on hostile markup: strip tags instead
        raw = unescape(_TAG.sub(" ", fragment))
    return _tidy(raw)


def _tidy(text: str) -> str:
    lines = (_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
