"""Documents built by hand: exact expectations for the store tests, independent of the pipeline.

``corpus()`` is three reports whose events cover the filters: a day-dated event, a month-dated
one, one dated only by its publication day, one with no date at all, a reported one and a
non-factual one. ``full_document()`` fills every list of the model, for round trips.
"""

from __future__ import annotations

import datetime as dt

from eventwire.model import (
    Actor,
    Document,
    Event,
    Mention,
    Place,
    PlaceRef,
    Quote,
    Sentence,
    Span,
    TimeExpr,
)


def actor(actor_id: str, name: str, type_: str = "state", country: str | None = None,
          kb_id: str | None = None, mentions: tuple[str, ...] = ()) -> Actor:
    return Actor(id=actor_id, name=name, type=type_, country=country, kb_id=kb_id,
                 mentions=[Mention(text=m, start=0, end=len(m)) for m in mentions])


def event(event_id: str, type_: str, source: list[str], target: list[str], evidence: str,
          text: str, date: str | None = None, reported_by: list[str] | None = None,
          intensity: float | None = None, factuality: str = "asserted") -> Event:
    start = text.index(evidence)
    return Event(id=event_id, type=type_, source=source, target=target, date=date,
                 reported_by=reported_by or [], intensity=intensity, factuality=factuality,
                 evidence=Span(text=evidence, start=start, end=start + len(evidence)))


BM_TEXT = ("Deutschland wirft Russland Desinformation vor. Kanzler Scholz telefonierte im Mai "
           "mit Moskau, meldete KCNA. Russland droht Deutschland mit Gegenmaßnahmen.")
KIEW_TEXT = ("Russische Truppen griffen Charkiw an. Die ÖRTLICHEN BEHÖRDEN schickten am Freitag "
             "Hilfe in die Ukraine.")
UNDATED_TEXT = "Germany pledged support for Ukraine."


def corpus() -> list[Document]:
    """Three reports: dated events, a month-dated one, an undated one, a non-factual one."""
    germany = actor("a1", "Germany", country="DEU", kb_id="state:DEU", mentions=("Deutschland",))
    russia = actor("a2", "Russia", country="RUS", kb_id="state:RUS", mentions=("Russland",))
    scholz = actor("a3", "Olaf Scholz", "person", "DEU", "person:olaf-scholz",
                   ("Kanzler Scholz",))
    kcna = actor("a4", "KCNA", "organization", "PRK", "org:kcna", ("KCNA",))
    bm = Document(
        id="berlin-moskau", text=BM_TEXT, lang="de", published=dt.date(2023, 5, 2),
        source="Tagesschau", url="https://example.org/a", actors=[germany, russia, scholz, kcna],
        events=[
            event("e1", "ACCUSE", ["a1"], ["a2"], "Deutschland wirft Russland Desinformation vor.",
                  BM_TEXT, date="2023-05-01", intensity=-2.0),
            event("e2", "CONSULT", ["a3"], ["a2"], "Kanzler Scholz telefonierte im Mai mit Moskau, "
                  "meldete KCNA.", BM_TEXT, date="2023-05", reported_by=["a4"], intensity=1.0),
        ],
        nonfactual_events=[
            event("n1", "THREATEN", ["a2"], ["a1"], "Russland droht Deutschland mit "
                  "Gegenmaßnahmen.", BM_TEXT, factuality="planned")],
    )
    kiew = Document(
        id="kiew", text=KIEW_TEXT, lang="de", published=dt.date(2023, 6, 10),
        source="Süddeutsche Zeitung", url="https://example.org/b",
        actors=[actor("a1", "Russia", country="RUS", kb_id="state:RUS",
                      mentions=("Russische Truppen",)),
                actor("a2", "Ukraine", country="UKR", kb_id="state:UKR", mentions=("Ukraine",)),
                actor("a3", "Lokale Behörden", "group", "UKR",
                      mentions=("ÖRTLICHEN BEHÖRDEN",))],
        events=[
            event("e1", "ASSAULT", ["a1"], ["a2"], "Russische Truppen griffen Charkiw an.",
                  KIEW_TEXT, intensity=-9.0),
            event("e2", "AID", ["a3"], ["a2"], "Die ÖRTLICHEN BEHÖRDEN schickten am Freitag "
                  "Hilfe in die Ukraine.", KIEW_TEXT, date="2023-06-09", intensity=7.0),
        ],
    )
    undated = Document(
        id="undated", text=UNDATED_TEXT, lang="en",
        actors=[actor("a1", "Germany", country="DEU", kb_id="state:DEU"),
                actor("a2", "Ukraine", country="UKR", kb_id="state:UKR")],
        events=[event("e1", "SUPPORT", ["a1"], ["a2"], UNDATED_TEXT, UNDATED_TEXT)],
    )
    return [bm, kiew, undated]


def full_document() -> Document:
    """A document that fills every list of the model, for round trips."""
    text = 'Kanzler Scholz sagte am Montag in Berlin: "Wir helfen." Dies meldete KCNA.'
    said = 'Kanzler Scholz sagte am Montag in Berlin: "Wir helfen."'
    doc = corpus()[0].model_copy(deep=True)
    doc.id, doc.text, doc.url, doc.title = "full", text, "https://example.org/full", "Hilfe"
    doc.published_from = "metadata"
    doc.events = [event("e1", "AID", ["a3"], [], said, text, date="2023-05-01",
                        reported_by=["a4"], intensity=7.0)]
    doc.events[0].mode, doc.events[0].cameo, doc.events[0].quad = "humanitarian", "073", 2
    doc.events[0].date_text, doc.events[0].confidence = "am Montag", 0.8
    doc.events[0].trigger = Span(text="helfen", start=47, end=53)
    doc.events[0].place = PlaceRef(name="Berlin", country="DEU", lat=52.52, lon=13.405)
    doc.nonfactual_events = [event("n1", "SUPPORT", ["a3"], [], said, text,
                                   factuality="claimed")]
    doc.sentences = [Sentence(index=0, start=0, end=55), Sentence(index=1, start=56, end=74,
                                                                  reported_by=["a4"])]
    doc.quotes = [Quote(id="q1", speaker="a3", kind="direct", cue="sagte",
                        cue_span=Span(text="sagte", start=15, end=20), text="Wir helfen.",
                        start=43, end=54, reported_by=["a4"])]
    doc.timex = [TimeExpr(id="t1", text="am Montag", start=21, end=30, value="2023-05-01",
                          granularity="day")]
    doc.places = [Place(id="p1", name="Berlin", country="DEU", lat=52.52, lon=13.405,
                        kb_id="geonames:2950159",
                        mentions=[Mention(text="Berlin", start=34, end=40)])]
    doc.errors = ["quotes: a recorded problem survives storage"]
    return doc


