"""Numbers an article gives about an event (killed, injured, arrested), for the claims view.

Reports of one attack often disagree on the toll, and the toll rises over time; claims show each
figure with who gave it. The cue words per language live in ``lexicon/<lang>.yaml``; a language
without a file yields no number claims rather than guesses.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from eventwire.langpacks.loader import validate_file
from eventwire.model import Document, Event

LEXICON_DIR = Path(__file__).with_name("lexicon")
_TOKEN = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+|[^\W\d_]+")
_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


class CountLexicon(BaseModel):
    """The cue words of one language; validated when loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    window: int = Field(ge=1, le=8)
    counts: dict[str, list[str]]
    minimum: list[str] = Field(default_factory=list)
    number_words: dict[str, int] = Field(default_factory=dict)


class NumberClaim(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: str
    value: int
    at_least: bool = False
    text: str = ""


@functools.cache
def lexicon(lang: str) -> CountLexicon | None:
    if not re.fullmatch(r"[a-z]{2,3}", lang):
        return None
    path = LEXICON_DIR / f"{lang}.yaml"
    return validate_file(path, CountLexicon) if path.is_file() else None


def _number(token: str, words: dict[str, int]) -> int | None:
    if _GROUPED.fullmatch(token):
        return int(re.sub(r"[.,]", "", token))
    if token.isdigit():
        return int(token) if len(token) < 7 else None
    return words.get(token.casefold())


def _cues(lex: CountLexicon) -> list[tuple[list[str], str]]:
    return sorted(((cue.casefold().split(), kind) for kind, cues in lex.counts.items()
                   for cue in cues), key=lambda c: -len(c[0]))


def _cue_at(tokens: list[str], i: int, cues: list[tuple[list[str], str]]) -> str | None:
    for words, kind in cues:
        if [t.casefold() for t in tokens[i:i + len(words)]] == words:
            return kind
    return None


def _nearest(tokens: list[str], i: int, lex: CountLexicon,
             cues: list[tuple[list[str], str]]) -> str | None:
    """The kind named by the cue nearest to the number at ``i``; after it wins a tie."""
    for distance in range(1, lex.window + 1):
        for j in (i + distance, i - distance):
            if 0 <= j < len(tokens) and (kind := _cue_at(tokens, j, cues)):
                return kind
    return None


def _at_least(tokens: list[str], i: int, lex: CountLexicon) -> bool:
    before = [t.casefold() for t in tokens[max(0, i - 2):i]]
    return any(before[-len(w.split()):] == w.casefold().split() for w in lex.minimum)


def claims_in(text: str, lex: CountLexicon) -> Iterator[NumberClaim]:
    tokens = _TOKEN.findall(text)
    cues = _cues(lex)
    for i, token in enumerate(tokens):
        value = _number(token, lex.number_words)
        if value is None:
            continue
        kind = _nearest(tokens, i, lex, cues)
        if kind is not None:
            yield NumberClaim(kind=kind, value=value, at_least=_at_least(tokens, i, lex),
                              text=token)


def _scope(doc: Document, event: Event) -> str:
    """The event's sentence, and the next one when no other event is coded there: tolls are
    often given in the sentence after the attack."""
    if not doc.sentences or event.sentence >= len(doc.sentences):
        return event.evidence.text
    first = doc.sentences[event.sentence]
    parts = [doc.text[first.start:first.end]]
    taken = {e.sentence for e in (*doc.events, *doc.nonfactual_events)}
    nxt = event.sentence + 1
    if nxt < len(doc.sentences) and nxt not in taken and not doc.sentences[nxt].boilerplate:
        s = doc.sentences[nxt]
        parts.append(doc.text[s.start:s.end])
    return " ".join(parts)


def number_claims(doc: Document, event: Event) -> list[NumberClaim]:
    """One claim per kind (the first figure the text gives for it)."""
    lex = lexicon(doc.lang or "")
    if lex is None:
        return []
    first: dict[str, NumberClaim] = {}
    for claim in claims_in(_scope(doc, event), lex):
        first.setdefault(claim.kind, claim)
    return list(first.values())
