"""Score coded documents against gold annotations (the project's gold format).

The metrics follow the published definitions of the shared scorer (docs/evaluation.md): actors
match by any normalised surface form or, for states, by country; strict events need the same
PLOVER type and each gold side held by one of its gold actors plus at most actors of that side's
countries; lenient events need the same type and agreeing countries; quotes need the one gold
speaker and the first three words of the gold locator among the first eight of the quote;
time expressions need overlapping surfaces and, for the value, the same ISO value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventwire.textnorm import fold

SWAPPABLE = frozenset({"CONSULT", "COOPERATE", "AGREE"})
SCORED_KINDS = frozenset({"person", "org", "state"})
KIND_FOLD = {"organization": "org", "organisation": "org", "location": "place", "gpe": "state"}


def _kind(value: Any) -> str:
    k = str(value or "").lower()
    return KIND_FOLD.get(k, k)


def _listify(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, predicted: int, expected: int) -> None:
        self.tp += tp
        self.fp += max(predicted - tp, 0)
        self.fn += max(expected - tp, 0)

    def f1(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(f, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Share:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    def value(self) -> float | None:
        return round(self.right / self.total, 3) if self.total else None


class ActorMap:
    """Which gold actor (by folded canonical name) each system actor stands for."""

    def __init__(self, gold: dict[str, Any], system: dict[str, Any]) -> None:
        self.gold = [a for a in gold.get("actors", []) if isinstance(a, dict) and a.get("name")]
        self.country = {fold(a["name"]): a.get("country") for a in self.gold}
        self.forms: dict[str, str] = {}
        for a in self.gold:
            for form in [a["name"], *(a.get("aliases_in_text") or [])]:
                if fold(form) and fold(form) not in self.forms:
                    self.forms[fold(form)] = fold(a["name"])
        self.system = {str(a.get("id")): a for a in system.get("actors", []) if isinstance(a, dict)}
        self.of = {sid: self.match(a) for sid, a in self.system.items()}

    def match(self, actor: dict[str, Any]) -> str | None:
        names = [actor.get("name"), actor.get("canonical_name"), *(actor.get("aliases") or [])]
        names += [m.get("text") for m in actor.get("mentions") or [] if isinstance(m, dict)]
        folded = [fold(n) for n in names if n]
        for n in folded:
            if n in self.forms:
                return self.forms[n]
        for n in folded:
            words = n.split()
            if len(words) > 1 and words[-1] in self.forms:
                return self.forms[words[-1]]
        if _kind(actor.get("type")) == "state" and actor.get("country"):
            for a in self.gold:
                if _kind(a.get("type")) == "state" and a.get("country") == actor["country"]:
                    return fold(a["name"])
        return None

    def resolve(self, ref: Any) -> str:
        if isinstance(ref, dict):
            return self.match(ref) or "?"
        found = self.of.get(str(ref))
        if found is None and fold(str(ref)) in self.forms:
            found = self.forms[fold(str(ref))]
        return found or "?"

    def country_of(self, ref: Any) -> str | None:
        actor = ref if isinstance(ref, dict) else self.system.get(str(ref), {})
        return self.country.get(self.resolve(ref)) or actor.get("country")


def _side_strict(am: ActorMap, gold_side: Any, refs: Any) -> bool:
    wanted = {fold(n) for n in _listify(gold_side) if fold(str(n))}
    if not wanted:
        return True
    got = [am.resolve(r) for r in _listify(refs)]
    if not wanted & set(got):
        return False
    allowed = {am.country.get(n) for n in wanted} - {None}
    return all(g in wanted or (g != "?" and am.country.get(g) in allowed) for g in got)


def _side_lenient(am: ActorMap, gold_side: Any, refs: Any) -> bool:
    wanted = {am.country.get(fold(str(n))) for n in _listify(gold_side)} - {None}
    if not wanted:
        return True
    got = {am.country_of(r) for r in _listify(refs)} - {None}
    return bool(got) and got <= wanted


def _same_date(gold: Any, system: Any) -> bool:
    if not gold:
        return not system
    g, s = str(gold), str(system or "")
    return s == g or (len(g) == 10 and s.startswith(g + "T"))


def _pair_greedily(gold: list[Any], system: list[Any], ok: Any) -> list[tuple[int, int]]:
    taken: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si not in taken and ok(g, s):
                pairs.append((gi, si))
                taken.add(si)
                break
    return pairs


@dataclass
class Scores:
    counts: dict[str, Counts] = field(
        default_factory=lambda: {
            k: Counts()
            for k in ("actors", "events_strict", "events_lenient", "quotes", "timex", "timex_value")
        }
    )
    shares: dict[str, Share] = field(
        default_factory=lambda: {
            k: Share()
            for k in ("event_date", "event_reported_by", "quote_kind", "quote_reported_by")
        }
    )
    documents: int = 0
    missing: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: c.f1() for k, c in self.counts.items()}
        out.update({f"{k}_accuracy": s.value() for k, s in self.shares.items()})
        out["documents"] = self.documents
        out["missing_system"] = self.missing
        return out

    def add_document(self, gold: dict[str, Any], system: dict[str, Any]) -> None:
        self.documents += 1
        am = ActorMap(gold, system)
        self._actors(am)
        self._events(am, gold, system)
        self._quotes(am, gold, system)
        self._timex(gold, system)

    def _actors(self, am: ActorMap) -> None:
        gold = {fold(a["name"]) for a in am.gold if _kind(a.get("type")) in SCORED_KINDS}
        counted = [sid for sid, a in am.system.items() if _kind(a.get("type")) != "place"]
        matched = {am.of[sid] for sid in counted} & gold
        self.counts["actors"].add(len(matched), len(counted), len(gold))

    def _events(self, am: ActorMap, gold: dict[str, Any], system: dict[str, Any]) -> None:
        ge = [e for e in gold.get("events", []) if isinstance(e, dict)]
        se = [e for e in system.get("events", []) if isinstance(e, dict)]

        def same_type(g: dict[str, Any], s: dict[str, Any]) -> bool:
            return str(g.get("type") or "").upper() == str(s.get("type") or "").upper()

        def strict(g: dict[str, Any], s: dict[str, Any]) -> bool:
            if not same_type(g, s):
                return False
            straight = _side_strict(am, g.get("source"), s.get("source")) and _side_strict(
                am, g.get("target"), s.get("target")
            )
            crossed = _side_strict(am, g.get("source"), s.get("target")) and _side_strict(
                am, g.get("target"), s.get("source")
            )
            return straight or (str(g.get("type")).upper() in SWAPPABLE and crossed)

        def lenient(g: dict[str, Any], s: dict[str, Any]) -> bool:
            if not same_type(g, s):
                return False
            return (
                _side_lenient(am, g.get("source"), s.get("source"))
                and _side_lenient(am, g.get("target"), s.get("target"))
            ) or (
                _side_lenient(am, g.get("source"), s.get("target"))
                and _side_lenient(am, g.get("target"), s.get("source"))
            )

        pairs = _pair_greedily(ge, se, strict)
        self.counts["events_strict"].add(len(pairs), len(se), len(ge))
        self.counts["events_lenient"].add(len(_pair_greedily(ge, se, lenient)), len(se), len(ge))
        for gi, si in pairs:
            self.shares["event_date"].add(_same_date(ge[gi].get("date"), se[si].get("date")))
            if ge[gi].get("reported_by"):
                reporters = {am.resolve(r) for r in _listify(se[si].get("reported_by"))}
                self.shares["event_reported_by"].add(fold(ge[gi]["reported_by"]) in reporters)

    def _quotes(self, am: ActorMap, gold: dict[str, Any], system: dict[str, Any]) -> None:
        gq = [q for q in gold.get("quotes", []) if isinstance(q, dict)]
        sq = [q for q in system.get("quotes", []) if isinstance(q, dict)]

        def ok(g: dict[str, Any], s: dict[str, Any]) -> bool:
            speakers = _listify(s.get("speaker"))
            if len(speakers) != 1 or am.resolve(speakers[0]) != fold(str(g.get("speaker"))):
                return False
            locator = " ".join(fold(str(g.get("starts_with") or "")).split()[:3])
            head = " ".join(fold(str(s.get("text") or "")).split()[:8])
            return bool(locator) and locator in head

        pairs = _pair_greedily(gq, sq, ok)
        self.counts["quotes"].add(len(pairs), len(sq), len(gq))
        for gi, si in pairs:
            self.shares["quote_kind"].add(gq[gi].get("kind") == sq[si].get("kind"))
            if gq[gi].get("reported_by"):
                reporters = {am.resolve(r) for r in _listify(sq[si].get("reported_by"))}
                self.shares["quote_reported_by"].add(fold(gq[gi]["reported_by"]) in reporters)

    def _timex(self, gold: dict[str, Any], system: dict[str, Any]) -> None:
        gt = [t for t in gold.get("timex", []) if isinstance(t, dict)]
        st = [t for t in system.get("timex", []) if isinstance(t, dict)]

        def overlap(g: dict[str, Any], s: dict[str, Any]) -> bool:
            a, b = fold(str(g.get("surface") or "")), fold(str(s.get("text") or ""))
            return bool(a and b) and (a in b or b in a)

        pairs = _pair_greedily(gt, st, overlap)
        self.counts["timex"].add(len(pairs), len(st), len(gt))
        right = sum(_same_date(gt[g].get("value"), st[s].get("value")) for g, s in pairs)
        self.counts["timex_value"].add(right, len(st), len(gt))


def score_documents(pairs: list[tuple[dict[str, Any], dict[str, Any] | None]]) -> dict[str, Any]:
    """Micro-averaged scores over (gold annotation, system document) pairs."""
    scores = Scores()
    for gold, system in pairs:
        if system is None:
            scores.missing.append(str(gold.get("id", "?")))
        scores.add_document(gold.get("gold", gold), system or {})
    return scores.as_dict()
