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


def tokenize(doc: Document) -> list[Token]:
    lang = doc.lang or "de"
    tokens: list[Token] = []
    for sentence in doc.sentences:
        for m in TOKEN_PATTERN.finditer(doc.text, sentence.start, sentence.end):
            word = m.group()
            tokens.append(
                Token.model_construct(
                    text=word,
                    start=m.start(),
                    end=m.end(),
                    lemma=lemmatize(word, lang),
                    sentence=sentence.index,
                )
            )
    return tokens


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
