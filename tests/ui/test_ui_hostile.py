"""A hostile article in Chromium: script tags, event handlers and javascript: URLs in the text,
title, URL, outlet, actor names and ids stay text. Nothing runs: no dialog opens, no payload
sets ``window.__pwned``, and the DOM holds the payloads as text."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from tests.api.corpus import HOSTILE_INGEST, SCRIPT
from tests.api.handbuilt import HOSTILE_ID
from tests.ui.conftest import Watched

INERT = """() => {
  const all = Array.from(document.querySelectorAll('*'));
  const handlers = all.flatMap(el => Array.from(el.attributes)
      .filter(a => a.name.startsWith('on')).map(a => el.tagName + '@' + a.name));
  const links = all.filter(el => /^\\s*javascript:/i.test(el.getAttribute('href') || ''))
      .map(el => el.outerHTML.slice(0, 80));
  const scripts = Array.from(document.scripts).map(s => s.getAttribute('src'));
  const foreign = Array.from(document.querySelectorAll('img, iframe, object, embed')).length;
  return {pwned: window.__pwned === undefined ? null : String(window.__pwned),
          handlers, links, scripts, foreign};
}"""


def assert_inert(ui: Watched) -> None:
    found = ui.page.evaluate(INERT)
    assert found == {"pwned": None, "handlers": [], "links": [],
                     "scripts": ["/static/app.js"], "foreign": 0}, found


@pytest.mark.parametrize("doc_id", [HOSTILE_ID, HOSTILE_INGEST["id"]])
def test_ui_hostile_article_renders_inert(ui: Watched, tmp_path: Path, doc_id: str) -> None:
    ui.open(f"/articles/{quote(doc_id, safe='')}")
    page = ui.page
    page.wait_for_load_state("networkidle")
    text = page.locator("#article-text").text_content() or ""
    assert SCRIPT in text
    assert "onerror=" in text
    assert SCRIPT in (page.locator("#doc-title").text_content() or "")
    assert "javascript:" in (page.locator("#doc-url").text_content() or "")
    assert page.locator("#doc-url a").count() == 0
    for span in page.locator("#article-text span[title]").all()[:20]:
        span.hover()  # text once held onmouseover handlers
    for link in page.locator("a.show").all():
        link.click()
    assert_inert(ui)
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)


@pytest.mark.parametrize("path", ["/?actor=Putin", "/graph", "/dyad?a=Minister&b=Putin",
                                  "/articles"])
def test_ui_hostile_names_elsewhere_render_inert(ui: Watched, path: str) -> None:
    ui.open(path)
    if path == "/graph":
        ui.page.wait_for_selector("#graph[data-ready]")
        hostile = ui.page.locator("#graph g.node", has_text="Putin <img")
        assert hostile.count() == 1
        hostile.locator("circle").click()
        assert "<img" in ui.page.locator("#graph-info").inner_text()
    assert_inert(ui)
