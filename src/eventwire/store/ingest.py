"""The plain function behind ``eventwire ingest``: read documents, code them, keep them.

One document at a time, each in its own transaction: a document that fails is reported and the
rest are still stored, and an interrupted ingest keeps what it finished.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from eventwire.errors import EventwireError
from eventwire.extract import ExtractOptions, extract_documents
from eventwire.model import Document
from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.default import default_pipeline
from eventwire.store.base import SaveResult, Store


@dataclass
class IngestReport:
    """What happened to each document; ``problems`` and ``warnings`` are printable lines."""

    results: list[SaveResult] = field(default_factory=list)
    failed: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def stored(self) -> int:
        """Documents now in the store, whether new, replaced or already there."""
        return len(self.results)

    def summary(self) -> str:
        return (f"inserted={self.count('inserted')} updated={self.count('updated')} "
                f"unchanged={self.count('unchanged')} failed={self.failed}")


def ingest_documents(store: Store, docs: Iterable[Document], options: ExtractOptions, *,
                     force: bool = False, pipeline: Pipeline | None = None) -> IngestReport:
    """Code and save each document; errors are collected per document, never raised.

    A text already stored is not coded again (unless ``force``): re-ingesting a folder after
    adding to it costs only the new files.
    """
    pipe = pipeline or default_pipeline()
    report = IngestReport()
    for doc in docs:
        name = doc.id
        try:
            known = None if force else store.unchanged_id(doc)
            if known is not None:
                report.results.append(SaveResult(known, "unchanged"))
                continue
            coded = next(extract_documents([doc], options, pipe))
            report.warnings += [f"{coded.id}: {err}" for err in coded.errors]
            report.results.append(store.save(coded, force=force))
        except EventwireError as exc:
            report.failed += 1
            report.problems.append(f"{name}: {exc}")
    return report
