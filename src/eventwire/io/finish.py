"""The checks and defaults every document gets, whichever reader made it.

Readers compute a document from their format; this module is the one place that enforces the
text limit, normalises the language code, identifies the language when metadata gives none,
and applies the default publication date, so these rules cannot drift apart between formats.
"""

from __future__ import annotations

import re

from eventwire.errors import InputError
from eventwire.io.options import ReadOptions
from eventwire.io.results import ReadResult
from eventwire.langdetect import identify_language
from eventwire.model import Document

_LANG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")


def normalise_lang(value: object) -> str | None:
    """``de-DE``, ``DE`` and ``de_AT`` are ``de``; anything that is no language tag is dropped."""
    if not isinstance(value, str):
        return None
    match = _LANG.fullmatch(value.strip())
    return match.group(1).lower() if match else None


def complete(doc: Document, name: str, options: ReadOptions) -> Document:
    """Check the text and fill language and date defaults; raise when the text is unusable."""
    if not doc.text.strip():
        raise InputError(name, "no text (the document is empty)")
    if len(doc.text) * 4 > options.max_document_bytes:  # cheap bound before encoding
        size = len(doc.text.encode("utf-8", "surrogatepass"))
        if size > options.max_document_bytes:
            raise InputError(name, f"too large: the text is {size} bytes; the limit is "
                                   f"{options.max_document_bytes} bytes "
                                   "(ReadOptions.max_document_bytes)")
    doc.lang = normalise_lang(doc.lang)
    if doc.lang is None and options.identify_language:
        doc.lang = identify_language(doc.text)
    if doc.published is None and options.default_published is not None:
        doc.published = options.default_published
        doc.published_from = "cli"
    elif doc.published is None:
        doc.published_from = None
    return doc


def finished(name: str, doc: Document, options: ReadOptions,
             author: str | None = None) -> ReadResult:
    """A result for a computed document: the document, or the reason it was refused."""
    try:
        return ReadResult(name, document=complete(doc, name, options), author=author)
    except InputError as exc:
        return ReadResult.of(exc)
