"""Documents to rows and back, without a database."""

from __future__ import annotations

import datetime as dt

import pytest
from store_corpus import corpus, full_document

from eventwire.store import schema
from eventwire.store.rows import child_rows, content_hash, document_from_rows, document_row, fold


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Scholz traf Macron.", "Scholz traf Macron.", True),
    ("Scholz traf Macron.", "Scholz traf Macron.\n", True),
    ("Scholz\r\ntraf  Macron.", "Scholz\ntraf Macron.", True),
    ("Sch\u00f6n", "Scho\u0308n", True),                 # composed and decomposed umlaut
    ("Scholz traf Macron.", "Scholz traf Macron!", False),
    ("Scholz traf Macron.", "scholz traf Macron.", False),
])
def test_rows_content_hash_ignores_only_whitespace_and_normalisation(a, b, same):
    assert (content_hash(a) == content_hash(b)) is same


@pytest.mark.parametrize(("text", "folded"), [
    ("ÖRTLICHE BEHÖRDEN", "örtliche behörden"), ("Straße", "strasse"), ("KCNA", "kcna"),
])
def test_rows_fold(text, folded):
    assert fold(text) == folded


def test_rows_round_trip_without_a_database():
    doc = full_document()
    row = document_row(doc, doc.id, content_hash(doc.text), dt.datetime.now(dt.UTC))
    children = child_rows(doc, doc.id)
    by_attr = {"actors": children[schema.actors], "events": children[schema.events],
               "quotes": children[schema.quotes], "timex": children[schema.timex],
               "places": children[schema.places]}
    assert document_from_rows(row, by_attr) == doc


def test_rows_event_actor_rows_list_every_role_in_order():
    children = child_rows(corpus()[0], "bm")
    roles = [(r["event_id"], r["role"], r["position"], r["actor_id"])
             for r in children[schema.event_actors]]
    assert roles == [("e1", "source", 0, "a1"), ("e1", "target", 0, "a2"),
                     ("e2", "source", 0, "a3"), ("e2", "target", 0, "a2"),
                     ("e2", "reporter", 0, "a4"),
                     ("n1", "source", 0, "a2"), ("n1", "target", 0, "a1")]


def test_rows_events_keep_derived_columns_out_of_the_model():
    (e1, e2, n1) = child_rows(corpus()[0], "bm")[schema.events]
    assert (e1["date_start"].isoformat(), e1["date_end"].isoformat()) == ("2023-05-01",
                                                                          "2023-05-01")
    assert (e2["date_start"].isoformat(), e2["date_end"].isoformat()) == ("2023-05-01",
                                                                          "2023-05-31")
    assert (e1["nonfactual"], n1["nonfactual"]) == (False, True)
    assert e2["search"] == fold(e2["evidence"]["text"])
    assert "search" not in e1["extra"] and "nonfactual" not in e1["extra"]
