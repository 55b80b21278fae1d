"""The English report of the seed's facts (tests/data/dev-en/001) scores like the German seed,
with the project's scorer (which tests/golden/test_seed_golden.py holds equal to the shared
one)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.evaluation.scoring import score_documents
from eventwire.extract import extract_text

ARTICLE = Path(__file__).resolve().parents[1] / "data" / "dev-en" / "001_kcna-kozlov-meeting"
METRICS = ("actors", "events_strict", "quotes", "timex_value")


@pytest.fixture(scope="module")
def english_seed_scores() -> dict:
    gold = json.loads(ARTICLE.with_suffix(".gold.json").read_text("utf-8"))
    doc = extract_text(
        ARTICLE.with_suffix(".txt").read_text("utf-8"),
        lang="en",
        published=dt.date.fromisoformat(gold["publication_date"]),
        doc_id=gold["id"],
    )
    return score_documents([(gold, doc.to_dict())])


@pytest.mark.parametrize("metric", METRICS)
def test_english_seed_scores_like_the_german_seed(english_seed_scores: dict, metric: str) -> None:
    assert english_seed_scores[metric]["f1"] == 1.0, english_seed_scores[metric]
