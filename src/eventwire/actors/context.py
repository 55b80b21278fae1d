"""Per-document view of tokens that the actor finders share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from eventwire.actors.memo import ActorMemo, PackWords
from eventwire.kb.index import KnowledgeBase
from eventwire.langpacks.schema import LanguagePackFiles
from eventwire.model import Document, Token


@dataclass
class TextView:
    """Token texts, lower-cased forms, lemmas and the capitalised/word flags are computed once
    per document: the finders ask for them hundreds of thousands of times in a batch.

    ``memo`` holds word-level answers; the recogniser passes one that lives as long as it does
    (per language), a view made on its own gets a fresh one.
    """

    doc: Document
    tokens: list[Token]
    kb: KnowledgeBase
    pack: LanguagePackFiles
    lang: str
    day: dt.date | None
    memo: ActorMemo = field(default_factory=ActorMemo, repr=False)
    # per token, read-only; the hottest loops index these directly instead of calling methods
    words: list[str] = field(init=False, repr=False)
    capitalised: list[bool] = field(init=False, repr=False)
    alpha: list[bool] = field(init=False, repr=False)  # starts with a letter
    _lows: list[str] = field(init=False, repr=False)
    _lemmas: list[str] = field(init=False, repr=False)
    _sentences: list[int] = field(init=False, repr=False)
    _n: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.words = [t.text for t in self.tokens]
        self._lows = [w.casefold() for w in self.words]
        self._lemmas = [(t.lemma or t.text).casefold() for t in self.tokens]
        self._sentences = [t.sentence for t in self.tokens]
        self.capitalised = [w[:1].isupper() for w in self.words]
        self.alpha = [w[:1].isalpha() for w in self.words]
        self._n = len(self.words)

    def capitalised_between(self, first: int, last: int) -> list[int]:
        """Indices of the capitalised tokens in ``first..last`` (valid indices)."""
        caps = self.capitalised
        return [i for i in range(first, last + 1) if caps[i]]

    @property
    def pack_words(self) -> PackWords:
        return self.memo.pack_words(self.pack)

    def surface(self, first: int, last: int) -> str:
        return self.doc.text[self.tokens[first].start : self.tokens[last].end]

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < self._n else ""

    def low(self, i: int) -> str:
        return self._lows[i] if 0 <= i < self._n else ""

    def lemma(self, i: int) -> str:
        return self._lemmas[i] if 0 <= i < self._n else ""

    def same_sentence(self, i: int, j: int) -> bool:
        n = self._n
        return 0 <= i < n and 0 <= j < n and self._sentences[i] == self._sentences[j]

    def is_capitalised(self, i: int) -> bool:
        return 0 <= i < self._n and self.capitalised[i]

    def is_word(self, i: int) -> bool:
        return 0 <= i < self._n and self.alpha[i]
