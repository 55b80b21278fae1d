"""The canonical seed article, scored by the shared scorer: the acceptance thresholds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SEED = "seed/000_b908b3031bc8d59f"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed_scores(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("seed") / "out.json"
    cli = Path(sys.executable).with_name("eventwire")
    result = subprocess.run(
        [
            str(cli),
            "extract",
            str(shared_dir / f"{SEED}.txt"),
            "--published",
            "2024-11-20",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out.write_text(result.stdout, encoding="utf-8")
    scored = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "eval" / "score.py"),
            str(shared_dir / f"{SEED}.gold.json"),
            str(out),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(scored.stdout)


@pytest.mark.parametrize(
    ("metric", "floor"),
    [("events_strict", 0.9), ("quotes", 0.9), ("timex_value", 1.0), ("actors", 0.9)],
)
def test_seed_golden_meets_acceptance(seed_scores: dict, metric: str, floor: float) -> None:
    assert seed_scores[metric]["f1"] >= floor, seed_scores[metric]


def test_seed_golden_project_scorer_agrees_with_shared_scorer(
    shared_dir: Path, seed_scores: dict
) -> None:
    from eventwire.evaluation.suites import run_suite

    ours = run_suite("seed", shared_dir / "data").details
    for metric in ("actors", "events_strict", "quotes", "timex", "timex_value"):
        assert ours[metric] == seed_scores[metric], metric
