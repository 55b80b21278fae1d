"""Event stage: PLOVER events with CAMEO codes, actors, date, place and reporters."""

from __future__ import annotations

import functools
from typing import ClassVar

from eventwire.clauses import SentenceView
from eventwire.events.arguments import Arguments, find_arguments
from eventwire.events.merge import merge_events
from eventwire.events.modality import factuality, is_passive
from eventwire.events.triggers import TriggerHit, TriggerLexicon, find_triggers
from eventwire.kb.index import KnowledgeBase
from eventwire.kb.loader import default_kb
from eventwire.langpacks import load_pack
from eventwire.model import Actor, Document, Event, Mention, PlaceRef, Span
from eventwire.ontology import quad_and_score


class EventCoder:
    name: ClassVar[str] = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"actors", "timex", "places", "quotes"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or default_kb()

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens:
            return doc
        lang = doc.lang or "de"
        sv = SentenceView.of(doc, load_pack(lang))
        lex = TriggerLexicon.for_language(lang)
        asserted: list[Event] = []
        other: list[Event] = []
        for s in doc.sentences:
            if s.boilerplate or s.index not in sv.ranges:
                continue
            first, last = sv.ranges[s.index]
            for hit in find_triggers(sv, lex, first, last, capitalised_nouns=lang == "de"):
                event = self._code(doc, sv, hit)
                if event is None:
                    continue
                (asserted if event.factuality == "asserted" else other).append(event)
        _targets_from_earlier_events(sv, asserted)
        doc.events = merge_events(asserted)
        doc.nonfactual_events = other
        for n, e in enumerate(doc.events, 1):
            e.id = f"e{n}"
        for n, e in enumerate(doc.nonfactual_events, 1):
            e.id = f"n{n}"
        return doc

    def _code(self, doc: Document, sv: SentenceView, hit: TriggerHit) -> Event | None:
        t = hit.trigger
        is_noun = t.pos == "noun"
        passive = not is_noun and is_passive(sv, hit.index)
        args = find_arguments(sv, hit, is_noun, passive)
        place = self._place(doc, sv, hit.index)
        if t.type == "REJECT" and _own_side_only(doc, args):
            args.target = []  # 'nannte den Vorwurf einer russischen Einmischung haltlos'
        if t.place_is_target and _own_side_only(doc, args):
            args.target = []  # 'heading a Russian delegation': the delegation is not visited
        if t.place_is_target and not args.target:
            self._host_target(doc, sv, hit.index, args, place)
        elif t.type == "ASSAULT" and not args.target and place is not None:
            # an attack hits the state of the place named with it
            self._host_target(doc, sv, hit.index, args, place)
        if not args.source and not args.target:
            return None
        if t.needs_target and not args.target:
            return None  # 'Kim praised the growing cooperation': praise of nobody in particular
        if (
            t.type == "CONSULT"
            and args.target
            and all(
                (a := doc.actor(x)) is not None and a.sector == "MED" and a.kb_id
                for x in args.target
            )
        ):
            return None  # 'im Gespräch mit der Nachrichtenagentur RIA': an interview, not talks
        token = sv.tokens[hit.index]
        sentence = doc.sentences[token.sentence]
        status = factuality(sv, hit.index, is_noun, doc.quotes)
        reporters = list(sentence.reported_by)
        for q in doc.quotes:
            inside = q.start <= token.start < q.end
            if q.attribution == "report" and inside and q.speaker and q.speaker not in reporters:
                reporters.append(q.speaker)
        if status == "claimed":
            for q in doc.quotes:
                if q.start <= token.start < q.end and q.speaker:
                    reporters = [*q.reported_by, q.speaker]
        timex = self._date(doc, sv, hit.index)
        quad, intensity = quad_and_score(t.type, t.mode)
        trigger_end = sv.tokens[hit.particle].end if hit.particle is not None else token.end
        confidence = (
            0.45 + 0.25 * bool(args.source) + 0.15 * bool(args.target) + 0.1 * (not is_noun)
        )
        return Event(
            id="",
            type=t.type,
            mode=t.mode,
            cameo=t.cameo,
            quad=quad,
            intensity=intensity,
            source=args.source,
            target=args.target,
            date=_calendar_part(timex.value) if timex else None,
            date_text=timex.text if timex else None,
            place=place,
            reported_by=[r for r in reporters if r not in args.source or status != "asserted"],
            trigger=Span(
                text=doc.text[token.start : trigger_end], start=token.start, end=trigger_end
            ),
            evidence=Span(
                text=doc.text[sentence.start : sentence.end], start=sentence.start, end=sentence.end
            ),
            confidence=round(min(confidence, 0.95), 2),
            factuality=status,
            sentence=sentence.index,
        )

    @staticmethod
    def _date(doc: Document, sv: SentenceView, i: int):  # type: ignore[no-untyped-def]
        sentence = sv.tokens[i].sentence
        char = sv.tokens[i].start
        options = [t for t in doc.timex if t.sentence == sentence and t.value and t.type == "DATE"]
        if not options:
            return _linked_date(doc, sv, sentence) if sentence > 0 else None
        return min(options, key=lambda t: abs(t.start - char))

    @staticmethod
    def _place(doc: Document, sv: SentenceView, i: int) -> PlaceRef | None:
        sentence = sv.tokens[i].sentence
        char = sv.tokens[i].start
        best: tuple[int, PlaceRef] | None = None
        for p in doc.places:
            for m in p.mentions:
                if m.sentence != sentence or m.kind == "dateline":
                    continue  # the city a story was filed from is not where things happened
                distance = abs(m.start - char) + (0 if m.start > char else 40)
                if best is None or distance < best[0]:
                    best = (
                        distance,
                        PlaceRef(
                            name=p.name, country=p.country, lat=p.lat, lon=p.lon, kb_id=p.kb_id
                        ),
                    )
        return best[1] if best else None

    @staticmethod
    def _last_place_country(doc: Document, sv: SentenceView, i: int) -> str | None:
        char = sv.tokens[i].start
        earlier = [
            (m.start, p)
            for p in doc.places
            for m in p.mentions
            if m.start < char and m.kind != "dateline"
        ]
        return max(earlier, key=lambda mp: mp[0])[1].country if earlier else None

    def _state_actor(self, doc: Document, country: str) -> Actor | None:
        """The document's actor for a state, added (with its place mentions) when missing."""
        actor = next((a for a in doc.actors if a.type == "state" and a.country == country), None)
        if actor is not None:
            return actor
        entity = self.kb.state(country)
        if entity is None:
            return None
        actor = Actor(
            id=f"a{len(doc.actors) + 1}",
            name=entity.name,
            type="state",
            country=country,
            kb_id=entity.id,
            sector="GOV",
            cameo=entity.cameo,
            confidence=0.6,
        )
        for p in doc.places:
            if p.country == country:
                actor.mentions += [
                    Mention(
                        text=m.text, start=m.start, end=m.end, kind="metonym", sentence=m.sentence
                    )
                    for m in p.mentions
                ]
        doc.actors.append(actor)
        return actor

    def _host_target(
        self, doc: Document, sv: SentenceView, i: int, args: Arguments, place: PlaceRef | None
    ) -> None:
        """Visits and attendance abroad: the host state is the target.

        The visited place is the event's place, or else the last place the article named
        before the trigger ("in Pjöngjang" two sentences earlier).
        """
        host = place.country if place else self._last_place_country(doc, sv, i)
        if host is None:
            return
        source_countries = {a.country for a in doc.actors if a.id in args.source}
        if host in source_countries:
            return
        actor = self._state_actor(doc, host)
        if actor is not None:
            args.target = [actor.id]


def _linked_date(doc: Document, sv: SentenceView, sentence: int):  # type: ignore[no-untyped-def]
    """'Peskov said on Tuesday ... He was speaking at a meeting': a date link in the sentence
    carries over the last date of the sentence before."""
    links = _date_link_words(tuple(sv.pack.events.date_links))
    first, last = sv.ranges.get(sentence, (0, -1))
    words = [sv.low(k) for k in range(first, last + 1)]
    if not any(_contains(words, link) for link in links):
        return None
    before = [t for t in doc.timex if t.sentence == sentence - 1 and t.value and t.type == "DATE"]
    return before[-1] if before else None


@functools.cache
def _date_link_words(links: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(link.casefold().split()) for link in links)


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[k : k + n]) == phrase for k in range(len(words) - n + 1))


def _own_side_only(doc: Document, args: Arguments) -> bool:
    """The target names only the source's own country."""
    if not args.target or not args.source:
        return False
    own = {a.country for x in args.source if (a := doc.actor(x)) is not None and a.country}
    targets = {a.country if a else None for a in map(doc.actor, args.target)}
    return bool(own) and targets <= own


def _calendar_part(value: str | None) -> str | None:
    """'2025-11-16TEV' -> '2025-11-16': an event is dated to the day, not the evening."""
    if value and len(value) > 10 and value[10] == "T":
        return value[:10]
    return value


def _targets_from_earlier_events(sv: SentenceView, events: list[Event]) -> None:
    """'Kobachidse wies die Vorwürfe zurück': the object names an earlier event, so its actor
    is this event's target (the last accuser). Only fills targets that are still empty."""
    table = {o.lemma.casefold(): o.types for o in sv.pack.events.anaphoric_objects}
    if not table:
        return
    for n, event in enumerate(events):
        if event.target or event.trigger is None:
            continue
        i = sv.token_at(event.trigger.start)
        start, end = sv.clause_bounds(i)
        types = next(
            (
                table[sv.lemma(k)]
                for k in range(start, end + 1)
                if k != i and sv.lemma(k) in table
            ),
            None,
        )
        if types is None:
            continue
        candidates = [
            e
            for e in events[:n]
            if (not types or e.type in types) and e.source and not set(e.source) & set(event.source)
        ]
        # what was said or done against the speaker's side first ('Iran rejected the decision'
        # after EU sanctions on Iran), else the last such event
        aimed = _acted_against(sv, event, candidates)
        if aimed:
            event.target = aimed
        elif candidates:
            event.target = list(candidates[-1].source)
        elif event.type == "REJECT":
            event.target = _acted_against(sv, event, events[:n])


def _acted_against(sv: SentenceView, event: Event, earlier: list[Event]) -> list[str]:
    """'Ein Sprecher nannte die Vorwürfe haltlos' after EU sanctions on Iran: one rejects what
    was said or done against one's own side, so the last actor who acted against it."""
    own = {a.country for x in event.source if (a := sv.doc.actor(x)) is not None and a.country}
    for e in reversed(earlier):
        hit = {a.country for x in e.target if (a := sv.doc.actor(x)) is not None}
        if own & hit and e.source and not set(e.source) & set(event.source):
            return list(e.source)
    return []
