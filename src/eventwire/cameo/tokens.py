"""Tokens as the CAMEO dictionaries expect them: upper case, Treebank-style contractions.

PETRARCH read Penn-Treebank tokens, so the dictionaries spell ``didn't`` as ``DID N'T`` and
``Gondor's`` as ``GONDOR 'S``. This tokenizer produces the same split from plain text (and
accepts text that is already tokenized, such as the words of a parse tree), keeping character
offsets so that events can point back into the text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from eventwire.errors import DataFileError

_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}(?:[^\W\d_](?![\w]))?"  # U.S., K.U., U.S.S.R
    r"|\d+(?:[.,]\d+)+"  # 50,000  11.8
    r"|&\w+"  # &TIETYPE written in a sentence
    r"|['’][A-Za-z]{1,2}\b"  # 's as its own token ("Gondor 's")
    r"|[^\W_]+(?:[-'’.][^\W_]+)*-?"  # words, hyphenated words, al-Raya, anti-
    r"|``|''|--|\S",
    re.UNICODE,
)

WORDS_FILE = Path(__file__).parent / "data" / "english.yaml"


class EnglishWords(BaseModel):
    """The closed-class word lists of ``data/english.yaml``, checked when loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    determiners: frozenset[str]
    prepositions: frozenset[str]
    numbers: frozenset[str]
    conjunctions: frozenset[str]
    auxiliaries: frozenset[str]
    be_forms: frozenset[str]
    negators: frozenset[str]
    soft_adverbs: frozenset[str]
    pronouns: frozenset[str]
    subordinators: frozenset[str]
    irregular_past: frozenset[str]
    adjectives: frozenset[str]
    adjective_endings: tuple[str, ...]
    abbreviations: frozenset[str]

    @model_validator(mode="after")
    def _upper_case(self) -> EnglishWords:
        for name, words in self:
            if name != "abbreviations" and any(w != w.upper() for w in words):
                raise ValueError(f"{name}: words must be upper case (Treebank spelling)")
        return self


@functools.cache
def english() -> EnglishWords:
    try:
        data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
        return EnglishWords.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise DataFileError(str(WORDS_FILE), f"cannot load the word lists: {exc}") from None


_W = english()
DETERMINERS = _W.determiners
PREPOSITIONS = _W.prepositions
NUMBERS = _W.numbers
CONJUNCTIONS = _W.conjunctions
AUXILIARIES = _W.auxiliaries
BE_FORMS = _W.be_forms
NEGATORS = _W.negators
SOFT_ADVERBS = _W.soft_adverbs
PRONOUNS = _W.pronouns
SUBORDINATORS = _W.subordinators
IRREGULAR_PAST = _W.irregular_past


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark: ``up`` is the form the dictionaries are matched against."""

    text: str
    up: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.up[:1].isalnum() or self.up[:1] in "&'"


def _split_contraction(text: str, start: int) -> list[tuple[str, int]]:
    low = text.lower().replace("’", "'")
    if len(low) > 3 and low.endswith("n't"):
        return [(text[:-3], start), (text[-3:], start + len(text) - 3)]
    if len(low) > 2 and low.endswith("'s") and low[-3].isalpha():
        return [(text[:-2], start), (text[-2:], start + len(text) - 2)]
    return [(text, start)]


def tokenize(text: str) -> list[Token]:
    """Tokens of a sentence; underscores count as spaces (``Dol_Amroth`` = ``Dol Amroth``)."""
    spaced = text.replace("_", " ")
    tokens: list[Token] = []
    for m in _TOKEN.finditer(spaced):
        for piece, start in _split_contraction(m.group(), m.start()):
            up = piece.upper().replace("’", "'")
            tokens.append(Token(piece, up, start, start + len(piece)))
    return tokens


def phrase_words(phrase: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """Words of a dictionary phrase and, per gap between them, whether other words may intervene.

    In the dictionaries ``_`` joins words that must be consecutive and a blank allows other
    words in between; a trailing ``_`` (no stemming in TABARI) is dropped.
    """
    words: list[str] = []
    open_gaps: list[bool] = []
    for i, chunk in enumerate(phrase.strip().split()):
        for j, tok in enumerate(tokenize(chunk.replace("_", " "))):
            if words:
                open_gaps.append(i > 0 and j == 0)
            words.append(tok.up)
    return tuple(words), tuple(open_gaps)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a plain text: a full stop, ! or ? followed by a capitalised word.

    Abbreviations of single letters (U.S., K.U.) and common titles do not end a sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"[.!?]+[\"'”’)]*\s+(?=[\"“'‘(]?[A-Z0-9])|\n\s*\n", text):
        before = text[start:m.start() + 1]
        tail = re.search(r"(\b\w{1,3}|\b(?:[A-Za-z]\.)+[A-Za-z]?)\.$", before.rstrip())
        if tail and tail.group(1).rstrip(".").lower() in _ABBREVIATIONS | _initials(tail.group(1)):
            continue
        if text[start:m.start()].strip():
            spans.append(_trim(text, start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


_ABBREVIATIONS = _W.abbreviations


def _initials(word: str) -> frozenset[str]:
    bare = word.rstrip(".")
    return frozenset({bare.lower()}) if "." in bare or len(bare) == 1 else frozenset()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
