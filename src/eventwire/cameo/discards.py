"""Discard lists: phrases that stop a sentence (or, with ``+``, a whole story) from coding.

Sports results, film titles and historical chronologies produce spurious events; the discard
list names them. A phrase ending in ``_`` must end at a word boundary; otherwise it is a stem.
Matching ignores case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.cameo.source import DictionaryError, iter_lines, read_text


@dataclass(frozen=True)
class Discard:
    phrase: str
    story: bool
    whole_word: bool
    line: int = 0


@dataclass
class DiscardList:
    items: list[Discard] = field(default_factory=list)

    @classmethod
    def from_files(cls, *paths: Path | str) -> DiscardList:
        result = cls()
        for path in paths:
            result.items.extend(parse_discards(read_text(Path(path)), str(path)))
        return result

    @classmethod
    def from_text(cls, text: str, name: str = "<discards>") -> DiscardList:
        return cls(parse_discards(text, name))

    def match(self, sentence: str) -> Discard | None:
        """The first discard phrase found in the sentence, or None."""
        hay = " " + " ".join(re.findall(r"\S+", sentence.upper().replace("_", " "))) + " "
        for item in self.items:
            at = hay.find(" " + item.phrase)
            while at >= 0:
                after = hay[at + 1 + len(item.phrase):][:1]
                if not item.whole_word or not after.isalnum():
                    return item
                at = hay.find(" " + item.phrase, at + 1)
        return None


def parse_discards(text: str, name: str) -> list[Discard]:
    out: list[Discard] = []
    for line in iter_lines(text):
        body = line.text.strip()
        story = body.startswith("+")
        phrase = body.lstrip("+").strip()
        whole = phrase.endswith("_")
        phrase = " ".join(phrase.rstrip("_").replace("_", " ").upper().split())
        if not phrase:
            raise DictionaryError(name, line.number, "empty discard phrase")
        out.append(Discard(phrase, story, whole, line.number))
    return out
