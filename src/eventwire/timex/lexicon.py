"""Load and validate a language's time lexicon (``langpacks/<lang>/time.yaml``).

All language knowledge of the time-expression finder lives in that file, so that a new
language is a new YAML file and no Python. A language file must provide:

- ``language``: its code (must equal the folder name).
- word lists, each form written as it appears in running text (forms starting lower-case also
  match with an upper-case first letter, for sentence starts; forms starting upper-case match
  only as written, unless listed in ``case_sensitive``, which pins a form to its exact case):
  ``weekdays`` (ISO number 1-7 -> forms), ``weekday_abbreviations`` (used only before a date),
  ``months`` (1-12 -> forms), ``ambiguous_forms`` (month or season forms that are also names or
  common words, "Mai", "May", "fall": never tagged alone, only with a day, a year or a lead
  word), ``dayparts``
  (TIMEX3 part-of-day code MO/MI/AF/EV/NI -> forms), ``seasons`` (SP/SU/FA/WI -> forms),
  ``season_prefixes`` (compound prefixes such as "Spät" -> mod), ``numbers`` (word -> value),
  ``vague_numbers``, ``ordinals`` (stems -> value, plus endings and digit suffixes),
  ``decades`` (words such as "neunziger" -> decade digit), ``units`` (unit code -> singular,
  plural, adjective forms), ``vague_durations`` (words such as "jahrelang" -> unit),
  ``deictic`` (words such as "gestern" -> day offset), ``relative_modifiers`` ("vergangenen" ->
  offset, anaphoric or not), ``relative_nouns`` ("Vorjahr" -> unit, offset, mod),
  ``after_directions`` ("später") and ``before_directions`` ("vor") with sign,
  ``mods`` and ``duration_mods`` (word -> TIMEX3 mod), ``set_words`` ("täglich" -> value),
  ``set_quantifiers``, ``holidays`` (name -> "MM-DD"), ``time_words`` ("Mitternacht" -> "24:00"),
  ``ampm``, ``vague_references`` ("bald" -> FUTURE_REF; tagged in narrative mode only),
  ``era`` (bc/ad markers), ``future_cues``, ``year_blockers`` (words after a number
  that make it a count, not a year), ``number_prev_blockers`` (words before such a number),
  ``reference_blockers`` (words before a bare year that make it a boundary or an aside, "seit
  1990", so that later relative expressions do not count from it), ``span_cues`` (words
  shortly before "in 24 years" that make it the span looked back over: "his first visit in 24
  years" is a duration, not the year 2048).
- ``patterns``: the word order of the language, as regex templates of kind ``date``,
  ``decade``, ``century``, ``deictic``, ``weekday``, ``relative``, ``offset``, ``duration``,
  ``time``, ``set``, ``vague`` or ``range``. A template is a Python regex in which ``{name}``
  stands for a named group built from one of the lists above (``{name:x}`` gives it the
  suffix ``_x``, ``{~name}`` its compound-internal, lower-case-initial forms) and a plain space
  stands for any run of white space. The meaning of each group is fixed in ``normalise.py``.
  A template may start with optional lead groups ("am", "im vergangenen"); for speed the
  required part should start with a placeholder or a plain word.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

LANGPACKS = Path(__file__).resolve().parent.parent / "langpacks"

Mod = Literal[
    "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
    "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
]
DayPart = Literal["MO", "MI", "AF", "EV", "NI"]
Season = Literal["SP", "SU", "FA", "WI"]
Unit = Literal["Y", "M", "W", "D", "H", "MIN", "DE", "CE", "Q", "WE"]
Kind = Literal[
    "date", "decade", "century", "deictic", "weekday", "relative", "offset", "duration",
    "time", "set", "range", "vague",
]
Forms = list[str]


class LexiconError(ValueError):
    """A language file is missing, malformed or inconsistent; the message names file and field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Ordinals(_Strict):
    stems: dict[str, int]
    endings: list[str] = Field(default_factory=lambda: [""])
    digit_suffixes: list[str]


class UnitForms(_Strict):
    singular: Forms
    plural: Forms = Field(default_factory=list)
    adjective: Forms = Field(default_factory=list)


class Deictic(_Strict):
    offset: int
    daypart: DayPart | None = None


class RelativeModifier(_Strict):
    offset: int
    anaphoric: bool = False


class RelativeNoun(_Strict):
    unit: Unit
    offset: int = 0
    mod: Mod | None = None
    anaphoric: bool = False


class Direction(_Strict):
    sign: Literal[-1, 1]
    anaphoric: bool = False
    narrative_duration: bool = False


class Era(_Strict):
    bc: Forms
    ad: Forms = Field(default_factory=list)


class Pattern(_Strict):
    name: str
    kind: Kind
    regex: str


class TimeLexicon(_Strict):
    """The validated content of one ``time.yaml``."""

    language: str
    weekdays: dict[int, Forms]
    weekday_abbreviations: dict[int, Forms] = Field(default_factory=dict)
    months: dict[int, Forms]
    ambiguous_forms: Forms = Field(default_factory=list)
    dayparts: dict[DayPart, Forms]
    seasons: dict[Season, Forms]
    season_prefixes: dict[str, Mod] = Field(default_factory=dict)
    numbers: dict[str, float]
    vague_numbers: Forms = Field(default_factory=list)
    ordinals: Ordinals
    decades: dict[str, int] = Field(default_factory=dict)
    units: dict[Unit, UnitForms]
    adjective_endings: Forms = Field(default_factory=lambda: [""])
    vague_durations: dict[str, Unit] = Field(default_factory=dict)
    deictic: dict[str, Deictic]
    relative_modifiers: dict[str, RelativeModifier]
    anaphoric_units: list[Unit] = Field(default_factory=list)
    relative_nouns: dict[str, RelativeNoun] = Field(default_factory=dict)
    after_directions: dict[str, Direction] = Field(default_factory=dict)
    before_directions: dict[str, Direction] = Field(default_factory=dict)
    mods: dict[str, Mod | None] = Field(default_factory=dict)
    duration_mods: dict[str, Mod] = Field(default_factory=dict)
    set_words: dict[str, str] = Field(default_factory=dict)
    set_quantifiers: Forms = Field(default_factory=list)
    holidays: dict[str, str] = Field(default_factory=dict)
    time_words: dict[str, str] = Field(default_factory=dict)
    ampm: dict[str, Literal["am", "pm"]] = Field(default_factory=dict)
    vague_references: dict[str, Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"]] = Field(
        default_factory=dict
    )
    era: Era
    future_cues: Forms
    past_cues: Forms = Field(default_factory=list)
    case_sensitive: Forms = Field(default_factory=list)
    year_blockers: Forms = Field(default_factory=list)
    reference_blockers: Forms = Field(default_factory=list)
    number_prev_blockers: Forms = Field(default_factory=list)
    span_cues: Forms = Field(default_factory=list)
    patterns: list[Pattern]

    @field_validator("weekdays", "weekday_abbreviations")
    @classmethod
    def _weekday_keys(cls, v: dict[int, Forms]) -> dict[int, Forms]:
        bad = [k for k in v if not 1 <= k <= 7]
        if bad:
            raise ValueError(f"weekday numbers must be 1-7 (ISO), got {bad}")
        return v

    @field_validator("months")
    @classmethod
    def _month_keys(cls, v: dict[int, Forms]) -> dict[int, Forms]:
        if sorted(v) != list(range(1, 13)):
            raise ValueError(f"months must have exactly the keys 1-12, got {sorted(v)}")
        return v

    @field_validator("holidays")
    @classmethod
    def _holiday_values(cls, v: dict[str, str]) -> dict[str, str]:
        for name, md in v.items():
            if not re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", md):
                raise ValueError(f"holiday {name!r}: value must be MM-DD, got {md!r}")
        return v

    @field_validator("time_words")
    @classmethod
    def _time_values(cls, v: dict[str, str]) -> dict[str, str]:
        for name, hm in v.items():
            if not re.fullmatch(r"([01]\d|2[0-4]):[0-5]\d", hm):
                raise ValueError(f"time word {name!r}: value must be HH:MM, got {hm!r}")
        return v


def _check_consistency(lex: TimeLexicon) -> None:
    """Cross-field checks pydantic cannot express field by field."""
    known = {f for forms in lex.months.values() for f in forms}
    known |= {f for forms in lex.seasons.values() for f in forms}
    stray = [f for f in lex.ambiguous_forms if f not in known]
    if stray:
        raise ValueError(f"ambiguous_forms: {stray} are not forms listed under months or seasons")
    names = [p.name for p in lex.patterns]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ValueError(f"patterns: duplicate names {dupes}")


def load_lexicon_file(path: Path) -> TimeLexicon:
    """Read and validate one time.yaml, raising LexiconError that names the file and field."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise LexiconError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise LexiconError(f"{path}: top level must be a mapping")
    try:
        lex = TimeLexicon.model_validate(raw)
        _check_consistency(lex)
    except ValidationError as exc:
        problems = "; ".join(
            f"field {'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise LexiconError(f"{path}: {problems}") from exc
    except ValueError as exc:
        raise LexiconError(f"{path}: {exc}") from exc
    if lex.language != path.parent.name:
        raise LexiconError(
            f"{path}: field language: {lex.language!r} does not match folder {path.parent.name!r}"
        )
    return lex


def available_languages() -> list[str]:
    """Languages that ship a time.yaml."""
    return sorted(p.parent.name for p in LANGPACKS.glob("*/time.yaml"))


@cache
def load_lexicon(lang: str) -> TimeLexicon:
    """The validated lexicon of a shipped language (read once per process)."""
    path = LANGPACKS / lang / "time.yaml"
    if not path.is_file():
        raise LexiconError(
            f"no time lexicon for language {lang!r}; supported: {', '.join(available_languages())}"
        )
    return load_lexicon_file(path)
