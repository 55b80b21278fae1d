"""Documents built by hand for the API, UI and export tests: every field the views and
exporters read, filled with known values, so the tests do not depend on what the pipeline
codes. ``hostile_document`` puts markup into every string a page shows."""

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
from tests.api.corpus import IMG, JS_URL, SCRIPT, SVG


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(text=piece, start=start, end=start + len(piece))


def visit_document() -> Document:
    """Two states, a person with a Wikidata id, a month-dated visit with a place, an undated
    compound event, a quote holding an event, and a non-factual plan."""
    text = ("Im Juni besuchte der russische Präsident Wladimir Putin Pjöngjang.\n"
            "Russland und Nordkorea unterzeichneten ein Abkommen.\n"
            "Die KCNA zitierte Kim: „Wir werden Russland unterstützen.“\n"
            "Putin will im Herbst nach Minsk reisen.")
    s = [0, text.index("Russland und"), text.index("Die KCNA"), text.index("Putin will")]
    sentences = [Sentence(index=i, start=a, end=b - 1, paragraph=i)
                 for i, (a, b) in enumerate(zip(s, [*s[1:], len(text) + 1], strict=True))]
    putin, pjongjang = _span(text, "Wladimir Putin"), _span(text, "Pjöngjang")
    quote = _span(text, "Wir werden Russland unterstützen.")
    return Document(
        id="visit", text=text, lang="de", published=dt.date(2024, 11, 20),
        source="Test\tWire, \"Daily\"; Edition", url="https://news.example.org/visit",
        title="Putin in Pjöngjang\nzweite Zeile", sentences=sentences,
        actors=[
            Actor(id="a1", name="Vladimir Putin", type="person", country="RUS",
                  role="President", kb_id="person:vladimir-putin", wikidata="Q7747",
                  mentions=[Mention(text=putin.text, start=putin.start, end=putin.end)]),
            Actor(id="a2", name="North Korea", type="state", country="PRK", kb_id="state:PRK",
                  sector="GOV", cameo="PRK", wikidata="Q423",
                  mentions=[Mention(text="Nordkorea", start=text.index("Nordkorea"),
                                    end=text.index("Nordkorea") + 9, sentence=1)]),
            Actor(id="a3", name="Russia", type="state", country="RUS", kb_id="state:RUS",
                  sector="GOV", cameo="RUS", wikidata="Q159",
                  mentions=[Mention(text="Russland", start=s[1], end=s[1] + 8, sentence=1)]),
            Actor(id="a4", name="Korean Central News Agency", type="organization",
                  country="PRK", sector="MED", kb_id="org:kcna", state_media=True,
                  mentions=[Mention(text="KCNA", start=s[2] + 4, end=s[2] + 8, sentence=2)]),
            Actor(id="a5", name="Kim Jong Un", type="person", country="PRK",
                  kb_id="person:kim-jong-un", wikidata="Q56226",
                  mentions=[Mention(text="Kim", start=text.index("Kim"),
                                    end=text.index("Kim") + 3, sentence=2)]),
        ],
        places=[Place(id="p1", name="Pyongyang", country="PRK", lat=39.03385, lon=125.75432,
                      kb_id="geonames:1871859",
                      mentions=[Mention(text=pjongjang.text, start=pjongjang.start,
                                        end=pjongjang.end)])],
        events=[
            Event(id="e1", type="CONSULT", mode="visit", cameo="042", quad=1, intensity=4.0,
                  source=["a1"], target=["a2"], date="2024-06", date_text="Im Juni",
                  place=PlaceRef(name="Pyongyang", country="PRK", lat=39.03385,
                                 lon=125.75432, kb_id="geonames:1871859"),
                  trigger=_span(text, "besuchte"), evidence=Span(
                      text=text[0:s[1] - 1], start=0, end=s[1] - 1), confidence=0.9),
            Event(id="e2", type="AGREE", mode="sign", cameo="057", quad=1, intensity=2.5,
                  source=["a3", "a2"], target=[], trigger=_span(text, "unterzeichneten"),
                  evidence=Span(text=text[s[1]:s[2] - 1], start=s[1], end=s[2] - 1),
                  confidence=0.8, sentence=1),
            Event(id="e3", type="SUPPORT", cameo=None, quad=1, intensity=5.0,
                  source=["a5"], target=["a3"], reported_by=["a4"],
                  trigger=_span(text, "unterstützen"),
                  evidence=Span(text=text[s[2]:s[3] - 1], start=s[2], end=s[3] - 1),
                  confidence=0.7, sentence=2),
        ],
        nonfactual_events=[
            Event(id="e4", type="CONSULT", mode="visit", cameo="042", quad=1, intensity=4.0,
                  source=["a1"], target=[], factuality="planned",
                  trigger=_span(text, "reisen"),
                  evidence=Span(text=text[s[3]:], start=s[3], end=len(text)), sentence=3),
        ],
        quotes=[Quote(id="q1", speaker="a5", kind="direct", cue="zitierte", text=quote.text,
                      start=quote.start, end=quote.end, reported_by=["a4"], sentence=2)],
        timex=[TimeExpr(id="t1", text="Im Juni", start=0, end=7, value="2024-06",
                        granularity="month")],
    )


def protest_document() -> Document:
    """An English report: a protest with no CAMEO code and no date, a guessed group."""
    text = "Thousands of farmers protested in Berlin against the government; police watched."
    return Document(
        id="protest", text=text, lang="en", published=None, source=None, url=None,
        actors=[
            Actor(id="a1", name="farmers", type="group", country="DEU", generic=True,
                  mentions=[Mention(text="farmers", start=13, end=20)]),
            Actor(id="a2", name="German government", type="organization", country="DEU",
                  sector="GOV", kb_id="org:german-government",
                  mentions=[Mention(text="the government", start=text.index("the gov"),
                                    end=text.index("the gov") + 14)]),
        ],
        events=[Event(id="e1", type="PROTEST", mode="demo", quad=4, intensity=-5.0,
                      source=["a1"], target=["a2"],
                      place=PlaceRef(name="Berlin", country="DEU"),
                      trigger=_span(text, "protested"),
                      evidence=Span(text=text, start=0, end=len(text)), confidence=0.6)],
    )


HOSTILE_ID = 'hostile"><img src=x onerror=alert(6)>'


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
