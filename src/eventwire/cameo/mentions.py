"""Actor phrases in a sentence: dictionary hits, noun-phrase chunks, agents and compounds.

Without a parser, a noun phrase is a run of words between function words, verbs and
punctuation. Inside one, the first actor gives the base code and agents add theirs
(``Arnor security officials`` -> ARNGOV); an agent-only phrase followed by ``of/in/from`` and an
actor takes that actor (``Lawmakers in Fornost and Gondor`` -> FORLEG, GONLEG); lists joined
by ``and/or/nor`` become compound actors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from eventwire.cameo.actors import ActorDictionary, ActorEntry
from eventwire.cameo.agents import Agent, AgentDictionary
from eventwire.cameo.phrases import Found, Phrase
from eventwire.cameo.tokens import (
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    NEGATORS,
    PREPOSITIONS,
    PRONOUNS,
    SUBORDINATORS,
    Token,
    english,
)

NULL = "---"
ATTACHING = frozenset({"OF", "IN", "FROM"})
COMPOUNDING = frozenset({"AND", "OR", "NOR"})
_BREAKERS = PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | NEGATORS | PRONOUNS | SUBORDINATORS | {"TO"}


@dataclass(frozen=True)
class Hit:
    """A dictionary phrase found in the tokens: an actor (with codes) or an agent."""

    start: int
    end: int
    codes: tuple[str, ...] = ()
    agent: Agent | None = None

    @property
    def is_actor(self) -> bool:
        return self.agent is None


@dataclass(frozen=True)
class Member:
    """One actor of a unit: base codes (several for ``FRO/BIL/SAM``) and agent codes."""

    bases: tuple[str, ...]
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    start: int = 0
    end: int = 0

    @property
    def has_actor(self) -> bool:
        return any(b != NULL for b in self.bases)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(combine(b, self.prefixes, self.suffixes) for b in self.bases)


def combine(base: str, prefixes: Iterable[str], suffixes: Iterable[str]) -> str:
    """Actor code with agent codes around it; an agent already in the code is not repeated."""
    code = base
    for suffix in suffixes:
        if not code.endswith(suffix):
            code = code + suffix if code != NULL else NULL + suffix
    for prefix in reversed(list(prefixes)):
        if not code.startswith(prefix):
            code = prefix + (code if code != NULL else "")
    return code


@dataclass
class Unit:
    """A noun phrase or a compound of them, usable as source or target."""

    start: int
    end: int
    members: list[Member] = field(default_factory=list)

    @property
    def codes(self) -> list[str]:
        seen: dict[str, None] = {}
        for member in self.members:
            for code in member.codes:
                seen.setdefault(code)
        return list(seen)

    @property
    def coded(self) -> bool:
        return bool(self.codes)

    @property
    def compound(self) -> bool:
        return sum(1 for m in self.members if m.codes) > 1


def find_hits(
    tokens: Sequence[Token], actors: ActorDictionary, agents: AgentDictionary, day: int | None
) -> list[Hit]:
    """Longest actor or agent phrase at each position, left to right, without overlaps."""
    def acronym_ok(phrase: Phrase, start: int, end: int) -> bool:
        """``us`` is not the US: a short one-word actor needs capitals in the text."""
        only = end - start == 1 and len(phrase.words[0]) <= 3
        return not (only and tokens[start].text.islower())

    hits: list[Hit] = []
    i = 0
    while i < len(tokens):
        actor: Found[ActorEntry] | None = actors.index.longest_at(tokens, i, acronym_ok)
        agent: Found[Agent] | None = agents.index.longest_at(tokens, i)
        if actor and (agent is None or actor.end >= agent.end):
            hits.append(Hit(i, actor.end, actor.payload.codes_on(day)))
            i = actor.end
        elif agent:
            hits.append(Hit(i, agent.end, agent=agent.payload))
            i = agent.end
        else:
            i += 1
    return hits


def is_breaker(token: Token) -> bool:
    """A token that ends a noun phrase: punctuation or a function word."""
    return not token.is_word or (token.up in _BREAKERS and token.up not in DETERMINERS)


def looks_adjective(token: Token) -> bool:
    words = english()
    return token.up in words.adjectives or token.up.endswith(words.adjective_endings)


def build_units(tokens: Sequence[Token], hits: Sequence[Hit], verb_at: set[int]) -> list[Unit]:
    """Noun-phrase units of the sentence (coded or not), compounds and attachments applied."""
    hit_at = {h.start: h for h in hits}
    chunks: list[tuple[int, int, list[Hit]]] = []
    i = 0
    while i < len(tokens):
        if i in verb_at or (i not in hit_at and is_breaker(tokens[i])):
            i += 1
            continue
        start, inside = i, []
        while i < len(tokens) and i not in verb_at and (i in hit_at or not is_breaker(tokens[i])):
            if i in hit_at:
                inside.append(hit_at[i])
                i = hit_at[i].end
            else:
                i += 1
        chunks.append((start, i, inside))
    chunks = _join_adjectives(tokens, chunks)
    units = [Unit(s, e, [_member(s, e, inside)]) for s, e, inside in chunks]
    units = _compounds(tokens, units)
    return _attach(tokens, units)


def _member(start: int, end: int, hits: list[Hit]) -> Member:
    actors = [h for h in hits if h.is_actor and h.codes]  # a null-coded actor names no one
    agents = [h.agent for h in hits if h.agent is not None]
    bases = actors[0].codes if actors else (NULL,) if agents else ()
    prefixes = tuple(a.code for a in agents if a.prefix)
    suffixes = tuple(a.code for a in agents if not a.prefix)
    return Member(bases, prefixes, suffixes, start, end)


def _join_adjectives(
    tokens: Sequence[Token], chunks: list[tuple[int, int, list[Hit]]]
) -> list[tuple[int, int, list[Hit]]]:
    """``awful and evil minister``: coordinated adjectives stay inside one noun phrase."""
    out: list[tuple[int, int, list[Hit]]] = []
    for chunk in chunks:
        if out:
            s, e, inside = out[-1]
            last_is_hit = any(h.end == e for h in inside)
            if (
                chunk[0] == e + 1
                and tokens[e].up == "AND"
                and not last_is_hit
                and looks_adjective(tokens[e - 1])
            ):
                out[-1] = (s, chunk[1], inside + chunk[2])
                continue
        out.append(chunk)
    return out


def _compounds(tokens: Sequence[Token], units: list[Unit]) -> list[Unit]:
    """``A, B and C`` -> one unit whose members are A, B and C (codeless members dropped)."""
    out: list[Unit] = []
    i = 0
    while i < len(units):
        j = i
        while j + 1 < len(units):
            gap = [t.up for t in tokens[units[j].end:units[j + 1].start]]
            if gap in ([","], *([c] for c in COMPOUNDING), *([",", c] for c in COMPOUNDING)):
                j += 1
            else:
                break
        while j > i and tokens[units[j].start - 1].up not in COMPOUNDING:
            j -= 1  # the last member is the one after the conjunction
        if j > i:
            group = units[i:j + 1]
            members = [m for u in group for m in u.members]
            coded = [m for m in members if m.codes]
            tail = [] if members[-1].codes else members[-1:]  # may be filled by "of ACTOR"
            keep = _distribute(tokens, coded) + tail if coded else members
            out.append(Unit(group[0].start, group[-1].end, keep))
            i = j + 1
        else:
            out.append(units[i])
            i += 1
    return out


def _distribute(tokens: Sequence[Token], members: list[Member]) -> list[Member]:
    """Shared words of a coordination: ``Danish media and government`` -> DNKMED, DNKGOV (a
    bare agent takes the first actor and its modifiers); ``US and British activists`` ->
    USAOPP, GBROPP (a lone actor word takes the agents of the last member). A member with its
    own determiner (``the government``) keeps to itself."""
    if not members or not members[0].has_actor:
        return members
    first, last = members[0], members[-1]
    out = [first]
    for m in members[1:]:
        if m.bases == (NULL,) and tokens[m.start].up not in DETERMINERS:
            m = Member(first.bases, first.prefixes + m.prefixes, first.suffixes[:-1] + m.suffixes,
                       m.start, m.end)
        out.append(m)
    if last.has_actor and last.suffixes and tokens[last.start].up not in DETERMINERS:
        out = [
            Member(m.bases, m.prefixes, last.suffixes, m.start, m.end)
            if m is not last and m.end - m.start == 1 and m.has_actor and not m.suffixes
            else m
            for m in out
        ]
    return out


def _attach(tokens: Sequence[Token], units: list[Unit]) -> list[Unit]:
    """``officials in Fornost`` -> FORGOV; ``goats of Gondor`` completes a compound."""
    out: list[Unit] = []
    for unit in units:
        prev = out[-1] if out else None
        if (
            prev is not None
            and unit.start == prev.end + 1
            and tokens[prev.end].up in ATTACHING
            and any(m.has_actor for m in unit.members)
        ):
            if prev.members and all(not m.has_actor and m.codes for m in prev.members):
                members = [
                    Member(b.bases, a.prefixes + b.prefixes, b.suffixes + a.suffixes,
                           a.start, b.end)
                    for a in prev.members
                    for b in unit.members
                ]
                out[-1] = Unit(prev.start, unit.end, members)
                continue
            last = prev.members[-1] if len(prev.members) > 1 else None
            if last is not None and not last.codes:
                out[-1] = Unit(prev.start, unit.end, prev.members[:-1] + unit.members)
                continue
            if last is not None and not last.has_actor:  # "Ithilen and the government of Gondor"
                joined = [Member(b.bases, last.prefixes + b.prefixes, b.suffixes + last.suffixes,
                                 last.start, b.end) for b in unit.members]
                out[-1] = Unit(prev.start, unit.end, prev.members[:-1] + joined)
                continue
        out.append(unit)
    return out
