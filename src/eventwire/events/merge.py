"""One event per real event within a document: repeated mentions merge."""

from __future__ import annotations

from eventwire.model import Event

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})


def _parties(e: Event) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(e.source), frozenset(e.target)


def same_event(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    sa, ta = _parties(a)
    sb, tb = _parties(b)
    if (sa, ta) == (sb, tb):
        return True
    return a.type in SYMMETRIC and (sa, ta) == (tb, sb)


def merge_events(events: list[Event]) -> list[Event]:
    """Keep the first report of each event; fill its gaps (date, place, reporters) later."""
    kept: list[Event] = []
    for e in events:
        twin = next((k for k in kept if same_event(k, e)), None)
        if twin is None:
            kept.append(e)
            continue
        twin.date = twin.date or e.date
        twin.date_text = twin.date_text or e.date_text
        twin.place = twin.place or e.place
        for r in e.reported_by:
            if r not in twin.reported_by:
                twin.reported_by.append(r)
        twin.confidence = max(twin.confidence, e.confidence)
    return kept
