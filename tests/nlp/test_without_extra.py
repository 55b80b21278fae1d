"""Without the ``english`` extra, English runs on the heuristics, with no error."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_text
from eventwire.nlp import english


def test_english_without_the_extra_uses_the_heuristics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(english, "installed", lambda: False)
    assert not english.available()
    doc = extract_text("Russia attacked Ukraine on Monday.", lang="en")
    assert not doc.errors
    assert doc.tokens and all(t.head is None and t.pos is None for t in doc.tokens)
    names = {a.id: a.name for a in doc.actors}
    assert [(e.type, [names[x] for x in e.source]) for e in doc.events] == [("ASSAULT", ["Russia"])]


@pytest.mark.parametrize("value", ["off", "0", "false", "no", "OFF"])
def test_switch_turns_the_parse_off(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(english.SWITCH, value)
    assert not english.available()
