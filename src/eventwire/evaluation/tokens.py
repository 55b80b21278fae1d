"""Pre-tokenised corpora as plain text: rebuild readable text and map spans back to tokens.

The external suites (SpkAtt, GermEval) give tokens, eventwire reads text. :func:`detokenize`
joins tokens the way German print sets them ("Herr Präsident!", „Frieden“, CDU/CSU) and keeps
each token's character offsets, so any span eventwire returns can be turned back into the
corpus's token positions with :meth:`TokenText.tokens_in`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

NO_SPACE_BEFORE = frozenset({",", ".", "!", "?", ":", ";", ")", "]", "}", "…", "“", "%", "/", "'s"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "„", "/", "»"})
STRAIGHT_QUOTES = frozenset({'"', "'"})


@dataclass
class TokenText:
    """Text built from tokens, with the ``(start, end)`` offsets of every token in it."""

    text: str = ""
    offsets: list[tuple[int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def tokens_in(self, start: int, end: int) -> list[int]:
        """Indices of the tokens that share at least one character with ``[start, end)``."""
        if end <= start:
            return []
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        found: list[int] = []
        while i < len(self.offsets) and self.offsets[i][0] < end:
            a, b = self.offsets[i]
            if a < end and start < b:
                found.append(i)
            i += 1
        return found

    def token_at(self, char: int) -> int | None:
        """The token holding character ``char``, if any."""
        hits = self.tokens_in(char, char + 1)
        return hits[0] if hits else None


def _space_between(previous: str, token: str, open_straight: bool) -> bool:
    if token in STRAIGHT_QUOTES:
        return not open_straight  # an opening mark gets a space before it, a closing one not
    if previous in STRAIGHT_QUOTES and open_straight:
        return False  # no space after an opening mark
    return token not in NO_SPACE_BEFORE and previous not in NO_SPACE_AFTER


def detokenize(tokens: Sequence[str], *, into: TokenText | None = None,
               separator: str = " ") -> TokenText:
    """Append ``tokens`` (one sentence) to ``into`` (or a new text), ``separator`` before it."""
    out = into if into is not None else TokenText()
    parts = [out.text]
    length = len(out.text)
    if length and tokens:
        parts.append(separator)
        length += len(separator)
    open_straight = False
    previous = ""
    for n, token in enumerate(tokens):
        if n and _space_between(previous, token, open_straight):
            parts.append(" ")
            length += 1
        if token in STRAIGHT_QUOTES:
            open_straight = not open_straight
        parts.append(token)
        out.offsets.append((length, length + len(token)))
        out._starts.append(length)
        length += len(token)
        previous = token
    out.text = "".join(parts)
    return out
