"""PLOVER JSON records (PLOVER manual, "PLOVER JSON" and its entity, text, citation and location
objects), one per line.

Field names are the manual's wherever eventwire has the information; the manual invites extra
named fields, and eventwire adds the ones analysts need to check a record: ``reported_by``
(entities the text cites), ``attribution`` (outlet -> agency -> speaker), ``confidence``,
``factuality``, ``cameo`` and the source ``document_id``/``event_id``. Article text is never
included (the manual's ``text`` is for coders who hold the rights); ``event_text`` is the
evidence sentence with its offsets in ``text_info``.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from eventwire.export.attribution import event_chain
from eventwire.export.records import Record
from eventwire.export.tables import plover_contexts
from eventwire.model import Document, Place, PlaceRef
from eventwire.ontology import plover
from eventwire.store.dates import day_range

CODEBOOK = "PLOVER manual (openeventdata/PLOVER 5e0c24f, 2024-02-04)"
NAMED_KINDS = ("name", "short", "acronym", "title", "adjective", "demonym")


def coder() -> str:
    try:
        return f"eventwire {version('eventwire')}"
    except PackageNotFoundError:
        return "eventwire"


def entity(doc: Document, actor_id: str) -> dict[str, Any]:
    """A PLOVER entity object: ``code`` is the ISO3/CAMEO country, ``identifier_id`` the
    Wikidata id, ``entity_text`` the first naming mention in the text."""
    actor = doc.actor(actor_id)
    if actor is None:
        return {"code": None, "sector": None, "entity_text": actor_id, "identifier_id": None,
                "identifier_text": None, "office": None, "type": None, "kb_id": None,
                "actor_id": actor_id}
    named = next((m.text for m in actor.mentions if m.kind in NAMED_KINDS), None)
    code = actor.country or (actor.cameo[:3] if actor.cameo else None)
    return {
        "code": code, "sector": actor.sector, "entity_text": named or actor.name,
        "identifier_id": actor.wikidata, "identifier_text": actor.name, "office": actor.role,
        "type": actor.type, "kb_id": actor.kb_id, "actor_id": actor.id,
    }


def location(doc: Document, place: PlaceRef | None) -> dict[str, Any] | None:
    """The manual's location object (Mordecai3 names) for the event's place."""
    if place is None:
        return None
    known: Place | None = next((p for p in doc.places if place.kb_id and p.kb_id == place.kb_id),
                               None)
    extracted = known.mentions[0].text if known and known.mentions else place.name
    geonameid = None
    if place.kb_id and place.kb_id.startswith("geonames:") and place.kb_id[9:].isdigit():
        geonameid = int(place.kb_id[9:])
    resolution = 4 if place.lat is not None else 1 if place.country else None
    return {"extracted_place": extracted, "resolved_place": place.name, "geonameid": geonameid,
            "lat": place.lat, "lon": place.lon, "country_code": place.country,
            "resolution": resolution}


def _dates(record: Record) -> dict[str, Any]:
    """``date`` is required as YYYY-MM-DD: a month-dated event starts on its first day (with
    ``enddate`` its last); an undated one takes the publication date, and ``date_basis`` says
    which."""
    start, end = day_range(record.event.date)
    published = record.doc.published
    if start is not None:
        basis = "text"
    elif published is not None:
        start, end, basis = published, published, "publication"
    else:
        basis = None
    return {"date": start.isoformat() if start else None,
            "enddate": end.isoformat() if end and end != start else None,
            "date_value": record.event.date, "date_text": record.event.date_text,
            "date_basis": basis}


def plover_record(record: Record) -> dict[str, Any]:
    event, doc = record.event, record.doc
    modes = plover()[event.type].modes
    is_plover_mode = bool(event.mode) and event.mode in modes
    return {
        "id": f"{doc.id}#{event.id}", "has_event": True, **_dates(record),
        "actor": [entity(doc, a) for a in event.source],
        "recipient": [entity(doc, a) for a in event.target],
        "event": [event.type],
        "mode": [event.mode] if is_plover_mode else [],
        "mode_detail": None if is_plover_mode else event.mode,
        "context": plover_contexts(event.cameo),
        "event_loc": location(doc, event.place),
        "event_text": [event.evidence.text],
        "quad_code": event.quad, "event_scale": event.intensity,
        "text_info": {"sequence": event.sentence, "start": event.evidence.start,
                      "end": event.evidence.end},
        "cite_info": {"corpus": "eventwire", "citation": doc.id, "url": doc.url,
                      "title": doc.title, "language": doc.lang, "publication": doc.source,
                      "coder": coder(), "codebook": CODEBOOK},
        "coder": coder(),
        "reported_by": [entity(doc, a) for a in event.reported_by],
        "attribution": event_chain(doc, event),
        "cameo": event.cameo, "confidence": event.confidence, "factuality": event.factuality,
        "document_id": doc.id, "event_id": event.id,
    }
