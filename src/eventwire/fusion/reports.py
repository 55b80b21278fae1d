"""One report: an event as one article tells it, reduced to what fusion compares.

Fusion never needs the whole document while clustering: a :class:`Report` keeps the event's
type, mode, actors (with KB identity and country), date range, place, publication and reporting
chain. It is JSON-serialisable, so a store can keep it beside the fused event and an incremental
run compares new reports with old ones without reading their documents again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from eventwire.fusion.numbers import NumberClaim, number_claims
from eventwire.model import Actor, Document, Event, PlaceRef
from eventwire.store.dates import day_range
from eventwire.textnorm import fold

ReportKey = tuple[str, str]
"""(document_id, event_id): how a report is named everywhere."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ActorRef(_Frozen):
    """An actor as fusion sees it: identity by KB id, else by country, else by name."""

    name: str
    type: str
    kb_id: str | None = None
    country: str | None = None
    state_media: bool = False
    short: str | None = None
    """An acronym the article used for it ("KCNA"), for display."""

    @property
    def key(self) -> str:
        """Identity across documents: the KB id, else the folded name."""
        return self.kb_id or f"name:{fold(self.name)}"

    @property
    def label(self) -> str:
        short = self.short if self.short and self.short != self.name else None
        return f"{self.name} ({short})" if short else self.name


class Report(_Frozen):
    document_id: str
    event_id: str
    position: int
    type: str
    mode: str | None = None
    source: tuple[ActorRef, ...] = ()
    target: tuple[ActorRef, ...] = ()
    date: str | None = None
    """The date the text gives (ISO day, week, month or year), or None."""
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_inferred: bool = False
    """True when the range comes from the publication date because the text gives none."""
    place: PlaceRef | None = None
    place_inferred: bool = False
    """True when the place is the one place named in the event's sentence, which the
    extractor did not attach to the event."""
    published: dt.date | None = None
    outlet: str | None = None
    lang: str | None = None
    reported_by: tuple[ActorRef, ...] = ()
    evidence: str = ""
    factuality: str = "asserted"
    numbers: tuple[NumberClaim, ...] = ()

    @property
    def key(self) -> ReportKey:
        return (self.document_id, self.event_id)

    @property
    def participants(self) -> tuple[ActorRef, ...]:
        return (*self.source, *self.target)

    @property
    def on_state_media(self) -> bool:
        """The report rests on state-controlled media: a state-media actor in its chain."""
        return any(a.state_media for a in self.reported_by)

    def order(self) -> tuple[dt.date, str, int]:
        """Canonical order: first published first, then by document and position, so the
        earliest report of an event founds its fused event in every run."""
        day = self.published or self.date_start or dt.date.max
        return (day, self.document_id, self.position)


def _short(actor: Actor) -> str | None:
    if actor.type not in ("organization", "group"):
        return None
    acronyms = [m.text for m in actor.mentions
                if 2 <= len(m.text) <= 8 and m.text.isupper() and m.text.isalpha()]
    return acronyms[0] if acronyms else None


def actor_ref(actor: Actor) -> ActorRef:
    return ActorRef(name=actor.name, type=actor.type, kb_id=actor.kb_id, country=actor.country,
                    state_media=actor.state_media, short=_short(actor))


def _refs(doc: Document, ids: Iterable[str]) -> tuple[ActorRef, ...]:
    found = (doc.actor(i) for i in ids)
    return tuple(actor_ref(a) for a in found if a is not None)


def date_window(date: str | None, published: dt.date | None,
                lookback_days: int) -> tuple[dt.date | None, dt.date | None, bool]:
    """The day range an event can lie in: the text's date, else the days before publication."""
    start, end = day_range(date)
    if start is not None:
        return start, end, False
    if published is None:
        return None, None, True
    return published - dt.timedelta(days=lookback_days), published, True


def sentence_place(doc: Document, event: Event) -> PlaceRef | None:
    """The only place the event's sentence names, if it names exactly one."""
    found = {p.kb_id or p.name: p for p in doc.places
             if any(m.sentence == event.sentence and m.kind != "dateline" for m in p.mentions)}
    if len(found) != 1:
        return None
    place = next(iter(found.values()))
    return PlaceRef(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                    kb_id=place.kb_id)


def report_from_event(doc: Document, event: Event, position: int,
                      lookback_days: int = 7) -> Report:
    start, end, inferred = date_window(event.date, doc.published, lookback_days)
    place = event.place or sentence_place(doc, event)
    return Report(
        document_id=doc.id, event_id=event.id, position=position, type=event.type,
        mode=event.mode, source=_refs(doc, event.source), target=_refs(doc, event.target),
        date=event.date if not inferred else None, date_start=start, date_end=end,
        date_inferred=inferred, place=place, place_inferred=event.place is None and bool(place),
        published=doc.published,
        outlet=doc.source, lang=doc.lang, reported_by=_refs(doc, event.reported_by),
        evidence=event.evidence.text, factuality=event.factuality,
        numbers=tuple(number_claims(doc, event)),
    )


def reports_from_document(doc: Document, lookback_days: int = 7,
                          factualities: tuple[str, ...] = ("asserted", "claimed")
                          ) -> list[Report]:
    """The document's events of the given factualities as reports, numbered as the store
    numbers them (asserted events first, then the others)."""
    events = [*doc.events, *doc.nonfactual_events]
    return [report_from_event(doc, e, n, lookback_days) for n, e in enumerate(events)
            if e.factuality in factualities]
