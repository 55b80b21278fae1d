"""Finding dictionary phrases in a token list: longest match, blanks allow short gaps.

Actor and agent dictionaries are prefix trees in PETRARCH; a dict keyed by the first word with
candidates sorted longest first gives the same answers and stays easy to read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from eventwire.cameo.tokens import (
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    Token,
)

T = TypeVar("T")
Accept = Callable[["Phrase", int, int], bool]  # may veto a match (phrase, start, end)
MAX_GAP = 2
_NOT_IN_GAP = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | PRONOUNS


@dataclass(frozen=True)
class Phrase:
    """Words of a dictionary phrase; ``open_gaps[i]`` allows words between word i and i+1."""

    words: tuple[str, ...]
    open_gaps: tuple[bool, ...]

    def __post_init__(self) -> None:
        if len(self.open_gaps) != max(0, len(self.words) - 1):
            raise ValueError("one gap flag per pair of neighbouring words")

    @classmethod
    def tight(cls, words: Sequence[str]) -> Phrase:
        return cls(tuple(words), (False,) * max(0, len(words) - 1))

    def __str__(self) -> str:
        out = self.words[0] if self.words else ""
        for word, gap in zip(self.words[1:], self.open_gaps, strict=True):
            out += (" " if gap else "_") + word
        return out


@dataclass(frozen=True)
class Found(Generic[T]):
    start: int
    end: int
    payload: T
    phrase: Phrase


def gap_word(token: Token) -> bool:
    """A word that may sit inside a phrase's blank (an adjective, not a function word)."""
    return token.is_word and token.up not in _NOT_IN_GAP and not token.up.startswith("'")


class PhraseIndex(Generic[T]):
    """Phrases with payloads, searchable by longest match at a token position."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[Phrase, T]]] = {}
        self._sorted = True

    def add(self, phrase: Phrase, payload: T) -> None:
        if phrase.words:
            self._by_first.setdefault(phrase.words[0], []).append((phrase, payload))
            self._sorted = False

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values())

    def longest_at(
        self, tokens: Sequence[Token], i: int, accept: Accept | None = None
    ) -> Found[T] | None:
        """The longest phrase starting at token ``i`` (first in file order on ties)."""
        if not self._sorted:
            for entries in self._by_first.values():
                entries.sort(key=lambda e: -len(e[0].words))
            self._sorted = True
        best: Found[T] | None = None
        for phrase, payload in self._by_first.get(tokens[i].up, ()):
            end = match_phrase(phrase, tokens, i)
            if end is None or (accept is not None and not accept(phrase, i, end)):
                continue
            if best is None or end - i > best.end - best.start:
                best = Found(i, end, payload, phrase)
        return best


def match_phrase(phrase: Phrase, tokens: Sequence[Token], i: int) -> int | None:
    """End index (exclusive) of ``phrase`` matched at ``i``, or None; gaps are kept short."""
    if tokens[i].up != phrase.words[0]:
        return None
    pos = i + 1
    for word, gap in zip(phrase.words[1:], phrase.open_gaps, strict=True):
        limit = pos + (MAX_GAP if gap else 0)
        while pos < len(tokens) and tokens[pos].up != word:
            if pos >= limit or not gap_word(tokens[pos]):
                return None
            pos += 1
        if pos >= len(tokens):
            return None
        pos += 1
    return pos
