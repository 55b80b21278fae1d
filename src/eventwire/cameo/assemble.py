"""From a matched pattern to events: which phrase is source and target, and the code pairs.

A pattern may name the source (``$``), the target (``+``) or a compound (``%``); what it
leaves open comes from the clause rules (subject, passive agent, first actor after the verb).
A compound before the verb with no target codes events among its members (``% HAVE *``).
"""

from __future__ import annotations

from eventwire.cameo.clauses import Roles
from eventwire.cameo.match import Match, Sentence
from eventwire.cameo.mentions import Unit
from eventwire.cameo.patterns import Codes
from eventwire.cameo.tokens import NEGATORS
from eventwire.cameo.verbspot import VerbHit

NO_ACTOR = "---"
RECIPROCAL_ROOTS = ("03", "04", "05", "06")


def code_pairs(
    source: Unit | None, target: Unit | None, pairwise: bool, require_dyad: bool
) -> list[tuple[str, str]]:
    """(source code, target code) pairs; ``---`` fills a missing side unless a dyad is required."""
    src = source.codes if source else []
    if pairwise:
        return [(a, b) for a in src for b in src if a != b]
    tgt = target.codes if target else []
    if not src or not tgt:
        if require_dyad or (not src and not tgt):
            return []
        src, tgt = src or [NO_ACTOR], tgt or [NO_ACTOR]
    return [(a, b) for a in src for b in tgt if a != b]


def choose_roles(
    verb: VerbHit, match: Match | None, roles: Roles
) -> tuple[Unit | None, Unit | None, bool]:
    """Source, target and whether the event runs between the members of a compound."""
    found = match.roles if match else {}
    skipped = match.skipped if match else []
    source, target = found.get("source"), found.get("target")
    compound, pairwise = found.get("compound"), False
    subject = roles.subject(verb)
    if compound is not None and match is not None:
        if match.compound_before:
            source = source or compound
            pairwise = target is None
        else:
            target = target or compound
    if source is None and target is None:
        agent = roles.passive_agent(verb)
        source, target = (agent, subject) if agent is not None else (subject, None)
    elif source is None:
        source = subject if not _same(subject, target) else None
        if source is None and target is not None:
            source = roles.first_before(target)
    elif target is None and not pairwise and "source" in found and source.start > verb.start:
        target = subject if not _same(subject, source) else None
    if target is None and not pairwise:
        exclude = [u for u in (source, *skipped) if u is not None]
        target = roles.first_after(verb.end, exclude)
    return source, target, pairwise


def reciprocal(codes: Codes) -> bool:
    """Codes whose compound-source, no-target events are mutual: cooperation, or a pair
    code that is its own reverse (``[031:031]``)."""
    primary = codes.primary or ""
    return primary[:2] in RECIPROCAL_ROOTS or (bool(primary) and codes.secondary == primary)


def _same(a: Unit | None, b: Unit | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def covers_negation(match: Match | None, s: Sentence) -> bool:
    """Did the pattern itself mention the negation (``WILL NOT *``)?"""
    if match is None:
        return False
    for e in match.pattern.before:
        if e.kind == "word" and e.value in NEGATORS:
            return True
        members = s.synsets.get(e.value, ()) if e.kind == "synset" else ()
        if any(w in NEGATORS for m in members for w in m):
            return True
    return False
