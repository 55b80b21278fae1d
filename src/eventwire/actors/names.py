"""Organisation names the knowledge base does not know, found from how such names are built.

Companies, clubs and bodies outnumber any KB: a reader still knows "Brenner Logistik GmbH",
"VfL Osnabrück" and an unknown acronym like "BAKOM" for organisations by their legal form,
their club prefix or their capitals. The words come from ``langpacks/<lang>/names.yaml``
(validated here); every test is a set lookup on one token, so the cost per sentence is linear.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from eventwire.actors.context import TextView
from eventwire.actors.found import Found

LANGPACKS = Path(__file__).resolve().parents[1] / "langpacks"
MAX_NAME_WORDS = 4
ROMAN = frozenset("IVXLCDM")


class NameLexicon(BaseModel):
    """Words that make a run of capitalised words an organisation name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    org_prefixes: frozenset[str] = Field(
        default=frozenset(), description="'VfL' in 'VfL Osnabrück', 'Verlag' in 'Verlag X'"
    )
    org_suffixes: frozenset[str] = Field(
        default=frozenset(), description="legal forms closing a company name: GmbH, AG, Ltd"
    )
    acronym_stopwords: frozenset[str] = Field(
        default=frozenset(), description="capitalised abbreviations that are not bodies: ISBN"
    )
    apposition_nouns: frozenset[str] = Field(
        default=frozenset(),
        description="common nouns set before a name ('die Firma Brenner GmbH'), not part of it",
    )


@functools.cache
def name_lexicon(lang: str) -> NameLexicon | None:
    """The language's name lexicon, read and validated once; None where there is none (the
    rules are only as safe as their stop lists, so a language without one gets none)."""
    path = LANGPACKS / lang / "names.yaml"
    if not path.is_file():
        return None
    return NameLexicon.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {})


@functools.cache
def name_lexicon_words(lang: str) -> frozenset[str]:
    """Words that end a run of name words: apposition nouns and the legal-form suffixes."""
    lex = name_lexicon(lang)
    return lex.apposition_nouns | lex.org_suffixes if lex else frozenset()


def _covered(found: list[Found]) -> set[int]:
    """Token indices inside the mentions found so far (looked up for every token)."""
    return {k for f in found for k in range(f.first, f.last + 1)}


def is_acronym(word: str) -> bool:
    """'BAKOM', 'UEFA', 'S04': 2-6 characters, upper-case letters (at least two) and digits."""
    if not 2 <= len(word) <= 6 or not word[0].isupper():
        return False
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and all(c.isalnum() for c in word)
        and not set(word) <= ROMAN
    )


def _org(view: TextView, first: int, last: int) -> Found:
    return Found(
        first=first, last=last, kind="guessed", type="organization", name=view.surface(first, last)
    )


def _capitalised_run(view: TextView, start: int, step: int, taken: set[int]) -> int:
    """The last (step 1) or first (step -1) token of the free capitalised words from ``start``."""
    end = start
    k = start
    while (
        abs(k - start) < MAX_NAME_WORDS
        and view.same_sentence(start, k)
        and view.is_capitalised(k)
        and view.word(k) not in view.pack.actors.name_stopwords
        and view.low(k) not in view.pack.actors.determiners
        and view.word(k) not in name_lexicon_words(view.lang)
        and k not in taken
    ):
        end = k
        k += step
    return end


def _agency_credit(view: TextView, i: int) -> bool:
    """'Berlin (NPA) -', '(dpa)' closing a paragraph: the outlet that filed the story, recorded
    as the document's source, not an actor in it."""
    if view.word(i - 1) != "(" or view.word(i + 1) != ")":
        return False
    after = view.word(i + 2)
    return after in ("-", "–", "—", ":", "") or not view.same_sentence(i, i + 2)


def _shouted(view: TextView, first: int, last: int) -> bool:
    """A headline or heading in capitals: its words are not acronyms."""
    words = [view.word(k) for k in range(first, last + 1) if view.is_word(k)]
    return sum(w.isupper() for w in words) * 2 > len(words)


def find_named_organisations(
    view: TextView, first: int, last: int, found: list[Found]
) -> list[Found]:
    """'VfL Osnabrück', 'Brenner Logistik GmbH', 'BAKOM': organisations by their form."""
    lex = name_lexicon(view.lang)
    if lex is None:
        return []
    new: list[Found] = []
    before = _covered(found)
    taken = set(before)
    shouted: bool | None = None

    def add(org: Found) -> None:
        new.append(org)
        taken.update(range(org.first, org.last + 1))

    i = first
    while i <= last:
        word = view.word(i)
        if i in taken:
            i += 1
            continue
        if word in lex.org_prefixes and view.is_capitalised(i + 1):
            end = _capitalised_run(view, i + 1, 1, taken)
            if end > i and i + 1 not in before:
                ordinal = view.word(i - 1)[:-1].isdigit() and view.word(i - 1).endswith(".")
                start = i - 1 if ordinal else i  # '1. FC Köln'
                add(_org(view, start, end))
                i = end + 1
                continue
        if word in lex.org_suffixes and i > first and view.is_capitalised(i - 1):
            start = _capitalised_run(view, i - 1, -1, taken)
            if start < i and i - 1 not in before:
                add(_org(view, start, i))
                i += 1
                continue
        if (
            is_acronym(word)
            and word not in lex.acronym_stopwords
            and not view.word(i - 1)[:1].isdigit()  # '35 GB', '2 KW'
            and not _agency_credit(view, i)
        ):
            if shouted is None:
                shouted = _shouted(view, first, last)
            if not shouted and view.word(i + 1) != "-":
                # 'TU Berlin', 'BNP Paribas': capitalised words right after belong to the name
                end = _capitalised_run(view, i + 1, 1, taken) if view.is_capitalised(
                    i + 1) else i
                end = max(end, i)
                add(_org(view, i, end))
                i = end
        i += 1
    return new
