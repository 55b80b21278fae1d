"""Verb patterns: the words, synsets and actor slots around a verb (``- $ * (TO +) [CODE]``).

Both pattern styles are read into one form. In the TABARI style (``PETR.Validate.verbs``)
a blank lets other words intervene, ``_`` demands neighbours, ``$``/``+`` mark the source and
target, ``%`` a compound actor and ``^`` an actor phrase to skip. CAMEO 2.0 adds noun phrases
``{FINANCIAL AID}`` (consecutive words) and prepositional phrases ``(FOR AID)`` (the
preposition, then its object). Elements are stored in matching order: outwards from the verb.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

from eventwire.cameo.tokens import tokenize

Kind = Literal["word", "synset", "source", "target", "skip", "compound"]
_MARKERS: dict[str, Kind] = {"$": "source", "+": "target", "^": "skip", "%": "compound"}


@dataclass(frozen=True)
class Codes:
    """A pattern's or verb's code and the code of the paired reverse event (``[032:033]``)."""

    primary: str | None = None
    secondary: str | None = None

    @property
    def empty(self) -> bool:
        return self.primary is None and self.secondary is None

    @classmethod
    def parse(cls, text: str) -> Codes:
        first, _, second = text.strip().partition(":")
        return cls(_code(first), _code(second))


def _code(text: str) -> str | None:
    text = text.strip()
    return None if text in ("", "---") else text


@dataclass(frozen=True)
class Element:
    """One thing to find; ``tight`` means right next to what was matched before it."""

    kind: Kind
    value: str = ""
    tight: bool = False

    def __str__(self) -> str:
        return self.value if self.kind in ("word", "synset") else self.kind


@dataclass(frozen=True)
class Pattern:
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    codes: Codes
    line: int = 0
    text: str = ""


def parse_pattern(
    text: str, synsets: Collection[str]
) -> tuple[tuple[Element, ...], tuple[Element, ...]]:
    """Elements before (nearest first) and after the verb; ValueError says what is wrong."""
    atoms = _atoms(text, synsets)
    stars = [i for i, (atom, _) in enumerate(atoms) if atom == "*"]
    if len(stars) != 1:
        raise ValueError("a pattern needs exactly one '*' for the verb")
    k = stars[0]
    after = tuple(_element(atom, tight) for atom, tight in atoms[k + 1:])
    before = tuple(
        _element(atoms[j][0], atoms[j + 1][1]) for j in range(k - 1, -1, -1)
    )
    return before, after


def _element(atom: str, tight: bool) -> Element:
    if atom in _MARKERS:
        return Element(_MARKERS[atom], "", tight)
    if atom.startswith("&"):
        return Element("synset", atom[1:], tight)
    return Element("word", atom, tight)


def _atoms(text: str, synsets: Collection[str]) -> list[tuple[str, bool]]:
    """Atoms with a flag: joined to the previous atom by '_' (or inside ``{...}``)."""
    text = re.sub(r"\{([^}]*)\}", lambda m: "_".join(m.group(1).split()), text)
    text = text.replace("(", " ").replace(")", " ")
    text = re.sub(r"\s*_\s*", "_", text).strip()  # "KNOWN_ *" = "KNOWN_*"
    out: list[tuple[str, bool]] = []
    for group in text.split():
        parts = [p for p in group.split("_")]
        i, first = 0, True
        while i < len(parts):
            part = parts[i]
            if not part:
                i += 1
                continue
            if part.startswith("&"):
                j = i + 1
                name, best = part[1:], (i + 1, part[1:])
                while j < len(parts) and parts[j]:
                    name = f"{name}_{parts[j]}"
                    j += 1
                    if name in synsets:
                        best = (j, name)
                if best[1] not in synsets:
                    raise ValueError(f"synset &{best[1]} is not defined before this pattern")
                i, atom_list = best[0], ["&" + best[1]]
            elif part in ("*", "$", "+", "%", "^"):
                atom_list = [part]
                i += 1
            else:
                atom_list = [t.up for t in tokenize(part)] or [part.upper()]
                i += 1
            for atom in atom_list:
                out.append((atom, not first))
                first = False
    return out
