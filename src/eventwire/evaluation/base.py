"""What every suite returns and takes: :class:`SuiteResult` and :class:`SuiteOptions`."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from eventwire.extract import ExtractOptions, extract_documents
from eventwire.model import Document
from eventwire.pipeline.default import default_pipeline

T = TypeVar("T")


@dataclass(frozen=True)
class SuiteOptions:
    """Options a suite may honour; ``limit`` keeps the first N items (a sample for CI)."""

    limit: int | None = None


@dataclass
class SuiteResult:
    """Metrics (the last output line), per-metric details, skipped items and notes for humans.

    ``gated`` names the metrics a baseline pins floors for; empty means every ``*_f1`` and
    ``*_acc`` metric.
    """

    name: str
    metrics: dict[str, float | int | None]
    details: dict[str, Any] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    gated: tuple[str, ...] = ()

    def gated_metrics(self) -> dict[str, float | int | None]:
        names = self.gated or tuple(k for k in self.metrics if k.endswith(("_f1", "_acc")))
        return {k: self.metrics.get(k) for k in names}


def take(items: Sequence[T], limit: int | None) -> list[T]:
    """The first ``limit`` items (all when ``limit`` is None)."""
    if limit is not None and limit < 0:
        raise ValueError("limit must be zero or more")
    return list(items if limit is None else items[:limit])


@dataclass
class Tally:
    """True positives, false positives and false negatives of one metric."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, predicted: int, expected: int) -> None:
        self.tp += tp
        self.fp += predicted - tp
        self.fn += expected - tp

    def scores(self) -> dict[str, float | int]:
        return prf(self.tp, self.fp, self.fn)


def prf(tp: int, fp: int, fn: int, digits: int = 4) -> dict[str, float | int]:
    """Precision, recall and F1 with their counts, in the shape the CLI prints."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, digits), "r": round(r, digits), "f1": round(f, digits),
            "tp": tp, "fp": fp, "fn": fn}


@dataclass(frozen=True)
class Timed:
    """Coded documents, the seconds they took, and the one-time start-up (KB, lexicons)."""

    docs: list[Document]
    seconds: float
    startup_seconds: float


def timed_extract(docs: Sequence[Document], lang: str) -> Timed:
    """Code ``docs`` with the default pipeline; start-up is timed apart on a warm-up text."""
    started = time.perf_counter()
    pipeline = default_pipeline()
    pipeline(Document(id="warm-up", text="Der Präsident sagte am Montag in Berlin, er komme.",
                      lang=lang))
    startup = time.perf_counter() - started
    started = time.perf_counter()
    coded = list(extract_documents(docs, ExtractOptions(lang=lang), pipeline))
    return Timed(coded, time.perf_counter() - started, startup)
