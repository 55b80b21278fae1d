"""Within-document coreference: keys for mentions, surnames, pronouns, 'beide Länder'."""

from __future__ import annotations

import functools

from eventwire.actors.context import TextView
from eventwire.actors.found import Found
from eventwire.actors.guess import SPEAKING_FOR_BODY
from eventwire.langpacks import load_pack
from eventwire.langpacks.schema import Collective
from eventwire.pipeline.analyse import lemmatize
from eventwire.textnorm import fold, sound_key


def assign_keys(view: TextView, found: list[Found]) -> None:
    """Give each mention the key of the actor it belongs to.

    An ambiguous KB short name ("Kim") goes to the candidate already named in full elsewhere in
    the document; guessed actors are keyed by their name so repeated mentions meet.
    """
    full_names = {f.candidates[0] for f in found if f.candidates and f.kind in ("name", "title")}
    people = [
        f
        for f in found
        if f.kind in ("name", "guessed", "title")
        and f.last > f.first
        and (
            f.type == "person"
            or (f.candidates and view.kb.entities[f.candidates[0]].type == "person")
        )
    ]
    _generic_to_named(view, found)
    for f in found:
        if f.kind == "short" and f.first == f.last:
            word = view.word(f.first).removesuffix("s") if view.lang == "de" else view.word(f.first)
            owner = next(
                (
                    p
                    for p in people
                    if sound_key(view.word(p.last))
                    in (sound_key(view.word(f.first)), sound_key(word))
                ),
                None,
            )
            if owner is not None and owner.candidates[:1] != f.candidates[:1]:
                f.candidates = owner.candidates
                f.type, f.name, f.gender = owner.type, owner.name, owner.gender
                if not owner.candidates:
                    f.key = "guess:person:" + sound_key(owner.name or "")
                    continue
        if f.candidates:
            preferred = [c for c in f.candidates if c in full_names]
            f.key = preferred[0] if preferred else f.candidates[0]
        elif f.type == "person" and f.name:
            f.key = "guess:person:" + sound_key(f.name)
        elif f.name:
            f.key = f"guess:{f.type}:{fold(f.name)}"


def _generic_to_named(view: TextView, found: list[Found]) -> None:
    """'die Gewerkschaft' after 'die Gewerkschaft Verdi': the named body again."""
    named = [f for f in found if not f.generic and f.title_span and f.type != "person"]
    for f in found:
        if not f.generic or view.low(f.first - 1) not in view.pack.actors.definite_determiners:
            continue
        head = view.lemma(f.last)
        for p in reversed([p for p in named if p.last < f.first]):
            a, b = p.title_span or (p.first, p.last)
            if any(view.lemma(k) == head for k in range(a, b + 1)):
                f.generic, f.candidates, f.name, f.type = False, p.candidates, p.name, p.type
                f.key = p.key or (f"guess:{p.type}:{fold(p.name)}" if p.name else None)
                break


def _covered(found: list[Found], i: int) -> bool:
    return any(f.first <= i <= f.last for f in found)


def add_surnames(view: TextView, found: list[Found], content: list[tuple[int, int]]) -> list[Found]:
    """Later mentions of a guessed person's surname ("Koslow" after "Alexander Koslow")."""
    surnames: dict[str, Found] = {}
    for f in found:
        if f.type == "person" and f.key and f.key.startswith("guess:") and f.last > f.first:
            surnames[view.word(f.last)] = f
        elif f.type == "organization" and f.key and f.first == f.last and f.name:
            surnames[f.name] = f  # 'der Gewerkschaft Verdi' ... 'Verdi'
            if f.kind == "acronym":
                surnames[view.word(f.first)] = f  # '(VKA)' ... 'Die VKA kritisierte'
    new: list[Found] = []
    if not surnames:
        return new
    for first, last in content:
        for i in range(first, last + 1):
            w = view.word(i)
            person = surnames.get(w) or (surnames.get(w[:-1]) if w.endswith("s") else None)
            if person and not _covered(found + new, i):
                new.append(
                    Found(
                        first=i,
                        last=i,
                        kind="short",
                        type=person.type,
                        name=person.name,
                        key=person.key,
                        gender=person.gender,
                    )
                )
    return new


def _gender(view: TextView, f: Found) -> str | None:
    if f.gender:
        return f.gender
    if f.candidates:
        return view.kb.entities[f.candidates[0]].gender
    return None


def _is_person(view: TextView, f: Found) -> bool:
    if f.type == "person":
        return True
    return bool(f.candidates) and view.kb.entities[f.key or f.candidates[0]].type == "person"


def _by_salience(view: TextView, before: list[Found]) -> list[Found]:
    """Antecedent candidates, most salient first: sentence by sentence backwards, and within
    a sentence the first-named person (the subject in 'Selenskyj dankte Macron') first."""
    by_sentence: dict[int, list[Found]] = {}
    for f in before:
        by_sentence.setdefault(view.tokens[f.first].sentence, []).append(f)
    ordered: list[Found] = []
    for sentence in sorted(by_sentence, reverse=True):
        ordered += sorted(by_sentence[sentence], key=lambda f: f.first)
    return ordered


def add_pronouns(view: TextView, found: list[Found], content: list[tuple[int, int]]) -> list[Found]:
    """Subject pronouns ('Er betonte ...') resolved to the nearest person before them."""
    pronouns = {p.form: p for p in view.pack.actors.pronouns}
    complementisers = set(view.pack.attribution.complementisers)
    reporting = {v.lemma.casefold() for v in view.pack.attribution.reporting_verbs}
    new: list[Found] = []
    people = sorted((f for f in found if _is_person(view, f)), key=lambda f: f.first)
    for first, last in content:
        for i in range(first, last + 1):
            p = pronouns.get(view.low(i))
            if p is None or p.number != "sg":
                continue
            subject_slot = (
                i == first
                or view.word(i - 1) in ('"', "„", "“", "»", ",")
                or view.low(i - 1) in complementisers
                or view.lemma(i - 1) in reporting
            )
            if not subject_slot:
                continue
            nearest = None
            for candidate in _by_salience(view, [f for f in people if f.last < i]):
                if view.tokens[i].sentence - view.tokens[candidate.last].sentence > 3:
                    break
                gender = _gender(view, candidate)
                if p.gender == "f" and gender != "f":
                    continue  # 'sie' is too often plural to guess without a known woman
                if p.gender in ("any", gender) or (gender is None and p.gender == "m"):
                    nearest = candidate
                    break
            if nearest is None:
                continue
            new.append(
                Found(
                    first=i,
                    last=i,
                    kind="pronoun",
                    key=nearest.key,
                    candidates=nearest.candidates,
                    type=nearest.type,
                    name=nearest.name,
                )
            )
    return new


def _lemma(word: str, lang: str) -> str:
    return lemmatize(word, lang).casefold()


@functools.cache
def _collective_phrases(lang: str) -> tuple[tuple[tuple[frozenset[str], ...], Collective], ...]:
    """Each phrase as a sequence of accepted forms per word (surface and lemma), longest first."""
    phrases = []
    for c in load_pack(lang).actors.collectives:
        words = tuple(
            frozenset(
                {w, lemmatize(w, lang).casefold(), lemmatize(w.capitalize(), lang).casefold()}
            )
            for w in c.phrase.split()
        )
        phrases.append((words, c))
    phrases.sort(key=lambda pc: -len(pc[0]))
    return tuple(phrases)


def _word_matches(view: TextView, i: int, forms: frozenset[str]) -> bool:
    """A phrase word matches its inflected forms: beide/beiden/beider, Länder/Ländern."""
    w = view.low(i)
    if w in forms or view.lemma(i) in forms:
        return True
    # a form that ``w`` starts with and exceeds by at most two letters is ``w`` cut by 1 or 2
    n = len(w)
    return (n >= 1 and w[: n - 1] in forms) or (n >= 2 and w[: n - 2] in forms)


def _phrase_at(
    view: TextView,
    i: int,
    last: int,
    phrases: tuple[tuple[tuple[frozenset[str], ...], Collective], ...],
) -> tuple[int, Collective] | None:
    """The first (longest) phrase that starts at token ``i`` and ends by ``last``. Phrases
    share words ('die beiden Länder', 'die beiden Staaten'), so each word is tested once."""
    tested: dict[tuple[int, frozenset[str]], bool] = {}
    for words, coll in phrases:
        n = len(words)
        if i + n - 1 > last:
            continue
        for k, forms in enumerate(words):
            key = (k, forms)
            if key not in tested:
                tested[key] = _word_matches(view, i + k, forms)
            if not tested[key]:
                break
        else:
            return n, coll
    return None


def add_collectives(
    view: TextView, found: list[Found], content: list[tuple[int, int]]
) -> list[Found]:
    """'beide Länder', 'die beiden Staaten': the last two distinct states named before."""
    phrases = _collective_phrases(view.lang)
    starts = frozenset(f for words, _ in phrases for f in words[0])
    # a word can start a phrase if it is a start form plus at most two letters ('beiden')
    heads = frozenset(f[:4] for f in starts)
    new: list[Found] = []
    for first, last in content:
        i = first
        while i <= last:
            low = view.low(i)
            if low[:4] not in heads and view.lemma(i) not in starts:
                i += 1
                continue
            match = _phrase_at(view, i, last, phrases)
            if match is None:
                i += 1
                continue
            n, coll = match
            refs: list[str] = []
            for f in sorted(found, key=lambda f: -f.first):
                if f.first >= i or not f.key or f.key in refs or f.locative:
                    continue
                entity = view.kb.entities.get(f.key)
                kind = entity.type if entity else f.type
                if kind == "person" and _office(view, f) in SPEAKING_FOR_BODY:
                    continue  # 'the two leaders' are not the spokesman who reported their talks
                party = coll.actor_type == "party" and kind in ("state", "organization", "group")
                side = coll.actor_type == "side" and kind in ("state", "person")
                if coll.actor_type in ("any", kind) or party or side:
                    refs.append(f.key)
                if len(refs) == coll.count:
                    break
            if len(refs) == coll.count:
                new.append(
                    Found(
                        first=i,
                        last=i + n - 1,
                        kind="collective",
                        refs=[],
                        key="+".join(sorted(refs)),
                    )
                )
            i += n
    return new


def _office(view: TextView, f: Found) -> str | None:
    """The office a person is named with, or holds on the story's day."""
    if f.office is not None:
        return f.office
    if not f.candidates:
        return None
    role = view.kb.entities[f.candidates[0]].role_on(view.day)
    return role.office if role else None


def resolve_role_references(view: TextView, found: list[Found]) -> None:
    """'Der Minister sagte ...': the nearest person before it who holds that office.

    Failing that, the nearest person with any title in the last three sentences; a reference
    that finds nobody is dropped rather than guessed.
    """
    people = sorted(
        (f for f in found if _is_person(view, f) and f.key and not f.needs_antecedent),
        key=lambda f: f.first,
    )
    definite = set(view.pack.actors.definite_determiners)
    for ref in (f for f in found if f.needs_antecedent):
        if ref.office in SPEAKING_FOR_BODY and view.low(ref.first - 1) not in definite:
            _resolve_to_body(view, ref, found)  # 'ein Sprecher' is someone new
            continue
        before = [p for p in people if p.last < ref.first]
        match = None
        other_office: set[int] = set()
        for p in reversed(before):
            if ref.gender and _gender(view, p) not in (None, ref.gender):
                continue  # 'die Präsidentin' is not the man named before her
            office = _office(view, p)
            if office == ref.office:
                match = p
                break
            if office is not None and ref.office is not None:
                other_office.add(id(p))  # a party leader is not 'the interior minister'
        if match is None and ref.office in SPEAKING_FOR_BODY:
            _resolve_to_body(view, ref, found)
            continue
        if match is None:
            recent = [
                p
                for p in before
                if p.role
                and id(p) not in other_office
                and view.tokens[ref.first].sentence - view.tokens[p.last].sentence <= 3
            ]
            match = recent[-1] if recent else None
        if match is None:
            ref.absorbed = True
            continue
        ref.key, ref.candidates, ref.name = match.key, match.candidates, match.name
        ref.type = match.type


def _resolve_to_body(view: TextView, ref: Found, found: list[Found]) -> None:
    """'Ein Sprecher nannte die Vorwürfe haltlos': an unnamed spokesperson speaks for the body
    that spoke last in the three sentences before (named first in its sentence, with a
    reporting verb after it). Without one the reference is dropped rather than guessed."""
    sentence = view.tokens[ref.first].sentence
    verbs = {v.lemma.casefold() for v in view.pack.attribution.reporting_verbs}
    first_in_sentence: dict[int, Found] = {}
    for f in sorted(found, key=lambda f: f.first):
        if not f.needs_antecedent and not f.absorbed:
            first_in_sentence.setdefault(view.tokens[f.first].sentence, f)
    speakers = [
        f
        for s, f in first_in_sentence.items()
        if 0 < sentence - s <= 3 and _is_body(view, f) and _speaks_after(view, f, verbs)
    ]
    if not speakers:
        ref.absorbed = True
        return
    body = max(speakers, key=lambda f: f.first)
    ref.key, ref.candidates, ref.name, ref.type = body.key, body.candidates, body.name, body.type
    ref.office, ref.needs_antecedent = None, False


def _is_body(view: TextView, f: Found) -> bool:
    """An organisation that is not a news outlet (outlets report, they have no spokespeople
    in the news they write)."""
    if f.candidates:
        entity = view.kb.entities[f.candidates[0]]
        return entity.type == "organization" and entity.org_kind != "media"
    return f.type == "organization"


def _speaks_after(view: TextView, f: Found, verbs: set[str]) -> bool:
    k = f.last + 1
    while view.same_sentence(f.last, k):
        if view.lemma(k) in verbs:
            return True
        k += 1
    return False
