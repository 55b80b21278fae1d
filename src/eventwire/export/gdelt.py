"""GDELT 2.0-style event rows: the 61 tab-separated columns of the GDELT Event Codebook V2.0,
in its order, without a header line (as GDELT's own export files).

What eventwire fills differently, and why (also in docs/api.md):
- ``GLOBALEVENTID`` is a stable 53-bit number hashed from document and event id, so the same
  event keeps its id across exports (and survives a float conversion in R or Stata).
- ``SQLDATE`` is the first day the event's own date covers, else the publication date.
- One row per event: a compound source or target contributes its first actor (the PLOVER
  export keeps the whole lists).
- ``Actor1Geo``/``Actor2Geo`` are country-level (type 1) from the actor's country: eventwire does
  not tie an actor to a place in the text, and guessing one is GDELT's best-known error.
  ``ActionGeo`` is the event's own place; its ``FeatureID`` is a GeoNames id.
- ``NumMentions``/``NumSources``/``NumArticles`` are 1 (one report per row); ``AvgTone`` is
  empty (eventwire computes no tone).
Country codes of actors are CAMEO/ISO3; geography codes are FIPS 10-4, as in GDELT.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from eventwire.export.records import Record
from eventwire.export.tables import country_name, default_cameo, fips, goldstein, quad_class
from eventwire.model import Actor, Document, Event, PlaceRef
from eventwire.store.dates import day_range

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
              "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS), *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS), *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
assert len(COLUMNS) == 61, "the GDELT 2.0 event record has 61 fields"


def event_number(document_id: str, event_id: str) -> int:
    digest = hashlib.blake2b(f"{document_id}\x00{event_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") & ((1 << 53) - 1)


def clean(value: object) -> str:
    """One cell: no tabs or line breaks (the format has no quoting), empty for None."""
    if value is None:
        return ""
    return " ".join(str(value).replace("\t", " ").splitlines())


def _actor(actor: Actor | None) -> list[object]:
    if actor is None:
        return [""] * len(ACTOR_FIELDS)
    code = actor.cameo or actor.country or ""
    if actor.sector and not code.endswith(actor.sector):
        code += actor.sector
    return [code, actor.name, actor.country, "", "", "", "", actor.sector, "", ""]


def _country_geo(iso3: str | None) -> list[object]:
    code = fips(iso3)
    if not iso3 or code is None:
        return [""] * len(GEO_FIELDS)
    return [1, country_name(iso3), code, code, "", "", "", code]


def _place_geo(place: PlaceRef | None) -> list[object]:
    if place is None:
        return [""] * len(GEO_FIELDS)
    if place.lat is None or place.lon is None:
        return _country_geo(place.country)
    code = fips(place.country) or ""
    kind = 3 if place.country == "USA" else 4
    full = ", ".join(p for p in (place.name, country_name(place.country)) if p)
    feature = place.kb_id.split(":", 1)[1] if place.kb_id and ":" in place.kb_id else ""
    return [kind, full, code, code, "", place.lat, place.lon, feature]


def is_root(doc: Document, event: Event) -> int:
    """1 when the event is in the lead paragraph (GDELT's proxy for importance)."""
    body = [s for s in doc.sentences if not s.headline and not s.boilerplate]
    if not body or event.sentence >= len(doc.sentences):
        return 1 if event.sentence == 0 else 0
    return int(doc.sentences[event.sentence].paragraph == body[0].paragraph)


def gdelt_row(record: Record) -> list[str]:
    event, doc = record.event, record.doc
    first, _ = day_range(event.date)
    day = first or doc.published
    code = event.cameo or default_cameo(event.type) or ""
    score = goldstein(code)
    source = doc.actor(event.source[0]) if event.source else None
    target = doc.actor(event.target[0]) if event.target else None
    dates: list[object] = ["", "", "", ""]
    if day is not None:
        dates = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
                 f"{day.year + (day.month * 30 + day.day) / 365:.4f}"]
    cells: list[object] = [
        event_number(doc.id, event.id), *dates, *_actor(source), *_actor(target),
        is_root(doc, event), code, code[:3], code[:2], quad_class(code),
        score if score is not None else "", 1, 1, 1, "",
        *_country_geo(source.country if source else None),
        *_country_geo(target.country if target else None),
        *_place_geo(event.place),
        record.ingested.strftime("%Y%m%d%H%M%S") if record.ingested else "",
        doc.url or doc.id,
    ]
    return [clean(c) for c in cells]


def gdelt_lines(records: Iterator[Record]) -> Iterator[str]:
    for record in records:
        yield "\t".join(gdelt_row(record)) + "\n"
