"""Actor stage: KB names, guessed names, coreference, assembled into ``doc.actors``."""

from __future__ import annotations

from typing import ClassVar

from eventwire.actors.build import build_actors
from eventwire.actors.context import TextView
from eventwire.actors.coref import (
    add_collectives,
    add_pronouns,
    add_surnames,
    assign_keys,
    resolve_role_references,
)
from eventwire.actors.found import Found
from eventwire.actors.guess import (
    find_generic_groups,
    find_groups,
    find_named_people,
    find_organisations,
    find_outlet_references,
    find_state_nouns,
    find_titled_people,
)
from eventwire.actors.memo import ActorMemo
from eventwire.actors.names import find_named_organisations
from eventwire.actors.scan import scan_sentence
from eventwire.kb.index import KnowledgeBase
from eventwire.kb.loader import default_kb
from eventwire.langpacks import load_pack
from eventwire.model import Document
from eventwire.pipeline.analyse import sentence_ranges


def content_ranges(doc: Document) -> list[tuple[int, int]]:
    """Token index ranges (inclusive) of the sentences that are not boilerplate."""
    ranges = sentence_ranges(doc.tokens)
    return [(a, b) for s, (a, b) in sorted(ranges.items()) if not doc.sentences[s].boilerplate]


def find_mentions(view: TextView, content: list[tuple[int, int]]) -> list[Found]:
    found: list[Found] = []
    for first, last in content:
        sentence = scan_sentence(view, first, last)
        sentence += find_titled_people(view, first, last, sentence)
        sentence += find_named_people(view, first, last, sentence)
        sentence += find_named_organisations(view, first, last, sentence)
        sentence += find_organisations(view, first, last, sentence)
        sentence += find_groups(view, first, last, sentence)
        sentence += find_generic_groups(view, first, last, sentence)
        sentence += find_state_nouns(view, first, last, sentence, found)
        sentence += find_outlet_references(view, first, last, sentence, found)
        found += sentence
    assign_keys(view, found)
    resolve_role_references(view, found)
    found += add_surnames(view, found, content)
    found += add_pronouns(view, found, content)
    found += add_collectives(view, found, content)
    return found


class ActorRecogniser:
    name: ClassVar[str] = "actors"
    requires: ClassVar[frozenset[str]] = frozenset({"tokens"})
    assigns: ClassVar[frozenset[str]] = frozenset({"actors"})

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or default_kb()
        self._memos: dict[str, ActorMemo] = {}  # per language: answers about single words

    def __call__(self, doc: Document) -> Document:
        lang = doc.lang or "de"
        memo = self._memos.setdefault(lang, ActorMemo())
        view = TextView(doc, doc.tokens, self.kb, load_pack(lang), lang, doc.published, memo)
        found = find_mentions(view, content_ranges(doc))
        found = [f for f in found if not self._dateline_outlet(view, doc, f)]
        doc.actors = build_actors(view, found)
        return doc

    def _dateline_outlet(self, view: TextView, doc: Document, f: Found) -> bool:
        """'Berlin (dpa) -': the agency in a dateline is the outlet, recorded as the source."""
        if not f.candidates or view.word(f.first - 1) != "(" or view.word(f.last + 1) != ")":
            return False
        entity = self.kb.entities[f.candidates[0]]
        if entity.org_kind != "media" or view.tokens[f.first].sentence > 2:
            return False
        if view.word(f.last + 2) not in ("-", "–", "—", ":"):
            return False
        doc.source = doc.source or entity.name
        return True
