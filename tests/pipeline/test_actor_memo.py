"""The actor stage's word-level memo and the shortcuts taken for speed give the answers of the
plain definitions they replace."""

from __future__ import annotations

import datetime as dt

from eventwire.actors.coref import _word_matches
from eventwire.actors.guess import _compound_of
from eventwire.actors.memo import WordTable
from eventwire.extract import ExtractOptions, prepare
from eventwire.model import Document, Token
from eventwire.pipeline.actors import ActorRecogniser
from eventwire.pipeline.analyse import Analyser, sentence_ranges
from eventwire.pipeline.segment import Segmenter

TEXT = (
    "Berlin (dpa) - Bundeskanzler Olaf Scholz hat am Montag den französischen Präsidenten "
    "Emmanuel Macron empfangen. Beide Politiker sprachen über die Ukraine. Der Sprecher der "
    "Bundesregierung sagte, die beiden Länder wollten enger zusammenarbeiten."
)


def _coded_actors(recogniser: ActorRecogniser) -> list[dict[str, object]]:
    doc = prepare(
        Document(id="memo", text=TEXT),
        ExtractOptions(lang="de", published=dt.date(2024, 11, 20)),
    )
    doc = recogniser(Analyser()(Segmenter()(doc)))
    return [a.model_dump() for a in doc.actors]


def test_a_warm_memo_gives_the_answers_of_a_cold_one() -> None:
    warm = ActorRecogniser()
    first = _coded_actors(warm)
    assert first == _coded_actors(warm)  # answered from the memo
    assert first == _coded_actors(ActorRecogniser())  # a fresh memo


def test_word_table_empties_itself_when_full() -> None:
    table: WordTable[str, int] = WordTable(limit=2)
    table.put("a", 1)
    table.put("b", 2)
    assert table.put("c", 3) == 3
    assert table.data == {"c": 3}


def test_sentence_ranges_are_first_and_last_token_in_order_of_appearance() -> None:
    tokens = [
        Token(text="x", start=i, end=i + 1, sentence=s) for i, s in enumerate([2, 2, 0, 2, 1])
    ]
    ranges = sentence_ranges(tokens)
    assert ranges == {2: (0, 3), 0: (2, 2), 1: (4, 4)}
    assert list(ranges) == [2, 0, 1]
    assert sentence_ranges([]) == {}


def test_compound_heads_match_as_the_plain_definition() -> None:
    heads = frozenset({"verband", "amt", "ausschuss", "kommission", "rat"})
    for word in [
        "flughafenverband",
        "verband",
        "xyzverband",
        "auswärtigesamt",
        "bundesrat",
        "eukommission",
        "kommission",
        "haus",
        "",
        "ausschussverband",
    ]:
        plain = any(word.endswith(h) and len(word) - len(h) >= 3 for h in heads if len(h) >= 5)
        assert _compound_of(word, heads) is plain, word


class _View:
    """The two accessors ``_word_matches`` reads, for one token."""

    def __init__(self, low: str, lemma: str) -> None:
        self._low, self._lemma = low, lemma

    def low(self, i: int) -> str:
        return self._low

    def lemma(self, i: int) -> str:
        return self._lemma


def test_collective_words_match_as_the_plain_definition() -> None:
    forms = frozenset({"beide", "land", "b"})
    for low in [
        "beide",
        "beiden",
        "beider",
        "beidesxx",
        "länder",
        "landes",
        "lands",
        "b",
        "bx",
        "bxy",
        "bxyz",
        "",
        "x",
    ]:
        plain = low in forms or any(low.startswith(f) and len(low) - len(f) <= 2 for f in forms)
        assert _word_matches(_View(low, "?"), 0, forms) is plain, low  # type: ignore[arg-type]
    assert _word_matches(_View("länder", "land"), 0, frozenset({"land"}))  # type: ignore[arg-type]
