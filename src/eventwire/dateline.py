"""The dateline that opens a wire story: 'Paris/Kiew (Reuters) -', 'CAIRO, Feb 8 (AFP) -'.

Its city says where the story was filed, not where its events happened, and its agency is the
outlet, not an actor. The actor and place stages both ask this one question.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.model import Token

LEAD_SENTENCES = 2
LEAD_CHARS = 400
REACH = 8  # tokens within which the dash or the agency's bracket must follow


def opens_dateline(tokens: Sequence[Token], i: int, after: int) -> bool:
    """Whether the name at token ``i`` (ending before ``after``) opens a dateline: at the start
    of a lead sentence, or after 'Paris/', followed within a few words by a dash or an agency
    in brackets, with nothing lower-case (a verb, a preposition) between."""
    token = tokens[i]
    if token.sentence > LEAD_SENTENCES or token.start >= LEAD_CHARS:
        return False
    if i > 0 and tokens[i - 1].sentence == token.sentence and tokens[i - 1].text != "/":
        return False
    for k in range(after, min(len(tokens), after + REACH)):
        word = tokens[k].text
        if word in ("-", "–", "—", "("):
            return True
        if word[:1].islower() and word != "/":
            return False
    return False
