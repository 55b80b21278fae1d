"""Hand-built coded documents for fusion tests: actors from a small table, one sentence per
event, offsets computed, so a test states only what it is about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from eventwire.model import Actor, Document, Event, Mention, PlaceRef, Quote, Sentence, Span

ACTORS: dict[str, tuple[str, str | None, str | None, bool]] = {
    # name: (type, kb_id, country, state_media)
    "Kim Jong Un": ("person", "person:kim-jong-un", "PRK", False),
    "Alexander Kozlov": ("person", "person:alexander-kozlov", "RUS", False),
    "Vladimir Putin": ("person", "person:vladimir-putin", "RUS", False),
    "Olaf Scholz": ("person", "person:olaf-scholz", "DEU", False),
    "Emmanuel Macron": ("person", "person:emmanuel-macron", "FRA", False),
    "Rishi Sunak": ("person", "person:rishi-sunak", "GBR", False),
    "North Korea": ("state", "state:PRK", "PRK", False),
    "South Korea": ("state", "state:KOR", "KOR", False),
    "Russia": ("state", "state:RUS", "RUS", False),
    "Ukraine": ("state", "state:UKR", "UKR", False),
    "Germany": ("state", "state:DEU", "DEU", False),
    "Japan": ("state", "state:JPN", "JPN", False),
    "Korean Central News Agency": ("organization", "org:kcna", "PRK", True),
    "TASS": ("organization", "org:tass", "RUS", True),
    "Ukrainian officials": ("group", None, "UKR", False),
}
SHORT = {"Korean Central News Agency": "KCNA"}
PLACES = {
    "Pyongyang": PlaceRef(name="Pyongyang", country="PRK", kb_id="geonames:1871859"),
    "Odesa": PlaceRef(name="Odesa", country="UKR", kb_id="geonames:698740"),
    "Kharkiv": PlaceRef(name="Kharkiv", country="UKR", kb_id="geonames:706483"),
    "Berlin": PlaceRef(name="Berlin", country="DEU", kb_id="geonames:2950159"),
    "Potsdam": PlaceRef(name="Potsdam", country="DEU", kb_id="geonames:2852458"),
    "Moscow": PlaceRef(name="Moscow", country="RUS", kb_id="geonames:524901"),
    "North Korea": PlaceRef(name="North Korea", country="PRK", kb_id="state:PRK"),
}


@dataclass
class Ev:
    """One event as a test wants it; ``text`` becomes its sentence and evidence."""

    type: str
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    date: str | None = None
    place: str | None = None
    mode: str | None = None
    reported_by: list[str] = field(default_factory=list)
    text: str = ""
    factuality: str = "asserted"
    quote: str | None = None
    """A quote of the first source actor, relayed by ``reported_by``, in the same sentence."""


def _actor(n: int, name: str) -> Actor:
    type_, kb_id, country, state_media = ACTORS[name]
    mentions = [Mention(text=name, start=0, end=len(name))]
    if name in SHORT:
        mentions.append(Mention(text=SHORT[name], start=0, end=len(SHORT[name])))
    return Actor.model_validate({"id": f"a{n}", "name": name, "type": type_, "kb_id": kb_id,
                                 "country": country, "state_media": state_media,
                                 "mentions": mentions})


def doc(doc_id: str, published: str, *events: Ev, source: str | None = "Wire",
        lang: str = "en", text: str | None = None) -> Document:
    """A coded document: one sentence per event (its ``text``, or a filler naming it)."""
    names = list(dict.fromkeys(n for e in events for n in (*e.source, *e.target,
                                                           *e.reported_by)))
    actors = [_actor(i, n) for i, n in enumerate(names, 1)]
    ids = {a.name: a.id for a in actors}
    sentences: list[Sentence] = []
    coded: list[Event] = []
    nonfactual: list[Event] = []
    quotes: list[Quote] = []
    parts: list[str] = []
    offset = 0
    for i, e in enumerate(events):
        body = e.text or f"{' and '.join(e.source) or 'Someone'} {e.type.lower()} {i}."
        sentences.append(Sentence(index=i, start=offset, end=offset + len(body)))
        event = Event.model_validate({
            "id": f"e{i + 1}" if e.factuality == "asserted" else f"n{i + 1}",
            "type": e.type, "mode": e.mode, "source": [ids[n] for n in e.source],
            "target": [ids[n] for n in e.target], "date": e.date,
            "place": PLACES[e.place] if e.place else None,
            "reported_by": [ids[n] for n in e.reported_by],
            "evidence": Span(text=body, start=offset, end=offset + len(body)),
            "factuality": e.factuality, "sentence": i})
        (coded if e.factuality == "asserted" else nonfactual).append(event)
        if e.quote and e.source:
            quotes.append(Quote(id=f"q{i + 1}", speaker=ids[e.source[0]], kind="indirect",
                                text=e.quote, start=offset, end=offset + len(body),
                                reported_by=[ids[n] for n in e.reported_by], sentence=i))
        parts.append(body)
        offset += len(body) + 1
    return Document(id=doc_id, text=text or " ".join(parts), lang=lang,
                    published=dt.date.fromisoformat(published), source=source,
                    sentences=sentences, actors=actors, events=coded,
                    nonfactual_events=nonfactual, quotes=quotes)


def meeting(doc_id: str, published: str, **kw: object) -> Document:
    """Kim Jong Un receives Alexander Kozlov in Pyongyang on 2024-11-18, per KCNA."""
    spec: dict[str, object] = {
            "source": ["Kim Jong Un"], "target": ["Alexander Kozlov"], "date": "2024-11-18",
            "place": "Pyongyang", "mode": "meet", "reported_by": ["Korean Central News Agency"],
            "text": "Kim Jong Un met Alexander Kozlov in Pyongyang on Monday, KCNA reported."}
    outlet = kw.pop("outlet", "Wire")
    text = kw.pop("text", None)
    spec.update(kw)
    return doc(doc_id, published, Ev("CONSULT", **spec),  # type: ignore[arg-type]
               source=outlet, text=text)  # type: ignore[arg-type]


def attack(doc_id: str, published: str, date: str = "2024-11-25", place: str = "Odesa",
           **kw: object) -> Document:
    """Russian drones strike a Ukrainian city, as Ukrainian officials claim."""
    return doc(doc_id, published, Ev("ASSAULT", ["Russia"], ["Ukraine"], date, place,
                                     reported_by=["Ukrainian officials"], factuality="claimed",
                                     text=f"Russian drones struck {place}, officials said."),
               **kw)  # type: ignore[arg-type]


WIRE = "Kim Jong Un met Alexander Kozlov in Pyongyang on Monday, KCNA reported."


def small_corpus() -> list[Document]:
    """Two reports of the meeting (the second reprints the first), two of the Odesa attack
    and one of Kharkiv; the store keeps one document per text, so each has its own."""
    docs = [meeting("m1", "2024-11-19", outlet="Pacific Dispatch",
                    quote="relations reached a new strategic level", text=WIRE),
            meeting("m2", "2024-11-20", outlet="Elbe-Kurier", text=WIRE + " Mehr zum Thema."),
            attack("o1", "2024-11-26", text="Russian drones struck Odesa, officials said."),
            attack("o2", "2024-11-27", source="Harbor Times",
                   text="Drones hit the port of Odesa on Monday, Ukrainian officials said."),
            attack("k1", "2024-11-27", "2024-11-26", "Kharkiv",
                   text="Russian drones struck Kharkiv on Tuesday, officials said.")]
    docs[1].url = "https://elbe-kurier.example/m2"  # a changed text under this URL replaces it
    return docs
