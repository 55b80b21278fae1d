"""Turn a pattern match into TIMEX3 values.

Matching is static (``parse``: which words mean what, is the date valid, is a number a year);
resolution needs the reading position (``resolve``: anchor, the last date mentioned, the tense
of the sentence), so the finder parses every candidate, keeps the longest, then resolves in text
order. The meaning of each named group is fixed here for all languages:

day, mnum/month, year/yy/ayear (+ bc/ad), weekday/wdabbr, daypart, season (+ sprefix),
ord (ordinal: quarter, half, century), decade/dnum, num (vague words mean "X"; + unit/usg/upl/uadj,
vdur),
deictic, rel (+ unit: "last week"; + month/season: "last June"), yrel (year of a month:
"des folgenden Jahres"), rnoun, dir/predir, mod, durmod, setword/setq, holiday, timeword,
hour/minute/ampm; parts ``first``/``second`` with suffixes _a/_b for ranges; ``half`` and
``quarter`` are ordinals in groups named ord_h / ord_q.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from eventwire.timex.calendar import (
    SEASON_START,
    PDate,
    duration_value,
    fmt,
    fmt_day,
    fmt_year,
    likely_year,
    shift,
    valid_day,
    weekday_near,
    year_for,
)
from eventwire.timex.lexicon import Deictic, Direction, RelativeModifier, RelativeNoun
from eventwire.timex.patterns import CompiledLexicon, CompiledPattern, UnitForm, key

_WORD_BEFORE = re.compile(r"(\S+)\s+(\S+)\s*$|(\S+)\s*$")
_WORD_AFTER = re.compile(r"\s*([^\s,;:.!?()]+)")
_YEAR_NOUN = re.compile(r"\w*[Jj]ahr|\w*[Yy]ear")
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class Parsed:
    """A candidate match with the meanings of its groups; ranges carry two parts."""

    kind: str
    start: int
    end: int
    order: int
    g: dict[str, Any] = field(default_factory=dict)
    parts: tuple[Parsed, Parsed] | None = None


@dataclass(slots=True)
class Resolved:
    start: int
    end: int
    type: str
    value: str | None
    granularity: str | None
    mod: str | None
    relative: bool
    ref: PDate | None = None
    backward: bool = False  # a look back ("im Vorjahr"): not a new reference point


# -- parsing ---------------------------------------------------------------------------------
def _groups(cl: CompiledLexicon, gd: dict[str, str | None], suffix: str = "") -> dict[str, Any]:
    """Meanings of the matched groups, keyed by group name without suffix."""
    out: dict[str, Any] = {}
    for name, text in gd.items():
        if text is None or name in ("first", "second", "core"):
            continue
        base, _, suf = name.partition("_")
        suf = suf.rstrip("0123456789")
        if suffix and suf != suffix:
            continue
        val: Any
        if base == "num":
            val = float(text.replace(",", ".")) if text[0].isdigit() else cl.meaning(base, text)
        elif base == "ord":
            digits = _DIGITS.match(text)
            val = int(digits.group()) if digits else cl.meaning(base, text)
        else:
            val = cl.meaning(base, text)
        if val is None:
            continue
        if base == "num" and val == "X":
            out["vague"] = True
            continue
        if base == "ord" and suf in ("h", "q", "c"):
            out[{"h": "half", "q": "quarter", "c": "century"}[suf]] = val
        elif base in ("month", "mnum"):
            out["month"] = val
            out["month_text"] = text
        elif base in ("unit", "usg", "upl", "uadj", "vdur"):
            out["unit"] = val
            if base == "vdur":
                out["vague"] = True
        elif base == "rel" and suf == "y":
            out["yrel"] = val
        else:
            out[base] = val
        if base in ("daypart", "season"):
            out[f"{base}_text"] = text
    return out


def _word_before(text: str, pos: int) -> tuple[str, str]:
    m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    if not m:
        return "", ""
    if m.group(3) is not None:
        return "", key(m.group(3))
    return key(m.group(1)), key(m.group(2))


def _is_count(cl: CompiledLexicon, text: str, start: int, end: int) -> bool:
    """A bare four-digit number that reads as a count or a code, not a year."""
    nxt = _WORD_AFTER.match(text, end)
    if nxt and key(nxt.group(1)) in cl.year_blockers:
        return True
    if end < len(text) and text[end] in "%€$£":
        return True
    if end + 1 < len(text) and text[end] in ".,:" and text[end + 1].isdigit():
        return True
    if start >= 2 and text[start - 1] in ".,:/€$£" and text[start - 2].isdigit():
        # "170/39" is a code, "1940/1941" two years
        return not (text[start - 1] == "/" and text[max(0, start - 6):start - 1].isdigit()
                    and len(text[max(0, start - 6):start - 1].strip()) == 4
                    and (start < 6 or not text[start - 6].isdigit()))
    if start >= 1 and text[start - 1] in "$€£#§":
        return True
    w1, w2 = _word_before(text, start)
    return w2 in cl.prev_blockers or f"{w1}{w2}" in cl.prev_blockers


def parse(cl: CompiledLexicon, cp: CompiledPattern, m: re.Match[str], text: str) -> Parsed | None:
    """Static reading of a match, or None when it is not a time expression after all."""
    start, end = m.span()
    # hyphenated compounds such as "Juni-Offensive" are names, not dates
    if text[end - 1].isalpha() and end + 1 < len(text) and text[end] == "-" \
            and text[end + 1].isalpha():
        return None
    gd = m.groupdict()
    if cp.kind == "range":
        first, second = _groups(cl, gd, "a"), _groups(cl, gd, "b")
        a = Parsed("date", start, m.end("first"), cp.order, first)
        b = Parsed("date", m.start("second"), m.end("second"), cp.order, second)
        if "day" in second and "month" not in second and "month" in first:
            second["month"] = first["month"]  # "June 3-5"
        if not (_valid_date(a.g, partial=True) and _valid_date(b.g, partial=False)):
            return None
        if "yy" in second and "year" in first:
            y = first["year"] // 100 * 100 + second.pop("yy")
            second["year"] = y if y > first["year"] else y + 100
        return Parsed("range", start, end, cp.order, parts=(a, b))
    g = _groups(cl, gd)
    p = Parsed(cp.kind, start, end, cp.order, g)
    whole = key(m.group(0))
    if cp.kind == "date":
        if "ayear" in g and not g.keys() & {"bc", "ad"}:
            if not 1000 <= g["ayear"] <= 2100:
                return None
            g["year"] = g.pop("ayear")
        if not _valid_date(g, partial=False):
            return None
        if whole in cl.ambiguous and whole in (key(g.get("month_text", "")),
                                               key(g.get("season_text", ""))):
            return None  # "Mai", "August", "fall" alone may be names or words
        bare_year = "year" in g and not ({"month", "day", "season", "quarter", "half",
                                          "holiday", "bc", "ad"} & g.keys())
        if bare_year and not _YEAR_NOUN.search(m.group(0)):
            name = next((n for n in ("ayear", "year") if gd.get(n)), None)
            if name and _is_count(cl, text, m.start(name), m.end(name)):
                return None
    elif cp.kind == "time":
        if "hour" in g and (g["hour"] > 24 or (g["hour"] == 24 and g.get("minute", 0))):
            return None
    elif cp.kind in ("duration", "offset"):
        unit = g.get("unit")
        if unit is None or ("num" not in g and "vague" not in g and cp.kind == "offset"):
            return None
        if "num" in g and (g["num"] <= 0 or g["num"] > 999):
            return None
        if "num" not in g and "vague" not in g and isinstance(unit, UnitForm) and unit.plural:
            g["vague"] = True  # "seit Jahren"
    elif cp.kind == "relative":
        if whole == key(g.get("daypart_text", "")):
            return None  # a bare "Nacht" or "morning" is no date
        unit = g.get("unit")
        if isinstance(unit, UnitForm) and unit.plural:
            # "in den folgenden Jahren": an unspecified stretch, not a calendar unit
            g["vague"] = True
            p.kind = "duration"
    return p


def _valid_date(g: dict[str, Any], partial: bool) -> bool:
    if "day" in g:
        if "month" not in g:
            return partial
        year = g.get("year")
        return bool(valid_day(year if isinstance(year, int) else None, g["month"], g["day"]))
    return bool(partial or g.keys() & {"month", "year", "yy", "ayear", "season", "quarter",
                                       "half", "holiday"})


# -- resolution ------------------------------------------------------------------------------
@dataclass(slots=True)
class Context:
    """Reading state: anchor, mode, last date mentioned, and a tense probe for positions."""

    anchor: date | None
    narrative: bool
    future_at: Callable[[int], bool]
    past_at: Callable[[int], bool] = lambda pos: False
    span_cue_before: Callable[[int], bool] = lambda pos: False
    anaphoric_units: frozenset[str] = frozenset()
    ref: PDate | None = None

    def base(self, anaphoric: bool, need: str = "year") -> PDate | None:
        """What a relative expression counts from: anchor (deictic, news) or last date.

        In news an anaphoric expression falls back to the anchor when the last date mentioned
        is too coarse for it (need: "day", "month" or "year")."""
        if self.narrative:
            return self.ref
        anchor = PDate.of(self.anchor) if self.anchor else None
        if not anaphoric:
            return anchor
        ref = self.ref
        if ref is None or (need == "day" and ref.day is None) \
                or (need == "month" and ref.month is None):
            return anchor
        return ref


def _year_of(g: dict[str, Any], base_year: int | None) -> int | None:
    """Explicit year of a match (two-digit years take the century of the base year)."""
    if "year" in g:
        y = int(g["year"])
    elif "ayear" in g:
        y = int(g["ayear"])
    elif "yy" in g:
        yy = int(g["yy"])
        if base_year is None:
            return None
        y = base_year // 100 * 100 + yy
        if y > base_year + 10:
            y -= 100
    else:
        return None
    return -y if g.get("bc") else y


def _resolve_date(g: dict[str, Any], ctx: Context, pos: int) -> tuple[PDate | None, str, bool]:
    """The date a calendar expression denotes, its granularity and whether it is relative."""
    month = g.get("month")
    day = g.get("day")
    if "holiday" in g:
        hm, hd = g["holiday"].split("-")
        month, day = int(hm), int(hd)
    season, quarter, half = g.get("season"), g.get("quarter"), g.get("half")
    if day is not None:
        gran = "day"
    elif month is not None:
        gran = "month"
    elif season or quarter or half:
        gran = "quarter"
    else:
        gran = "year"
    probe = month or (SEASON_START[season] if season else None) \
        or ((quarter - 1) * 3 + 1 if quarter else None) or ((half - 1) * 6 + 1 if half else None)
    anchor_year = ctx.anchor.year if ctx.anchor else None
    ref_year = ctx.ref.year if ctx.ref else None
    year = _year_of(g, ref_year if ctx.narrative else (anchor_year or ref_year))
    relative = False
    if year is None and ("year" in g or "yy" in g):
        return None, gran, True
    if year is None:
        relative = True
        yrel: RelativeModifier | None = g.get("yrel")
        rel: RelativeModifier | None = g.get("rel")
        if yrel is not None:
            base = ctx.base(yrel.anaphoric)
            year = None if base is None else base.year + yrel.offset
        elif probe is None:
            return None, gran, True
        elif ctx.narrative:
            year = ref_year
        else:
            anchor = ctx.base(False)
            if anchor is None:
                return None, gran, True
            if rel is not None and rel.offset:
                direction, strict = rel.offset, True
            elif rel is not None:
                return PDate(anchor.year, probe, day), gran, True
            else:
                tense = "future" if ctx.future_at(pos) else "past" if ctx.past_at(pos) else None
                year = likely_year(anchor, probe, day if month else None, tense)
                return PDate(year, probe, day), gran, relative
            year = year_for(anchor, probe, day if month else None, direction, strict)
    if year is None:
        return None, gran, relative
    return PDate(year, probe, day), gran, relative


def _date_value(pd: PDate, gran: str, g: dict[str, Any]) -> str | None:
    if gran == "quarter":
        if g.get("season"):
            return f"{fmt_year(pd.year)}-{g['season']}"
        if g.get("half"):
            return f"{fmt_year(pd.year)}-H{g['half']}" if g["half"] in (1, 2) else None
        if g.get("quarter") not in (1, 2, 3, 4):
            return None
    value = fmt(pd, gran)
    if value and gran == "day":
        if "hour" in g:
            return f"{value}T{g['hour']:02d}:{g.get('minute', 0):02d}"
        if "daypart" in g:
            return f"{value}T{g['daypart']}"
    return value


def _mod(g: dict[str, Any]) -> str | None:
    mod = g.get("mod") or g.get("sprefix") or g.get("durmod")
    return mod if isinstance(mod, str) else None


def resolve(p: Parsed, ctx: Context) -> list[Resolved]:
    """Values for a candidate at its place in the text; updates nothing itself."""
    if p.kind == "range" and p.parts:
        a, b = p.parts
        if "season" in a.g and b.g.keys() <= {"year", "yy", "ayear", "bc"}:
            b = replace(b, g={**b.g, "season": a.g["season"]})  # "Winter 1777/78"
        rb = _one(b, ctx)
        inherited = dict(a.g)
        if rb is not None and rb.ref is not None:
            if "day" in inherited and "month" not in inherited and rb.ref.month:
                inherited["month"] = rb.ref.month
            if not inherited.keys() & {"year", "yy", "ayear"}:
                year = rb.ref.year
                if rb.ref.month and inherited.get("month", 0) > rb.ref.month:
                    year -= 1
                inherited["year"] = abs(year)
                inherited["bc"] = year < 0
        ra = _one(replace(a, g=inherited), ctx)
        if ra is not None and rb is not None and rb.relative:
            ra.relative = True
        return [r for r in (ra, rb) if r is not None]
    r = _one(p, ctx)
    return [] if r is None else [r]


def _one(p: Parsed, ctx: Context) -> Resolved | None:
    handler = _HANDLERS[p.kind]
    return handler(p, ctx)


def _res(p: Parsed, typ: str, value: str | None, gran: str | None, rel: bool,
         ref: PDate | None = None, mod: str | None = None) -> Resolved:
    return Resolved(p.start, p.end, typ, value, gran, mod if mod else _mod(p.g), rel, ref)


def _h_date(p: Parsed, ctx: Context) -> Resolved | None:
    g = p.g
    pd, gran, relative = _resolve_date(g, ctx, p.start)
    typ = "TIME" if "hour" in g else "DATE"
    if pd is None:
        return _res(p, typ, None, gran if "hour" not in g else "time", relative)
    value = _date_value(pd, gran, g)
    out = _res(p, typ, value, "time" if "hour" in g else gran, relative,
               ref=pd if gran in ("day", "month", "year", "quarter") else None)
    shifts = [r.offset for r in (g.get("yrel"), g.get("rel")) if isinstance(r, RelativeModifier)]
    out.backward = any(o < 0 for o in shifts)
    return out


def _h_decade(p: Parsed, ctx: Context) -> Resolved | None:
    g = p.g
    if "dnum" in g and g["dnum"] >= 100:
        return _res(p, "DATE", f"{g['dnum'] // 10:03d}", "decade", False)
    digit = g["dnum"] // 10 if "dnum" in g else g.get("decade")
    if digit is None:
        return None
    base = ctx.base(False)
    if base is None:
        return _res(p, "DATE", None, "decade", True)
    current = base.year // 10
    dec = base.year // 100 * 10 + digit
    if dec > current or (dec == current and not ctx.narrative):
        dec -= 10
    return _res(p, "DATE", f"{dec:03d}", "decade", True)


def _h_century(p: Parsed, ctx: Context) -> Resolved | None:
    n = p.g.get("century")
    if not n or n > 21:
        return None
    value = f"BC{n - 1:02d}" if p.g.get("bc") else f"{n - 1:02d}"
    return _res(p, "DATE", value, "century", False)


def _h_deictic(p: Parsed, ctx: Context) -> Resolved | None:
    d: Deictic = p.g["deictic"]
    daypart = p.g.get("daypart") or d.daypart
    if ctx.narrative and d.offset == 0 and daypart is None:
        return _res(p, "DATE", "PRESENT_REF", None, False)
    base = ctx.base(False)
    moved = shift(base, d.offset, "D") if base else None
    if moved is None:
        return _res(p, "DATE", None, "day", True)
    value = fmt(moved, "day")
    if daypart and value:
        value = f"{value}T{daypart}"
    return _res(p, "DATE", value, "day", True, ref=moved)


def _h_weekday(p: Parsed, ctx: Context) -> Resolved | None:
    g = p.g
    rel: RelativeModifier | None = g.get("rel")
    base = ctx.base(False)
    d = base.as_date() if base else None
    if d is None:
        return _res(p, "DATE", None, "day", True)
    wd = g["weekday"]
    if rel is not None and rel.offset == 0:
        found = weekday_near(d, wd, -1 if wd <= d.isoweekday() else 1, True)
    elif rel is not None:
        found = weekday_near(d, wd, rel.offset, False)
    elif ctx.narrative:
        found = weekday_near(d, wd, 1, True)
    elif ctx.future_at(p.start):
        found = weekday_near(d, wd, 1, True)  # 'am Mittwoch' written on a Wednesday: today
    else:
        found = weekday_near(d, wd, -1, True)
    pd = PDate.of(found)
    value = fmt(pd, "day")
    if value and "daypart" in g:
        value = f"{value}T{g['daypart']}"
    return _res(p, "DATE", value, "day", True, ref=pd)


_GRAN = {"D": "day", "W": "week", "WE": "week", "M": "month", "Q": "quarter", "Y": "year",
         "DE": "decade", "CE": "century", "H": "day", "MIN": "day"}
_NEED = {"D": "day", "W": "day", "WE": "day", "H": "day", "MIN": "day", "M": "month",
         "Q": "month", "Y": "year", "DE": "year", "CE": "year"}


def _h_relative(p: Parsed, ctx: Context) -> Resolved | None:
    g = p.g
    noun: RelativeNoun | None = g.get("rnoun")
    rel: RelativeModifier | None = g.get("rel")
    direction: Direction | None = g.get("dir")
    uf: UnitForm | None = g.get("unit")
    mod = _mod(g)
    unit: str
    if noun is not None:
        unit, offset, anaphoric, mod = noun.unit, noun.offset, noun.anaphoric, noun.mod or mod
    elif uf is not None or "daypart" in g:
        unit = uf.unit if uf else "D"
        offset = rel.offset if rel else (direction.sign if direction else 0)
        anaphoric = (rel.anaphoric if rel else True) or unit in ctx.anaphoric_units
        if direction is not None:
            anaphoric = direction.anaphoric
        if uf is None:
            anaphoric = True
        elif unit == "WE" and rel is None:
            anaphoric = False  # "am Wochenende": the weekend around the publication date
    else:
        return None
    base = ctx.base(anaphoric, _NEED[unit])
    gran = _GRAN[unit]
    if base is None:
        return _res(p, "DATE", None, gran, True, mod=mod)
    if unit == "WE":
        return _weekend(p, ctx, base, rel, mod)
    moved = shift(base, offset, unit)
    if moved is None:
        return _res(p, "DATE", None, gran, True, mod=mod)
    value = fmt(moved, gran)
    if value and "daypart" in g:
        value = f"{value}T{g['daypart']}"
    out = _res(p, "DATE", value, gran, True, ref=moved if gran != "week" else None, mod=mod)
    out.backward = offset < 0
    return out


def _weekend(p: Parsed, ctx: Context, base: PDate, rel: RelativeModifier | None,
             mod: str | None) -> Resolved:
    d = base.as_date()
    if d is None:
        return _res(p, "DATE", None, "week", True, mod=mod)
    offset = rel.offset if rel else 0
    if offset < 0 or (offset == 0 and rel is None and not ctx.future_at(p.start)
                      and d.isoweekday() < 6):
        d = date.fromordinal(d.toordinal() - 7)
    elif offset > 0 and d.isoweekday() >= 6:
        d = date.fromordinal(d.toordinal() + 7)
    iso = d.isocalendar()
    return _res(p, "DATE", f"{iso.year:04d}-W{iso.week:02d}-WE", "week", True, mod=mod)


def _h_offset(p: Parsed, ctx: Context) -> Resolved | None:
    g = p.g
    direction: Direction | None = g.get("dir") or g.get("predir")
    uf: UnitForm = g["unit"]
    if direction is None:
        return None
    unit, n = uf.unit, g.get("num")
    looks_back = ctx.span_cue_before(p.start) and not ctx.future_at(p.start)
    if direction.narrative_duration and (ctx.narrative or looks_back):
        # "his first visit in 24 years": the span looked back over, not a future date
        return _res(p, "DURATION", duration_value(n, unit), None, False)
    if n is None:
        return _res(p, "DATE", "FUTURE_REF" if direction.sign > 0 else "PAST_REF", None, True)
    if n != int(n):
        smaller = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24)}.get(unit)
        if smaller is None or n * smaller[1] != int(n * smaller[1]):
            return _res(p, "DATE", None, _GRAN[unit], True)
        unit, n = smaller[0], n * smaller[1]
    gran = _GRAN[unit]
    if unit == "W" and direction.anaphoric:
        gran = "day"  # "eine Woche später": the day a week after the day told of
    base = ctx.base(direction.anaphoric, _NEED[unit])
    if unit in ("H", "MIN"):
        moved = base
    else:
        moved = shift(base, direction.sign * int(n), unit) if base else None
    if moved is None:
        return _res(p, "DATE", None, gran, True)
    out = _res(p, "DATE", fmt(moved, gran), gran, True, ref=moved if gran != "week" else None)
    out.backward = direction.sign < 0
    return out


def _h_duration(p: Parsed, ctx: Context) -> Resolved | None:
    uf: UnitForm = p.g["unit"]
    n = None if p.g.get("vague") else p.g.get("num", 1.0)
    value = duration_value(n, uf.unit)
    if value is None:
        return None
    return _res(p, "DURATION", value, None, False)


def _h_time(p: Parsed, ctx: Context) -> Resolved | None:
    g = p.g
    if "timeword" in g:
        hh, mm = (int(x) for x in g["timeword"].split(":"))
    else:
        hh, mm = g["hour"], g.get("minute", 0)
        ampm, part = g.get("ampm"), g.get("daypart")
        if ((ampm == "pm" or part in ("AF", "EV")) and hh < 12) or (part == "NI" and 6 <= hh < 12):
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
    base = ctx.base(True, "day")
    if base is None or base.day is None or base.month is None:
        return _res(p, "TIME", None, "time", True)
    return _res(p, "TIME", f"{fmt_day(base.year, base.month, base.day)}T{hh:02d}:{mm:02d}",
                "time", True)


def _h_set(p: Parsed, ctx: Context) -> Resolved | None:
    g = p.g
    if "setword" in g:
        return _res(p, "SET", g["setword"], None, False)
    if "weekday" in g:
        return _res(p, "SET", f"XXXX-WXX-{g['weekday']}", None, False)
    if "daypart" in g:
        return _res(p, "SET", f"XXXX-XX-XXT{g['daypart']}", None, False)
    uf: UnitForm | None = g.get("unit")
    if uf is None:
        return None
    return _res(p, "SET", duration_value(g.get("num", 1.0), uf.unit), None, False)


def _h_vague(p: Parsed, ctx: Context) -> Resolved | None:
    if not ctx.narrative:
        return None
    return _res(p, "DATE", p.g["vagueref"], None, False)


_HANDLERS: dict[str, Callable[[Parsed, Context], Resolved | None]] = {
    "vague": _h_vague,
    "date": _h_date,
    "decade": _h_decade,
    "century": _h_century,
    "deictic": _h_deictic,
    "weekday": _h_weekday,
    "relative": _h_relative,
    "offset": _h_offset,
    "duration": _h_duration,
    "time": _h_time,
    "set": _h_set,
}
