"""Syndicated copies: one wire story reprinted with other headlines and boilerplate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.fusion.copies import CopyRecord, ShingleIndex, detect_copies, new_index, shingles

DATA = Path(__file__).resolve().parents[1] / "data" / "fusion"


def texts(*ids: str) -> list[tuple[str, str, str]]:
    return [(i, f"hash-{i}", (DATA / "articles" / f"{i}.txt").read_text("utf-8")) for i in ids]


@pytest.mark.parametrize("exact", [False, True], ids=["minhash", "exact-shingles"])
def test_copies_point_to_the_first_document_of_the_story(exact) -> None:
    records = detect_copies(texts("a02", "a03", "a04", "a01"), [], lambda ids: {}, exact=exact)
    found = {r.document_id: r.copy_of for r in records}
    assert found == {"a02": None, "a03": "a02", "a04": "a02", "a01": None}


@pytest.mark.parametrize("exact", [False, True], ids=["minhash", "exact-shingles"])
def test_copies_other_reports_of_one_event_are_not_copies(exact) -> None:
    # The same drone attack told by the wire (a14), a German agency (a16) and Moscow (a19).
    records = detect_copies(texts("a14", "a16", "a18", "a19"), [], lambda ids: {}, exact=exact)
    assert all(r.copy_of is None for r in records)


def test_copies_found_on_the_whole_corpus_match_the_manifest() -> None:
    rows = [json.loads(line) for line in (DATA / "manifest.jsonl").read_text().splitlines()]
    ordered = sorted(rows, key=lambda r: (r["published"], r["id"]))
    records = detect_copies(texts(*(r["id"] for r in ordered)), [], lambda ids: {})
    assert {r.document_id: r.copy_of for r in records} == {r["id"]: r["copy_of"] for r in rows}


def test_copies_stored_signatures_are_used_again() -> None:
    first = detect_copies(texts("a02"), [], lambda ids: {})
    asked: list[str] = []

    def text_of(ids: list[str]) -> dict[str, str]:
        asked.extend(ids)
        return {}

    later = detect_copies(texts("a03"), first, text_of)
    assert later[0].copy_of == "a02" and asked == []  # a02 was not hashed again
    if first[0].signature is not None:
        assert later[0].scheme == first[0].scheme and later[0].scheme.startswith("minhash/")


def test_copies_records_without_a_usable_signature_are_hashed_from_their_text() -> None:
    old = CopyRecord("a02", "h", None, None, None, "some-old-scheme")
    text = dict((i, t) for i, _, t in texts("a02"))
    later = detect_copies(texts("a03"), [old], lambda ids: {i: text[i] for i in ids})
    assert later[0].copy_of == "a02"


def test_copies_exact_index_scores_jaccard_of_word_shingles() -> None:
    index = ShingleIndex(0.5)
    index.add("x", index.sign("one two three four five six"))
    assert index.find(index.sign("one two three four five six seven")) == [("x", 0.6667)]
    assert shingles("Ein Text.") == frozenset({"ein text"})
    assert new_index(0.5, exact=True).scheme == "shingles/5"
