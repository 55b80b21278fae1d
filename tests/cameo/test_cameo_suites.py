"""The petrarch2 and universalpetrarch-en suites run on ../shared/data when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluation.petrarch import (
    options_for,
    petrarch2_suite,
    read_records,
    universalpetrarch_suite,
)
from eventwire.evaluation.suites import SUITES

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def needs(folder: str) -> Path:
    if not (DATA / folder).is_dir():
        pytest.skip(f"../shared/data/{folder} is not beside the checkout")
    return DATA


def test_suites_are_registered() -> None:
    assert {"petrarch2", "universalpetrarch-en"} <= set(SUITES)


def test_suite_records_reader_keeps_config_and_expectations(tmp_path: Path) -> None:
    records = tmp_path / "r.xml"
    records.write_text(
        '<Validation><Sentences>\n<Config option="require_dyad" value="false"></Config>\n'
        '<Sentence date="19950101" id="A-1" category="DEMO" sentence="true">\n'
        '<EventCoding sourcecode="FRE" targetcode=\'"NEW ONE"\' eventcode="190"></EventCoding>\n'
        "<Text>Freedonia attacked the new one.</Text>\n"
        "<Parse>(ROOT (S (NP (NNP Freedonia)) (VP (VBD attacked))))</Parse></Sentence>\n"
        '<Sentence date="19950101" id="A-2" category="DEMO" sentence="false">\n'
        '<EventCoding noevents = "True"></EventCoding><Text>Nothing.</Text></Sentence>\n'
        "</Sentences></Validation>\n",
        encoding="utf-8",
    )
    first, second = read_records(records)
    assert (first.id, first.date, first.expected) == ("A-1", 19950101, [("FRE", "NEW ONE", "190")])
    assert first.words == "Freedonia attacked"
    assert options_for(first.config).require_dyad is False
    assert second.expect_none and second.marked_off


@pytest.mark.slow
@pytest.mark.shared
def test_suite_petrarch2_runs_and_meets_its_target() -> None:
    result = petrarch2_suite(needs("petrarch2-dictionaries"))
    metrics = result.metrics
    assert metrics["records_scored"] == 277
    assert isinstance(metrics["record_accuracy"], float)
    assert metrics["record_accuracy"] >= 0.80  # the target for users' own dictionaries
    assert isinstance(metrics["event_precision"], float)
    assert isinstance(metrics["plover_agreement"], float)
    assert result.skipped == {"marked_not_coded_upstream": 5, "tests_a_broken_parse_tree": 2}


@pytest.mark.slow
@pytest.mark.shared
def test_suite_universalpetrarch_runs() -> None:
    needs("petrarch2-dictionaries")
    result = universalpetrarch_suite(needs("universalpetrarch"))
    assert result.metrics["records_scored"] == 78
    assert result.metrics["record_accuracy"] is not None
