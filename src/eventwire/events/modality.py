"""Is an event asserted as having happened, or planned, hypothetical, negated, claimed?"""

from __future__ import annotations

from eventwire.clauses import PUNCT_BREAKS, SentenceView
from eventwire.model import Factuality, Quote


def _is_infinitive(sv: SentenceView, i: int) -> bool:
    word, lemma = sv.low(i), sv.lemma(i)
    return word == lemma and word.endswith("n")


def has_infinitive_marker(sv: SentenceView, i: int) -> bool:
    """'zu unterstützen', 'zusammenzuarbeiten', 'to support'."""
    return _has_zu(sv, i, sv.pack.modality.infinitive_marker)


def _has_zu(sv: SentenceView, i: int, marker: str | None) -> bool:
    if not marker:
        return False
    if sv.low(i - 1) == marker:
        return True
    word, lemma = sv.low(i), sv.lemma(i)
    return marker in word and word != lemma and word.replace(marker, "", 1) == lemma


def factuality(sv: SentenceView, i: int, is_noun: bool, quotes: list[Quote]) -> Factuality:
    mod = sv.pack.modality
    start, end = sv.clause_bounds(i)
    clause = [sv.low(k) for k in range(start, end + 1)]
    char = sv.tokens[i].start
    if _generic(sv, i, start, is_noun):
        return "hypothetical"  # 'opposed any unilateral sanctions': no sanction in particular
    for q in quotes:
        if q.attribution == "speech" and q.start <= char < q.end:
            return "claimed"
    use_parse = not is_noun and sv.parsed(i)
    if use_parse and sv.tokens[i].pos == "NOUN" and _object_of_infinitive(sv, i, start, end):
        return "hypothetical"  # 'urged China to halt missile launches': a verb's noun form
    parsed = _parsed_mood(sv, i) if use_parse else None
    window = [sv.low(k) for k in range(max(start, i - 4), min(end, i + 1) + 1)]
    if parsed == "negated" or (not use_parse and any(w in mod.negations for w in window)):
        return "negated"
    before = " ".join(clause[: i - start])
    if any(f" {m} " in f" {before} " for m in mod.hypothetical_markers):
        return "hypothetical"
    if _under_obligation(sv, i, start):
        return "hypothetical"
    if is_noun:
        previous = sv.low(i - 1)
        if any(previous.startswith(p) for p in mod.planned_modifiers):
            return "planned"
        if sv.doc.lang == "de" and any(w in mod.modal_verbs for w in clause[: i - start]):
            return "planned"  # 'Er will nach Beratungen mit dem Staatsrat entscheiden'
        return "asserted"
    if _has_zu(sv, i, mod.infinitive_marker) and _decided(sv, i, start):
        return "asserted"  # 'the government's decision to suspend talks': the act is done
    if parsed == "hypothetical" or _has_zu(sv, i, mod.infinitive_marker):
        return "hypothetical"
    if use_parse:
        return parsed or "asserted"
    if any(w in mod.modal_verbs for w in clause):
        return "planned"
    if _is_infinitive(sv, i) and any(w in mod.future_auxiliaries for w in clause):
        return "planned"
    return "asserted"


def _generic(sv: SentenceView, i: int, start: int, is_noun: bool) -> bool:
    """An event noun after 'any', 'jegliche' in its own noun phrase (adjectives between)."""
    words = sv.pack.modality.generic_determiners
    if not words or not (is_noun or (sv.parsed(i) and sv.tokens[i].pos == "NOUN")):
        return False
    for k in range(i - 1, max(start, i - 4) - 1, -1):
        if sv.low(k) in words:
            return True
        if not sv.word(k)[:1].isalpha() or sv.low(k) in sv.pack.actors.determiners:
            return False
    return False


def _object_of_infinitive(sv: SentenceView, i: int, start: int, end: int) -> bool:
    """A noun in the clause of an infinitive that is not a decision carried out ('urged
    China to halt missile launches', 'aufgefordert, die Raketenstarts einzustellen'): the
    event it names is what is asked for or planned, not a fact."""
    marker = sv.pack.modality.infinitive_marker
    if not marker:
        return False
    for k in range(start, end + 1):
        if k != i and _has_zu(sv, k, marker) and sv.word(k)[:1].islower():
            lo, hi = (k, i) if k < i else (i, k)
            if hi - lo <= 6 and not _decided(sv, k, start):
                return True
    return False


def _decided(sv: SentenceView, i: int, start: int) -> bool:
    return decision_noun(sv, i, start) is not None


def decision_noun(sv: SentenceView, i: int, start: int) -> int | None:
    """The decision noun an infinitive belongs to: right before its marker ('decision to
    suspend') or before the comma that opens its clause ('Entscheidung, ... auszusetzen')."""
    nouns = set(sv.pack.modality.decision_nouns)
    if not nouns or not has_infinitive_marker(sv, i):
        return None
    marker = i - 1 if sv.low(i - 1) == sv.pack.modality.infinitive_marker else i
    candidates = [marker - 1]
    if sv.word(start - 1) == ",":
        # 'die Entscheidung der serbischen Regierung, ... auszuweisen': a genitive may follow
        for k in range(start - 2, max(-1, start - 7), -1):
            if sv.word(k) in PUNCT_BREAKS or sv.word(k) == ",":
                break
            candidates.append(k)
    return next(
        (k for k in candidates if k >= 0 and (sv.lemma(k) in nouns or sv.low(k) in nouns)), None
    )


def _under_obligation(sv: SentenceView, i: int, start: int) -> bool:
    """'Es sieht vor, dass Frankreich Hilfe leistet': what a treaty or plan provides for."""
    verbs = set(sv.pack.modality.obligation_verbs)
    if not verbs or start <= sv.ranges[sv.tokens[i].sentence][0]:
        return False
    s_first = sv.ranges[sv.tokens[i].sentence][0]
    lemmas = {sv.lemma(k) for k in range(s_first, start)}
    particles = {sv.low(k) for k in range(s_first, start) if sv.word(k)[:1].islower()}
    # separable verbs: 'Es sieht vor, dass ...' is 'vorsehen'
    return bool(verbs & (lemmas | {p + lemma for p in particles for lemma in lemmas}))


def is_passive(sv: SentenceView, i: int) -> bool:
    """'wurde ... unterzeichnet', 'wurde von beiden Ländern ratifiziert'."""
    mod = sv.pack.modality
    if sv.parsed(i):
        p = sv.parse
        assert p is not None
        v = p.predicate(i)
        return bool(p.children(v, "auxpass", "nsubjpass")) or (
            p.dep(v) == "acl" and bool(p.children(v, "agent"))
        )
    start, end = sv.clause_bounds(i)
    if _is_infinitive(sv, i):
        return False
    return any(sv.low(k) in mod.passive_auxiliaries for k in range(start, end + 1) if k != i)


def _parsed_mood(sv: SentenceView, i: int) -> Factuality | None:
    """Negation, modal and future auxiliaries on a parsed verb or on the verbs it is the
    infinitive of ('did not agree to hold talks', 'plans to visit'); None when asserted."""
    p = sv.parse
    assert p is not None
    mod = sv.pack.modality
    chain = [p.predicate(i)]
    while p.dep(chain[-1]) == "xcomp" and p.head(chain[-1]) not in chain:
        chain.append(p.head(chain[-1]))
    helpers = [k for v in chain for k in p.children(v, "aux", "auxpass", "neg")]
    words = {sv.low(k) for k in helpers}
    if any(p.dep(k) == "neg" for k in helpers) or words & set(mod.negations):
        return "negated"
    if words & set(mod.hypothetical_markers):
        return "hypothetical"
    governors = {sv.low(v) for v in chain[1:]}
    if (words | governors) & (set(mod.future_auxiliaries) | set(mod.modal_verbs)):
        return "planned"
    return None
