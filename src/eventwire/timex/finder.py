"""Find time expressions in text and normalise them, one compiled tagger per language.

Candidates from all patterns are parsed, overlaps go to the longest (then the earliest, then
the pattern listed first), and the survivors are resolved in text order so that each can count
from the last date mentioned before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Literal

from eventwire.timex.calendar import PDate
from eventwire.timex.lexicon import LexiconError, available_languages
from eventwire.timex.normalise import Context, Parsed, Resolved, parse, resolve
from eventwire.timex.patterns import CompiledLexicon, CompiledPattern, compiled_lexicon

Mode = Literal["news", "narrative"]

# A sentence ends at . ! ? (not after a digit: "3. März") before white space and an upper-case
# letter, or at a line break.
_WORDS = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<!\d)[.!?][\"'»«“”’)]*\s+(?=[\"'„“»«(]*[A-ZÄÖÜ])|\n")


@dataclass(frozen=True, slots=True)
class TimexMatch:
    """One time expression: span in the text, TIMEX3 type and value, and how it was read."""

    start: int
    end: int
    text: str
    value: str | None
    type: str
    granularity: str | None
    mod: str | None
    relative: bool


class _Sentences:
    """Lazy sentence bounds and future cues, computed only if a match needs the tense."""

    def __init__(self, text: str, cl: CompiledLexicon) -> None:
        self._text = text
        self._cl = cl
        self._ends: list[int] | None = None
        self._cache: dict[int, bool] = {}

    def _bounds(self, pos: int) -> tuple[int, int, int]:
        if self._ends is None:
            self._ends = [m.end() for m in _SENTENCE_END.finditer(self._text)]
        i = bisect.bisect_right(self._ends, pos)
        lo = self._ends[i - 1] if i else 0
        hi = self._ends[i] if i < len(self._ends) else len(self._text)
        return i, lo, hi

    def future_at(self, pos: int) -> bool:
        i, lo, hi = self._bounds(pos)
        hit = self._cache.get(i)
        if hit is None:
            hit = self._cl.future_cues.search(self._text, lo, hi) is not None
            self._cache[i] = hit
        return hit

    def past_at(self, pos: int) -> bool:
        """A past-tense cue ('wurde', 'hatte', 'was') in the sentence around ``pos``."""
        if self._cl.past_cues is None:
            return False
        _, lo, hi = self._bounds(pos)
        return self._cl.past_cues.search(self._text, lo, hi) is not None


def _bracketed(text: str, start: int) -> bool:
    """Whether start lies inside an open bracket (an aside) on the same stretch of text."""
    before = text[max(0, start - 80):start]
    return before.rfind("(") > before.rfind(")")


def _merge(old: PDate | None, new: PDate) -> PDate:
    """The new reference date, unless it only restates the old one more coarsely."""
    if old is None or old.year != new.year:
        return new
    if new.month is None or (new.month == old.month and new.day is None):
        return old
    return new


def _select(cands: list[Parsed]) -> list[Parsed]:
    """Non-overlapping candidates, longest first; returned in text order."""
    cands.sort(key=lambda p: (p.start - p.end, p.start, p.order))
    taken: list[tuple[int, int]] = []
    keep: list[Parsed] = []
    for p in cands:
        if any(p.start < e and s < p.end for s, e in taken):
            continue
        taken.append((p.start, p.end))
        keep.append(p)
    keep.sort(key=lambda p: p.start)
    return keep


class TimexTagger:
    """Deterministic time-expression finder and normaliser for one language."""

    _cache: ClassVar[dict[str, TimexTagger]] = {}

    def __init__(self, compiled: CompiledLexicon) -> None:
        self._cl = compiled
        self.language = compiled.lex.language

    @classmethod
    def for_language(cls, lang: str) -> TimexTagger:
        """The tagger of a language (built once); ValueError names the supported languages."""
        tagger = cls._cache.get(lang)
        if tagger is None:
            if lang not in available_languages():
                raise LexiconError(
                    f"no time lexicon for language {lang!r}; "
                    f"supported: {', '.join(available_languages())}"
                )
            tagger = cls._cache[lang] = cls(compiled_lexicon(lang))
        return tagger

    def candidates(self, text: str, mode: Mode = "narrative") -> list[Parsed]:
        """All parsed pattern matches before overlap resolution (vague references, such as
        "bald", only in narrative mode)."""
        out: list[Parsed] = []
        cl = self._cl
        low = text.lower()
        gates: dict[tuple[str, ...], bool] = {}

        def open_(cp: CompiledPattern) -> bool:
            if cp.kind == "vague" and mode == "news":
                return False
            if cp.gate is None:
                return True
            hit = gates.get(cp.gate)
            if hit is None:
                hit = gates[cp.gate] = any(w in low for w in cp.gate)
            return hit

        for group in cl.scan_groups:
            live = [cp for cp in group.patterns if open_(cp)]
            if not live:
                continue
            if len(group.patterns) == 1:
                for single in live[0].finditer(text):
                    p = parse(cl, live[0], single, text)
                    if p is not None:
                        out.append(p)
                continue
            for hit in group.scan.finditer(text):
                c = hit.start()
                for cp in live:
                    if cp.core.match(text, c) is None:
                        continue
                    m = cp.match_at(text, c)
                    if m is not None:
                        p = parse(cl, cp, m, text)
                        if p is not None:
                            out.append(p)
        return out

    def _sets_reference(self, text: str, p: Parsed, r: Resolved) -> bool:
        """Whether later relative expressions should count from this one.

        Not looks back ("im Vorjahr"), asides in brackets, year ranges, and years that bound
        or compare ("seit 1990", "wie 1914")."""
        if r.backward:
            return False
        if r.granularity != "year":
            return not _bracketed(text, r.start)
        return p.kind != "range" and not self._aside(text, r.start)

    def _span_cue_before(self, text: str, start: int) -> bool:
        """'the first ... in 24 years', 'the highest level in a decade': a span cue among the
        six words before, within the sentence."""
        cues = self._cl.span_cues
        if not cues:
            return False
        window = re.split(r"[.;:!?]", text[max(0, start - 80):start])[-1]
        return any(w.casefold() in cues for w in _WORDS.findall(window)[-6:])

    def _aside(self, text: str, start: int) -> bool:
        """A year that bounds ("seit 1990") or stands in brackets is no new reference."""
        if _bracketed(text, start):
            return True
        blockers = self._cl.reference_blockers
        head = _WORDS.match(text, start)
        prev = _WORDS.findall(text, max(0, start - 30), start)
        return bool((head and head.group().casefold() in blockers)
                    or (prev and prev[-1].casefold() in blockers))

    def find(self, text: str, anchor: date | None, *, mode: Mode = "news") -> list[TimexMatch]:
        """Time expressions in text, sorted and non-overlapping.

        news: relative expressions count from anchor (publication date); anaphoric ones
        ("am selben Tag", "two days later") from the last date mentioned. narrative: all count
        from the last date mentioned (anchor, if given, only until the first one). Without an
        anchor or an earlier date, relative values stay None.
        """
        if mode not in ("news", "narrative"):
            raise ValueError(f"mode must be 'news' or 'narrative', got {mode!r}")
        selected = _select(self.candidates(text, mode))
        if not selected:
            return []
        sentences = _Sentences(text, self._cl)
        ctx = Context(
            anchor=anchor,
            narrative=mode == "narrative",
            future_at=sentences.future_at,
            past_at=sentences.past_at,
            span_cue_before=lambda pos: self._span_cue_before(text, pos),
            anaphoric_units=self._cl.anaphoric_units,
            ref=PDate.of(anchor) if anchor else None,
        )
        out: list[TimexMatch] = []
        for p in selected:
            for r in resolve(p, ctx):
                if r.ref is not None and self._sets_reference(text, p, r):
                    ctx.ref = _merge(ctx.ref, r.ref)
                out.append(TimexMatch(r.start, r.end, text[r.start:r.end], r.value, r.type,
                                      r.granularity, r.mod, r.relative))
        return out
