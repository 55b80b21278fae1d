"""The one document model every stage reads and writes.

A stage never talks to another stage directly: it reads fields of a :class:`Document` and fills
others. The JSON form of the document is the output contract (see ``docs/schema/``), so field
names here are the contract's names; offsets are Python string indices into ``Document.text``
with ``end`` exclusive.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)
ActorType = Literal["person", "organization", "state", "location", "group"]
MentionKind = Literal[
    "name",
    "short",
    "acronym",
    "adjective",
    "demonym",
    "metonym",
    "title",
    "pronoun",
    "nominal",
    "collective",
    "guessed",
    "dateline",  # a place: the city a wire story was filed from ('Kiew (NPA) -')
]
Factuality = Literal["asserted", "planned", "hypothetical", "negated", "claimed"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A piece of the document text."""

    text: str
    start: int
    end: int


class Token(_Model):
    text: str
    start: int
    end: int
    lemma: str | None = None
    sentence: int = 0
    pos: str | None = Field(default=None, description="universal POS tag, where parsed")
    head: int | None = Field(
        default=None, description="token index of the syntactic head (itself for a root)"
    )
    dep: str | None = Field(default=None, description="dependency label to the head")


class Sentence(_Model):
    index: int
    start: int
    end: int
    paragraph: int = 0
    boilerplate: bool = Field(
        default=False, description="link lines, credits and the like: kept for offsets, never coded"
    )
    headline: bool = Field(default=False, description="the story's headline (also boilerplate)")
    reported_by: list[str] = Field(
        default_factory=list,
        description="actor ids the text names as the source of this sentence (laut, Dies ...)",
    )


class Mention(_Model):
    text: str
    start: int
    end: int
    kind: MentionKind = "name"
    sentence: int = 0


class Actor(_Model):
    id: str = Field(description="unique within the document, e.g. a1")
    name: str = Field(description="canonical name (English where the KB knows one)")
    type: ActorType
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")
    role: str | None = None
    kb_id: str | None = Field(default=None, description="null when the actor was guessed")
    sector: str | None = Field(
        default=None, description="CAMEO/PLOVER sector such as GOV, MIL, MED"
    )
    cameo: str | None = None
    wikidata: str | None = None
    state_media: bool = False
    generic: bool = Field(
        default=False, description="an unnamed group ('die Demonstranten'): kept only where it acts"
    )
    confidence: float = 1.0
    mentions: list[Mention] = Field(default_factory=list)


class PlaceRef(_Model):
    """Where an event happened, resolved to coordinates where the gazetteer knows the place."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kb_id: str | None = None


class Place(PlaceRef):
    id: str
    mentions: list[Mention] = Field(default_factory=list)


class TimeExpr(_Model):
    id: str
    text: str
    start: int
    end: int
    value: str | None = Field(description="ISO 8601 / TIMEX3 value; null when unresolvable")
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    granularity: str | None = None
    mod: str | None = None
    sentence: int = 0


class Event(_Model):
    id: str
    type: PloverType
    mode: str | None = None
    cameo: str | None = None
    quad: int | None = Field(default=None, description="PLOVER quad class 1-4")
    intensity: float | None = Field(default=None, description="PLOVER type/mode score")
    source: list[str] = Field(default_factory=list, description="actor ids")
    target: list[str] = Field(default_factory=list, description="actor ids")
    date: str | None = None
    date_text: str | None = None
    place: PlaceRef | None = None
    reported_by: list[str] = Field(
        default_factory=list,
        description="actor ids the text attributes the event to, outermost first",
    )
    trigger: Span | None = None
    evidence: Span
    confidence: float = 0.5
    factuality: Factuality = "asserted"
    sentence: int = 0


class Quote(_Model):
    id: str
    speaker: str | None = Field(description="actor id")
    kind: Literal["direct", "indirect"]
    attribution: Literal["speech", "report"] = Field(
        default="speech",
        description="speech: the speaker's own words or claims; report: facts sourced to them",
    )
    cue: str | None = None
    cue_span: Span | None = None
    text: str
    start: int
    end: int
    reported_by: list[str] = Field(default_factory=list)
    sentence: int = 0


class SpeechEvent(_Model):
    """A speech, thought or writing event, finer than a quote: 'ich glaube, ...', 'Ihr Antrag',
    'aus unserer Sicht'. Roles are the words of the text, so a pronoun source ('wir') stays a
    source even when no actor stands behind it."""

    id: str
    cue: list[Span] = Field(description="the words evoking the event: 'sagte', 'Frage stellen'")
    particle: Span | None = Field(
        default=None, description="a separated verb particle or reflexive: 'stellt ... fest'"
    )
    source: Span | None = Field(default=None, description="the words naming who speaks or thinks")
    speaker: str | None = Field(default=None, description="actor id, when the source is one")
    message: Span | None = Field(default=None, description="what is said, thought or written")
    quote: str | None = Field(default=None, description="id of the quote with the same cue")
    sentence: int = 0


class Document(_Model):
    id: str
    text: str
    lang: str | None = None
    published: dt.date | None = None
    published_from: str | None = Field(
        default=None, description="where the publication date came from: cli, metadata, html ..."
    )
    source: str | None = Field(default=None, description="the outlet that published the article")
    url: str | None = None
    title: str | None = None
    sentences: list[Sentence] = Field(default_factory=list)
    tokens: list[Token] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    nonfactual_events: list[Event] = Field(
        default_factory=list,
        description="planned, hypothetical, negated or merely claimed events, kept apart",
    )
    quotes: list[Quote] = Field(default_factory=list)
    speech_events: list[SpeechEvent] = Field(
        default_factory=list,
        description="every speech, thought and writing event with its cue, source and message",
    )
    timex: list[TimeExpr] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)

    def to_dict(self, *, include_tokens: bool = False) -> dict[str, Any]:
        exclude = None if include_tokens else {"tokens"}
        return self.model_dump(mode="json", exclude=exclude)

    def to_json(self, *, include_tokens: bool = False, indent: int | None = None) -> str:
        return json.dumps(
            self.to_dict(include_tokens=include_tokens), ensure_ascii=False, indent=indent
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls.model_validate(data)

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]
