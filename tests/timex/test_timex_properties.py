"""Property tests: any text gives valid, sorted, non-overlapping matches without crashing."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.timex import TimexMatch, TimexTagger

VOCAB = [
    "am", "Am", "im", "Im", "vom", "bis", "seit", "vor", "in", "nach", "um", "Uhr", "Montag",
    "Montagabend", "Mai", "Juni", "März", "August", "1939", "1940", "2022", "3.", "5.",
    "03.03.2022",
    "3.3.", "2022-03-03", "14.30", "heute", "morgen", "Morgen", "gestern", "vergangenen",
    "nächste", "Woche", "Wochenende", "Jahr", "Jahren", "Tage", "später", "zuvor", "zwei", "drei",
    "Anfang", "Ende", "Mitte", "der", "1990er", "Jahre", "19.", "Jahrhundert", "jeden", "täglich",
    "Herbst", "ersten", "Quartal", "v.", "Chr.", "(", ")", ".", ",", "/", "-", "–", "\n", "on",
    "Monday", "night", "last", "week", "June", "3,", "May", "ago", "years", "since", "2014", "at",
    "2", "p.m.", "early", "December", "the", "1990s", "every", "Q1", "Soldaten", "bald",
]

words = st.lists(st.sampled_from(VOCAB), max_size=40).map(" ".join)
texts = st.one_of(st.text(max_size=200), words)
anchors = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


def _check(text: str, found: list[TimexMatch]) -> None:
    prev_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= prev_end  # sorted, no overlaps
        prev_end = m.end
        assert m.type in ("DATE", "TIME", "DURATION", "SET")
        assert m.granularity in (None, "day", "week", "month", "quarter", "year", "decade",
                                 "century", "time")


@settings(max_examples=300, deadline=None, database=None)
@given(text=texts, anchor=anchors, mode=st.sampled_from(["news", "narrative"]))
def test_properties_german_any_text(text: str, anchor: date | None, mode: str) -> None:
    found = TimexTagger.for_language("de").find(text, anchor, mode=mode)  # type: ignore[arg-type]
    _check(text, found)


@settings(max_examples=300, deadline=None, database=None)
@given(text=texts, anchor=anchors, mode=st.sampled_from(["news", "narrative"]))
def test_properties_english_any_text(text: str, anchor: date | None, mode: str) -> None:
    found = TimexTagger.for_language("en").find(text, anchor, mode=mode)  # type: ignore[arg-type]
    _check(text, found)


@settings(max_examples=200, deadline=None, database=None)
@given(text=words)
def test_properties_no_anchor_no_relative_value(text: str) -> None:
    """Without an anchor, nothing is guessed: until a date has been given, relative matches
    keep value None (later ones may count from that date)."""
    for mode in ("news", "narrative"):
        for m in TimexTagger.for_language("de").find(text, None, mode=mode):  # type: ignore[arg-type]
            if m.value not in (None, "PRESENT_REF", "FUTURE_REF", "PAST_REF") and not m.relative:
                break
            if m.relative:
                assert m.value is None, m
