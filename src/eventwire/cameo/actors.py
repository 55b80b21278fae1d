"""Actor dictionaries (``*.actors.txt``): phrases, synonyms and date-restricted codes.

An entry is a primary phrase with an optional ``[CODE]``, synonyms on ``+`` lines, and date
restrictions on indented ``[CODE <DATE]``, ``[CODE >DATE]``, ``[CODE DATE-DATE]`` lines (the
primary line may carry several brackets too). Codes joined by ``/`` stand for several actors
(``[FRO/BIL/SAM]``); ``[---]`` is the null code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.cameo.phrases import Phrase, PhraseIndex
from eventwire.cameo.source import DictionaryError, Issues, Line, iter_lines, read_text
from eventwire.cameo.tokens import phrase_words

NULL_CODE = "---"
_BRACKET = re.compile(r"\[([^\]]*)\]")
_DATE = re.compile(r"^\d{6}(\d{2})?$")
TWO_DIGIT_PIVOT = 30  # TABARI's six-digit dates: YY < 30 is 20YY, otherwise 19YY


@dataclass(frozen=True)
class DatedCode:
    """A code, valid from ``start`` to ``end`` (YYYYMMDD, both inclusive; None = open)."""

    code: str
    start: int | None = None
    end: int | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def applies(self, day: int) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass
class ActorEntry:
    """One actor with all its names; ``codes_on`` picks the code valid on a day."""

    phrases: list[Phrase]
    codes: list[DatedCode] = field(default_factory=list)
    source: str = ""
    line: int = 0

    def code_on(self, day: int | None) -> str | None:
        """The code for a day: the first dated restriction that applies, else the default.

        Without a day the default is used, or, when the entry only has dated codes, the one
        that runs latest (the actor's most recent role).
        """
        defaults = [c for c in self.codes if not c.dated]
        if day is not None:
            for dated in self.codes:
                if dated.dated and dated.applies(day):
                    return _real(dated.code)
        if defaults:
            return _real(defaults[-1].code)
        if day is None and self.codes:
            latest = max(self.codes, key=lambda c: c.end or 99999999)
            return _real(latest.code)
        return None

    def codes_on(self, day: int | None) -> tuple[str, ...]:
        code = self.code_on(day)
        return tuple(c for c in code.split("/") if c) if code else ()


def _real(code: str) -> str | None:
    return None if code in ("", NULL_CODE) else code


@dataclass
class ActorDictionary:
    """Actor entries from one or more files, indexed for longest-match lookup."""

    entries: list[ActorEntry] = field(default_factory=list)
    issues: Issues = field(default_factory=Issues)
    index: PhraseIndex[ActorEntry] = field(default_factory=PhraseIndex)

    @classmethod
    def from_files(cls, *paths: Path | str, strict: bool = False) -> ActorDictionary:
        """Read actor files; with ``strict`` a malformed code raises instead of being skipped."""
        result = cls()
        for path in paths:
            result.add_text(read_text(Path(path)), str(path), strict)
        return result

    @classmethod
    def from_text(cls, text: str, name: str = "<actors>", strict: bool = False) -> ActorDictionary:
        result = cls()
        result.add_text(text, name, strict)
        return result

    def add_text(self, text: str, name: str, strict: bool = False) -> None:
        for entry in parse_actors(text, name, self.issues, strict):
            self.entries.append(entry)
            for phrase in entry.phrases:
                self.index.add(phrase, entry)


def parse_actors(
    text: str, name: str, issues: Issues | None = None, strict: bool = True
) -> list[ActorEntry]:
    """Entries of an actor file, in file order.

    Real dictionaries carry typos in dates (``[AFGGOV 9008223-...]``); unless ``strict``, such a
    code is skipped and noted in ``issues`` so that the rest of the file still works.
    """
    issues = issues if issues is not None else Issues()

    def codes(body: str, line: Line) -> list[DatedCode]:
        try:
            return _codes(body, name, line)
        except DictionaryError as exc:
            if strict:
                raise
            issues.add(name, line.number, f"{exc.problem}; skipped")
            return []

    entries: list[ActorEntry] = []
    current: ActorEntry | None = None
    last = 0
    for line in iter_lines(text):
        body = line.text.strip()
        follows, last = line.number == last + 1, line.number
        if line.text[:1].isspace() and body.startswith("["):
            if current is None:
                raise DictionaryError(name, line.number,
                                      "a date restriction before any actor phrase")
            current.codes.extend(codes(body, line))
            continue
        if body.startswith("+"):
            if current is None:
                raise DictionaryError(name, line.number, "a '+' synonym before any actor phrase")
            phrase, tail = _phrase(body[1:], name, line)
            current.phrases.append(phrase)
            current.codes.extend(codes(tail, line) if tail else [])
            continue
        phrase, tail = _phrase(body, name, line)
        if current is not None and follows and not current.codes and not tail:
            issues.add(name, line.number, f"{phrase} lacks the '+' of a synonym; read as one")
            current.phrases.append(phrase)
            continue
        current = ActorEntry([phrase], codes(tail, line) if tail else [], name, line.number)
        entries.append(current)
    for entry in entries:
        if not entry.codes:
            issues.add(name, entry.line, f"actor {entry.phrases[0]} has no code; it is ignored")
    return [e for e in entries if e.codes]


def _phrase(body: str, name: str, line: Line) -> tuple[Phrase, str]:
    """The phrase of a line and the bracketed codes after it."""
    cut = body.find("[")
    head = body if cut < 0 else body[:cut]
    words, gaps = phrase_words(head)
    if not words:
        raise DictionaryError(name, line.number, f"no actor phrase in {body!r}")
    return Phrase(words, gaps), body[cut:] if cut >= 0 else ""


def _codes(body: str, name: str, line: Line) -> list[DatedCode]:
    found = _BRACKET.findall(body)
    if not found or _BRACKET.sub("", body).strip():
        raise DictionaryError(
            name, line.number, f"expected [CODE] or [CODE <DATE|>DATE|DATE-DATE], got {body!r}"
        )
    return [_dated(inner, name, line) for inner in found]


def _dated(inner: str, name: str, line: Line) -> DatedCode:
    text = inner.strip()
    code, _, rest = text.partition(" ")
    if not code or code[0] in "<>" or code[0].isdigit():
        raise DictionaryError(name, line.number,
                              f"date restriction [{inner}] has no code before the dates")
    code = code.upper()
    rest = rest.replace(" ", "")
    if not rest:
        return DatedCode(code)
    if rest[0] == "<":
        return DatedCode(code, None, _day(rest[1:], name, line))
    if rest[0] == ">":
        return DatedCode(code, _day(rest[1:], name, line), None)
    first, dash, second = rest.partition("-")
    if not dash:
        raise DictionaryError(name, line.number,
                              f"cannot read the dates in [{inner}]: use <D, >D or D-D")
    return DatedCode(code, _day(first, name, line), _day(second, name, line))


def _day(text: str, name: str, line: Line) -> int:
    if not _DATE.match(text):
        raise DictionaryError(name, line.number, f"{text!r} is not a date YYMMDD or YYYYMMDD")
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < TWO_DIGIT_PIVOT else 1900 + year}{text[2:]}"
    month, day = int(text[4:6]), int(text[6:8])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise DictionaryError(name, line.number, f"{text!r} has no valid month and day")
    return int(text)
