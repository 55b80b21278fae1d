"""Suite ``wikiwars-de``: a sample run, its counts, and the CLI's last line."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.evaluation.base import SuiteOptions
from eventwire.evaluation.suites import run_suite

from .conftest import data_folder


@pytest.mark.shared
def test_wikiwars_sample_runs_and_counts_the_sample() -> None:
    folder = data_folder("wikiwars-de")
    result = run_suite("wikiwars-de", folder.parent, SuiteOptions(limit=3))
    m = result.metrics
    assert m["documents"] == 3
    files = sorted((folder / "WikiWarsDE_20110412" / "keyinline").glob("*.key.xml"))[:3]
    in_text = sum(f.read_text(encoding="utf-8").split("<TEXT>", 1)[1].count("<TIMEX2")
                  for f in files)
    assert m["gold"] + m["skipped_gold"] == in_text  # type: ignore[operator]
    for name in ("span_f1", "value_f1", "span_p", "span_r"):
        assert 0.0 < float(m[name] or 0.0) <= 1.0, name
    # a right value needs a matched span, so value scores never beat span scores
    assert float(m["value_f1"] or 0) <= float(m["span_f1"] or 0)
    assert float(m["docs_per_s"] or 0) > 0
    assert any(note.startswith("SAMPLE: the first 3 of 22") for note in result.notes)


@pytest.mark.shared
def test_wikiwars_cli_ends_with_the_summary_line() -> None:
    folder = data_folder("wikiwars-de")
    out = CliRunner().invoke(cli, ["evaluate", "wikiwars-de", "--data", str(folder.parent),
                                   "--limit", "2"])
    assert out.exit_code == 0, out.output
    lines = out.output.strip().splitlines()
    assert re.fullmatch(r"wikiwars-de( \w+=[-\d.]+)+", lines[-1]), lines[-1]
    assert lines[-2].startswith("reproduce: eventwire evaluate wikiwars-de --data ")
    assert lines[-2].endswith("--limit 2")
    assert any(line.startswith("skipped: gold ") for line in lines)
