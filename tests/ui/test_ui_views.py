"""Click through the timeline, dyad, graph and article views in Chromium, as an analyst would,
and keep a screenshot of each under the test's tmp dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.api.live import LiveServer
from tests.ui.conftest import Watched

SEED_ID = "000_b908b3031bc8d59f"


def shot(ui: Watched, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    ui.page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def test_ui_timeline_filters_and_opens_the_article(ui: Watched, tmp_path: Path) -> None:
    page = ui.page
    ui.open("/")
    assert page.locator("h1").inner_text() == "Event timeline"
    assert page.locator("#events .event").count() >= 5
    assert page.locator("#timeline-chart rect.bar").count() >= 2
    page.select_option("select[name=type]", "SUPPORT")
    page.fill("input[name=reported_by]", "KCNA")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*type=SUPPORT*")
    types = page.locator("#events .event .type").all_inner_texts()
    assert types and set(types) == {"SUPPORT"}
    card = page.locator("#events .event[data-document=visit]").first
    assert card.locator(".who").inner_text().startswith("Kim Jong Un → Russia")
    chain = card.locator("ol.chain li").all_inner_texts()
    expected = ["Test Wire, \"Daily\"; Edition", "Korean Central News Agency", "Kim Jong Un"]
    assert len(chain) == 3 and all(c.endswith(e) for c, e in zip(chain, expected, strict=True))
    shot(ui, tmp_path, "timeline")
    card.locator("a.open").click()
    page.wait_for_url("**/articles/visit*")
    assert page.locator("#article-text .hl-actor").count() >= 2
    assert page.locator("#article-text .hl-trigger").count() >= 1
    assert page.locator("#article-text .focus").count() >= 1  # the event opened from the card


def test_ui_timeline_chart_bar_filters_its_period(ui: Watched) -> None:
    page = ui.page
    ui.open("/?by=month")
    page.locator("#timeline-chart a").first.click()
    page.wait_for_url("**since=*")
    assert page.locator("#events .event").count() >= 1
    assert page.locator("input[name=since]").input_value()


def test_ui_dyad_shows_both_directions(ui: Watched, tmp_path: Path) -> None:
    page = ui.page
    ui.open("/dyad")
    page.fill("input[name=a]", "RUS")
    page.fill("input[name=b]", "PRK")
    page.fill("input[name=since]", "2024-01-01")
    page.fill("input[name=until]", "2024-12-31")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/dyad?*a=RUS*")
    assert "Russia" in page.locator("h1").inner_text()
    assert "North Korea" in page.locator("h1").inner_text()
    assert page.locator("#dyad-chart rect.bar").count() >= 1
    assert page.locator("#dyad-chart text.xlabel").count() >= 6  # the whole year is on the axis
    assert page.locator("#dyad-table tbody tr").count() >= 1
    assert page.locator("#events .event").count() >= 1
    shot(ui, tmp_path, "dyad")


def test_ui_graph_draws_actors_and_edges(ui: Watched, tmp_path: Path) -> None:
    page = ui.page
    ui.open("/graph")
    page.wait_for_selector("#graph[data-ready=true]")
    assert page.locator("#graph g.node").count() >= 4
    assert page.locator("#graph path.edge").count() >= 2
    page.locator("#graph g.node", has_text="Vladimir Putin").locator("circle").click()
    info = page.locator("#graph-info")
    assert "Vladimir Putin" in info.inner_text() and "→ North Korea" in info.inner_text()
    assert page.locator("#graph path.edge.dim").count() >= 1
    shot(ui, tmp_path, "graph")
    info.locator("a").click()
    page.wait_for_url("**/?actor=*")
    assert page.locator("#events .event").count() >= 1


def test_ui_article_shows_highlights_and_attribution(ui: Watched, tmp_path: Path) -> None:
    page = ui.page
    ui.open("/articles")
    rows = page.locator("table.list tbody tr")
    assert rows.count() >= 6
    target = SEED_ID if page.locator(f"a[href='/articles/{SEED_ID}']").count() else "visit"
    page.locator(f"a[href='/articles/{target}']").click()
    page.wait_for_url(f"**/articles/{target}")
    text = page.locator("#article-text")
    for kind in ("actor", "trigger", "evidence", "timex"):
        assert text.locator(f".hl-{kind}").count() >= 1, kind
    chains = page.locator("#events-panel ol.chain").all_inner_texts()
    assert any("Korean Central News Agency" in c for c in chains)
    assert page.locator("#events-panel ol.chain li.chain-outlet").count() >= 1
    page.locator("#events-panel a[data-focus]").first.click()
    assert text.locator(".focus").count() >= 1
    page.uncheck("input[data-toggle=actor]")
    assert "off-actor" in (text.get_attribute("class") or "")
    shot(ui, tmp_path, "article")


def test_ui_unknown_article_is_a_page_not_a_crash(ui: Watched) -> None:
    response = ui.open("/articles/no-such-article")
    assert response.status == 404
    assert "no-such-article" in ui.page.locator("main").inner_text()


@pytest.mark.parametrize("path", ["/", "/dyad", "/graph", "/articles"])
def test_ui_pages_load_nothing_from_other_hosts(ui: Watched, path: str) -> None:
    requested: list[str] = []
    ui.page.on("request", lambda r: requested.append(r.url))
    ui.open(path)
    ui.page.wait_for_load_state("networkidle")
    assert requested and all(u.startswith(ui.base) for u in requested), requested


def test_ui_shows_the_seed_everywhere(ui: Watched, ui_server: LiveServer) -> None:
    """The acceptance path: the seed ingested with `eventwire ingest`, then every view."""
    if not ui_server.seeded:
        pytest.skip("../shared/seed is not beside the checkout")
    page = ui.page
    ui.open("/?actor=Kim+Jong+Un")
    cards = page.locator(f"#events .event[data-document='{SEED_ID}']")
    assert cards.count() >= 1
    assert "Korean Central News Agency" in cards.first.locator("ol.chain").inner_text()
    ui.open("/dyad")  # opens on the most active pair of countries
    title = page.locator("h1").inner_text()
    assert "Russia" in title and "North Korea" in title
    assert page.locator(f"#events .event[data-document='{SEED_ID}']").count() >= 3
    ui.open("/graph")
    page.wait_for_selector("#graph[data-ready=true]")
    assert page.locator("#graph g.node", has_text="Kim Jong Un").count() == 1
    assert page.locator("#graph g.node", has_text="Alexander Kozlov").count() == 1
    ui.open(f"/articles/{SEED_ID}")
    assert page.locator("#quotes-panel .quote-item").count() >= 3
    speakers = page.locator("#quotes-panel li.chain-speaker").all_inner_texts()
    assert any("Kim Jong Un" in s for s in speakers)
