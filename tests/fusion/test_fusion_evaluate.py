"""The fusion score: B-cubed, gold anchors, and the corpus files themselves."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from fusion_docs import Ev, doc

from eventwire.fusion.evaluate import (
    GoldMention,
    bcubed,
    label_reports,
    read_gold,
    read_manifest,
    score_fusion,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "fusion"


def test_evaluate_bcubed_of_a_textbook_example() -> None:
    gold = {1: "A", 2: "A", 3: "A", 4: "B", 5: "B"}
    assert bcubed(gold, gold).f1 == 1.0
    merged = dict.fromkeys(gold, "x")
    assert bcubed(merged, gold).r == 1.0 and bcubed(merged, gold).p == pytest.approx(0.52)
    split = {k: str(k) for k in gold}
    assert bcubed(split, gold).p == 1.0 and bcubed(split, gold).r == pytest.approx(0.4)


def test_evaluate_reports_take_the_gold_event_of_their_anchor_if_types_agree() -> None:
    d = doc("d", "2024-11-19", Ev("CONSULT", ["Kim Jong Un"], ["Alexander Kozlov"],
                                  text="Kim Jong Un met Alexander Kozlov."),
            Ev("AGREE", ["Kim Jong Un"], [], text="They signed a deal."))
    start = d.text.index("met Alexander")
    mentions = [GoldMention(0, "E1", "CONSULT", "d", start, start + 3),
                GoldMention(1, "E2", "SANCTION", "d", d.text.index("signed"), len(d.text))]
    labels = label_reports([d], mentions, {("d", "e1"), ("d", "e2")})
    assert labels[("d", "e1")] == mentions[0]
    assert labels[("d", "e2")] is None  # the anchor is a SANCTION; an AGREE report is noise


def test_evaluate_unmatched_reports_are_singletons_and_missed_mentions_cost_recall() -> None:
    d = doc("d", "2024-11-19", Ev("CONSULT", ["Kim Jong Un"], [], text="Kim met him."),
            Ev("CONSULT", ["Kim Jong Un"], [], text="Noise."))
    # The second mention of E1 is one the extraction did not produce (as an AID report).
    mentions = [GoldMention(0, "E1", "CONSULT", "d", 0, 7), GoldMention(1, "E1", "AID", "d", 0, 3)]
    both = {("d", "e1"): "f", ("d", "e2"): "f"}
    score = score_fusion([d], both, mentions, {"d": "d"}, read_manifest(DATA)[:0])
    assert (score.matched, score.found_mentions) == (1, 1)
    assert score.bcubed.p == 0.5 and score.matched_only.f1 == 1.0
    assert score.with_missed.r < score.bcubed.r


def test_evaluate_corpus_has_the_promised_shape() -> None:
    articles = read_manifest(DATA)
    mentions, events = read_gold(DATA)  # anchors occur exactly once, or this raises
    assert len(articles) >= 40
    assert Counter(a.lang for a in articles) == {"en": 22, "de": 24}
    assert sum(1 for a in articles if a.copy_of) >= 10
    assert {m.article for m in mentions} == {a.id for a in articles}
    stories: dict[str, set[str]] = {}
    copy_of = {a.id: a.copy_of or a.id for a in articles}
    for m in mentions:
        stories.setdefault(m.event, set()).add(copy_of[m.article])
    told_apart = [e for e, s in stories.items() if len(s) >= 2]
    assert len(told_apart) >= 12  # events told by several independent stories
    assert len(events) == len({m.event for m in mentions}) == 23
    for article in articles:
        assert (DATA / article.file).is_file()
    gold = json.loads((DATA / "gold_clusters.json").read_text("utf-8"))
    assert gold["format"] == "eventwire-fusion-gold/1"
