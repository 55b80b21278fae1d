"""Drop actors that are only scenery.

"die Demonstranten" is worth an actor when they protest or are arrested; as scenery it is noise
in actor lists and networks. Likewise "the Kremlin" in "Kremlin spokesman Dmitry Peskov" is part
of a person's title: it becomes an actor of its own only when it is named elsewhere or takes
part in an event or quote. Other named actors are always kept.
"""

from __future__ import annotations

from typing import ClassVar

from eventwire.model import Actor, Document


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
        titles = [
            (m.start, m.end)
            for a in doc.actors
            if a.type == "person"
            for m in a.mentions
        ]
        doc.actors = [
            a
            for a in doc.actors
            if a.id in used or not (a.generic or _only_in_titles(a, titles))
        ]
        return doc


def _only_in_titles(actor: Actor, titles: list[tuple[int, int]]) -> bool:
    """An organisation named only inside people's title phrases."""
    if actor.type != "organization" or not actor.mentions:
        return False
    return all(
        any(start <= m.start and m.end <= end for start, end in titles) for m in actor.mentions
    )
