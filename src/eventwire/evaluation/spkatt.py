"""SpkAtt-2023 task 1 (GePaDe speeches of the German Bundestag) as suite ``spkatt``.

Data: ``spkatt-gepade-de/spkatt2023_dev_task1.tar.gz``, one JSON file per speech with
``Sentences`` (``SentenceId``, ``Tokens``) and ``Annotations`` (``Cue``, ``PTC``, ``Source``,
``Message``, ... as ``"sentence:token"`` ids). Each speech becomes one document (sentences
joined by a space, tokens set as print sets them), the default pipeline codes it, and an adapter
turns each of ``doc.speech_events`` (what ``eventwire extract`` outputs) into a SpkAtt event:

- cue: the tokens under the event's ``cue`` spans ("Frage stellen": both words).
- ptc: the tokens under ``particle`` (a separated verb particle, "lehnen ... ab").
- source: the tokens under ``source`` (none: empty source).
- message: the tokens under ``message``, with a leading "dass" and enclosing quotation marks
  added as SpkAtt annotates them, minus cue, particle and source tokens.

Counting (the SpkAtt-2023 task 1 scheme): system and gold events are paired one-to-one by cue
(most shared cue tokens first). Every role is counted at token level: a pair adds the shared
tokens to tp and the rest to fp/fn; an unpaired gold event adds all its tokens to fn, an
unpaired system event all of its to fp. ``cue``, ``source`` and ``message`` are the headline.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tarfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluation.base import SuiteOptions, SuiteResult, Tally, take, timed_extract
from eventwire.evaluation.tokens import TokenText, detokenize
from eventwire.langpacks import load_pack
from eventwire.model import Document, Span

ARCHIVE = "spkatt2023_dev_task1.tar.gz"
ARCHIVES = {"dev": ARCHIVE, "train": "spkatt2023_train_task1.tar.gz"}
ROLES = ("cue", "ptc", "source", "message")
HEADLINE = ("cue", "source", "message")
OPENING_MARKS = frozenset({"„", "“", "»", "«", "‚", '"'})
CLOSING_MARKS = frozenset({"“", "”", "«", "»", "‘", '"'})
GOLD_KEYS = {"cue": "Cue", "ptc": "PTC", "source": "Source", "message": "Message"}

TokenId = tuple[int, int]  # (SentenceId, token index)


@dataclass
class SpkEvent:
    """One speech event: token ids per role."""

    roles: dict[str, set[TokenId]] = field(default_factory=lambda: {r: set() for r in ROLES})


@dataclass
class Speech:
    name: str
    sentences: list[tuple[int, list[str]]]
    events: list[SpkEvent]


@dataclass
class BuiltSpeech:
    """A speech as a document, with the way back from characters to token ids."""

    speech: Speech
    doc: Document
    text: TokenText
    ids: list[TokenId]
    complementisers: frozenset[str] = frozenset()

    def ids_in(self, start: int, end: int) -> set[TokenId]:
        return {self.ids[i] for i in self.text.tokens_in(start, end)}


def _token_id(value: str) -> TokenId:
    sentence, token = value.split(":")
    return int(sentence), int(token)


def parse_speech(name: str, data: dict[str, Any]) -> tuple[Speech, Counter[str]]:
    """A speech and what had to be left out of its gold annotations, by reason."""
    skipped: Counter[str] = Counter()
    sentences = [(int(s["SentenceId"]), [str(t) for t in s["Tokens"]]) for s in data["Sentences"]]
    known = {(sid, i) for sid, toks in sentences for i in range(len(toks))}
    events: list[SpkEvent] = []
    for ann in data.get("Annotations", []):
        event = SpkEvent()
        for role, key in GOLD_KEYS.items():
            ids = {_token_id(v) for v in ann.get(key, [])}
            unknown = ids - known
            if unknown:
                skipped[f"gold token ids outside the speech ({role})"] += len(unknown)
            event.roles[role] = ids & known
        if not event.roles["cue"]:
            skipped["gold event without cue"] += 1
            continue
        events.append(event)
    return Speech(name, sentences, events), skipped


def read_speeches(folder: Path, split: str = "dev") -> list[tuple[Speech, Counter[str]]]:
    """The speeches of one SpkAtt-2023 split, in file-name order: the suite scores dev, lexicon
    and rule decisions are measured on train (``tools/spkatt_train.py``)."""
    archive = folder / ARCHIVES[split]
    if not archive.is_file():
        raise InputError(str(archive), f"SpkAtt-2023 {split} archive not found; pass --data with "
                         "the folder holding spkatt-gepade-de/")
    out = []
    with tarfile.open(archive, "r:gz") as tar:
        members = sorted((m for m in tar.getmembers()
                          if m.isfile() and m.name.endswith(".json") and f"/{split}/" in m.name),
                         key=lambda m: m.name)
        for m in members:
            handle = tar.extractfile(m)
            if handle is None:
                continue
            name = Path(m.name).stem
            out.append(parse_speech(name, json.loads(handle.read().decode("utf-8"))))
    if not out:
        raise InputError(str(archive), f"no data/{split}/task1/*.json files in the archive")
    return out


def speech_date(name: str) -> dt.date | None:
    """The session date at the end of a speech's file name ("..._21.11.2017")."""
    m = re.search(r"(\d{2})\.(\d{2})\.(\d{4})$", name)
    if m is None:
        return None
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def build_document(speech: Speech) -> BuiltSpeech:
    """One document per speech; sentences joined by a space so the segmenter works as on news."""
    text = TokenText()
    ids: list[TokenId] = []
    for sid, tokens in speech.sentences:
        detokenize(tokens, into=text)
        ids.extend((sid, i) for i in range(len(tokens)))
    doc = Document(id=speech.name, text=text.text, lang="de", published=speech_date(speech.name),
                   source="Deutscher Bundestag")
    pack = load_pack("de").attribution
    return BuiltSpeech(speech, doc, text, ids,
                       frozenset(c.casefold() for c in pack.complementisers))


# -- adapter: eventwire speech events -> SpkAtt events ---------------------------------------

def _span_ids(built: BuiltSpeech, span: Span | None) -> set[TokenId]:
    return set() if span is None else built.ids_in(span.start, span.end)


def _message_ids(built: BuiltSpeech, span: Span | None) -> set[TokenId]:
    """The message's tokens, widened to SpkAtt's conventions: the message includes a leading
    complementiser ("dass ...") and both marks of a quotation it spans."""
    if span is None:
        return set()
    hit = built.text.tokens_in(span.start, span.end)
    if not hit:
        return set()
    first, last = hit[0], hit[-1]

    def word(i: int) -> str:
        a, b = built.text.offsets[i]
        return built.doc.text[a:b]

    if (first > 0 and built.ids[first - 1][0] == built.ids[first][0]
            and word(first - 1).casefold() in built.complementisers):
        first -= 1
    if (first > 0 and last + 1 < len(built.ids) and word(first - 1) in OPENING_MARKS
            and word(last + 1) in CLOSING_MARKS):
        first, last = first - 1, last + 1
    return {built.ids[i] for i in range(first, last + 1)}


def speech_events_to_events(built: BuiltSpeech, skipped: Counter[str]) -> list[SpkEvent]:
    """The adapter: one SpkAtt event per speech event of the coded document."""
    events = []
    for se in built.doc.speech_events:
        cue: set[TokenId] = set()
        for span in se.cue:
            cue |= _span_ids(built, span)
        if not cue:
            skipped["system speech event whose cue maps to no token"] += 1
            continue
        event = SpkEvent()
        event.roles["cue"] = cue
        event.roles["ptc"] = _span_ids(built, se.particle) - cue
        event.roles["source"] = _span_ids(built, se.source)
        event.roles["message"] = (_message_ids(built, se.message) - cue - event.roles["ptc"]
                                  - event.roles["source"])
        events.append(event)
    return events


# -- scoring ------------------------------------------------------------------------------------

def pair_by_cue(gold: list[SpkEvent], system: list[SpkEvent]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold, system) of events whose cues share tokens, most shared first."""
    candidates = sorted(
        ((len(g.roles["cue"] & s.roles["cue"]), gi, si)
         for gi, g in enumerate(gold) for si, s in enumerate(system)
         if g.roles["cue"] & s.roles["cue"]),
        key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, gi, si in candidates:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return pairs


def score_events(gold: list[SpkEvent], system: list[SpkEvent],
                 counts: dict[str, Tally]) -> int:
    """Add one speech's token counts per role to ``counts``; returns the number of pairs."""
    pairs = pair_by_cue(gold, system)
    paired_g = {g for g, _ in pairs}
    paired_s = {s for _, s in pairs}
    for role in ROLES:
        c = counts[role]
        for gi, si in pairs:
            g, s = gold[gi].roles[role], system[si].roles[role]
            c.add(len(g & s), len(s), len(g))
        for gi, g_event in enumerate(gold):
            if gi not in paired_g:
                c.fn += len(g_event.roles[role])
        for si, s_event in enumerate(system):
            if si not in paired_s:
                c.fp += len(s_event.roles[role])
    return len(pairs)


def evaluate_spkatt(folder: Path, limit: int | None = None) -> SuiteResult:
    """Code the dev speeches (all, or the first ``limit``) and score cue, PTC, source and
    message."""
    loaded = read_speeches(folder)
    total = len(loaded)
    loaded = take(loaded, limit)
    skipped: Counter[str] = Counter()
    for _, s in loaded:
        skipped.update(s)
    built = [build_document(sp) for sp, _ in loaded]
    timed = timed_extract([b.doc for b in built], "de")
    coded, seconds = timed.docs, timed.seconds
    counts = {role: Tally() for role in ROLES}
    pairs = system_events = gold_events = 0
    for b, doc in zip(built, coded, strict=True):
        b.doc = doc
        if doc.errors:
            skipped["speeches with pipeline errors"] += 1
        system = speech_events_to_events(b, skipped)
        gold_events += len(b.speech.events)
        system_events += len(system)
        pairs += score_events(b.speech.events, system, counts)
    details: dict[str, Any] = {role: counts[role].scores() for role in ROLES}
    sentences = sum(len(b.speech.sentences) for b in built)
    tokens = sum(len(b.ids) for b in built)
    metrics: dict[str, float | int | None] = {f"{r}_f1": details[r]["f1"] for r in HEADLINE}
    metrics.update({f"{r}_p": details[r]["p"] for r in HEADLINE})
    metrics.update({f"{r}_r": details[r]["r"] for r in HEADLINE})
    metrics.update({"ptc_f1": details["ptc"]["f1"], "events": gold_events,
                    "system_events": system_events, "paired": pairs, "speeches": len(built),
                    "sentences": sentences, "tokens": tokens, "seconds": round(seconds, 2),
                    "speeches_per_s": round(len(built) / seconds, 2) if seconds else None})
    notes = [f"SpkAtt-2023 task 1 dev: {len(built)} of {total} speeches, {sentences} sentences, "
             f"{tokens} tokens, {gold_events} annotated events; eventwire produced "
             f"{system_events} speech events, {pairs} paired with a gold cue",
             "roles scored: cue, PTC, source, message (addressee, topic, medium and evidence "
             "are not produced by eventwire and are not scored)",
             f"pipeline time {seconds:.2f} s ({metrics['speeches_per_s']} speeches/s, "
             f"{round(tokens / seconds) if seconds else '-'} tokens/s), start-up "
             f"{timed.startup_seconds:.1f} s apart"]
    if limit is not None and limit < total:
        notes.insert(0, f"SAMPLE: the first {len(built)} of {total} speeches (--limit {limit}); "
                        "the full suite runs without --limit")
    return SuiteResult("spkatt", metrics, details=details, skipped=dict(skipped), notes=notes,
                       gated=tuple(f"{r}_f1" for r in HEADLINE))


def spkatt_suite(data: Path, options: SuiteOptions) -> SuiteResult:
    return evaluate_spkatt(data / "spkatt-gepade-de", options.limit)
