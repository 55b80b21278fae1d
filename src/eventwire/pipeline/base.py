"""Stages and the pipeline that runs them in a checked order.

A stage is a callable ``Document -> Document`` that declares which document fields it
``requires`` and which it ``assigns``. The pipeline refuses to be built when a stage requires
something no earlier stage assigns, so a mis-ordered configuration fails at start-up instead of
producing empty output. An error inside one document is recorded on that document and never
stops the others.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar, Protocol, runtime_checkable

from eventwire.errors import PipelineError
from eventwire.model import Document

log = logging.getLogger(__name__)

INPUT_FIELDS = frozenset({"text", "lang", "published", "id", "source", "url", "title"})


@runtime_checkable
class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    assigns: ClassVar[frozenset[str]]

    def __call__(self, doc: Document) -> Document: ...


class Pipeline:
    """An ordered list of stages, checked when built."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = set(INPUT_FIELDS)
        for stage in stages:
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage "
                    f"assigns; order was {[s.name for s in stages]}"
                )
            available |= stage.assigns
        self.stages = list(stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        """Run every stage; an exception is recorded in ``doc.errors`` and stops only this doc."""
        for stage in self.stages:
            try:
                doc = stage(doc)
            except Exception as exc:
                log.debug("stage %s failed on %s: %s", stage.name, doc.id, traceback.format_exc())
                doc.errors.append(f"{stage.name}: {type(exc).__name__}: {exc}")
                break
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
