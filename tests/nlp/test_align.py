"""Mapping parser tokens onto eventwire tokens when the two tokenisers disagree."""

from __future__ import annotations

from eventwire.nlp.align import MERGED, ParsedToken, Syntax, align


def test_one_eventwire_token_split_by_the_parser_takes_the_head_piece() -> None:
    # "Russia's envoy": eventwire keeps "Russia's" whole, the parser splits off "'s"
    spans = [(0, 8), (9, 14)]
    parsed = [
        ParsedToken(0, 6, "PROPN", 2, "poss"),
        ParsedToken(6, 8, "PART", 0, "case"),
        ParsedToken(9, 14, "NOUN", 2, "ROOT"),
    ]
    assert align(spans, parsed) == [Syntax("PROPN", 1, "poss"), Syntax("NOUN", 1, "ROOT")]


def test_pieces_of_one_parser_token_attach_to_the_first() -> None:
    # "Oct. 7": the parser keeps "Oct." whole, eventwire splits off the full stop
    spans = [(0, 3), (3, 4), (5, 6)]
    parsed = [ParsedToken(0, 4, "PROPN", 0, "ROOT"), ParsedToken(5, 6, "NUM", 0, "nummod")]
    assert align(spans, parsed) == [
        Syntax("PROPN", 0, "ROOT"),
        Syntax("PROPN", 0, MERGED),
        Syntax("NUM", 0, "nummod"),
    ]


def test_hyphenated_word_is_headed_by_its_last_piece() -> None:
    # "Hamas-led fighters": three parser tokens inside one eventwire token
    spans = [(0, 9), (10, 18)]
    parsed = [
        ParsedToken(0, 5, "PROPN", 2, "npadvmod"),
        ParsedToken(5, 6, "PUNCT", 2, "punct"),
        ParsedToken(6, 9, "VERB", 3, "amod"),
        ParsedToken(10, 18, "NOUN", 3, "ROOT"),
    ]
    assert align(spans, parsed) == [Syntax("VERB", 1, "amod"), Syntax("NOUN", 1, "ROOT")]


def test_heads_skip_parser_tokens_that_no_eventwire_token_holds() -> None:
    # a line break the parser keeps as a space token between a word and its head
    spans = [(0, 5), (6, 11)]
    parsed = [
        ParsedToken(0, 5, "NOUN", 1, "nsubj"),
        ParsedToken(5, 6, "SPACE", 2, "dep"),
        ParsedToken(6, 11, "VERB", 2, "ROOT"),
    ]
    assert align(spans, parsed) == [Syntax("NOUN", 1, "nsubj"), Syntax("VERB", 1, "ROOT")]


def test_tokens_without_any_parser_token_stay_unparsed() -> None:
    assert align([(0, 3), (4, 7)], [ParsedToken(0, 3, "NOUN", 0, "ROOT")]) == [
        Syntax("NOUN", 0, "ROOT"),
        None,
    ]
