"""Per-document view of tokens that the actor finders share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from eventwire.kb.index import KnowledgeBase
from eventwire.langpacks.schema import LanguagePackFiles
from eventwire.model import Document, Token


@dataclass
class TextView:
    """Token texts, lower-cased forms and lemmas are computed once per document: the finders
    ask for them hundreds of thousands of times in a batch."""

    doc: Document
    tokens: list[Token]
    kb: KnowledgeBase
    pack: LanguagePackFiles
    lang: str
    day: dt.date | None
    _words: list[str] = field(init=False, repr=False)
    _lows: list[str] = field(init=False, repr=False)
    _lemmas: list[str] = field(init=False, repr=False)
    _sentences: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._words = [t.text for t in self.tokens]
        self._lows = [w.casefold() for w in self._words]
        self._lemmas = [(t.lemma or t.text).casefold() for t in self.tokens]
        self._sentences = [t.sentence for t in self.tokens]

    def surface(self, first: int, last: int) -> str:
        return self.doc.text[self.tokens[first].start : self.tokens[last].end]

    def word(self, i: int) -> str:
        return self._words[i] if 0 <= i < len(self._words) else ""

    def low(self, i: int) -> str:
        return self._lows[i] if 0 <= i < len(self._lows) else ""

    def lemma(self, i: int) -> str:
        return self._lemmas[i] if 0 <= i < len(self._lemmas) else ""

    def same_sentence(self, i: int, j: int) -> bool:
        n = len(self._sentences)
        return 0 <= i < n and 0 <= j < n and self._sentences[i] == self._sentences[j]

    def is_capitalised(self, i: int) -> bool:
        w = self.word(i)
        return bool(w) and w[0].isupper()

    def is_word(self, i: int) -> bool:
        w = self.word(i)
        return bool(w) and w[0].isalpha()
