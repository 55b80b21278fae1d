"""Paragraphs, boilerplate lines and sentences, with offsets into the untouched text.

The text is never rewritten: every later offset must point into what the user gave us. A line
that matches a boilerplate pattern of the language pack ("Mehr zum Thema – ...") becomes one
sentence flagged ``boilerplate``; later stages skip such sentences.
"""

from __future__ import annotations

import functools
import re
from typing import ClassVar

from eventwire.langpacks import load_pack
from eventwire.model import Document, Sentence

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before white space
# and something that can open a sentence.
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”“»«’)\]]*)(\s+)(?=[\"'„“»«‚(\[]?[\w])")
_WORD_BEFORE = re.compile(r"(\S+)$")


@functools.cache
def _rules(lang: str) -> tuple[re.Pattern[str], frozenset[str]]:
    pack = load_pack(lang).segment
    boiler = re.compile("|".join(f"(?:{p})" for p in pack.boilerplate_lines))
    return boiler, frozenset(a.rstrip(".") for a in pack.abbreviations)


def _is_boundary(line: str, match: re.Match[str], abbreviations: frozenset[str]) -> bool:
    if match.group(1) != ".":
        return True
    before = _WORD_BEFORE.search(line, 0, match.start())
    if not before:
        return True
    word = before.group(1).lstrip("(\"'„“»«")
    if word.rstrip(".") in abbreviations:
        return False
    if word.isdigit() and len(word) <= 3:  # German ordinals: "am 3. März", "11. Sitzung"
        return False
    # single initials ("J. Smith") do not end a sentence
    return not (len(word) == 1 and word.isupper())


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Sentences of ``text``; each line (paragraph) is split on its own."""
    boiler, abbreviations = _rules(lang)
    sentences: list[Sentence] = []
    offset = 0
    paragraph = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = offset + lead
            if boiler.match(stripped):
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        start=start,
                        end=start + len(stripped),
                        paragraph=paragraph,
                        boilerplate=True,
                    )
                )
            else:
                cut = lead
                for m in _BOUNDARY.finditer(line):
                    if m.start() < cut or not _is_boundary(line, m, abbreviations):
                        continue
                    end = m.end(2)
                    if line[cut:end].strip():
                        sentences.append(
                            Sentence(
                                index=len(sentences),
                                start=offset + cut,
                                end=offset + end,
                                paragraph=paragraph,
                            )
                        )
                    cut = m.end(3)
                tail = line[cut:].rstrip()
                if tail.strip():
                    sentences.append(
                        Sentence(
                            index=len(sentences),
                            start=offset + cut,
                            end=offset + cut + len(tail),
                            paragraph=paragraph,
                        )
                    )
            paragraph += 1
        offset += len(line) + 1
    return sentences


def mark_headline(text: str, sentences: list[Sentence]) -> str | None:
    """A first line without closing punctuation, set off by a blank line, is the headline.

    It repeats the story's lead, so it is kept for display (``title``) but not coded twice.
    """
    if len(sentences) < 2:
        return None
    first = sentences[0]
    line = text[first.start : first.end]
    if first.paragraph != 0 or line.rstrip()[-1:] in ".!?:" or len(line) > 200:
        return None
    if (
        "\n\n" not in text[first.end : sentences[1].start + 1]
        and "\n" not in text[first.end : sentences[1].start]
    ):
        return None
    first.boilerplate = True
    first.headline = True
    return line.strip()


class Segmenter:
    name: ClassVar[str] = "segment"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "lang"})
    assigns: ClassVar[frozenset[str]] = frozenset({"sentences"})

    def __call__(self, doc: Document) -> Document:
        doc.sentences = split_sentences(doc.text, doc.lang or "de")
        headline = mark_headline(doc.text, doc.sentences)
        if headline and not doc.title:
            doc.title = headline
        return doc
