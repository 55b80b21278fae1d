"""Texts the API and UI tests store: short German and English reports written for these tests,
and hostile documents whose text and metadata try to run script in the browser."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventwire.model import (
    Actor,
    Document,
    Event,
    Mention,
    PlaceRef,
    Quote,
    Sentence,
    Span,
    TimeExpr,
)


def _doc(doc_id: str, lang: str, published: str, title: str, source: str,
         text: str) -> dict[str, Any]:
    return {"id": doc_id, "lang": lang, "published": published, "title": title,
            "source": source, "url": f"https://news.example.org/{doc_id}", "text": text}


TEXTS: dict[str, dict[str, Any]] = {d["id"]: d for d in (
    _doc("en-meeting", "en", "2024-03-13", "Scholz and Macron meet in Paris", "Test Wire",
         "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on "
         "Tuesday, the German government said. Macron said Europe must do more for Ukraine."),
    _doc("en-missile", "en", "2024-05-31", "US condemns launch", "Test Wire",
         "North Korea fired a ballistic missile on Thursday, South Korea's military said. "
         "The United States condemned the launch and demanded that Pyongyang stop its "
         "weapons tests."),
    _doc("de-angriff", "de", "2023-05-04", "Angriff auf die Ukraine", "Testdienst",
         "Russland hat am 3. Mai 2023 die Ukraine angegriffen. Das meldete die "
         "Nachrichtenagentur Reuters."),
    _doc("de-sanktionen", "de", "2022-10-18", "Neue Sanktionen gegen Iran", "Testdienst",
         "Die Bundesregierung hat am Montag neue Sanktionen gegen den Iran verhängt. "
         "Außenministerin Annalena Baerbock sagte, Teheran müsse die Gewalt beenden."),
    _doc("de-moskau", "de", "2024-09-13", "Putin empfängt Nordkoreas Außenministerin",
         "Testdienst",
         "Der russische Präsident Wladimir Putin hat am Donnerstag in Moskau die "
         "nordkoreanische Außenministerin empfangen. Nordkorea und Russland wollen ihre "
         "militärische Zusammenarbeit ausbauen, berichtete die Agentur TASS."),
)}

# Every payload sets window.__pwned or opens a dialog if it ever runs.
SCRIPT = '<script>window.__pwned = "script"; alert("script")</script>'
IMG = '<img src=x onerror="window.__pwned = \'img\'; alert(\'img\')">'
SVG = '<svg onload="window.__pwned = \'svg\'; alert(\'svg\')"></svg>'
JS_URL = 'javascript:window.__pwned="url";alert("url")'

HOSTILE_INGEST: dict[str, Any] = {
    "id": "hostile-ingest", "lang": "de", "published": "2024-11-20",
    "title": f"{SCRIPT}Titel{IMG}", "source": f"{SVG}Outlet", "url": JS_URL,
    "text": (f"Bundeskanzler Olaf Scholz {SCRIPT} hat am Montag in Berlin den französischen "
             f"Präsidenten Emmanuel Macron getroffen. {IMG} Mehr unter {JS_URL} und "
             f'<a href="{JS_URL}">hier</a>. {SVG}'),
}

HOSTILE_ID = 'hostile"><img src=x onerror=alert(6)>'


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(text=piece, start=start, end=start + len(piece))


def hostile_document() -> Document:
    """A hand-built document whose every string a page shows carries markup."""
    text = (f"Der Minister {SCRIPT} sagte: „{IMG}“. Am Montag traf "
            f"<b onmouseover=alert(8)>Putin</b> in {SVG} den Präsidenten.")
    first, second = text.index("Am Montag"), len(text)
    minister, putin = _span(text, SCRIPT), _span(text, "<b onmouseover=alert(8)>Putin</b>")
    quote, monday = _span(text, IMG), _span(text, "Am Montag")
    evidence = Span(text=text[first:second], start=first, end=second)
    return Document(
        id=HOSTILE_ID, text=text, lang="de", published=dt.date(2024, 11, 20),
        title=f"{SCRIPT} hostile title {IMG}", url=JS_URL + "//built", source=f"{SVG} outlet",
        sentences=[Sentence(index=0, start=0, end=first - 1),
                   Sentence(index=1, start=first, end=second)],
        actors=[
            Actor(id="a1", name=f"Minister {SCRIPT}", type="person", country="DEU",
                  role=IMG, mentions=[Mention(text=minister.text, start=minister.start,
                                              end=minister.end)]),
            Actor(id='a2"><script>alert(5)</script>', name=f"Putin {IMG}", type="person",
                  country="RUS", kb_id=JS_URL,
                  mentions=[Mention(text=putin.text, start=putin.start, end=putin.end,
                                    sentence=1)]),
        ],
        events=[Event(id='e1"><svg onload=alert(9)>', type="CONSULT", mode="meet",
                      cameo="040", quad=1, intensity=2.5,
                      source=['a2"><script>alert(5)</script>'], target=["a1"],
                      date="2024-11-18", date_text=f"Am Montag {SCRIPT}",
                      place=PlaceRef(name=f"{IMG} Berlin", country="DEU"),
                      reported_by=["a1"], trigger=_span(text, "traf"), evidence=evidence,
                      confidence=0.9, sentence=1)],
        quotes=[Quote(id="q1", speaker="a1", kind="direct", cue=f"sagte {SVG}",
                      text=quote.text, start=quote.start, end=quote.end)],
        timex=[TimeExpr(id="t1", text=monday.text, start=monday.start, end=monday.end,
                        value=f"2024-11-18{SCRIPT}", granularity="day", sentence=1)],
    )
