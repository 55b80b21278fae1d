"""The accuracy gate: floors, their update rules, the CLI flags, and the pinned suites."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from eventwire.cli.main import cli
from eventwire.evaluation import gate
from eventwire.evaluation.base import SuiteOptions, SuiteResult
from eventwire.evaluation.suites import SAMPLED, SUITES

from .conftest import REPO, SHARED_DATA

BASELINE = REPO / "tests" / "accuracy" / "baseline.json"


@pytest.mark.parametrize(
    ("value", "floor"),
    [(1.0, 0.98), (0.822, 0.80), (0.8999, 0.87), (0.0198, 0.0), (0.01, 0.0), (0.5, 0.48)],
)
def test_gate_floor_is_value_minus_margin_rounded_down(value: float, floor: float) -> None:
    assert gate.floor_for(value) == floor


def _result(**metrics: float) -> SuiteResult:
    return SuiteResult("dev-en", dict(metrics))


def test_gate_update_raises_freely_and_refuses_to_lower_without_the_flag() -> None:
    baseline: dict[str, Any] = {"margin": 0.02, "suites": {}}
    first = gate.update(baseline, _result(quotes_f1=0.6), None, allow_lower=False)
    assert [c.line() for c in first.changed] == ["quotes_f1 unset -> 0.58"]
    up = gate.update(baseline, _result(quotes_f1=0.7), None, allow_lower=False)
    assert baseline["suites"]["dev-en"]["floors"] == {"quotes_f1": 0.68} and up.changed
    down = gate.update(baseline, _result(quotes_f1=0.5), None, allow_lower=False)
    assert down.refused and not down.changed
    assert baseline["suites"]["dev-en"]["floors"] == {"quotes_f1": 0.68}
    lowered = gate.update(baseline, _result(quotes_f1=0.5), None, allow_lower=True)
    assert [c.line() for c in lowered.changed] == ["quotes_f1 0.68 -> 0.48"]


def test_gate_check_flags_metrics_below_or_missing() -> None:
    entry = {"floors": {"a_f1": 0.5, "b_f1": 0.5, "c_f1": 0.5}}
    checks = gate.check(_result(a_f1=0.5, b_f1=0.49), entry)
    assert [(c.metric, c.ok) for c in checks] == [("a_f1", True), ("b_f1", False),
                                                   ("c_f1", False)]


# -- the CLI, on a stand-in suite so the rules are tested fast and exactly -------------------

@pytest.fixture
def fake_suite(monkeypatch: pytest.MonkeyPatch) -> dict[str, float]:
    """'dev-en' replaced by a suite whose score the test sets."""
    score = {"quotes_f1": 0.6}

    def run(data: Path, options: SuiteOptions) -> SuiteResult:
        return SuiteResult("dev-en", {"quotes_f1": score["quotes_f1"], "documents": 3})

    monkeypatch.setitem(SUITES, "dev-en", run)
    return score


def _evaluate(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["evaluate", "dev-en", "--baseline",
                                    str(tmp_path / "baseline.json"), "--changelog",
                                    str(tmp_path / "CHANGELOG.md"), *args])


def test_gate_cli_update_check_and_lowering(tmp_path: Path, fake_suite: dict[str, float]) -> None:
    assert _evaluate(tmp_path, "--update-baseline").exit_code == 2  # no --reason
    assert _evaluate(tmp_path, "--check-baseline").exit_code == 2  # nothing pinned yet
    pinned = _evaluate(tmp_path, "--update-baseline", "--reason", "first floors")
    assert pinned.exit_code == 0, pinned.output
    stored = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert stored["suites"]["dev-en"] == {"floors": {"quotes_f1": 0.58}, "limit": None}
    assert "Reason: first floors" in (tmp_path / "CHANGELOG.md").read_text(encoding="utf-8")

    ok = _evaluate(tmp_path, "--check-baseline")
    assert ok.exit_code == 0 and "gate: passed" in ok.output

    fake_suite["quotes_f1"] = 0.5
    failed = _evaluate(tmp_path, "--check-baseline")
    assert failed.exit_code == 1
    assert "BELOW FLOOR" in failed.output
    assert failed.output.strip().splitlines()[-1] == "dev-en quotes_f1=0.5 documents=3"

    refused = _evaluate(tmp_path, "--update-baseline", "--reason", "worse")
    assert refused.exit_code == 1 and "refused to lower" in refused.output
    assert json.loads((tmp_path / "baseline.json").read_text())["suites"]["dev-en"]["floors"] \
        == {"quotes_f1": 0.58}

    lowered = _evaluate(tmp_path, "--update-baseline", "--allow-lower", "--reason", "new data")
    assert lowered.exit_code == 0, lowered.output
    log = (tmp_path / "CHANGELOG.md").read_text(encoding="utf-8")
    assert log.startswith("# Changelog")
    assert "quotes_f1 0.58 -> 0.48 (lowered with --allow-lower). Reason: new data" in log


def test_gate_cli_rejects_option_mixes(tmp_path: Path, fake_suite: dict[str, float]) -> None:
    assert _evaluate(tmp_path, "--allow-lower").exit_code == 2
    assert _evaluate(tmp_path, "--limit", "3").exit_code == 2  # dev-en always runs whole


# -- the pinned floors themselves -------------------------------------------------------------

def _pinned() -> list[str]:
    return sorted(json.loads(BASELINE.read_text(encoding="utf-8"))["suites"])


def test_gate_baseline_pins_the_suites_ci_runs() -> None:
    assert {"seed", "dev-de", "spkatt", "wikiwars-de", "germeval"} <= set(_pinned())
    for name, entry in json.loads(BASELINE.read_text(encoding="utf-8"))["suites"].items():
        assert entry["limit"] is None or name in SAMPLED, name
        assert all(0.0 <= f <= 1.0 for f in entry["floors"].values()), name


@pytest.mark.parametrize("suite", _pinned())
def test_gate_suite_meets_its_floors(suite: str) -> None:
    needs_shared = suite != "dev-de" and suite != "dev-en"
    if needs_shared and not SHARED_DATA.is_dir():
        pytest.skip(f"{SHARED_DATA} is not there: suite {suite} needs ../shared beside the "
                    "checkout")
    out = CliRunner().invoke(cli, ["evaluate", suite, "--check-baseline"])
    assert out.exit_code == 0, out.output
    assert "gate: passed" in out.output
    assert out.output.strip().splitlines()[-1].startswith(f"{suite} ")
