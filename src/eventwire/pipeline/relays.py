"""Tell an outlet's relay of news apart from a statement it makes.

"North Korean leader Kim Jong Un held talks with Kozlov, KCNA reported." gives the meeting with
KCNA as its reporter; KCNA claims nothing of its own there. "The meeting took place in a warm
atmosphere, the agency reported." adds no new event: that is the agency's own characterisation
and stays a quote. So a report-quote by a news outlet that carries the first report of an
asserted event is dropped once the events have taken the outlet as their reporter.
"""

from __future__ import annotations

from typing import ClassVar

from eventwire.model import Document, Quote


class RelayResolver:
    name: ClassVar[str] = "relays"
    requires: ClassVar[frozenset[str]] = frozenset({"actors", "events", "quotes"})
    assigns: ClassVar[frozenset[str]] = frozenset({"quotes"})

    def __call__(self, doc: Document) -> Document:
        doc.quotes = [q for q in doc.quotes if not _relays_news(doc, q)]
        for n, q in enumerate(doc.quotes, 1):
            q.id = f"q{n}"
        return doc


def _relays_news(doc: Document, quote: Quote) -> bool:
    """A news outlet's report that holds the trigger of an event it is the reporter of."""
    if quote.attribution != "report" or quote.kind != "indirect" or quote.speaker is None:
        return False
    speaker = doc.actor(quote.speaker)
    if speaker is None or speaker.sector != "MED":
        return False
    return any(
        e.trigger is not None
        and quote.start <= e.trigger.start < quote.end
        and quote.speaker in e.reported_by
        for e in doc.events
    )
