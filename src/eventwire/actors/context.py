"""Per-document view of tokens that the actor finders share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eventwire.kb.index import KnowledgeBase
from eventwire.langpacks.schema import LanguagePackFiles
from eventwire.model import Document, Token


@dataclass
class TextView:
    doc: Document
    tokens: list[Token]
    kb: KnowledgeBase
    pack: LanguagePackFiles
    lang: str
    day: dt.date | None

    def surface(self, first: int, last: int) -> str:
        return self.doc.text[self.tokens[first].start : self.tokens[last].end]

    def word(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def low(self, i: int) -> str:
        return self.word(i).casefold()

    def lemma(self, i: int) -> str:
        if not 0 <= i < len(self.tokens):
            return ""
        return (self.tokens[i].lemma or self.tokens[i].text).casefold()

    def same_sentence(self, i: int, j: int) -> bool:
        return (
            0 <= i < len(self.tokens)
            and 0 <= j < len(self.tokens)
            and self.tokens[i].sentence == self.tokens[j].sentence
        )

    def is_capitalised(self, i: int) -> bool:
        w = self.word(i)
        return bool(w) and w[0].isupper()

    def is_word(self, i: int) -> bool:
        w = self.word(i)
        return bool(w) and w[0].isalpha()
