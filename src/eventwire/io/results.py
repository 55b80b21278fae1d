"""What reading one input gives: a document, or the reason it was rejected.

Readers yield results instead of raising so that one broken file, archive member, feed entry
or WARC record never stops a batch; the batch lists the rejected ones with their reasons.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.errors import InputError
from eventwire.model import Document


@dataclass(frozen=True)
class ReadResult:
    """Exactly one of ``document`` and ``error`` is set.

    ``name`` says where the document came from (a path, ``archive.zip!member.html``,
    ``feed.xml#3`` for the third entry, ``crawl.warc.gz#12`` for the twelfth record, a URL).
    ``author`` is kept here because the document model has no field for it.
    """

    name: str
    document: Document | None = None
    error: InputError | None = None
    author: str | None = None

    def __post_init__(self) -> None:
        if (self.document is None) == (self.error is None):
            raise ValueError("a ReadResult holds either a document or an error")

    @property
    def ok(self) -> bool:
        return self.document is not None

    @classmethod
    def failed(cls, name: str, problem: str) -> ReadResult:
        return cls(name, error=InputError(name, problem))

    @classmethod
    def of(cls, error: InputError) -> ReadResult:
        return cls(error.source, error=error)
