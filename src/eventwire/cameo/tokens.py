"""Tokens as the CAMEO dictionaries expect them: upper case, Treebank-style contractions.

PETRARCH read Penn-Treebank tokens, so the dictionaries spell ``didn't`` as ``DID N'T`` and
``Gondor's`` as ``GONDOR 'S``. This tokenizer produces the same split from plain text (and
accepts text that is already tokenized, such as the words of a parse tree), keeping character
offsets so that events can point back into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}(?:[^\W\d_](?![\w]))?"  # U.S., K.U., U.S.S.R
    r"|\d+(?:[.,]\d+)+"  # 50,000  11.8
    r"|&\w+"  # &TIETYPE written in a sentence
    r"|['’][A-Za-z]{1,2}\b"  # 's as its own token ("Gondor 's")
    r"|[^\W_]+(?:[-'’.][^\W_]+)*-?"  # words, hyphenated words, al-Raya, anti-
    r"|``|''|--|\S",
    re.UNICODE,
)

DETERMINERS = frozenset(
    "A AN THE ITS THEIR HIS HER OUR MY YOUR THIS THESE THOSE SOME ANY NO EVERY EACH ANOTHER "
    "SEVERAL MANY FEW 'S".split()
)
PREPOSITIONS = frozenset(
    "ABOARD ABOUT ABOVE ACROSS AFTER AGAINST ALONG ALONGSIDE AMID AMONG AMONGST AROUND AS AT "
    "BEFORE BEHIND BELOW BENEATH BESIDE BETWEEN BEYOND BY DESPITE DOWN DURING EXCEPT FOR FROM IN "
    "INSIDE INTO LIKE NEAR OF OFF ON ONTO OUT OUTSIDE OVER PAST PER SINCE THAN THROUGH "
    "THROUGHOUT TILL TO TOWARD TOWARDS UNDER UNTIL UNTO UP UPON VIA WITH WITHIN WITHOUT".split()
)
CONJUNCTIONS = frozenset("AND OR NOR BUT".split())
AUXILIARIES = frozenset(
    "IS ARE WAS WERE BE BEEN BEING AM HAS HAVE HAD WILL WOULD SHALL SHOULD CAN CAN'T CANNOT "
    "COULD MAY MIGHT MUST DO DOES DID CA WO".split()
)
NEGATORS = frozenset("NOT N'T NEVER".split())
PRONOUNS = frozenset(
    "I ME WE US YOU HE HIM SHE IT THEY THEM WHO WHOM WHOSE WHICH WHAT THERE HERE ITSELF "
    "THEMSELVES HIMSELF HERSELF".split()
)
SUBORDINATORS = frozenset(
    "THAT WHICH WHO WHOM WHOSE WHETHER BECAUSE ALTHOUGH THOUGH WHILE WHEN WHEREAS WHERE IF "
    "UNLESS AFTER BEFORE UNTIL SINCE".split()
)
# Common irregular past forms: dictionaries list some as verbs of their own (LEFT, SAID, MET),
# and a past form after a noun phrase is its verb ("the new mayor left"), never a noun.
IRREGULAR_PAST = frozenset(
    "AROSE ATE BEGAN BEGUN BLEW BOUGHT BROKE BROKEN BROUGHT BUILT CAME CAUGHT CHOSE CHOSEN DREW "
    "DRAWN DROVE DRIVEN FELL FALLEN FLED FLEW FOUGHT FOUND FROZE GAVE GIVEN GONE GREW GROWN HELD "
    "HID HIDDEN KEPT KNEW KNOWN LAID LED LEFT LENT LOST MADE MEANT MET PAID RAN RISEN ROSE SAID "
    "SANK SAW SEEN SENT SHOT SHOOK SOLD SOUGHT SPOKE SPOKEN SPENT STOOD STOLE STOLEN STRUCK SUNK "
    "SWORE SWORN TAUGHT TOLD THOUGHT THREW THROWN TOOK TAKEN TORE TORN UNDERTOOK WENT WON WORE "
    "WOVE WROTE WRITTEN".split()
)
BOUNDARY_PUNCT = frozenset(", ; : -- ( ) `` '' \" [ ]".split())


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark: ``up`` is the form the dictionaries are matched against."""

    text: str
    up: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.up[:1].isalnum() or self.up[:1] in "&'"


def _split_contraction(text: str, start: int) -> list[tuple[str, int]]:
    low = text.lower().replace("’", "'")
    if len(low) > 3 and low.endswith("n't"):
        return [(text[:-3], start), (text[-3:], start + len(text) - 3)]
    if len(low) > 2 and low.endswith("'s") and low[-3].isalpha():
        return [(text[:-2], start), (text[-2:], start + len(text) - 2)]
    return [(text, start)]


def tokenize(text: str) -> list[Token]:
    """Tokens of a sentence; underscores count as spaces (``Dol_Amroth`` = ``Dol Amroth``)."""
    spaced = text.replace("_", " ")
    tokens: list[Token] = []
    for m in _TOKEN.finditer(spaced):
        for piece, start in _split_contraction(m.group(), m.start()):
            up = piece.upper().replace("’", "'")
            tokens.append(Token(piece, up, start, start + len(piece)))
    return tokens


def phrase_words(phrase: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """Words of a dictionary phrase and, per gap between them, whether other words may intervene.

    In the dictionaries ``_`` joins words that must be consecutive and a blank allows other
    words in between; a trailing ``_`` (no stemming in TABARI) is dropped.
    """
    words: list[str] = []
    open_gaps: list[bool] = []
    for i, chunk in enumerate(phrase.strip().split()):
        for j, tok in enumerate(tokenize(chunk.replace("_", " "))):
            if words:
                open_gaps.append(i > 0 and j == 0)
            words.append(tok.up)
    return tuple(words), tuple(open_gaps)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a plain text: a full stop, ! or ? followed by a capitalised word.

    Abbreviations of single letters (U.S., K.U.) and common titles do not end a sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"[.!?]+[\"'”’)]*\s+(?=[\"“'‘(]?[A-Z0-9])|\n\s*\n", text):
        before = text[start:m.start() + 1]
        tail = re.search(r"(\b\w{1,3}|\b(?:[A-Za-z]\.)+[A-Za-z]?)\.$", before.rstrip())
        if tail and tail.group(1).rstrip(".").lower() in _ABBREVIATIONS | _initials(tail.group(1)):
            continue
        if text[start:m.start()].strip():
            spans.append(_trim(text, start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen col lt sgt gov sen rep no jan feb mar apr jun jul aug sep sept oct "
    "nov dec vs etc jr sr inc co corp ltd prof capt maj adm cmdr".split()
)


def _initials(word: str) -> frozenset[str]:
    bare = word.rstrip(".")
    return frozenset({bare.lower()}) if "." in bare or len(bare) == 1 else frozenset()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
