"""Who did it to whom: source and target actors of a trigger.

Rules, in order: the parties of "zwischen A und B"; the agent of a passive ("von beiden
Ländern"); for a noun, its genitive ("Besuch des Präsidenten"); otherwise the clause subject
(see :mod:`eventwire.clauses`), or for a noun the first free actor of the sentence. Targets come
from the trigger's prepositions ("Treffen mit", "Sanktionen gegen"), then from a free object.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.clauses import PUNCT_BREAKS, ArgMention, SentenceView
from eventwire.events.modality import decision_noun, has_infinitive_marker
from eventwire.events.triggers import TriggerHit, TriggerLexicon

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})


@dataclass
class Arguments:
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    evidence: tuple[int, int] | None = None


def _free(sv: SentenceView, m: ArgMention) -> bool:
    return sv.preposition_before(m) is None and not sv.is_genitive_attribute(m)


def _between(
    sv: SentenceView, i: int, last: int, before_from: int | None = None
) -> tuple[ArgMention, ArgMention | None] | None:
    """'zwischen A und B' shortly after the trigger, or before it in a passive clause."""
    after = []
    for k in range(i + 1, min(last, i + 12) + 1):
        if sv.word(k) in (".", ";"):
            break
        after.append(k)
    before = list(range(before_from, i)) if before_from is not None else []
    for k in after + before:
        if sv.low(k) in ("zwischen", "between"):
            parties = sv.in_sentence(k + 1, min(last, k + 14))
            if not parties:
                return None
            first = parties[0]
            if len(first.actors) > 1:
                return first, None
            second = next(
                (
                    m
                    for m in parties[1:]
                    if sv.low(m.first - 1) in ("und", "and")
                    or sv.low(m.first - 2) in ("und", "and")
                ),
                None,
            )
            return first, second
    return None


def _genitive_after(sv: SentenceView, i: int, last: int) -> ArgMention | None:
    """'Besuch des russischen Präsidenten Wladimir Putin' -> Putin (not 'in Helsinki')."""
    if sv.low(i + 1) not in ("des", "der", "von", "of", "by"):
        return None
    m = next((m for m in sv.in_sentence(i + 2, min(last, i + 6)) if m.first <= i + 4), None)
    if m is None:
        return None
    between = {sv.low(k) for k in range(i + 2, m.first)}
    return None if between & (sv.preps - {"von", "of", "by"}) else m


def _agent(sv: SentenceView, i: int, start: int, end: int) -> ArgMention | None:
    agents = set(sv.pack.actors.source_prepositions)
    for m in sv.in_sentence(start, end):
        if sv.preposition_before(m) in agents:
            return m
    return None


def _decision_owner(sv: SentenceView, i: int, start: int, last: int) -> ArgMention | None:
    """"the Georgian government's decision to suspend talks", "der Beschluss der Regierung,
    ... auszusetzen": whoever decided carries out the act."""
    noun = decision_noun(sv, i, start)
    if noun is None:
        return None
    s_first = sv.ranges[sv.tokens[i].sentence][0]
    owner = next((m for m in sv.in_sentence(s_first, noun - 1) if m.last == noun - 1), None)
    return owner or _genitive_after(sv, noun, last)


def _relative_antecedent(sv: SentenceView, start: int, s_first: int) -> ArgMention | None:
    """'..., die an der Sitzung teilnimmt': the actor right before the comma."""
    if (
        start <= s_first
        or sv.word(start - 1) != ","
        or sv.low(start) not in ("der", "die", "das", "welche", "welcher", "who", "which")
    ):
        return None
    return next(
        (m for m in reversed(sv.in_sentence(s_first, start - 2)) if m.last >= start - 3), None
    )


def _named_person_instead(sv: SentenceView, m: ArgMention, s_first: int, before: int) -> ArgMention:
    """Prefer a named person of the same country over a nominal reference to a state."""
    if m.kind not in ("nominal", "adjective"):
        return m
    actor = sv.doc.actor(m.actors[0])
    if actor is None or actor.type != "state":
        return m
    for other in sv.in_sentence(s_first, before):
        a = sv.doc.actor(other.actors[0])
        if a and a.type == "person" and a.country == actor.country and _free(sv, other):
            return other
    return m


def find_arguments(sv: SentenceView, hit: TriggerHit, is_noun: bool, passive: bool) -> Arguments:
    i = hit.index
    s_first, s_last = sv.ranges[sv.tokens[i].sentence]
    start, end = sv.clause_bounds(i)
    args = Arguments()
    preps = set(hit.trigger.target_preps)

    pair = None
    if "zwischen" in preps or passive or is_noun:
        pair = _between(
            sv, i, s_last, _clause_start_across_quotes(sv, i, s_first) if passive else None
        )
    if pair:
        first, second = pair
        args.source = list(first.actors)
        if second:
            args.target = list(second.actors)
        return args

    source: ArgMention | None = None
    if passive:
        source = sv.agent_of(i) if sv.parsed(i) else _agent(sv, i, start, end)
    elif is_noun:
        source = _noun_source(sv, i, s_first, s_last)
    else:
        anchor = sv.finite_anchor(i)
        if not sv.parsed(i):  # a parse resolves relative clauses in subject_of
            source = _relative_antecedent(sv, start, s_first)
        source = source or _decision_owner(sv, i, start, s_last) or sv.subject_of(anchor)
        if source is None and not sv.parsed(i) and start > s_first and has_infinitive_marker(sv, i):
            # "Polen verpflichtet sich, ... zu unterstützen": the main clause's subject acts
            source = next((m for m in sv.in_sentence(s_first, start - 1) if _free(sv, m)), None)
        if source is not None:
            source = _named_person_instead(sv, source, s_first, i)
    if source is not None:
        source = sv.coordinated(source)
        args.source = list(source.actors)
        if len(source.actors) == 2 and hit.trigger.type in SYMMETRIC and not hit.trigger.each_party:
            args.source, args.target = [source.actors[0]], [source.actors[1]]
            return args

    scope_end = end if not is_noun else min(s_last, end + 12)
    candidates = [
        m
        for m in sv.in_sentence(start if not is_noun else i + 1, scope_end)
        if not set(m.actors) & set(args.source)
    ]
    target = _parsed_target(sv, i, preps, args.source) if sv.parsed(i) and not is_noun else None
    target = target or next(
        (
            m
            for m in candidates
            if sv.preposition_before(m) in preps and (not is_noun or m.first > i)
        ),
        None,
    )
    if target is None and passive:
        # the grammatical subject of a passive is what the event was done to
        patient = sv.subject_of(sv.finite_anchor(i))
        if patient is not None and not set(patient.actors) & set(args.source):
            target = sv.coordinated(patient)
    if target is None and not is_noun and not passive:
        target = next(
            (
                m
                for m in candidates
                if _free(sv, m) and m.first > i and not _crosses_break(sv, i, m.first)
            ),
            None,
        )
        if target is None:
            target = next(
                (
                    m
                    for m in candidates
                    if _free(sv, m) and m.first < i and (source is None or m.first > source.last)
                ),
                None,
            )
    if target is not None:
        args.target = list(target.actors)
    return args


def _parsed_target(
    sv: SentenceView, i: int, preps: set[str], source: list[str]
) -> ArgMention | None:
    """The object of a parsed verb: its target preposition's noun, else its direct object."""
    m = sv.object_of(i, preps)
    return None if m is None or set(m.actors) & set(source) else sv.coordinated(m)


def _clause_start_across_quotes(sv: SentenceView, i: int, s_first: int) -> int:
    """Start of the clause, looking through quoted titles that contain commas."""
    k = i - 1
    while k > s_first and sv.word(k - 1) not in (",", ";", ":"):
        k -= 1
    return k


def _outside_quotes(sv: SentenceView, m: ArgMention, i: int) -> bool:
    """True unless the mention sits in a quoted passage that does not hold the trigger."""
    for q in sv.doc.quotes:
        if (
            q.kind == "direct"
            and sv.tokens[m.first].start >= q.start
            and sv.tokens[m.last].end <= q.end
        ):
            return q.start <= sv.tokens[i].start < q.end
    return True


def _noun_source(sv: SentenceView, i: int, s_first: int, s_last: int) -> ArgMention | None:
    """Who acts in a nominal event: 'russischen Luftangriff', 'Besuch des Präsidenten', or
    the nearest free actor before the noun ('sagte Steinmeier nach einem Gespräch'), else after."""
    adjective = next((m for m in sv.in_sentence(i - 1, i - 1) if m.kind == "adjective"), None)
    if adjective is not None:
        return adjective
    owner = _possessive_owner(sv, i, s_first)
    if owner is not None:
        return owner
    genitive = _genitive_after(sv, i, s_last)
    if genitive is not None:
        return genitive
    light = _light_verb(sv, i) if not _inside_phrase(sv, i) else None
    if light is not None and not _in_circumstance_phrase(sv, i):
        subject = sv.subject_of(sv.finite_anchor(light))
        if subject is not None:
            return sv.coordinated(subject)
    meeting = _meeting_noun(sv, i)
    if not ((meeting and _in_circumstance_phrase(sv, i)) or light is not None):
        return None  # 'nach dem Messerangriff reagierte X': X did not attack
    before = [
        m for m in sv.in_sentence(s_first, i - 1) if _free(sv, m) and _outside_quotes(sv, m, i)
    ]
    if before:
        return before[-1]
    if i - s_first > 4:
        return None  # only a sentence-initial phrase leaves the subject after the verb
    return next(
        (m for m in sv.in_sentence(i + 1, s_last) if _free(sv, m) and _outside_quotes(sv, m, i)),
        None,
    )


def _possessive_owner(sv: SentenceView, i: int, s_first: int) -> ArgMention | None:
    """'over its supply of drones to Russia': 'its' is the state or body named last before."""
    if sv.low(i - 1) not in sv.pack.events.owner_possessives:
        return None
    for m in reversed(sv.in_sentence(s_first, i - 2)):
        actor = sv.doc.actor(m.actors[0]) if len(m.actors) == 1 else None
        if actor is not None and actor.type in ("state", "organization"):
            return m
    return None


def _inside_phrase(sv: SentenceView, i: int) -> bool:
    """'wegen mutmaßlicher Lieferungen': a noun inside a prepositional phrase is not the object
    of the clause's light verb."""
    j = i - 1
    while j >= 0 and (
        sv.low(j) in sv.determiners
        or (sv.word(j)[:1].islower() and sv.low(j) not in sv.preps and j > i - 4)
    ):
        j -= 1
    return sv.low(j) in sv.preps and sv.low(j) not in sv.pack.events.circumstance_prepositions


def _meeting_noun(sv: SentenceView, i: int) -> bool:
    """Meetings, talks and visits: whoever the clause is about took part in them."""
    lex = TriggerLexicon.for_language(sv.doc.lang or "de")
    return any(t.type in ("CONSULT", "AGREE") for t in lex.noun_triggers(sv.word(i), sv.lemma(i)))


def _in_circumstance_phrase(sv: SentenceView, i: int) -> bool:
    """'bei einem Treffen', 'nach dem Gespräch', 'im Zuge des Besuchs'."""
    preps = set(sv.pack.events.circumstance_prepositions)
    j = i - 1
    while j >= 0 and (
        sv.low(j) in sv.pack.actors.determiners
        or (sv.word(j)[:1].islower() and sv.low(j) not in preps and j > i - 4)
    ):
        j -= 1
    return sv.low(j) in preps or (sv.low(j - 2) in preps and sv.low(j) in ("des", "der"))


def _light_verb(sv: SentenceView, i: int) -> int | None:
    """The verb that hands its subject to the noun: 'führte ... eine Besprechung ... durch',
    'hat Sanktionen verhängt', 'liefern sich Kämpfe'."""
    light = set(sv.pack.events.light_verbs)
    s_first, s_last = sv.ranges[sv.tokens[i].sentence]
    _, end = sv.clause_bounds(i)
    return next(
        (
            k
            for k in range(s_first, min(s_last, end + 1) + 1)
            if k != i and sv.lemma(k) in light and sv.word(k)[:1].islower()
        ),
        None,
    )


def _crosses_break(sv: SentenceView, a: int, b: int) -> bool:
    return any(sv.word(k) in PUNCT_BREAKS for k in range(a + 1, b))
