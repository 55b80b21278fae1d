"""Validated shapes of the knowledge-base source files under ``kb/data``.

The files are written by people and reviewed in diffs, so every record is checked when it is
loaded: a typo in an ISO code or a date must fail loudly with the file and entry named, not
silently produce an actor without a country.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

LangNames = dict[str, list[str]]
"""Names per ISO 639-1 language code, most usual form first."""

Sector = Literal[
    "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "REB", "OPP", "UAF",
    "MED", "BUS", "CVL", "EDU", "ELI", "HLH", "HRI", "IGO", "NGO", "LAB", "REL", "REF", "UNK",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _iso3(value: str | None) -> str | None:
    if value is not None and (len(value) != 3 or not value.isupper() or not value.isalpha()):
        raise ValueError(f"country must be an ISO 3166-1 alpha-3 code such as 'RUS', got {value!r}")
    return value


class Capital(_Strict):
    names: LangNames
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


class State(_Strict):
    """A sovereign state or widely recognised territory."""

    id: str = Field(description="stable KB id, 'state:' + ISO3, e.g. state:RUS")
    iso3: str
    iso2: str | None = None
    cameo: str = Field(description="CAMEO country code (mostly ISO3)")
    wikidata: str | None = None
    names: LangNames = Field(description="official and common names per language")
    acronyms: list[str] = Field(default_factory=list, description="DVRK, USA, VAE ...")
    adjectives: LangNames = Field(
        default_factory=dict,
        description="de: uninflected stems ('russisch'); en: full forms ('Russian')",
    )
    demonyms: LangNames = Field(default_factory=dict)
    capital: Capital | None = None
    centroid: tuple[float, float] | None = Field(default=None, description="(lat, lon)")
    un_member: bool = True

    _check_iso3 = field_validator("iso3")(lambda cls, v: _iso3(v))


class Organisation(_Strict):
    """International organisations, agencies, media, government bodies used as metonyms."""

    id: str = Field(description="stable KB id, 'org:' + slug, e.g. org:kcna")
    names: LangNames
    acronyms: list[str] = Field(default_factory=list)
    kind: Literal["igo", "ngo", "media", "government_body", "military", "party", "company",
                  "armed_group", "court", "other"]
    country: str | None = None
    sector: Sector | None = None
    cameo: str | None = None
    wikidata: str | None = None
    state_media: bool = False
    stands_for_state: bool = Field(
        default=False,
        description="metonym for its country's government (der Kreml, das Weiße Haus)",
    )
    part_of: str | None = Field(
        default=None, description="org id of the body this one belongs to (Commission -> EU)"
    )

    _check_country = field_validator("country")(lambda cls, v: _iso3(v))


class Role(_Strict):
    """An office held for a time; ``end`` None means still in office."""

    office: str = Field(description="a key of offices.yaml, e.g. foreign_minister")
    country: str | None = None
    organisation: str | None = Field(default=None, description="org id for offices of an org")
    title: LangNames = Field(default_factory=dict,
                             description="the office as written, per language")
    start: dt.date
    end: dt.date | None = None

    _check_country = field_validator("country")(lambda cls, v: _iso3(v))


class CodeSpan(_Strict):
    """A CAMEO actor code valid for a time (open at either end), as Phoenix dates them."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None


class Person(_Strict):
    id: str = Field(description="stable KB id, 'person:' + slug, e.g. person:vladimir-putin")
    name: str = Field(description="canonical English name")
    names: LangNames = Field(default_factory=dict, description="full names per language/script")
    short: list[str] = Field(default_factory=list, description="surname forms used alone: Putin")
    country: str
    gender: Literal["f", "m"] | None = None
    wikidata: str | None = None
    roles: list[Role] = Field(default_factory=list)
    cameo: list[CodeSpan] = Field(
        default_factory=list, description="dated CAMEO codes where no office is known (imports)"
    )

    _check_country = field_validator("country")(lambda cls, v: _iso3(v))


class StateNames(_Strict):
    """Extra names for a state already in states.yaml (from an import)."""

    iso3: str
    names: LangNames

    _check_iso3 = field_validator("iso3")(lambda cls, v: _iso3(v))


class ImportedActors(_Strict):
    """One imported source (Phoenix dictionaries, a Wikidata dump): where it came from and what.

    Curated records win: an imported entity whose id or full name is already in the KB is
    skipped when the KB is loaded, so an import can only add, never overwrite.
    """

    source: str = Field(description="what the file was built from, with version or date")
    licence: str = Field(description="licence of the source data, e.g. MIT, CC0-1.0")
    attribution: str | None = None
    people: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    state_names: list[StateNames] = Field(default_factory=list)


class StateWord(_Strict):
    word: str
    lang: str
    country: str

    _check_country = field_validator("country")(lambda cls, v: _iso3(v))


class Office(_Strict):
    """A kind of office and the words that name it, used to resolve role descriptions."""

    key: str
    sector: Sector
    words: LangNames = Field(
        description="nouns naming the office "
        "(de: Außenminister, Chefdiplomat; en: foreign minister)"
    )
    state_words: list[StateWord] = Field(
        default_factory=list,
        description="compounds that carry the country: de 'Kremlsprecher' -> RUS",
    )
