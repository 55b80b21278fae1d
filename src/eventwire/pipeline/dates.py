"""Date stage: time expressions normalised against the publication date.

Relative expressions ("am Montag") resolve only when the document has a publication date;
without one their value stays null rather than being guessed.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from eventwire.model import Document, TimeExpr
from eventwire.timex import TimexTagger


class DateNormaliser:
    name: ClassVar[str] = "dates"
    requires: ClassVar[frozenset[str]] = frozenset({"sentences"})
    assigns: ClassVar[frozenset[str]] = frozenset({"timex"})

    def __call__(self, doc: Document) -> Document:
        tagger = TimexTagger.for_language(doc.lang or "de")
        starts = [s.start for s in doc.sentences]
        found: list[TimeExpr] = []
        for m in tagger.find(doc.text, doc.published):
            k = bisect_right(starts, m.start) - 1
            if k < 0 or doc.sentences[k].boilerplate or m.start >= doc.sentences[k].end:
                continue
            found.append(
                TimeExpr(
                    id=f"t{len(found) + 1}",
                    text=m.text,
                    start=m.start,
                    end=m.end,
                    value=m.value,
                    type=m.type,
                    granularity=m.granularity,
                    mod=m.mod,
                    sentence=k,
                )
            )
        doc.timex = found
        return doc
