"""Verb dictionaries (CAMEO.2.0, PETR.Validate.verbs): synsets, verb blocks and patterns.

A file holds synonym sets (``&NAME`` then ``+member`` lines), then blocks opened by
``--- NAME [CODE] ---``: verb lines (``BREAK {BROKE BROKEN}``, ``+CORDON_OFF {...}``,
``WIRE_+TAP``, an own ``[CODE]``), pattern lines starting with ``-`` and transformation lines
starting with ``~``. Patterns belong to the block and apply to every verb in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.cameo.agents import plural
from eventwire.cameo.patterns import Codes, Pattern, parse_pattern
from eventwire.cameo.source import DictionaryError, Issues, Line, iter_lines, read_text
from eventwire.cameo.tokens import phrase_words
from eventwire.cameo.verbforms import regular_forms

_VERB = re.compile(
    r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?\s*$"
)
_PATTERN = re.compile(r"^-\s*(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]\s*$")
_HEADER = re.compile(r"^---+\s*(?P<name>[^\[]*?)\s*(?:\[(?P<code>[^\]]*)\].*)?-*\s*$")


@dataclass
class VerbBlock:
    """A set of synonymous verbs sharing a default code and patterns."""

    name: str
    codes: Codes
    line: int
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class VerbForm:
    """One spelling of a verb, with the words that must stand right before or after it."""

    word: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    base: str
    lemma: str
    own: Codes | None
    block: VerbBlock
    participle: bool

    @property
    def codes(self) -> Codes:
        return self.own if self.own is not None else self.block.codes


@dataclass(frozen=True)
class Transformation:
    """A verb-verb rule (``~ a (a b ATTACK) SAY = a b 015``), kept for reference."""

    text: str
    line: int


@dataclass
class VerbDictionary:
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    forms: dict[str, list[VerbForm]] = field(default_factory=dict)
    transformations: list[Transformation] = field(default_factory=list)
    issues: Issues = field(default_factory=Issues)

    @classmethod
    def from_files(cls, *paths: Path | str) -> VerbDictionary:
        result = cls()
        for path in paths:
            _Reader(result, str(path)).read(read_text(Path(path)))
        return result

    @classmethod
    def from_text(cls, text: str, name: str = "<verbs>") -> VerbDictionary:
        result = cls()
        _Reader(result, name).read(text)
        return result

    @property
    def pattern_count(self) -> int:
        return sum(len(b.patterns) for b in self.blocks)


class _Reader:
    """The line-by-line state of reading one verb file."""

    def __init__(self, target: VerbDictionary, name: str) -> None:
        self.d = target
        self.name = name
        self.block: VerbBlock | None = None
        self.synset: tuple[str, bool] | None = None  # name, plurals wanted

    def fail(self, line: Line, problem: str) -> DictionaryError:
        return DictionaryError(self.name, line.number, problem)

    def read(self, text: str) -> None:
        for line in iter_lines(text):
            body = line.text.strip()
            if body.startswith("---"):
                self.open_block(line)
            elif body.startswith("&"):
                label = body.split()[0]
                self.synset = (label[1:].rstrip("_").upper(), not label.endswith("_"))
                self.d.synsets.setdefault(self.synset[0], [])
            elif body.startswith("+") and self.synset is not None:
                self.add_member(body[1:].strip(), line)
            elif body.startswith("-"):
                self.add_pattern(body, line)
            elif body.startswith("~"):
                self.d.transformations.append(Transformation(body, line.number))
            else:
                self.add_verb(body, line)
        for members in self.d.synsets.values():
            members.sort(key=len, reverse=True)  # the matcher tries the longest member first

    def open_block(self, line: Line) -> None:
        m = _HEADER.match(line.text.strip())
        if m is None or not m["name"]:
            raise self.fail(line, "a block header reads --- NAME [CODE] ---")
        self.block = VerbBlock(m["name"].strip(), Codes.parse(m["code"] or ""), line.number)
        self.d.blocks.append(self.block)
        self.synset = None

    def add_member(self, text: str, line: Line) -> None:
        assert self.synset is not None
        name, plurals = self.synset
        if text.startswith("&"):
            inner = text[1:].rstrip("_").upper()
            if inner not in self.d.synsets:
                raise self.fail(line, f"synset &{inner} is used before it is defined")
            self.d.synsets[name].extend(self.d.synsets[inner])
            return
        words, _ = phrase_words(text.replace(" ", "_"))
        if not words:
            raise self.fail(line, "empty synset member")
        self.d.synsets[name].append(words)
        if plurals and not text.endswith("_"):
            self.d.synsets[name].append((*words[:-1], plural(words[-1])))

    def add_pattern(self, body: str, line: Line) -> None:
        if self.block is None:
            raise self.fail(line, "a pattern before any --- VERB [CODE] --- block")
        self.synset = None
        m = _PATTERN.match(body)
        if m is None:
            raise self.fail(line, "a pattern reads - WORDS * WORDS [CODE]")
        try:
            before, after = parse_pattern(m["body"], self.d.synsets)
        except ValueError as exc:
            self.d.issues.add(self.name, line.number, f"pattern ignored: {exc}")
            return
        codes = Codes.parse(m["code"])
        self.block.patterns.append(Pattern(before, after, codes, line.number, m["body"]))

    def add_verb(self, body: str, line: Line) -> None:
        if self.block is None:
            raise self.fail(line, f"verb {body!r} outside a --- VERB [CODE] --- block")
        self.synset = None
        m = _VERB.match(body)
        if m is None:
            raise self.fail(line, f"a verb line reads VERB {{FORMS}} [CODE], got {body!r}")
        own = Codes.parse(m["code"]) if m["code"] is not None else None
        pre, verb, post = _split_verb(m["phrase"])
        if not verb:
            raise self.fail(line, f"no verb in {body!r}")
        lemma = " ".join((*pre, verb, *post))
        if m["forms"] is None:
            spellings = [(pre, w, post, part) for w, part in regular_forms(verb).items()]
        else:
            spellings = [(pre, verb, post, True)]
            for form in re.split(r"[\s,]+", m["forms"].strip()):
                if not form:
                    continue
                fpre, fverb, fpost = _split_verb(form)
                if not fverb[:1].isalpha():
                    self.d.issues.add(self.name, line.number, f"verb form {form!r} ignored")
                    continue
                spellings.append((fpre, fverb, fpost, not fverb.endswith(("S", "ING"))))
        for fpre, fverb, fpost, participle in spellings:
            entry = VerbForm(fverb, fpre, fpost, verb, lemma, own, self.block, participle)
            self.d.forms.setdefault(fverb, []).append(entry)


def _split_verb(phrase: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """Words before the verb, the verb, words after it (the verb is marked '+' if not first)."""
    raw = [w for w in re.split(r"[_\s]+", phrase.strip().upper()) if w]
    index = next((i for i, w in enumerate(raw) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in raw]
    if not words:
        return (), "", ()
    return tuple(words[:index]), words[index], tuple(words[index + 1:])
