"""Texts the API and UI tests ingest: short German and English reports written for these tests,
and a hostile one whose text and metadata try to run script in the browser."""

from __future__ import annotations

from typing import Any


def _doc(doc_id: str, lang: str, published: str, title: str, source: str,
         text: str) -> dict[str, Any]:
    return {"id": doc_id, "lang": lang, "published": published, "title": title,
            "source": source, "url": f"https://news.example.org/{doc_id}", "text": text}


TEXTS: dict[str, dict[str, Any]] = {d["id"]: d for d in (
    _doc("en-meeting", "en", "2024-03-13", "Scholz and Macron meet in Paris", "Test Wire",
         "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on "
         "Tuesday. Macron said Europe must do more for Ukraine."),
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
