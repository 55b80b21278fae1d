"""Tokens in Treebank style, phrase words and sentence spans."""

from __future__ import annotations

import pytest

from eventwire.cameo.tokens import phrase_words, split_sentences, tokenize


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Gondor's army didn't move.", ["GONDOR", "'S", "ARMY", "DID", "N'T", "MOVE", "."]),
        ("They won't, and can't.", ["THEY", "WO", "N'T", ",", "AND", "CA", "N'T", "."]),
        ("Gondor 's army did n't", ["GONDOR", "'S", "ARMY", "DID", "N'T"]),  # parse words
        ("The U.S. and K.U. sent 50,000 troops", ["THE", "U.S.", "AND", "K.U.", "SENT", "50,000",
                                                 "TROOPS"]),
        ("an anti- Gondor al-Raya parade", ["AN", "ANTI-", "GONDOR", "AL-RAYA", "PARADE"]),
        ("the Prince of Dol_Amroth", ["THE", "PRINCE", "OF", "DOL", "AMROTH"]),
    ],
)
def test_tokens_follow_treebank(text: str, tokens: list[str]) -> None:
    assert [t.up for t in tokenize(text)] == tokens


def test_tokens_keep_offsets() -> None:
    text = "Gondor's army"
    assert [(t.text, text[t.start:t.end]) for t in tokenize(text)] == [
        ("Gondor", "Gondor"), ("'s", "'s"), ("army", "army")]


def test_tokens_phrase_words_mark_open_gaps() -> None:
    assert phrase_words("RADAGAST THE_BROWN_") == (("RADAGAST", "THE", "BROWN"), (True, False))


def test_tokens_sentences_do_not_end_at_abbreviations() -> None:
    text = "The U.S. Army left. Mr. Smith stayed! Then it rained."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The U.S. Army left.", "Mr. Smith stayed!", "Then it rained."]
