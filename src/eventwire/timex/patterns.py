"""Compile a language's templates into regexes once, with lookups back to meanings.

Every ``{name}`` in a template becomes a named group whose alternatives come from the lexicon,
so the regexes hold no language knowledge of their own; the few language-neutral shapes (ISO
dates, digits) are defined here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from eventwire.timex.lexicon import Kind, LexiconError, TimeLexicon, load_lexicon

# Language-neutral shapes: (name, kind, template).
BUILTIN_PATTERNS: tuple[tuple[str, Kind, str], ...] = (
    ("iso_date", "date", r"{year}-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
                         r"(?:T{hour}:{minute}(?::\d\d)?)?"),
)

_DIGIT_SLOTS: dict[str, str] = {
    "day": r"0?[1-9]|[12]\d|3[01]",
    "mnum": r"0?[1-9]|1[0-2]",
    "year": r"1\d{3}|20\d{2}|2100",
    "yy": r"\d{2}",
    "ayear": r"\d{1,4}",
    "hour": r"[01]?\d|2[0-4]",
    "minute": r"[0-5]\d",
    "dnum": r"(?:1\d|20)?\d0",
}
_PLACEHOLDER = re.compile(r"\{(~?)([a-z]+)(?::([a-z0-9]+))?\}")


def key(text: str) -> str:
    """Lookup key of a matched form: case-folded, white space removed."""
    return "".join(text.split()).casefold()


@dataclass(frozen=True, slots=True)
class UnitForm:
    """What a unit word means: its code and whether the form is plural."""

    unit: str
    plural: bool


@dataclass(frozen=True, slots=True)
class Slot:
    """A placeholder: its regex (normal and compound-internal) and its form -> meaning table."""

    regex: str
    inner: str
    lookup: Mapping[str, Any] | None


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    name: str
    kind: Kind
    regex: re.Pattern[str]
    order: int


def _form_regex(form: str, initial: str | None = None) -> str:
    """Regex for one form: spaces match any white space, a dot may be followed by none."""
    parts = form.split(" ")
    out = []
    for i, part in enumerate(parts):
        esc = re.escape(part)
        if i == 0 and initial is not None:
            esc = initial + re.escape(part[1:])
        out.append(esc)
        if i < len(parts) - 1:
            out.append(r"\s*" if part.endswith(".") else r"\s+")
    return "".join(out)


def _alternation(forms: Iterable[str], fixed_case: frozenset[str], inner: bool) -> str:
    """Alternation of forms, longest first; lower-case forms also match capitalised."""
    alts: list[tuple[int, str]] = []
    for form in set(forms):
        if not form:
            continue
        first = form[0]
        if inner:
            initial = re.escape(first.lower())
        elif form in fixed_case or not first.islower():
            initial = None
        else:
            initial = f"[{re.escape(first)}{re.escape(first.upper())}]"
        alts.append((len(form), _form_regex(form, initial)))
    alts.sort(key=lambda a: (-a[0], a[1]))
    return "|".join(a for _, a in alts) or r"(?!x)x"


class CompiledLexicon:
    """A lexicon with its slots and patterns compiled; built once per language."""

    def __init__(self, lex: TimeLexicon) -> None:
        self.lex = lex
        self.fixed_case = frozenset(lex.case_sensitive)
        self.slots: dict[str, Slot] = {}
        self._build_slots()
        templates: list[tuple[str, Kind, str]] = [
            (p.name, p.kind, p.regex) for p in lex.patterns
        ]
        templates.extend(BUILTIN_PATTERNS)
        self.patterns = [
            CompiledPattern(name, kind, self._compile(name, tpl), i)
            for i, (name, kind, tpl) in enumerate(templates)
        ]
        self.future_cues = re.compile(
            r"(?<!\w)(?:" + _alternation(lex.future_cues, self.fixed_case, False) + r")(?!\w)"
        )
        self.year_blockers = frozenset(key(w) for w in lex.year_blockers)
        self.prev_blockers = frozenset(key(w) for w in lex.number_prev_blockers)
        self.ambiguous_months = frozenset(key(w) for w in lex.ambiguous_months)
        self.anaphoric_units = frozenset(lex.anaphoric_units)

    # -- slots -------------------------------------------------------------------------------
    def _words(self, name: str, table: Mapping[str, Any]) -> None:
        forms = list(table)
        self.slots[name] = Slot(
            _alternation(forms, self.fixed_case, False),
            _alternation(forms, self.fixed_case, True),
            {key(f): v for f, v in table.items()},
        )

    def _build_slots(self) -> None:
        lex = self.lex
        for name, rx in _DIGIT_SLOTS.items():
            self.slots[name] = Slot(rx, rx, None)
        self._words("month", {f: m for m, fs in lex.months.items() for f in fs})
        ambiguous = set(lex.ambiguous_months)
        self._words(
            "umonth",
            {f: m for m, fs in lex.months.items() for f in fs if f not in ambiguous},
        )
        self._words("weekday", {f: d for d, fs in lex.weekdays.items() for f in fs})
        self._words("wdabbr", {f: d for d, fs in lex.weekday_abbreviations.items() for f in fs})
        self._words("daypart", {f: c for c, fs in lex.dayparts.items() for f in fs})
        self._words("season", {f: c for c, fs in lex.seasons.items() for f in fs})
        self._words("sprefix", dict(lex.season_prefixes))
        num_words = dict(lex.numbers)
        self._words("num", num_words)
        num = self.slots["num"]
        digits = r"\d{1,3}(?:[.,]\d)?"
        self.slots["num"] = Slot(f"{digits}|{num.regex}", f"{digits}|{num.inner}", num.lookup)
        self._words("vague", dict.fromkeys(lex.vague_numbers, True))
        ords = {s + e: v for s, v in lex.ordinals.stems.items() for e in lex.ordinals.endings}
        self._words("ord", ords)
        o = self.slots["ord"]
        suffix = "|".join(re.escape(s) for s in lex.ordinals.digit_suffixes)
        dig = rf"\d{{1,2}}(?:{suffix})"
        self.slots["ord"] = Slot(f"{dig}|{o.regex}", f"{dig}|{o.inner}", o.lookup)
        self._words("decade", dict(lex.decades))
        units: dict[str, UnitForm] = {}
        sing: dict[str, UnitForm] = {}
        plur: dict[str, UnitForm] = {}
        adj: dict[str, UnitForm] = {}
        for code, uf in lex.units.items():
            for f in uf.singular:
                sing[f] = units[f] = UnitForm(code, False)
            for f in uf.plural:
                plur[f] = units[f] = UnitForm(code, True)
            for f in uf.adjective:
                for e in lex.adjective_endings:
                    adj[f + e] = UnitForm(code, False)
        self._words("unit", units)
        self._words("usg", sing)
        self._words("upl", plur)
        self._words("uadj", adj)
        self._words("vdur", {f + e: UnitForm(u, True) for f, u in lex.vague_durations.items()
                             for e in lex.adjective_endings})
        self._words("deictic", dict(lex.deictic))
        self._words("rel", dict(lex.relative_modifiers))
        self._words("rnoun", dict(lex.relative_nouns))
        self._words("dir", dict(lex.after_directions))
        self._words("predir", dict(lex.before_directions))
        self._words("mod", dict(lex.mods))
        self._words("durmod", dict(lex.duration_mods))
        self._words("setword", dict(lex.set_words))
        self._words("setq", dict.fromkeys(lex.set_quantifiers, True))
        self._words("holiday", dict(lex.holidays))
        self._words("timeword", dict(lex.time_words))
        self._words("ampm", dict(lex.ampm))
        self._words("bc", dict.fromkeys(lex.era.bc, True))
        self._words("ad", dict.fromkeys(lex.era.ad, True))

    # -- templates ---------------------------------------------------------------------------
    def _compile(self, name: str, template: str) -> re.Pattern[str]:
        seen: dict[str, int] = {}

        def expand(m: re.Match[str]) -> str:
            tilde, slot_name, suffix = m.group(1), m.group(2), m.group(3)
            slot = self.slots.get(slot_name)
            if slot is None:
                raise LexiconError(
                    f"{self.lex.language}/time.yaml: field patterns[{name}]: unknown "
                    f"placeholder {{{slot_name}}}; known: {', '.join(sorted(self.slots))}"
                )
            group = slot_name + (f"_{suffix}" if suffix else "")
            # a slot used twice (in alternatives) gets a numbered name; meanings merge later
            seen[group] = seen.get(group, 0) + 1
            if seen[group] > 1:
                group += f"{'' if suffix else '_'}{seen[group]}"
            return f"(?P<{group}>{slot.inner if tilde else slot.regex})"

        body = template.replace(" ", r"\s+")
        body = _PLACEHOLDER.sub(expand, body)
        try:
            return re.compile(rf"(?<![\w]){body.join(('(?:', ')'))}(?![\w])")
        except re.error as exc:
            raise LexiconError(
                f"{self.lex.language}/time.yaml: field patterns[{name}]: bad regex: {exc}"
            ) from exc

    def meaning(self, slot_name: str, text: str) -> Any:
        """What the text matched by a slot means (int for digit slots)."""
        slot = self.slots[slot_name]
        if slot.lookup is None:
            return int(text)
        return slot.lookup.get(key(text))


@lru_cache(maxsize=None)
def compiled_lexicon(lang: str) -> CompiledLexicon:
    """The compiled lexicon of a language, built on first use and kept."""
    return CompiledLexicon(load_lexicon(lang))
