"""Suite ``germeval``: GermEval 2014 NER (test) as a diagnostic of eventwire's name recogniser.

Gold: the outer-level column, BIO spans of PER, ORG and LOC only; the ``deriv`` and ``part``
sub-tags and OTH are left out and counted. System: every actor mention that names the actor
(kinds name, short, acronym, metonym, guessed; pronouns, titles, nominals, adjectives and
demonyms are not names) with person -> PER, organization/group -> ORG, state/location -> LOC,
and every mention of ``doc.places`` as LOC (an actor's label wins where both cover a span).
Unnamed groups are not names either: generic actors ("die Opposition") and guessed mentions
that open with a lower-case word ("russische Soldaten": GermEval tags only the adjective, as
LOCderiv, which is not scored).

Each sentence is its own document (the corpus gives sentences without their articles), with
the sentence's crawl date as publication date. Spans are mapped back to the corpus tokens by
character overlap and scored by exact token span and label: P/R/F1 per class and micro-averaged.
A name found inside one corpus token ("SPD" in "SPD-Fraktion") is what GermEval tags as a
``part`` entity and is left out like the gold parts.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluation.base import SuiteOptions, SuiteResult, Tally, take, timed_extract
from eventwire.evaluation.tokens import TokenText, detokenize
from eventwire.model import Document

FOLDER = "germeval2014-ner"
TEST_FILE = "NER-de-test.tsv.gz"
DEV_FILE = "NER-de-dev.tsv.gz"  # for developing rules: the test split is only measured
CLASSES = ("PER", "ORG", "LOC")
ACTOR_LABELS = {"person": "PER", "organization": "ORG", "group": "ORG", "state": "LOC",
                "location": "LOC"}
NAME_KINDS = frozenset({"name", "short", "acronym", "metonym", "guessed"})

Span = tuple[int, int, str]  # first token, last token, label


@dataclass
class NerSentence:
    tokens: list[str]
    spans: list[Span]
    excluded: Counter[str]
    published: dt.date | None


def bio_spans(tags: list[str]) -> list[Span]:
    """Spans of a BIO column; an I- tag that does not continue its label starts a span."""
    spans: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        continues = prefix == "I" and name == label and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i - 1, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, name
    return spans


def _date(comment: str) -> dt.date | None:
    m = re.search(r"\[(\d{4}-\d{2}-\d{2})\]", comment)
    try:
        return dt.date.fromisoformat(m.group(1)) if m else None
    except ValueError:
        return None


def read_germeval(path: Path) -> list[NerSentence]:
    """Sentences of a GermEval 2014 TSV file (gzip or plain) with their scored gold spans."""
    if not path.is_file():
        raise InputError(str(path), "GermEval 2014 file not found; pass --data with the "
                         "folder holding germeval2014-ner/")
    opener = gzip.open if path.suffix == ".gz" else open
    sentences: list[NerSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    comment = ""

    def close() -> None:
        if not tokens:
            return
        kept: list[Span] = []
        excluded: Counter[str] = Counter()
        for span in bio_spans(tags):
            if span[2] in CLASSES:
                kept.append(span)
            else:
                excluded[f"gold {span[2]} (not scored)"] += 1
        sentences.append(NerSentence(list(tokens), kept, excluded, _date(comment)))
        tokens.clear()
        tags.clear()

    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("#"):
                close()
                comment = line
                continue
            if not line.strip():
                close()
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise InputError(str(path), f"expected index, token, outer tag: {line!r}")
            tokens.append(cols[1])
            tags.append(cols[2])
    close()
    return sentences


def system_spans(doc: Document, text: TokenText, ignored: Counter[str]) -> set[Span]:
    """Labelled token spans of the names eventwire found in one sentence document."""
    by_span: dict[tuple[int, int], str] = {}

    def put(start: int, end: int, label: str, weak: bool) -> None:
        hit = text.tokens_in(start, end)
        if not hit:
            return
        a, b = text.offsets[hit[0]][0], text.offsets[hit[-1]][1]
        rest = doc.text[a:start] + doc.text[end:b]
        if len(hit) == 1 and (rest[:1] in ("-", "/") or rest[-1:] in ("-", "/")):
            # 'SPD' in 'SPD-Fraktion': a name inside a word is a -part entity, not scored
            ignored["system names inside a corpus token (parts, not scored)"] += 1
            return
        if (a, b) != (start, end):
            ignored["system spans cutting a corpus token (mapped to whole tokens)"] += 1
        if any(not any(ch.isalnum() for ch in doc.text[slice(*text.offsets[k])])
               for k in (hit[0], hit[-1])):
            ignored["system spans with a punctuation token at an edge (scored as they are)"] += 1
        key = (hit[0], hit[-1])
        if weak and key in by_span:
            return
        by_span.setdefault(key, label)

    for actor in doc.actors:
        label = ACTOR_LABELS.get(actor.type)
        for m in actor.mentions:
            if label is None or m.kind not in NAME_KINDS:
                ignored[f"system {m.kind} mentions (not names)"] += 1
                continue
            if actor.generic or (m.kind == "guessed" and m.text[:1].islower()):
                ignored["system unnamed groups (not names)"] += 1
                continue
            put(m.start, m.end, label, weak=False)
    for place in doc.places:
        for m in place.mentions:
            put(m.start, m.end, "LOC", weak=True)
    return {(a, b, label) for (a, b), label in by_span.items()}


def score_sentence(gold: list[Span], system: set[Span], tallies: dict[str, Tally]) -> None:
    g = set(gold)
    for label in CLASSES:
        gl = {s for s in g if s[2] == label}
        sl = {s for s in system if s[2] == label}
        tallies[label].add(len(gl & sl), len(sl), len(gl))


def evaluate_germeval(folder: Path, limit: int | None = None, *,
                      split_file: str = TEST_FILE) -> SuiteResult:
    """Exact-span F1 per class and micro-averaged on the GermEval 2014 test (or dev) sentences."""
    sentences = read_germeval(folder / split_file)
    split = "dev" if split_file == DEV_FILE else "test"
    total = len(sentences)
    sentences = take(sentences, limit)
    texts = [detokenize(s.tokens) for s in sentences]
    docs = [Document(id=f"germeval-{split}-{n}", text=t.text, lang="de", published=s.published)
            for n, (s, t) in enumerate(zip(sentences, texts, strict=True), 1)]
    timed = timed_extract(docs, "de")
    coded, seconds = timed.docs, timed.seconds
    tallies = {label: Tally() for label in CLASSES}
    skipped: Counter[str] = Counter()
    ignored: Counter[str] = Counter()
    for s, t, doc in zip(sentences, texts, coded, strict=True):
        skipped.update(s.excluded)
        if doc.errors:
            skipped["sentences with pipeline errors"] += 1
        score_sentence(s.spans, system_spans(doc, t, ignored), tallies)
    micro = Tally(sum(t.tp for t in tallies.values()), sum(t.fp for t in tallies.values()),
                  sum(t.fn for t in tallies.values()))
    details: dict[str, Any] = {label: tallies[label].scores() for label in CLASSES}
    details["micro"] = micro.scores()
    gold_total = sum(len(s.spans) for s in sentences)
    metrics: dict[str, float | int | None] = {
        "micro_f1": details["micro"]["f1"], "micro_p": details["micro"]["p"],
        "micro_r": details["micro"]["r"],
        **{f"{label.lower()}_f1": details[label]["f1"] for label in CLASSES},
        "sentences": len(sentences), "gold": gold_total,
        "seconds": round(seconds, 2),
        "sentences_per_s": round(len(sentences) / seconds, 1) if seconds else None,
    }
    notes = [f"GermEval 2014 {split}: {len(sentences)} of {total} sentences, one document per "
             f"sentence; {gold_total} gold PER/ORG/LOC spans scored",
             f"pipeline time {seconds:.2f} s ({metrics['sentences_per_s']} sentences/s), "
             f"start-up {timed.startup_seconds:.1f} s apart",
             *(f"ignored: {reason}={n}" for reason, n in sorted(ignored.items()))]
    if limit is not None and limit < total:
        notes.insert(0, f"SAMPLE: the first {len(sentences)} of {total} sentences (--limit "
                        f"{limit}); the full suite runs without --limit")
    name = "germeval" if split == "test" else "germeval-dev"
    return SuiteResult(name, metrics, details=details, skipped=dict(sorted(skipped.items())),
                       notes=notes, gated=("micro_f1", "per_f1", "org_f1", "loc_f1"))


def germeval_suite(data: Path, options: SuiteOptions) -> SuiteResult:
    return evaluate_germeval(data / FOLDER, options.limit)


def germeval_dev_suite(data: Path, options: SuiteOptions) -> SuiteResult:
    """The dev split, where recogniser rules are developed (never on test)."""
    return evaluate_germeval(data / FOLDER, options.limit, split_file=DEV_FILE)
