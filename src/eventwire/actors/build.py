"""Assemble mentions into the document's actors."""

from __future__ import annotations

from eventwire.actors.context import TextView
from eventwire.actors.found import Found
from eventwire.model import Actor, Mention

CONFIDENCE = {
    "name": 0.95,
    "acronym": 0.9,
    "metonym": 0.8,
    "adjective": 0.8,
    "title": 0.75,
    "short": 0.85,
    "nominal": 0.8,
    "guessed": 0.6,
    "demonym": 0.8,
}


def _mention(view: TextView, first: int, last: int, kind: str) -> Mention:
    return Mention(
        text=view.surface(first, last),
        start=view.tokens[first].start,
        end=view.tokens[last].end,
        kind=kind,
        sentence=view.tokens[first].sentence,
    )


def _kb_actor(view: TextView, key: str, group: list[Found]) -> Actor:
    entity = view.kb.entities[key]
    role = entity.role_on(view.day)
    text_role = next((f.role for f in group if f.role), None)
    role_text = (role.title_en or role.office) if role else text_role
    if entity.type == "organization" and entity.state_media:
        role_text = role_text or "state-controlled media"
    best = max(CONFIDENCE.get(f.kind, 0.7) for f in group)
    return Actor(
        id="",
        name=entity.name,
        type=entity.type,
        country=entity.country,
        role=role_text,
        kb_id=entity.id,
        sector=entity.sector,
        cameo=entity.cameo,
        wikidata=entity.wikidata,
        state_media=entity.state_media,
        confidence=best,
    )


def _guessed_actor(group: list[Found]) -> Actor:
    head = next((f for f in group if f.name and f.kind == "guessed"), group[0])
    return Actor(
        id="",
        name=head.name or "",
        type=head.type or "group",
        country=next((f.country for f in group if f.country), None),
        role=next((f.role for f in group if f.role), None),
        kb_id=None,
        sector=next((f.sector for f in group if f.sector), None),
        generic=all(f.generic for f in group),
        confidence=0.5 if head.generic else 0.6,
    )


def build_actors(view: TextView, found: list[Found]) -> list[Actor]:
    """One actor per key, mentions in text order; place-only states and absorbed adjectives drop."""
    groups: dict[str, list[Found]] = {}
    collectives: list[Found] = []
    for f in sorted(found, key=lambda f: f.first):
        if f.kind == "collective":
            collectives.append(f)
        elif f.key and not f.absorbed:
            groups.setdefault(f.key, []).append(f)
    actors: dict[str, Actor] = {}
    for key, group in groups.items():
        entity = view.kb.entities.get(key)
        if entity is not None and entity.type == "state" and all(f.locative for f in group):
            continue  # only ever a place ("in Moskau"): the places stage takes it
        actor = _kb_actor(view, key, group) if entity else _guessed_actor(group)
        for f in group:
            dateline = (
                f.locative and view.low(f.first - 1) not in view.pack.actors.locative_prepositions
            )
            if dateline and entity is not None and entity.type == "state":
                continue  # "NAIROBI -": where the story was filed, never an actor mention
            actor.mentions.append(_mention(view, f.first, f.last, f.kind))
            if f.title_span and f.title_span != (f.first, f.last):
                actor.mentions.append(_mention(view, *f.title_span, "title"))
        actors[key] = actor
    for c in collectives:
        for key in (c.key or "").split("+"):
            if key in actors:
                actors[key].mentions.append(_mention(view, c.first, c.last, "collective"))
    result = list(actors.values())
    for n, actor in enumerate(result, 1):
        actor.id = f"a{n}"
        actor.mentions.sort(key=lambda m: (m.start, -m.end))
    return result
