"""The plain function behind ``eventwire extract``: documents in, coded documents out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from eventwire.langdetect import detect_language
from eventwire.model import Document
from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.default import default_pipeline
from eventwire.runtime import settle_for_coding


@dataclass(frozen=True)
class ExtractOptions:
    """Everything that changes how a document is read; defaults live here and only here."""

    lang: str = "auto"
    published: dt.date | None = None
    doc_id: str | None = None


def prepare(doc: Document, options: ExtractOptions) -> Document:
    """Fill language, date and id from the options where the input's metadata has none."""
    if options.doc_id:
        doc.id = options.doc_id
    if options.lang != "auto":
        doc.lang = options.lang
    elif not doc.lang:
        doc.lang = detect_language(doc.text)
    if doc.published is None and options.published is not None:
        doc.published = options.published
        doc.published_from = "option"
    return doc


def extract_documents(
    docs: Iterable[Document], options: ExtractOptions, pipeline: Pipeline | None = None
) -> Iterator[Document]:
    pipe = pipeline or default_pipeline()
    settled = False
    for doc in docs:
        coded = pipe(prepare(doc, options))
        if not settled:
            settle_for_coding()  # the first document has loaded what the pipeline needs
            settled = True
        yield coded


def extract_text(
    text: str, *, lang: str = "auto", published: dt.date | None = None, doc_id: str = "text"
) -> Document:
    """Code one text: the convenience entry point for library users."""
    doc = Document(id=doc_id, text=text)
    return next(extract_documents([doc], ExtractOptions(lang=lang, published=published)))
