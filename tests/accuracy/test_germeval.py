"""Suite ``germeval``: BIO spans, the actor/place mapping, and a sample run."""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import pytest

from eventwire.evaluation.base import SuiteOptions
from eventwire.evaluation.germeval import CLASSES, TEST_FILE, bio_spans, system_spans
from eventwire.evaluation.suites import run_suite
from eventwire.evaluation.tokens import detokenize
from eventwire.model import Actor, Document, Mention, Place

from .conftest import data_folder


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 1, "PER"), (3, 3, "LOC")]),
        (["B-LOCderiv", "O", "B-ORG", "B-ORG"], [(0, 0, "LOCderiv"), (2, 2, "ORG"),
                                                 (3, 3, "ORG")]),
        (["O", "I-ORG", "I-ORG", "I-PER"], [(1, 2, "ORG"), (3, 3, "PER")]),
        (["O", "O"], []),
    ],
)
def test_germeval_bio_spans(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert bio_spans(tags) == spans


def test_germeval_system_spans_keeps_names_and_maps_types() -> None:
    tokens = ["Angela", "Merkel", "traf", "sie", "in", "Paris", "und", "die", "UNO", "."]
    text = detokenize(tokens)
    t = text.text

    def mention(word: str, kind: str = "name") -> Mention:
        start = t.index(word)
        return Mention(text=word, start=start, end=start + len(word), kind=kind)

    doc = Document(id="s", text=t, lang="de", actors=[
        Actor(id="a1", name="Angela Merkel", type="person",
              mentions=[mention("Angela Merkel"), mention("sie", "pronoun")]),
        Actor(id="a2", name="United Nations", type="organization",
              mentions=[mention("UNO", "acronym")]),
        Actor(id="a3", name="France", type="state", mentions=[mention("Paris", "metonym")]),
    ], places=[Place(id="p1", name="Paris", mentions=[mention("Paris")])])
    ignored: Counter[str] = Counter()
    assert system_spans(doc, text, ignored) == {(0, 1, "PER"), (8, 8, "ORG"), (5, 5, "LOC")}
    assert ignored == {"system pronoun mentions (not names)": 1}


def _gold_in_first(path: Path, n: int) -> Counter[str]:
    """Scored gold entities in the first n sentences, counted from B- tags."""
    counts: Counter[str] = Counter()
    sentences = 0
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                sentences += 1
                if sentences > n:
                    break
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[2][2:] in CLASSES and cols[2].startswith("B-"):
                counts[cols[2][2:]] += 1
    return counts


@pytest.mark.shared
def test_germeval_sample_runs_and_counts_the_sample() -> None:
    folder = data_folder("germeval2014-ner")
    result = run_suite("germeval", folder.parent, SuiteOptions(limit=150))
    gold = _gold_in_first(folder / TEST_FILE, 150)
    assert result.metrics["sentences"] == 150
    assert result.metrics["gold"] == sum(gold.values())
    for label in CLASSES:
        d = result.details[label]
        assert d["tp"] + d["fn"] == gold[label], label
        assert 0.0 <= d["f1"] <= 1.0
    micro = result.details["micro"]
    assert micro["tp"] == sum(result.details[label]["tp"] for label in CLASSES)
    assert 0.0 < float(result.metrics["micro_f1"] or 0) <= 1.0
    assert any(note.startswith("SAMPLE: the first 150 of 5100") for note in result.notes)


def test_germeval_system_spans_leave_out_unnamed_groups_and_word_parts() -> None:
    tokens = ["Russische", "Soldaten", "und", "die", "SPD-Fraktion", "trafen", "Ute", "Berg", "."]
    text = detokenize(tokens)
    t = text.text

    def mention(word: str, kind: str = "guessed") -> Mention:
        start = t.index(word)
        return Mention(text=word, start=start, end=start + len(word), kind=kind)

    doc = Document(id="s", text=t, lang="de", actors=[
        Actor(id="a1", name="Russian soldiers", type="group",
              mentions=[mention("Russische Soldaten")]),
        Actor(id="a2", name="SPD", type="organization", mentions=[mention("SPD", "acronym")]),
        Actor(id="a3", name="Ute Berg", type="person", mentions=[mention("Ute Berg")]),
        Actor(id="a4", name="soldiers", type="group", generic=True,
              mentions=[mention("Soldaten")]),
    ])
    doc.actors[0].mentions[0].text = "russische Soldaten"  # as written mid-sentence
    ignored: Counter[str] = Counter()
    assert system_spans(doc, text, ignored) == {(6, 7, "PER")}
    assert ignored["system unnamed groups (not names)"] == 2
    assert ignored["system names inside a corpus token (parts, not scored)"] == 1


def test_place_spans_stop_before_punctuation() -> None:
    from eventwire.extract import ExtractOptions, extract_documents

    doc = Document(id="p", text="Sie zog 2019 nach Hamburg, später nach Paris.", lang="de")
    coded = next(iter(extract_documents([doc], ExtractOptions(lang="de"))))
    assert sorted(m.text for p in coded.places for m in p.mentions) == ["Hamburg", "Paris"]
