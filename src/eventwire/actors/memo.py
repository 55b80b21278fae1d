"""Answers about single words that the actor finders would otherwise recompute per token.

The finders ask the same questions of every token of every article ("is 'Regierung' a KB
name?", "does 'Außenminister' name an office?"), and the answers depend only on the word,
the knowledge base and the language pack. A recogniser keeps one :class:`ActorMemo` per
language, so the answers are computed once per process instead of once per token; like the
KB's own office-word cache, this assumes the KB and the pack are not changed once loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from eventwire.kb.entities import Alias
from eventwire.langpacks.schema import GroupHead, LanguagePackFiles

K = TypeVar("K")
V = TypeVar("V")

# Entries per table: a few times the distinct words of 10,000 articles. A full table is
# emptied rather than trimmed; the answers are recomputed as needed, so only time is lost.
LIMIT = 200_000


@dataclass
class WordTable(Generic[K, V]):
    """A dict that empties itself when full, so a long-running worker's memory stays bounded."""

    limit: int = LIMIT
    data: dict[K, V] = field(default_factory=dict)

    def put(self, key: K, value: V) -> V:
        if len(self.data) >= self.limit:
            self.data.clear()
        self.data[key] = value
        return value


Office = tuple[str, str | None]  # office key, country


@dataclass(frozen=True)
class PackWords:
    """The pack's actor word lists as the sets and maps the finders test tokens against,
    built once instead of once per sentence."""

    stopwords: frozenset[str]
    org_heads: frozenset[str]
    group_heads: dict[str, GroupHead]  # by folded lemma
    state_heads: dict[str, GroupHead]  # the group heads that stand for a state
    group_people: frozenset[str]
    outlet_nouns: frozenset[str]
    generic_groups: frozenset[str]
    quantified_groups: frozenset[str]
    group_quantifiers: frozenset[str]

    @classmethod
    def of(cls, pack: LanguagePackFiles) -> PackWords:
        actors = pack.actors

        def folded(words: list[str]) -> frozenset[str]:
            return frozenset(w.casefold() for w in words)

        heads = {h.lemma.casefold(): h for h in actors.group_heads}
        return cls(
            stopwords=frozenset(actors.name_stopwords),
            org_heads=folded(actors.org_heads),
            group_heads=heads,
            state_heads={h.lemma.casefold(): h for h in actors.group_heads if h.stands_for_state},
            group_people=folded(actors.group_people),
            outlet_nouns=folded(actors.outlet_nouns),
            generic_groups=folded(actors.generic_groups),
            quantified_groups=folded(actors.quantified_groups),
            group_quantifiers=folded(actors.group_quantifiers),
        )


@dataclass
class ActorMemo:
    """Word-level answers for one knowledge base and one language pack."""

    # by the text of one token (string keys: their hash is cached) and of a run of tokens
    exact_word: WordTable[str, tuple[Alias, ...]] = field(default_factory=WordTable)
    exact_run: WordTable[str, tuple[Alias, ...]] = field(default_factory=WordTable)
    sound_word: WordTable[str, tuple[Alias, ...]] = field(default_factory=WordTable)
    sound_run: WordTable[tuple[str, tuple[str, ...]], tuple[Alias, ...]] = field(
        default_factory=WordTable
    )
    # word -> (its lemma, the office it names): the lemma is checked, as it is part of the answer
    office: WordTable[str, tuple[str, Office | None]] = field(default_factory=WordTable)
    _pack_words: tuple[LanguagePackFiles, PackWords] | None = None

    def pack_words(self, pack: LanguagePackFiles) -> PackWords:
        if self._pack_words is None or self._pack_words[0] is not pack:
            self._pack_words = (pack, PackWords.of(pack))
        return self._pack_words[1]
