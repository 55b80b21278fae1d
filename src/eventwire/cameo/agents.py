"""Agent dictionaries: generic nouns that add a sector code to an actor (``POLICE [~COP]``).

``[~XXX]`` appends the code after the actor code, ``[XXX~]`` puts it before. Regular plurals
are generated (``{}`` suppresses them, ``{A B}`` lists irregular ones) and substitution markers
``!NAME! = A, B`` expand into one entry per item, without plurals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.cameo.phrases import Phrase, PhraseIndex
from eventwire.cameo.source import DictionaryError, Issues, iter_lines, read_text
from eventwire.cameo.tokens import phrase_words

# PHRASE {PLURALS} [CODE]; some TABARI files close the code with '}'
_LINE = re.compile(
    r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]\s*$"
)
_MARKER_DEF = re.compile(r"^(?P<name>![A-Z0-9_]+!)\s*=\s*(?P<items>.+)$")
_MARKER = re.compile(r"![A-Z0-9_]+!")
_CODE = re.compile(r"^(~[A-Z0-9]+|[A-Z0-9]+~)$")


@dataclass(frozen=True)
class Agent:
    """A sector code and where it goes relative to the actor code."""

    code: str
    prefix: bool
    line: int = 0


@dataclass
class AgentDictionary:
    """Agent phrases (singular and plural forms) indexed for longest-match lookup."""

    index: PhraseIndex[Agent] = field(default_factory=PhraseIndex)
    issues: Issues = field(default_factory=Issues)
    count: int = 0

    @classmethod
    def from_files(cls, *paths: Path | str, strict: bool = False) -> AgentDictionary:
        """Read agent files; with ``strict`` a malformed line raises instead of being skipped."""
        result = cls()
        for path in paths:
            result.add_text(read_text(Path(path)), str(path), strict)
        return result

    @classmethod
    def from_text(cls, text: str, name: str = "<agents>", strict: bool = False) -> AgentDictionary:
        result = cls()
        result.add_text(text, name, strict)
        return result

    def add_text(self, text: str, name: str, strict: bool = False) -> None:
        for phrase, agent in parse_agents(text, name, self.issues, strict):
            self.index.add(phrase, agent)
            self.count += 1


def plural(word: str) -> str:
    """The regular English plural the dictionaries generate (Y -> IES, SS/SH/CH/X -> ES)."""
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("SS", "SH", "CH", "X")):
        return word + "ES"
    return word + "S"


def parse_agents(
    text: str, name: str, issues: Issues | None = None, strict: bool = True
) -> list[tuple[Phrase, Agent]]:
    """(phrase, agent) pairs of an agent file, plurals and substitutions expanded.

    Unless ``strict``, a line without a readable code is skipped and noted in ``issues``.
    """
    issues = issues if issues is not None else Issues()
    out: list[tuple[Phrase, Agent]] = []
    for line, problem, pairs in _agent_lines(text, name):
        if problem is None:
            out.extend(pairs)
        elif strict:
            raise DictionaryError(name, line, problem)
        else:
            issues.add(name, line, f"{problem}; skipped")
    return out


def _agent_lines(
    text: str, name: str
) -> Iterator[tuple[int, str | None, list[tuple[Phrase, Agent]]]]:
    """Per line: its number, a problem (or None) and the pairs it defines."""
    markers: dict[str, list[str]] = {}
    for line in iter_lines(text):
        body = line.text.strip()
        definition = _MARKER_DEF.match(body)
        if definition:
            items = [i.strip().replace(" ", "") for i in definition["items"].split(",")]
            markers[definition["name"]] = [i for i in items if i]
            continue
        m = _LINE.match(body)
        if not m:
            yield line.number, f"expected PHRASE {{PLURALS}} [~CODE], got {body!r}", []
            continue
        code = m["code"].replace(" ", "").upper()
        if not _CODE.match(code):
            yield line.number, f"agent code [{m['code']}] must be ~XXX (after) or XXX~ (before)", []
            continue
        agent = Agent(code.strip("~"), code.endswith("~"), line.number)
        pairs: list[tuple[Phrase, Agent]] = []
        for phrase_text, plurals in _expand(m["phrase"], m["plural"], markers, name, line.number):
            for form in [phrase_text, *plurals]:
                words, gaps = phrase_words(form)
                if words:
                    pairs.append((Phrase(words, gaps), agent))
        yield line.number, None, pairs


def _expand(
    phrase: str, plural_spec: str | None, markers: dict[str, list[str]], name: str, number: int
) -> list[tuple[str, list[str]]]:
    """The phrase with markers substituted, each with its plural forms."""
    used = _MARKER.findall(phrase)
    if used:
        for marker in used:
            if marker not in markers:
                raise DictionaryError(name, number,
                                      f"substitution marker {marker} is not defined above")
        variants = [phrase]
        for marker in used:
            variants = [v.replace(marker, item, 1) for v in variants for item in markers[marker]]
        return [(v.strip(), []) for v in variants]
    phrase = phrase.strip()
    if plural_spec is not None:
        return [(phrase, plural_spec.split())]
    if phrase.endswith("_"):
        return [(phrase, [])]
    last = re.search(r"[^\s_]+$", phrase)
    if last is None:
        return [(phrase, [])]
    return [(phrase, [phrase[: last.start()] + plural(last.group().upper())])]
