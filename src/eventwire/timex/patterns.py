"""Compile a language's templates into regexes once, with lookups back to meanings.

Every ``{name}`` in a template becomes a named group whose alternatives come from the lexicon,
so the regexes hold no language knowledge of their own; the few language-neutral shapes (ISO
dates, digits) are defined here.

Speed: a template is split into its lead (the optional groups it starts with: "am", "im
vergangenen") and its core (from the first required part on). Only the core is scanned for,
and it is built so that every alternative starts with a literal character, which lets the
regex engine skip the text between possible first characters in C; the lead is then tried at
the few word starts just before each core hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire.timex.lexicon import Kind, LexiconError, TimeLexicon, load_lexicon

# Language-neutral shapes: (name, kind, template).
BUILTIN_PATTERNS: tuple[tuple[str, Kind, str], ...] = (
    ("iso_date", "date", r"{year}-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
                         r"(?:T{hour}:{minute}(?::\d\d)?)?"),
)


def _digits(tail: str) -> str:
    """Digit alternatives written literal-first: 0tail|1tail|...|9tail."""
    return "|".join(f"{d}{tail}" for d in range(10))


_DIGIT_SLOTS: dict[str, str] = {
    "day": r"0[1-9]|1\d?|2\d?|3[01]?|4|5|6|7|8|9",
    "mnum": r"0[1-9]|1[0-2]?|2|3|4|5|6|7|8|9",
    "year": r"1\d{3}|20\d{2}|2100",
    "yy": _digits(r"\d"),
    "ayear": _digits(r"\d{0,3}"),
    "hour": r"0\d?|1\d?|2[0-4]?|3|4|5|6|7|8|9",
    "minute": r"0\d|1\d|2\d|3\d|4\d|5\d",
    "dnum": r"1\d\d0|20\d0|" + "|".join(f"{d}0" for d in range(10)),
}
_PLACEHOLDER = re.compile(r"\{(~?)([a-z]+)(?::([a-z0-9]+))?\}")
_MAX_LEAD_WORDS = 5


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
    """One template: a core regex to scan for and the full regex to read a match with."""

    name: str
    kind: Kind
    core: re.Pattern[str]
    full: re.Pattern[str]
    has_lead: bool
    order: int
    gate: tuple[str, ...] | None = None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Full matches, one per core hit, each with the longest lead that fits."""
        for cm in self.core.finditer(text):
            m = self.match_at(text, cm.start())
            if m is not None:
                yield m

    def match_at(self, text: str, c: int) -> re.Match[str] | None:
        """The full match whose core starts at c, with the longest lead that fits."""
        if c and (text[c - 1].isalnum() or text[c - 1] == "_"):
            return None
        full = self.full
        if self.has_lead:
            for s in _word_starts_before(text, c):
                m = full.match(text, s)
                if m is not None and m.start("core") == c:
                    return m
        m = full.match(text, c)
        if m is not None and m.start("core") == c:
            return m
        return None


@dataclass(frozen=True, slots=True)
class ScanGroup:
    """Patterns whose cores start with the same placeholder share one scan of the text."""

    scan: re.Pattern[str]
    patterns: tuple[CompiledPattern, ...]


def _word_starts_before(text: str, pos: int) -> list[int]:
    """Starts of up to five words before pos, farthest first."""
    starts: list[int] = []
    i = pos
    if i and not text[i - 1].isspace():  # "3.März": the core is glued to its lead
        while i > 0 and not text[i - 1].isspace():
            i -= 1
        k = i
        while k < pos and not text[k].isalnum():
            k += 1
        starts.append(k)
    for _ in range(_MAX_LEAD_WORDS):
        j = i
        while j > 0 and text[j - 1] in " \t\u00a0":
            j -= 1
        if j == i or j == 0:
            break
        k = j
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        i = k
        while k < j and not text[k].isalnum():  # "(8. August": the bracket is no lead
            k += 1
        starts.append(k)
    starts.reverse()
    return starts


def _form_regex(form: str) -> str:
    """Regex for one form: spaces match any white space, a dot may be followed by none."""
    parts = form.split(" ")
    out = []
    for i, part in enumerate(parts):
        out.append(re.escape(part))
        if i < len(parts) - 1:
            out.append(r"\s*" if part.endswith(".") else r"\s+")
    return "".join(out)


def _alternation(forms: Iterable[str], fixed_case: frozenset[str], inner: bool) -> str:
    """Alternation of forms, longest first; lower-case forms also match capitalised.

    Case variants are separate alternatives (not ``[Hh]``) so each starts with a literal."""
    variants: set[str] = set()
    for form in forms:
        if not form:
            continue
        if inner:
            variants.add(form[0].lower() + form[1:])
            continue
        variants.add(form)
        if form not in fixed_case and form[0].islower():
            variants.add(form[0].upper() + form[1:])
    ordered = sorted(variants, key=lambda f: (-len(f), f))
    return "|".join(_form_regex(f) for f in ordered) or r"(?!x)x"


def _closing(s: str, i: int) -> int:
    """Index of the parenthesis closing the one at s[i]."""
    depth = 0
    j = i
    while j < len(s):
        ch = s[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j += 1
            if j < len(s) and s[j] == "^":
                j += 1
            if j < len(s) and s[j] == "]":
                j += 1
            while j < len(s) and s[j] != "]":
                j += 2 if s[j] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise ValueError("unbalanced parentheses")


def split_lead_index(regex: str) -> int:
    """Where the optional groups a regex starts with end."""
    i = 0
    while i < len(regex) and regex[i] == "(":
        j = _closing(regex, i)
        if j + 1 < len(regex) and regex[j + 1] == "?" and regex[j + 2:j + 3] not in ("?", "+"):
            i = j + 2
        else:
            break
    return i


# Slots by how rare their words are in running text; the rarest required one gates a pattern.
_GATE_RANK = {
    "month": 1, "weekday": 1, "holiday": 1, "season": 1, "timeword": 1, "setword": 1,
    "wdabbr": 1, "decade": 1, "rnoun": 1, "deictic": 1, "vdur": 1, "uadj": 1, "bc": 1, "ad": 1,
    "unit": 2, "usg": 2, "upl": 2, "daypart": 3, "dir": 3, "predir": 3, "setq": 3,
    "vagueref": 3,
}
_LETTERS = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class _Part:
    """A depth-0 piece of a template: where it is, its text, whether a match must contain it."""

    start: int
    text: str
    required: bool


def _top_level_parts(template: str) -> list[_Part] | None:
    """Depth-0 parts of a template; None if the template is an alternation at depth 0."""
    parts: list[_Part] = []
    i = 0
    while i < len(template):
        ch, start = template[i], i
        if ch == "|":
            return None
        if ch == "(":
            j = _closing(template, i)
            part, i = template[i:j + 1], j + 1
        elif ch == "{":
            j = template.index("}", i)
            part, i = template[i:j + 1], j + 1
        elif ch == "\\":
            part, i = template[i:i + 2], i + 2
        elif ch == "[":
            j = _closing_bracket(template, i)
            part, i = template[i:j + 1], j + 1
        else:
            m = _LETTERS.match(template, i)
            part, i = (m.group(), m.end()) if m else (ch, i + 1)
        optional = (i < len(template) and template[i] in "?*") or template[i:i + 2] == "{0"
        if optional and part[:1].isalpha():
            part, optional = part[:-1], False  # "Jahrhunderts?": the s is optional
        if i < len(template) and template[i] in "?*+":
            i += 1
        parts.append(_Part(start, part, not optional))
    return parts


def _after_space(parts: list[_Part], i: int) -> bool:
    """Whether part i always starts a word: after a space or hyphen, or after optional groups
    that end in one."""
    k = i - 1
    while k >= 0:
        text = parts[k].text
        if text in (" ", r"\s", "-") and parts[k].required:
            return True
        if not parts[k].required and text.endswith((" )", r"\s)")):
            k -= 1
            continue
        return False
    return True


def _closing_bracket(s: str, i: int) -> int:
    j = i + 1
    if j < len(s) and s[j] == "^":
        j += 1
    if j < len(s) and s[j] == "]":
        j += 1
    while s[j] != "]":
        j += 2 if s[j] == "\\" else 1
    return j


class CompiledLexicon:
    """A lexicon with its slots and patterns compiled; built once per language."""

    def __init__(self, lex: TimeLexicon) -> None:
        self.lex = lex
        self.fixed_case = frozenset(lex.case_sensitive)
        self.slots: dict[str, Slot] = {}
        self._forms: dict[str, tuple[str, ...]] = {}
        self._build_slots()
        templates: list[tuple[str, Kind, str]] = [
            (p.name, p.kind, p.regex) for p in lex.patterns
        ]
        templates.extend(BUILTIN_PATTERNS)
        self._splits: dict[str, int] = {}
        self.patterns = [self._compile(name, kind, tpl, i)
                         for i, (name, kind, tpl) in enumerate(templates)]
        self.scan_groups = self._scan_groups(templates)
        self.future_cues = re.compile(
            r"(?<!\w)(?:" + _alternation(lex.future_cues, self.fixed_case, False) + r")(?!\w)"
        )
        self.past_cues = re.compile(
            r"(?<!\w)(?:" + _alternation(lex.past_cues, self.fixed_case, False) + r")(?!\w)"
        ) if lex.past_cues else None
        self.year_blockers = frozenset(key(w) for w in lex.year_blockers)
        self.prev_blockers = frozenset(key(w) for w in lex.number_prev_blockers)
        self.reference_blockers = frozenset(key(w) for w in lex.reference_blockers)
        self.span_cues = frozenset(key(w) for w in lex.span_cues)
        self.ambiguous = frozenset(key(w) for w in lex.ambiguous_forms)
        self.anaphoric_units = frozenset(lex.anaphoric_units)

    # -- slots -------------------------------------------------------------------------------
    def _words(self, name: str, table: Mapping[str, Any], extra: str = "") -> None:
        forms = list(table)
        regex = _alternation(forms, self.fixed_case, False)
        inner = _alternation(forms, self.fixed_case, True)
        if extra:
            regex, inner = f"{extra}|{regex}", f"{extra}|{inner}"
        self.slots[name] = Slot(regex, inner, {key(f): v for f, v in table.items()})
        self._forms[name] = tuple(forms)

    def _build_slots(self) -> None:
        lex = self.lex
        for name, rx in _DIGIT_SLOTS.items():
            self.slots[name] = Slot(rx, rx, None)
        self._words("month", {f: m for m, fs in lex.months.items() for f in fs})
        self._words("weekday", {f: d for d, fs in lex.weekdays.items() for f in fs})
        self._words("wdabbr", {f: d for d, fs in lex.weekday_abbreviations.items() for f in fs})
        self._words("daypart", {f: c for c, fs in lex.dayparts.items() for f in fs})
        self._words("season", {f: c for c, fs in lex.seasons.items() for f in fs})
        self._words("sprefix", dict(lex.season_prefixes))
        nums: dict[str, Any] = dict(lex.numbers)
        nums.update(dict.fromkeys(lex.vague_numbers, "X"))
        self._words("num", nums, _digits(r"\d{0,2}(?:[.,]\d)?"))
        ords = {s + e: v for s, v in lex.ordinals.stems.items() for e in lex.ordinals.endings}
        suffix = "|".join(re.escape(s) for s in lex.ordinals.digit_suffixes)
        self._words("ord", ords, _digits(rf"\d?(?:{suffix})"))
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
        self._words("vagueref", dict(lex.vague_references))
        self._words("bc", dict.fromkeys(lex.era.bc, True))
        self._words("ad", dict.fromkeys(lex.era.ad, True))

    # -- templates ---------------------------------------------------------------------------
    def _error(self, name: str, msg: str) -> LexiconError:
        return LexiconError(f"{self.lex.language}/time.yaml: field patterns[{name}]: {msg}")

    def _expand(self, name: str, template: str, seen: dict[str, int]) -> str:

        def expand(m: re.Match[str]) -> str:
            tilde, slot_name, suffix = m.group(1), m.group(2), m.group(3)
            slot = self.slots.get(slot_name)
            if slot is None:
                raise self._error(name, f"unknown placeholder {{{slot_name}}}; known: "
                                        f"{', '.join(sorted(self.slots))}")
            group = slot_name + (f"_{suffix}" if suffix else "")
            # a slot used twice (in alternatives) gets a numbered name; meanings merge later
            seen[group] = seen.get(group, 0) + 1
            if seen[group] > 1:
                group += f"{'' if suffix else '_'}{seen[group]}"
            return f"(?P<{group}>{slot.inner if tilde else slot.regex})"

        return _PLACEHOLDER.sub(expand, template.replace(" ", r"\s+"))

    def _rank(self, part: _Part) -> tuple[int, tuple[str, ...]]:
        """How rare a required part is in running text (lower is rarer) and its words."""
        slot_m = _PLACEHOLDER.fullmatch(part.text)
        if slot_m:
            name = slot_m.group(2)
            return (_GATE_RANK[name], self._forms[name]) if name in _GATE_RANK else (9, ())
        words: tuple[str, ...] = ()
        if _LETTERS.fullmatch(part.text):
            words = (part.text,)
        elif part.text.startswith("(?:") and part.text.endswith(")"):
            runs = [_LETTERS.match(a) for a in part.text[3:-1].split("|")]
            if all(runs):
                words = tuple(r.group() for r in runs if r)
        if not words:
            return 9, ()
        return (0 if min(len(w) for w in words) >= 4 else 4), words

    def _plan(self, template: str) -> tuple[int, tuple[str, ...] | None]:
        """Where to split lead from core, and the gate: strings a text must contain.

        The core starts at the rarest required part that starts a word (the regex engine
        then skips fast to its possible first characters); without one, at the first
        required part."""
        parts = _top_level_parts(template)
        if not parts:
            return split_lead_index(template), None
        first_required = next((i for i, p in enumerate(parts) if p.required), None)
        if first_required is None:
            return split_lead_index(template), None
        best_split: tuple[int, int, bool] | None = None
        best_gate: tuple[int, tuple[str, ...]] | None = None
        for i, part in enumerate(parts):
            if not part.required:
                continue
            rank, words = self._rank(part)
            if words and (best_gate is None or rank < best_gate[0]):
                best_gate = (rank, words)
            starts_word = i == first_required or _after_space(parts, i)
            if words and starts_word and rank < 5 and (best_split is None or rank < best_split[0]):
                best_split = (rank, part.start, all(w[:1].isupper() for w in words))
        split = best_split[1] if best_split else parts[first_required].start
        if best_gate is None or (best_split and best_split[0] <= best_gate[0] and best_split[2]):
            # scanning for capitalised core words is as cheap as a substring gate
            return split, None
        minimal: list[str] = []
        for w in sorted({w.split(" ")[0].lower() for w in best_gate[1]}, key=len):
            # "jahr" makes "jahre" redundant
            if not any(m in w for m in minimal):
                minimal.append(w)
        return split, tuple(minimal)

    def _scan_groups(self, templates: list[tuple[str, Kind, str]]) -> list[ScanGroup]:
        """Group patterns by the placeholder their core starts with (one scan per group)."""
        by_first: dict[str, list[CompiledPattern]] = {}
        singles: list[ScanGroup] = []
        for cp, (_, _, tpl) in zip(self.patterns, templates, strict=True):
            parts = _top_level_parts(tpl[self._splits[cp.name]:])
            first = _PLACEHOLDER.fullmatch(parts[0].text) if parts else None
            if first is None or first.group(1):
                singles.append(ScanGroup(cp.core, (cp,)))
            else:
                by_first.setdefault(first.group(2), []).append(cp)
        groups = [ScanGroup(re.compile(f"(?:{self.slots[slot].regex})"), tuple(cps))
                  for slot, cps in by_first.items()]
        return groups + singles

    def _compile(self, name: str, kind: Kind, template: str, order: int) -> CompiledPattern:
        try:
            split, gate = self._plan(template)
            self._splits[name] = split
            seen: dict[str, int] = {}
            lead = self._expand(name, template[:split], seen)
            core = self._expand(name, template[split:], seen)
            if not core:
                raise self._error(name, "the template has no required part")
            full = re.compile(rf"(?<!\w){lead}(?P<core>{core})(?!\w)")
            core_rx = re.compile(rf"(?:{_strip_names(core)})(?!\w)")
        except (re.error, ValueError) as exc:
            if isinstance(exc, LexiconError):
                raise
            raise self._error(name, f"bad regex: {exc}") from exc
        return CompiledPattern(name, kind, core_rx, full, bool(lead), order, gate)

    def meaning(self, slot_name: str, text: str) -> Any:
        """What the text matched by a slot means (int for digit slots)."""
        slot = self.slots[slot_name]
        if slot.lookup is None:
            return int(text)
        return slot.lookup.get(key(text))


def _strip_names(regex: str) -> str:
    """The regex with named groups made plain (the core scan needs no names)."""
    return re.sub(r"\(\?P<\w+>", "(?:", regex)


@cache
def compiled_lexicon(lang: str) -> CompiledLexicon:
    """The compiled lexicon of a language, built on first use and kept."""
    return CompiledLexicon(load_lexicon(lang))
