"""Drop unnamed groups that take part in nothing.

"die Demonstranten" is worth an actor when they protest or are arrested; as scenery it is noise
in actor lists and networks. Named actors are always kept.
"""

from __future__ import annotations

from typing import ClassVar

from eventwire.model import Document


class GenericActorPruner:
    name: ClassVar[str] = "prune"
    requires: ClassVar[frozenset[str]] = frozenset({"actors", "events", "quotes"})
    assigns: ClassVar[frozenset[str]] = frozenset()

    def __call__(self, doc: Document) -> Document:
        used: set[str] = set()
        for e in [*doc.events, *doc.nonfactual_events]:
            used.update(e.source, e.target, e.reported_by)
        for q in doc.quotes:
            used.update([q.speaker] if q.speaker else [])
            used.update(q.reported_by)
        doc.actors = [a for a in doc.actors if not a.generic or a.id in used]
        return doc
