"""Actors the knowledge base does not know, guessed from the words around them.

Three patterns, each general: a title introduces a name ("Minister für natürliche Ressourcen,
Alexander Koslow"; "Kremlsprecher Dmitri Peskow") or follows one in apposition ("Kim Jong-un,
der Staatsführer der DVRK"); an organisation noun heads a name ("des zwischenstaatlichen
Ausschusses für Zusammenarbeit"); a nationality adjective with a group noun makes a group
("Chefredakteuren indischer Medien", "russische Soldaten").
"""

from __future__ import annotations

import functools
from pathlib import Path

from eventwire.actors.context import TextView
from eventwire.actors.found import Found
from eventwire.actors.memo import Office
from eventwire.actors.scan import is_dictionary_word
from eventwire.langpacks.schema import GroupHead
from eventwire.places import Gazetteer

ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _found_at(found: list[Found], i: int) -> Found | None:
    return next((f for f in found if f.first <= i <= f.last), None)


def _state_of(view: TextView, f: Found | None) -> str | None:
    if f is None or not f.candidates:
        return None
    e = view.kb.entities[f.candidates[0]]
    return e.country if e.type == "state" or f.kind == "adjective" else None


def office_at(view: TextView, i: int) -> tuple[int, str, str | None] | None:
    """(first token, office key, country) when a title noun ends at token ``i``."""
    if not view.is_word(i):
        return None
    kb = view.kb
    if (
        view.low(i) in kb.office_pair_ends(view.lang)
        and view.same_sentence(i - 1, i)
        and view.is_word(i - 1)
    ):
        two = kb.office_word(f"{view.word(i - 1)} {view.word(i)}", view.lang)
        if two:
            return i - 1, two[0], two[1]
    word, lemma = view.words[i], view.lemma(i)
    known = view.memo.office.data.get(word)
    if known is None or known[0] != lemma:
        known = view.memo.office.put(word, (lemma, _office_word(view, word, lemma)))
    if known[1] is None:
        return None
    office, country = known[1]
    first = i
    if view.lang == "en":
        # English titles are capitalised word runs: "Natural Resources Minister", "Foreign
        # Ministry spokesperson"; the run stops at names the KB knows and at sentence starts
        stop = set(view.pack.actors.name_stopwords)
        while (
            first - 1 >= 0
            and view.same_sentence(first - 1, i)
            and view.is_capitalised(first - 1)
            and view.word(first - 1) not in stop
            and not view.kb.aliases(view.word(first - 1))
            and view.tokens[first - 1].sentence == view.tokens[first - 2].sentence
        ):
            first -= 1
    return first, office, country


def _office_word(view: TextView, word: str, lemma: str) -> Office | None:
    """(office, country) for a title word, read as written or as its lemma."""
    one = view.kb.office_word(word, view.lang)
    if one is None and lemma != word.casefold():
        one = view.kb.office_word(lemma, view.lang)
    return one


def _is_adjective(view: TextView, i: int) -> bool:
    w = view.word(i)
    if not (w and w[0].islower() and w.endswith(ADJECTIVE_ENDINGS) and len(w) > 3):
        return False
    lemma = view.lemma(i)
    return not (lemma != w.casefold() and lemma.endswith(("en", "ern", "eln")))  # 'hatten'


def _complement_end(view: TextView, i: int, found: list[Found]) -> tuple[int, str | None]:
    """Extend a title over 'für natürliche Ressourcen' or 'der Demokratischen Volksrepublik
    Korea (DVRK)'."""
    end, country = i, None
    nxt = view.low(i + 1)
    if nxt in view.pack.actors.title_connectors and view.same_sentence(i, i + 1):
        j = i + 2
        while _is_adjective(view, j) or view.low(j) in view.pack.actors.determiners:
            j += 1
        if view.is_capitalised(j) and view.same_sentence(i, j):
            f = _found_at(found, j)
            end = f.last if f else j
            country = _state_of(view, f)
            if view.word(end + 1) == "(" and view.word(end + 3) == ")":
                end += 3
    return end, country


ARTICLE_PARTICLES = frozenset({"der", "den", "die", "das", "la", "le", "les"})


def _particle_name(view: TextView, i: int) -> bool:
    """'al-Bussaidi', 'bin Salman', 'von der Leyen': name parts that start lower-case."""
    word = view.word(i)
    head, dash, rest = word.partition("-")
    particles = view.pack.actors.name_particles
    if dash and head in particles and rest[:1].isupper():
        return True
    if word in ARTICLE_PARTICLES and view.low(i - 1) not in ("von", "van", "zu", "de"):
        return False  # 'Surabischwili der Regierungspartei': an article, not 'von der Leyen'
    return word in particles and view.is_capitalised(i + 1) and view.same_sentence(i, i + 1)


def _name_after(view: TextView, j: int, found: list[Found]) -> tuple[int, int] | None:
    """A run of 1-4 capitalised name words starting at ``j`` (after an optional comma)."""
    if view.word(j) == ",":
        j += 1
    stop = set(view.pack.actors.name_stopwords)
    k = j
    while (
        k - j < 4
        and view.same_sentence(j, k)
        and (view.is_capitalised(k) or (k > j and _particle_name(view, k)))
        and view.word(k) not in stop
        and office_at(view, k) is None
    ):
        f = _found_at(found, k)
        if f and f.candidates and view.kb.entities[f.candidates[0]].type != "person":
            break
        k += 1
    if k == j:
        return None
    words = [view.word(x) for x in range(j, k)]
    if len(words) == 1 and is_dictionary_word(words[0], view.lang) and not _found_at(found, j):
        return None
    return j, k - 1


GIVEN_NAMES_FILE = Path(__file__).resolve().parents[1] / "kb" / "data" / "given_names.txt"


@functools.cache
def given_names() -> frozenset[str]:
    """First names of the KB's people (tools/build_given_names.py), read once."""
    lines = GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def find_named_people(view: TextView, first: int, last: int, found: list[Found]) -> list[Found]:
    """'Karin Welge sagte ...': a known given name and a capitalised surname make a person
    even without a title."""
    names = given_names()
    new: list[Found] = []
    i = first
    while i <= last:
        if view.word(i) not in names or _found_at(found + new, i):
            i += 1
            continue
        span = _name_after(view, i, found + new)
        if span is None or span[1] == i or any(_found_at(found, k) for k in range(i, span[1] + 1)):
            i += 1
            continue
        new.append(
            Found(
                first=span[0], last=span[1], kind="guessed", type="person", name=view.surface(*span)
            )
        )
        i = span[1] + 1
    return new


def find_titled_people(view: TextView, first: int, last: int, found: list[Found]) -> list[Found]:
    """Guessed people and roles of known people from titles in one sentence."""
    new: list[Found] = []
    i = first
    while i <= last:
        hit = office_at(view, i)
        if hit is None or _found_at(found, i):
            i += 1
            continue
        title_first, office, country = hit
        end, complement_country = _complement_end(view, i, found)
        country = country or complement_country
        k = title_first - 1
        while _is_adjective(view, k) and not _found_at(found, k):
            k -= 1  # 'Libanons geschäftsführender Ministerpräsident'
        before = _found_at(found, k)
        span_first = title_first
        attributive = (
            view.lang == "en"
            and before is not None
            and k == title_first - 1
            and _state_of(view, before) is not None
        )  # 'U.S. President'
        if before and (
            before.kind == "adjective" or attributive or _is_genitive_state(view, before)
        ):
            # the state stays an actor ('russischen' names Russia) but the mention sits inside
            # the person's title, so it is never taken for the person's argument slot
            country = country or _state_of(view, before)
            span_first = before.first
        det_pos = span_first - 1 if span_first < title_first else k
        gender = "f" if view.lang == "de" and view.word(i).endswith("in") else None
        role = view.surface(title_first, end)
        name = _name_after(view, end + 1, found + new)
        if name:
            person = _found_at(found, name[0])
            if person is not None and person.last < name[1]:
                person.absorbed = True  # 'Maia' alone named someone else; 'Maia Sandu' is new
                person = None
            if person is None:
                person = Found(
                    first=name[0],
                    last=name[1],
                    kind="guessed",
                    type="person",
                    name=view.surface(*name),
                )
                new.append(person)
            person.role = person.role or role
            person.office = person.office or office
            person.country = person.country or country
            person.gender = person.gender or gender
            person.title_span = (span_first, person.last)
            i = person.last + 1
            continue
        appos = _apposition_owner(view, title_first, found + new)
        if appos is not None:
            appos.role = appos.role or role
            appos.country = appos.country or country
            appos.title_span = (title_first, end)
        elif _complement_body(view, end, found) is not None and office in SPEAKING_FOR_BODY:
            body = _complement_body(view, end, found)
            assert body is not None
            new.append(
                Found(
                    first=title_first,
                    last=end,
                    kind="title",
                    candidates=body.candidates,
                    type=body.type,
                    name=body.name,
                )
            )
        elif view.low(det_pos) in view.pack.actors.determiners:
            definite = view.low(det_pos) in view.pack.actors.definite_determiners
            holders = view.kb.holders(office, country, view.day) if country else []
            if holders:
                new.append(
                    Found(
                        first=span_first,
                        last=end,
                        kind="title",
                        candidates=(holders[0].id,),
                        role=role,
                        office=office,
                    )
                )
            elif not country and (definite or _bare_spokesperson(view, office, end)):
                # 'der Minister' points back at a person, 'ein Sprecher' at the body that
                # spoke last (both resolved in coref)
                new.append(
                    Found(
                        first=title_first,
                        last=end,
                        kind="title",
                        type="person",
                        role=role,
                        office=office,
                        gender=gender,
                        needs_antecedent=True,
                    )
                )
        i = end + 1
    return new


def _bare_spokesperson(view: TextView, office: str | None, end: int) -> bool:
    """'ein Sprecher sagte', 'a spokesperson told': a spokesperson without the body they
    speak for in the phrase ('ein Sprecher des Ministeriums' names it)."""
    if office not in SPEAKING_FOR_BODY:
        return False
    actors = view.pack.actors
    following = view.low(end + 1)
    complements = {*actors.determiners, *actors.org_head_complements, *actors.locative_prepositions}
    return following not in complements and following not in ("von", "vom", "of", "at")


SPEAKING_FOR_BODY = frozenset(
    {
        "spokesperson",
        "spokesperson_government",
        "spokesperson_foreign_ministry",
        "spokesperson_defence_ministry",
        "spokesperson_military",
        "spokesperson_head_of_state",
    }
)


def _complement_body(view: TextView, end: int, found: list[Found]) -> Found | None:
    """The organisation or state a nameless spokesperson speaks for ('des Weißen Hauses')."""
    f = _found_at(found, end)
    if f is None or not f.candidates:
        return None
    entity = view.kb.entities[f.candidates[0]]
    return f if entity.type in ("organization", "state") and f.kind != "adjective" else None


def _is_genitive_state(view: TextView, f: Found) -> bool:
    """'Kenias Polizeichef': a state name in the genitive right before a title."""
    word = view.word(f.first)
    genitive = word.endswith("s") if view.lang == "de" else word.endswith(("'s", "’s"))
    return f.first == f.last and genitive and _state_of(view, f) is not None


def _apposition_owner(view: TextView, title_first: int, found: list[Found]) -> Found | None:
    """'Kim Jong-un, der Staatsführer ...': the person before ', der'."""
    j = title_first - 1
    while _is_adjective(view, j):
        j -= 1
    if view.low(j) not in view.pack.actors.determiners or view.word(j - 1) != ",":
        return None
    owner = _found_at(found, j - 2)
    if owner and (
        owner.type == "person"
        or (owner.candidates and view.kb.entities[owner.candidates[0]].type == "person")
    ):
        return owner
    return None


def _head_matches(view: TextView, i: int, heads: frozenset[str]) -> bool:
    word, lemma = view.low(i), view.lemma(i)
    if word in heads or lemma in heads:
        return True
    if view.lang == "de" and word.endswith("s"):  # genitive: 'des Flughafenverbands'
        word = word[:-2] if word.endswith("es") and word[:-2] in heads else word[:-1]
        if word in heads:
            return True
    return _compound_of(word, heads)


@functools.lru_cache(maxsize=50_000)
def _compound_of(word: str, heads: frozenset[str]) -> bool:
    """'Flughafenverband' ends in 'verband': cached, as every capitalised word is asked.

    A head of five letters or more that leaves at least three letters before it: tested as
    the word's endings of the heads' lengths, a few set lookups instead of a pass over all."""
    return any(word[-n:] in heads for n in _head_lengths(heads) if len(word) - n >= 3)


@functools.lru_cache(maxsize=64)
def _head_lengths(heads: frozenset[str]) -> tuple[int, ...]:
    return tuple(sorted({len(h) for h in heads if len(h) >= 5}))


def find_organisations(view: TextView, first: int, last: int, found: list[Found]) -> list[Found]:
    """'des zwischenstaatlichen Ausschusses für Zusammenarbeit' -> a guessed organisation."""
    heads = view.pack_words.org_heads
    new: list[Found] = []
    for i in range(first, last + 1):
        if not view.is_capitalised(i):
            body = _lowercase_body(view, i, heads, found)
            if body is not None:
                new.append(body)
            continue
        if _found_at(found, i) or not _head_matches(view, i, heads):
            continue
        j = i - 1
        while _is_adjective(view, j) and not _found_at(found, j):
            j -= 1
        start = j + 1
        end = i
        if view.low(i + 1) in view.pack.actors.org_head_complements:
            k = i + 2
            while _is_adjective(view, k):
                k += 1
            if view.is_capitalised(k) and not _found_at(found, k):
                end = k
        following = _found_at(found, i + 1)
        if following and following.candidates:
            following.title_span = (start, following.last)
            continue
        named = _name_after(view, i + 1, found + new) if view.word(i + 1) != "," else None
        if named and view.kb.office_word(view.word(i), view.lang) is None:
            new.append(
                Found(
                    first=named[0],
                    last=named[1],
                    kind="guessed",
                    type="organization",
                    name=view.surface(*named),
                    title_span=(start, named[1]),
                )
            )
            continue
        has_proper_modifier = any(view.is_capitalised(k) for k in range(start, i))
        if end == i and not has_proper_modifier:
            continue
        if view.low(start - 1) not in view.pack.actors.determiners:
            continue
        org = Found(
            first=start,
            last=end,
            kind="guessed",
            type="organization",
            name=view.surface(start, end),
        )
        new.append(org)
        acronym = view.word(end + 2)
        if view.word(end + 1) == "(" and view.word(end + 3) == ")" and _is_acronym(acronym):
            # 'Vereinigung der kommunalen Arbeitgeberverbände (VKA)': VKA names it later
            new.append(
                Found(
                    first=end + 2, last=end + 2, kind="acronym", type="organization", name=org.name
                )
            )
    return new


def _lowercase_body(
    view: TextView, i: int, heads: frozenset[str], found: list[Found]
) -> Found | None:
    """'the intergovernmental commission on trade, economic and technological cooperation': a
    body adjective, a head noun and its remit; without the remit it is a common noun."""
    adjectives = view.pack.actors.body_adjectives
    if not adjectives or view.low(i - 1) not in adjectives or _found_at(found, i):
        return None
    if view.low(i) not in heads or view.low(i - 2) not in view.pack.actors.determiners:
        return None
    if view.low(i + 1) not in view.pack.actors.org_head_complements:
        return None
    end, k = None, i + 2
    while view.same_sentence(i, k) and k - i <= 14:
        word, pos = view.word(k), view.tokens[k].pos if k < len(view.tokens) else ""
        if pos == "NOUN" and word.islower():
            end = k
        elif not (pos == "ADJ" or word in (",", "and")):
            break
        k += 1
    if end is None:
        return None
    return Found(
        first=i - 1, last=end, kind="guessed", type="organization", name=view.surface(i - 1, end)
    )


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


def find_groups(view: TextView, first: int, last: int, found: list[Found]) -> list[Found]:
    """Nationality + group noun: a group actor, or the state itself for government nouns."""
    heads = view.pack_words.group_heads
    people = view.pack_words.group_people
    new: list[Found] = []
    modifiers = [
        f
        for f in found
        if first <= f.first <= last and (f.kind == "adjective" or _is_genitive_state(view, f))
    ]
    for adj in modifiers:
        if adj.absorbed:
            continue
        h = adj.last + 1
        head = (
            heads.get(view.word(h).casefold())
            or heads.get(view.lemma(h))
            or _compound_head(view.word(h), heads)
        )
        if head is None:
            continue
        adj.absorbed = True
        country = _state_of(view, adj)
        start = _people_before(view, adj.first, people)
        if head.stands_for_state and start == adj.first:
            new.append(
                Found(
                    first=start,
                    last=h,
                    kind="nominal",
                    candidates=adj.candidates,
                    sector=head.sector,
                )
            )
            continue
        state = view.kb.state(country) if country else None
        adjective_en = _english_adjective(view, country) or (state.name if state else "")
        new.append(
            Found(
                first=start,
                last=_compound_tail(view, h) if start < adj.first else h,
                kind="guessed",
                type=head.type,
                country=country,
                sector=head.sector,
                name=f"{adjective_en} {head.name_en}".strip(),
            )
        )
    return new


def _people_before(view: TextView, adjective: int, people: frozenset[str]) -> int:
    """'Chefredakteure indischer Medien', 'editors-in-chief of Indian media': the people noun
    before the group starts the actor."""
    if _head_matches(view, adjective - 1, people):
        return adjective - 1
    if view.low(adjective - 1) == "of" and _head_matches(view, adjective - 2, people):
        return adjective - 2
    return adjective


def _compound_tail(view: TextView, head: int) -> int:
    """'Indian media outlets': an English noun right after the head belongs to it."""
    nxt = head + 1
    if (
        view.lang == "en"
        and view.same_sentence(head, nxt)
        and view.tokens[nxt].pos == "NOUN"
        and view.word(nxt).islower()
    ):
        return nxt
    return head


def find_state_nouns(
    view: TextView, first: int, last: int, found: list[Found], earlier: list[Found]
) -> list[Found]:
    """'die Regierung', 'die Behörden' without a country: the state the story is about so far
    (the last state named before), else nothing."""
    heads = view.pack_words.state_heads
    new: list[Found] = []
    for i in view.capitalised_between(first, last):
        if _found_at(found, i):
            continue
        head = heads.get(view.word(i).casefold()) or heads.get(view.lemma(i))
        if head is None or view.low(i - 1) not in view.pack.actors.determiners:
            continue
        if view.low(i + 1) in ("des", "der") or _found_at(found, i + 1):
            continue  # 'die Regierung des Landes', 'die Regierung Russlands': not the bare noun
        country = _country_of_place_after(view, i)
        last_word = i
        if country is not None:
            last_word = i + 2  # 'die Behörde in Karlsruhe', 'die Regierung in Chișinău'
        else:
            states = [f for f in earlier + found if f.first < i and _state_of(view, f)]
            if not states:
                continue
            country = _state_of(view, max(states, key=lambda f: f.first))
        if head.stands_for_state:
            new.append(
                Found(
                    first=i,
                    last=last_word,
                    kind="nominal",
                    candidates=(f"state:{country}",),
                    sector=head.sector,
                )
            )
        else:  # 'das Innenministerium': the ministry of the state the story is about
            adjective = _english_adjective(view, country) or country
            new.append(
                Found(
                    first=i,
                    last=last_word,
                    kind="guessed",
                    type=head.type,
                    country=country,
                    sector=head.sector,
                    name=f"{adjective} {head.name_en}",
                )
            )
    return new


def _country_of_place_after(view: TextView, i: int) -> str | None:
    """The country of 'in <city>' right after a noun."""
    if view.low(i + 1) not in ("in", "aus") or not view.is_capitalised(i + 2):
        return None
    for alias in view.kb.aliases(view.word(i + 2)):
        country = view.kb.entities[alias.entity_id].country
        if country and alias.kind in ("capital", "name"):
            return country
    cities = Gazetteer.default().lookup(view.word(i + 2))
    return cities[0].country if cities else None


def find_outlet_references(
    view: TextView, first: int, last: int, found: list[Found], earlier: list[Found]
) -> list[Found]:
    """'Die Agentur zitierte Kim', 'The agency quoted Kim': the outlet named last before."""
    nouns = view.pack_words.outlet_nouns
    new: list[Found] = []
    for i in range(first, last + 1):
        if view.low(i) not in nouns or _found_at(found, i):
            continue
        if view.low(i - 1) not in view.pack.actors.definite_determiners:
            continue
        if _found_at(found, i + 1):
            continue  # 'die Agentur KCNA': the name follows
        outlets = [
            f
            for f in earlier + found
            if f.first < i
            and f.candidates
            and view.kb.entities[f.candidates[0]].org_kind == "media"
        ]
        if outlets:
            src = max(outlets, key=lambda f: f.first)
            new.append(Found(first=i, last=i, kind="nominal", candidates=src.candidates))
    return new


def find_generic_groups(view: TextView, first: int, last: int, found: list[Found]) -> list[Found]:
    """'die westlichen Partner', 'Tausende Vertriebene', 'die Opposition': unnamed groups."""
    words = view.pack_words
    heads, counted = words.generic_groups, words.quantified_groups
    quantifiers = words.group_quantifiers
    new: list[Found] = []
    for i in view.capitalised_between(first, last):
        if _found_at(found, i):
            continue
        word, lemma = view.word(i).casefold(), view.lemma(i)
        needs_quantifier = word in counted or lemma in counted
        if not needs_quantifier and word not in heads and lemma not in heads:
            continue
        start = i
        while _is_adjective(view, start - 1) and not _found_at(found, start - 1):
            start -= 1
        quantified = view.low(start - 1) in quantifiers and view.same_sentence(start - 1, i)
        if quantified:
            start -= 1
        elif needs_quantifier:
            continue
        if start == i and view.low(i - 1) not in view.pack.actors.determiners:
            continue
        new.append(
            Found(
                first=start,
                last=i,
                kind="guessed",
                type="group",
                generic=True,
                name=view.surface(start, i),
            )
        )
    return new


def _compound_head(word: str, heads: dict[str, GroupHead]) -> GroupHead | None:
    """'Volksbefreiungsarmee' ends in 'armee'; 'Sicherheitskräfte' in 'kräfte'."""
    low = word.casefold()
    if not word[:1].isupper():
        return None
    for key, head in heads.items():
        if len(key) >= 5 and low.endswith(key) and len(low) - len(key) >= 3:
            return head
    return None


def _english_adjective(view: TextView, country: str | None) -> str | None:
    return view.kb.adjectives_en.get(country) if country else None
