"""Plain-text views of fused events: the claims view, dyad series and fused-event rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventwire.fusion.claims import ChainLink, Claims
from eventwire.fusion.dyads import DyadSeries

DYAD_FIELDS = ("period", "source", "target", "type", "quad", "events", "reports", "stories",
               "intensity", "intensity_sum")
FUSED_FIELDS = ("id", "date", "type", "mode", "source", "target", "place", "reports",
                "stories", "languages", "state_media_only", "first_published", "report_keys")


def chain_text(chain: Sequence[ChainLink]) -> str:
    return " -> ".join(f"{link.name} [state media]" if link.state_media else link.name
                       for link in chain)


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else words or word + 's'}"


def claims_text(c: Claims) -> str:
    """The claims view: event, claims per field, disagreements, chains, spread."""
    first = c.first_report
    languages = sorted({r.lang or "?" for r in c.reports})
    lines = [
        f"Fused event {c.id}: {c.type}{f' ({c.mode})' if c.mode else ''}"
        f" {c.date or 'date unknown'}{f', {c.place}' if c.place else ''}",
        f"  {', '.join(c.source) or '?'} -> {', '.join(c.target) or '?'}",
        f"  {_plural(c.report_count, 'report')} from "
        f"{_plural(c.story_count, 'independent story', 'independent stories')} in "
        f"{', '.join(languages)}; first reported {first.published or '?'} by "
        f"{first.outlet or '?'} ({first.lang or '?'})",
    ]
    if c.state_media_only:
        media = sorted({n for r in c.reports for n in r.state_media})
        lines.append(f"  Every report rests on state-controlled media: {', '.join(media)}")
    lines += ["", "Claims"]
    for claim in c.claims:
        for n, v in enumerate(claim.values):
            flag = "  [state media only]" if v.state_media_only else ""
            label = claim.field if n == 0 else ""
            lines.append(f"  {label:10} {v.value:28} {_plural(v.stories, 'story', 'stories')}, "
                         f"{_plural(v.reports, 'report')}: {', '.join(v.outlets)}{flag}")
    lines += ["", "Disagreements"]
    lines += [f"  {claim.field}: {claim.note}" for claim in c.claims if claim.disagreement] or [
        "  none"]
    lines += ["", "Who said what"]
    for r in c.reports:
        copy = f", copy of {r.story}" if r.copy else ""
        lines.append(f"  {r.published or '?'} {r.document_id}/{r.event_id} ({r.lang or '?'}"
                     f"{copy}): {chain_text(r.chain)}")
        lines.append(f"      \"{r.evidence.strip()}\"")
        for q in r.quotes:
            lines.append(f"      quote ({q.kind}) {chain_text(q.chain)}: \"{q.text.strip()}\"")
    lines += ["", "Spread"]
    for day in c.spread:
        after = f"+{day.days_after_first}d" if day.days_after_first is not None else "?"
        lines.append(f"  {day.day or '?'} ({after}) {_plural(day.reports, 'report')}, new: "
                     f"{', '.join(day.new_outlets) or '-'} [{', '.join(day.languages)}]")
    return "\n".join(lines)


def dyad_rows(series: DyadSeries) -> list[dict[str, Any]]:
    return [{k: getattr(r, k) for k in DYAD_FIELDS} for r in series.rows]


def fused_flat(row: dict[str, Any]) -> dict[str, Any]:
    """A fused event for one line of a table or CSV file."""
    place = row.get("place") or {}
    reports = row["reports"]
    return {
        "id": row["id"], "date": row["date"], "type": row["type"], "mode": row["mode"],
        "source": "; ".join(row["source_names"]), "target": "; ".join(row["target_names"]),
        "place": place.get("name"), "reports": row["report_count"],
        "stories": row["story_count"],
        "languages": ", ".join(sorted({r["lang"] or "?" for r in reports})),
        "state_media_only": row["state_media_only"], "first_published": row["first_published"],
        "report_keys": "; ".join(f"{r['document_id']}/{r['event_id']}" for r in reports),
    }
