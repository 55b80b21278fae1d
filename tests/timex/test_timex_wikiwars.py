"""WikiWarsDE reading and counting, on a small made-up file and (if present) the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.timex.wikiwars import (
    evaluate_wikiwars,
    read_keyinline,
    skip_reason,
    timex2_to_timex3,
    values_agree,
)

SAMPLE = """<DOC>
<DOCID>99_Test</DOCID>
<DATETIME> <TIMEX2 val="2011-02-16T17:00:00">2011-02-16T17:00:00</TIMEX2> </DATETIME>
<TEXT>
Krieg

Am <TIMEX2 val="1939-09-01">1. September 1939</TIMEX2> begann der Krieg. \
<TIMEX2 val="1939-09-03">Zwei Tage später</TIMEX2> folgte die Erklärung. \
Im <TIMEX2 val="BC0216">Jahr 216 v. Chr.</TIMEX2> siegte Hannibal. \
Am <TIMEX2 val="1917-11-07">7. November</TIMEX2> (<TIMEX2 val="1917-10-25" \
comment="other kind of calendar">25. Oktober</TIMEX2>) fiel die Regierung.
</TEXT>
</DOC>
"""
REAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "wikiwars-de"


def _sample(tmp_path: Path) -> Path:
    folder = tmp_path / "keyinline"
    folder.mkdir()
    path = folder / "99_Test.key.xml"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_wikiwars_reads_offsets_into_plain_text(tmp_path: Path) -> None:
    text, gold = read_keyinline(_sample(tmp_path))
    assert "<TIMEX2" not in text
    assert [g.text for g in gold] == ["1. September 1939", "Zwei Tage später", "Jahr 216 v. Chr.",
                                      "7. November", "25. Oktober"]
    for g in gold:
        assert text[g.start:g.end] == g.text


def test_wikiwars_skips_bc_and_other_calendars(tmp_path: Path) -> None:
    _, gold = read_keyinline(_sample(tmp_path))
    assert [skip_reason(g) for g in gold] == [None, None, "BC year", None,
                                              "non-Gregorian calendar"]


def test_wikiwars_timex2_values_in_timex3_form() -> None:
    assert timex2_to_timex3("1945-05-08T23:00+01") == "1945-05-08T23:00"
    assert timex2_to_timex3("1999-W12WE") == "1999-W12-WE"
    assert timex2_to_timex3("1939-09") == "1939-09"
    assert values_agree("1939-09-01", "1939-09-01T04:45")
    assert not values_agree("1939-09", "1939-09-01")


def test_wikiwars_evaluate_counts_sample(tmp_path: Path) -> None:
    _sample(tmp_path)
    result = evaluate_wikiwars(tmp_path)
    assert result["documents"] == 1
    assert result["gold_scored"] == 3
    assert result["skipped_gold"] == {"BC year": 1, "non-Gregorian calendar": 1}
    assert result["span"]["tp"] == 3
    assert result["value"]["tp"] == 2  # "7. November": no year to count from in narrative


@pytest.mark.shared
@pytest.mark.skipif(not REAL.is_dir(), reason="WikiWarsDE not present beside the checkout")
def test_wikiwars_real_corpus_floor() -> None:
    result = evaluate_wikiwars(REAL, limit=3)
    assert result["documents"] == 3
    assert result["span"]["f1"] > 0.9
    assert result["value"]["f1"] > 0.8
