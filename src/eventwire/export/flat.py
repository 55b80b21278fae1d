"""One flat row per event, for CSV and Parquet: what pandas, R and Stata load without help.

Lists (several sources, a reporting chain) become ``"; "``-joined strings, so every cell is a
scalar and both formats share one column list. The column types are declared once here; the
Parquet writer builds its schema from them and the CSV reader in the tests reads them back.
"""

from __future__ import annotations

from typing import Any, Literal

from eventwire.export.attribution import chain_text, event_chain
from eventwire.export.records import Record
from eventwire.store.dates import day_range

Kind = Literal["str", "int", "float"]
SEP = "; "

COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("document_id", "str"), ("event_id", "str"), ("date", "str"), ("date_start", "str"),
    ("date_end", "str"), ("date_text", "str"), ("type", "str"), ("mode", "str"),
    ("cameo", "str"), ("quad", "int"), ("intensity", "float"), ("source_ids", "str"),
    ("source_names", "str"), ("source_countries", "str"), ("target_ids", "str"),
    ("target_names", "str"), ("target_countries", "str"), ("reported_by_ids", "str"),
    ("reported_by_names", "str"), ("attribution", "str"), ("place_name", "str"),
    ("place_country", "str"), ("place_lat", "float"), ("place_lon", "float"),
    ("place_kb_id", "str"), ("trigger_text", "str"), ("evidence_text", "str"),
    ("evidence_start", "int"), ("evidence_end", "int"), ("confidence", "float"),
    ("factuality", "str"), ("published", "str"), ("outlet", "str"), ("url", "str"),
    ("title", "str"), ("lang", "str"),
)
NAMES = tuple(name for name, _ in COLUMNS)


def _join(values: list[str | None]) -> str | None:
    return SEP.join(v or "" for v in values) if values else None


def _countries(record: Record, ids: list[str]) -> list[str | None]:
    return [a.country if (a := record.doc.actor(i)) else None for i in ids]


def flat_row(record: Record) -> dict[str, Any]:
    """The event as one row of scalars (None where unknown)."""
    row, event, doc = record.row, record.event, record.doc
    start, end = day_range(event.date)
    place = event.place
    return {
        "document_id": row["document_id"], "event_id": event.id, "date": event.date,
        "date_start": start.isoformat() if start else None,
        "date_end": end.isoformat() if end else None, "date_text": event.date_text,
        "type": event.type, "mode": event.mode, "cameo": event.cameo, "quad": event.quad,
        "intensity": event.intensity,
        "source_ids": _join(list(event.source)), "source_names": _join(row["source_names"]),
        "source_countries": _join(_countries(record, event.source)),
        "target_ids": _join(list(event.target)), "target_names": _join(row["target_names"]),
        "target_countries": _join(_countries(record, event.target)),
        "reported_by_ids": _join(list(event.reported_by)),
        "reported_by_names": _join(row["reported_by_names"]),
        "attribution": chain_text(event_chain(doc, event)),
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_lat": place.lat if place else None, "place_lon": place.lon if place else None,
        "place_kb_id": place.kb_id if place else None,
        "trigger_text": event.trigger.text if event.trigger else None,
        "evidence_text": event.evidence.text, "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end, "confidence": event.confidence,
        "factuality": event.factuality, "published": row.get("published"),
        "outlet": row.get("outlet"), "url": row.get("url"), "title": doc.title,
        "lang": doc.lang,
    }
