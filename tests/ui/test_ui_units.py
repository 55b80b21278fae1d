"""The UI's pure parts: highlight pieces, chart axes, link safety (no browser needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.ui.cards import article_link, evidence_parts, query_link, safe_web_link
from eventwire.ui.charts import grouped_bars, period_end, periods_between, stacked_bars
from eventwire.ui.highlight import pieces
from tests.api.handbuilt import hostile_document


def test_highlight_pieces_give_the_text_back_and_mark_overlaps() -> None:
    doc = hostile_document()
    parts = pieces(doc)
    assert "".join(p.text for p in parts) == doc.text
    trigger = next(p for p in parts if p.text == "traf")
    assert set(trigger.kinds) == {"evidence", "trigger"}
    assert "hl-trigger" in trigger.css and "hl-evidence" in trigger.css
    monday = next(p for p in parts if p.text == "Am Montag")
    assert "timex" in monday.kinds and monday.anchors == [f"ev-{doc.events[0].id}"]


def test_highlight_clips_spans_outside_the_text() -> None:
    doc = hostile_document()
    doc.timex[0].end = len(doc.text) + 50
    assert "".join(p.text for p in pieces(doc)) == doc.text


@pytest.mark.parametrize(("by", "first", "last", "expected"), [
    ("month", dt.date(2024, 1, 31), dt.date(2024, 4, 1), ["2024-01", "2024-02", "2024-03",
                                                          "2024-04"]),
    ("week", dt.date(2024, 12, 30), dt.date(2025, 1, 13), ["2025-W01", "2025-W02", "2025-W03"]),
    ("day", dt.date(2024, 2, 28), dt.date(2024, 3, 1), ["2024-02-28", "2024-02-29",
                                                        "2024-03-01"]),
])
def test_chart_axis_covers_every_period(by, first, last, expected) -> None:
    assert periods_between(first, last, by) == expected


def test_period_end_is_the_last_day() -> None:
    assert period_end("2024-02", "month") == dt.date(2024, 2, 29)
    assert period_end("2024-W01", "week") == dt.date(2024, 1, 7)


def test_bars_stay_inside_the_chart_and_scale_to_the_largest() -> None:
    chart = stacked_bars(["2024-01", "2024-02"], [("q1", {"2024-01": 2}, "coop"),
                                                  ("q4", {"2024-01": 2, "2024-02": 1}, "war")])
    assert len(chart.bars) == 3 and not chart.empty
    assert min(b.y for b in chart.bars) >= 0 and all(b.width <= 48 for b in chart.bars)
    pair = grouped_bars(["2024-01"], [("ab", {"2024-01": 3}, "a"), ("ba", {}, "b")])
    assert len(pair.bars) == 1 and pair.bars[0].label == "2024-01: a: 3"
    assert grouped_bars([], []).empty


@pytest.mark.parametrize(("url", "link"), [
    ("https://news.example.org/a", "https://news.example.org/a"),
    ("  http://x.example/  ", "http://x.example/"),
    ("javascript:alert(1)", None), ("JAVASCRIPT:alert(1)", None), ("data:text/html,x", None),
    ("//evil.example/x", None), ("https:///nohost", None), ("", None), (None, None),
])
def test_only_web_urls_become_links(url, link) -> None:
    assert safe_web_link(url) == link


def test_links_encode_ids_and_drop_empty_values() -> None:
    assert article_link('a"/b?c', "e1") == "/articles/a%22%2Fb%3Fc#ev-e1"
    assert query_link("/", {"a": "x y", "b": None, "type": ["AID", "AGREE"]}) == \
        "/?a=x+y&type=AID&type=AGREE"


def test_evidence_parts_split_around_the_trigger() -> None:
    event = hostile_document().events[0]
    before, trigger, after = evidence_parts(event)
    assert trigger == "traf" and before + trigger + after == event.evidence.text
