"""The driver-side rules of engines without a store: the store's rules, in input order."""

from __future__ import annotations

import pytest

from eventwire.batch.assign import Seen, decide, free_id
from eventwire.dedup import NearDuplicateIndex

STORY = ("Bundeskanzler Olaf Scholz hat am Dienstag in Paris den französischen Präsidenten "
         "Emmanuel Macron getroffen. Beide sprachen über die Hilfe für die Ukraine und über "
         "den Handel zwischen den beiden Ländern, hieß es aus Regierungskreisen.")


def _seen(name: str, doc_id: str, text: str, url: str | None = None) -> Seen:
    index = NearDuplicateIndex()
    return Seen(name, doc_id, url, str(hash(text)), index.signature_bytes(text))


@pytest.mark.parametrize(("taken", "expected"), [
    (set(), "x"), ({"x"}, "x-abcdef12"), ({"x", "x-abcdef12"}, "x-abcdef12-2"),
])
def test_batch_assign_free_id_follows_the_store(taken, expected):
    assert free_id("x", "abcdef1234", taken) == expected


def test_batch_assign_decides_in_input_order():
    items = [
        _seen("a.txt", "a", STORY),
        _seen("b.txt", "b", f"PARIS (AFP) - {STORY} Mehr in Kürze."),
        _seen("c.txt", "a", "Eine ganz andere Meldung über das Wetter in Hamburg am Montag."),
        _seen("d.txt", "d", STORY),
        _seen("e.txt", "e", "Noch eine Meldung, diesmal aus Wien.", url="https://x/1"),
        _seen("f.txt", "f", "Dieselbe Adresse, anderer Text.", url="https://x/1"),
    ]
    decisions = {d.name: (d.status, d.document_id) for d in decide(items, NearDuplicateIndex())}
    assert decisions == {
        "a.txt": ("inserted", "a"),
        "b.txt": ("copy", "a"),
        "c.txt": ("inserted", f"a-{items[2].content_hash[:8]}"),
        "d.txt": ("unchanged", "a"),
        "e.txt": ("inserted", "e"),
        "f.txt": ("unchanged", "e"),
    }


def test_batch_assign_without_an_index_keeps_copies_as_articles():
    items = [_seen("a.txt", "a", STORY), _seen("b.txt", "b", f"PARIS (AFP) - {STORY}")]
    assert [d.status for d in decide(items, None)] == ["inserted", "inserted"]
