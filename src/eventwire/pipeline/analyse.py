"""Tokens with offsets and lemmas.

Lemmas come from simplemma (MIT; measured in ``docs/benchmarks/morphology.md``), cached per
word form because news repeats its words, with the language pack's suffix rules as a fallback
for regular forms simplemma leaves alone ("ratifiziert" -> "ratifizieren").

English tokens also get a dependency parse (POS, head, label) when the ``english`` extra is
installed (:mod:`eventwire.nlp.english`); German, and English without it, stay unparsed.
"""

from __future__ import annotations

import functools
import re
from typing import ClassVar

import simplemma
from pydantic import TypeAdapter

from eventwire.langpacks import load_pack
from eventwire.model import Document, Token
from eventwire.nlp import english

# Numbers, dotted abbreviations (U.S., U.N.), words with inner hyphens and apostrophes,
# single punctuation marks.
TOKEN_PATTERN = re.compile(r"\d+(?:[.,:]\d+)*|(?:[A-Z]\.){2,}|\w+(?:[-‐'’]\w+)*|[^\w\s]")


@functools.cache
def _lemma_rules(lang: str) -> tuple[tuple[str, str, int], ...]:
    rules = load_pack(lang).segment.lemma_rules
    return tuple(
        (r.suffix, r.replace, r.min_stem) for r in sorted(rules, key=lambda r: -len(r.suffix))
    )


@functools.lru_cache(maxsize=100_000)
def lemmatize(word: str, lang: str) -> str:
    """The lemma of ``word``; the word itself for punctuation and numbers."""
    if not word[0].isalpha():
        return word
    try:
        lemma: str = simplemma.lemmatize(word, lang=lang)
    except (ValueError, KeyError):
        lemma = word
    if lemma == word:
        lower = word.lower()
        for suffix, replace, min_stem in _lemma_rules(lang):
            if lower.endswith(suffix) and len(lower) - len(suffix) >= min_stem:
                return lower[: -len(suffix)] + replace
    return lemma


# Validating a document's tokens in one call keeps pydantic's loop in compiled code: about
# three times faster than ``Token.model_construct`` per token, which walks every field in Python.
_TOKEN_LIST = TypeAdapter(list[Token])


def tokenize(doc: Document) -> list[Token]:
    lang = doc.lang or "de"
    text = doc.text
    rows: list[dict[str, str | int]] = []
    for sentence in doc.sentences:
        index = sentence.index
        for m in TOKEN_PATTERN.finditer(text, sentence.start, sentence.end):
            word = m.group()
            start, end = m.span()
            rows.append(
                {
                    "text": word,
                    "start": start,
                    "end": end,
                    "lemma": lemmatize(word, lang),
                    "sentence": index,
                }
            )
    return _TOKEN_LIST.validate_python(rows)


def sentence_ranges(tokens: list[Token]) -> dict[int, tuple[int, int]]:
    """First and last token index of each sentence, in the order the sentences first appear.

    Built from index pairs by ``dict`` (a later pair overwrites an earlier one) rather than
    with a Python loop over the tokens: several stages need it for every document."""
    sentences = [t.sentence for t in tokens]
    count = len(sentences)
    last = dict(zip(sentences, range(count), strict=True))
    first = dict(zip(reversed(sentences), range(count - 1, -1, -1), strict=True))
    return {s: (first[s], end) for s, end in last.items()}


class Analyser:
    name: ClassVar[str] = "analyse"
    # the parse is stored on the tokens, and whether to parse depends on the language
    requires: ClassVar[frozenset[str]] = frozenset({"sentences", "lang"})
    assigns: ClassVar[frozenset[str]] = frozenset({"tokens"})

    def __call__(self, doc: Document) -> Document:
        doc.tokens = tokenize(doc)
        if doc.lang == "en" and english.available():
            english.parse_document(doc)
        return doc
