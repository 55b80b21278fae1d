"""The Store contract: every backend must pass every test here (see conftest.store_target)."""

from __future__ import annotations

import datetime as dt

import pytest
from store_corpus import corpus, event, full_document

from eventwire.model import Document
from eventwire.store import (
    ActorFilter,
    CountOptions,
    DocumentFilter,
    DocumentNotFoundError,
    EventFilter,
    StoreError,
)


def ids(rows: list[dict]) -> list[tuple[str, str]]:
    return [(r["document_id"], r["id"]) for r in rows]


# --- saving: idempotent ingest, replacement, ids ----------------------------------------------

def test_store_save_new_document_is_inserted(store):
    result = store.save(corpus()[0])
    assert (result.document_id, result.status) == ("berlin-moskau", "inserted")
    assert store.count() == 1


def _same_text_other_id(doc: Document) -> Document:
    return doc.model_copy(update={"id": "copy"})


def _same_text_other_url(doc: Document) -> Document:
    return doc.model_copy(update={"id": "syndicated", "url": "https://mirror.example/a",
                                  "source": "Mirror"})


def _same_text_other_line_endings(doc: Document) -> Document:
    return doc.model_copy(update={"text": doc.text.replace(". ", ".\r\n") + "\n"})


def _same_url_no_url_field(doc: Document) -> Document:
    return doc.model_copy(update={"url": None})


@pytest.mark.parametrize("again", [
    lambda d: d, _same_text_other_id, _same_text_other_url, _same_text_other_line_endings,
    _same_url_no_url_field,
], ids=["identical", "other-id", "other-url", "crlf-and-trailing-newline", "url-missing"])
def test_store_save_same_document_twice_is_unchanged(store, again):
    first = store.save(corpus()[0])
    second = store.save(again(corpus()[0]))
    assert second.status == "unchanged"
    assert second.document_id == first.document_id
    assert store.stats()["documents"] == 1
    assert store.stats()["events"] == 3


def test_store_save_changed_text_under_same_url_replaces_its_records(store):
    original = corpus()[0]
    store.save(original)
    before = store.documents().rows[0]
    text = "Deutschland wirft Russland erneut Desinformation vor."
    changed = original.model_copy(update={
        "id": "renamed", "text": text, "title": "Neu", "nonfactual_events": [],
        "events": [event("e1", "ACCUSE", ["a1"], ["a2"], text, text, date="2023-05-03")],
    })
    result = store.save(changed)
    assert (result.document_id, result.status) == ("berlin-moskau", "updated")
    stored = store.get_document("berlin-moskau")
    assert stored.text == text and stored.title == "Neu"
    assert [e.date for e in stored.events] == ["2023-05-03"] and stored.nonfactual_events == []
    assert store.stats() == {"documents": 1, "actors": 4, "events": 1, "quotes": 0, "timex": 0,
                             "places": 0}
    assert store.events(EventFilter(actor="Scholz")).total == 0  # the old event's participants
    after = store.documents().rows[0]
    assert after["ingested_at"] == before["ingested_at"]
    assert after["updated_at"] >= before["updated_at"]
    assert after["content_hash"] != before["content_hash"]


def test_store_save_force_rewrites_an_unchanged_text(store):
    store.save(corpus()[0])
    recoded = corpus()[0].model_copy(update={"events": corpus()[0].events[:1]})
    assert store.save(recoded).status == "unchanged"
    assert store.save(recoded, force=True).status == "updated"
    assert len(store.get_document("berlin-moskau").events) == 1


def test_store_save_other_text_under_a_taken_id_gets_a_new_id(store):
    store.save(corpus()[0])
    other = corpus()[1].model_copy(update={"id": "berlin-moskau", "url": None})
    result = store.save(other)
    assert result.status == "inserted"
    assert result.document_id.startswith("berlin-moskau-") and len(result.document_id) == 22
    assert store.get_document(result.document_id).text == other.text
    assert store.save(other).document_id == result.document_id


def test_store_unchanged_id_names_the_stored_copy(store):
    bm = corpus()[0]
    assert store.unchanged_id(bm) is None
    store.save(bm)
    assert store.unchanged_id(bm.model_copy(update={"id": "x", "url": None})) == "berlin-moskau"
    assert store.unchanged_id(bm.model_copy(update={"text": bm.text + " Neu."})) is None


@pytest.mark.parametrize("attr", ["actors", "events", "quotes", "timex", "places"])
def test_store_save_rejects_duplicate_ids_and_keeps_nothing(store, attr):
    doc = full_document()
    items = getattr(doc, attr)
    setattr(doc, attr, [*items, items[0]])
    with pytest.raises(StoreError, match=f"{attr} id .* occurs twice"):
        store.save(doc)
    assert store.count() == 0


def test_store_save_rejects_an_event_id_shared_with_a_nonfactual_event(store):
    doc = full_document()
    doc.nonfactual_events[0].id = doc.events[0].id
    with pytest.raises(StoreError, match="occurs twice"):
        store.save(doc)


# --- reading documents back -------------------------------------------------------------------

@pytest.mark.parametrize("build", [full_document, *(lambda d=d: d for d in corpus())],
                         ids=["full", "berlin-moskau", "kiew", "undated"])
def test_store_get_document_round_trips_the_model(store, build):
    doc = build()
    stored_id = store.save(doc).document_id
    assert store.get_document(stored_id) == doc
    assert store.get_document(stored_id).to_json() == doc.to_json()


def test_store_get_document_round_trips_pipeline_documents(store, pipeline_docs):
    for doc in pipeline_docs:
        store.save(doc)
        assert store.get_document(doc.id) == doc.model_copy(update={"tokens": []})
        rows, total = store.events(EventFilter(document_id=doc.id, include_nonfactual=True))
        assert total == len(doc.events) + len(doc.nonfactual_events)
        assert store.events(EventFilter(document_id=doc.id)).total == len(doc.events)
        assert {r["id"] for r in rows} == {e.id for e in [*doc.events, *doc.nonfactual_events]}
    assert store.count() == len(pipeline_docs)


def test_store_get_document_unknown_id_raises_lookup_error(store):
    with pytest.raises(DocumentNotFoundError, match="'nope'"):
        store.get_document("nope")
    with pytest.raises(LookupError):
        store.get_document("nope")


def test_store_delete_document_removes_it_and_its_records(corpus_store):
    assert corpus_store.delete_document("kiew") is True
    assert corpus_store.delete_document("kiew") is False
    assert corpus_store.stats() == {"documents": 2, "actors": 6, "events": 4, "quotes": 0,
                                    "timex": 0, "places": 0}
    assert corpus_store.events(EventFilter(document_id="kiew")).total == 0


# --- events ------------------------------------------------------------------------------------

BM1, BM2, BN1 = ("berlin-moskau", "e1"), ("berlin-moskau", "e2"), ("berlin-moskau", "n1")
K1, K2, U1 = ("kiew", "e1"), ("kiew", "e2"), ("undated", "e1")
MAY, JUNE = dt.date(2023, 5, 1), dt.date(2023, 6, 1)


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, {BM1, BM2, K1, K2, U1}),
    ({"actor": "russland"}, {BM1, BM2}),                     # a German mention, any case
    ({"actor": "STATE:ukr"}, {K1, K2, U1}),                  # a KB id, any case
    ({"actor": "Scholz"}, {BM2}),                            # a substring of the name
    ({"actor": "a3"}, {BM2, K2}),                            # an actor id, in every document
    ({"actor": "örtlichen behörden"}, {K2}),                 # folds non-ASCII capitals
    ({"actor": "country:DEU"}, {BM1, BM2, U1}),
    ({"actor": "KCNA"}, set()),                              # a reporter is not a participant
    ({"actor": "100%"}, set()),                              # LIKE wildcards are literal
    ({"country": "ukr"}, {K1, K2, U1}),
    ({"types": ("ASSAULT", "aid")}, {K1, K2}),
    ({"since": dt.date(2023, 5, 15)}, {BM2, K1, K2}),        # "2023-05" spans the month
    ({"until": MAY}, {BM1, BM2}),
    ({"since": dt.date(2023, 5, 20), "until": dt.date(2023, 5, 20)}, {BM2}),
    ({"since": JUNE}, {K1, K2}),                             # undated: the publication day
    ({"reported_by": "kcna"}, {BM2}),
    ({"outlet": "SÜDDEUTSCHE"}, {K1, K2}),
    ({"outlet": "tagesschau"}, {BM1, BM2}),
    ({"text": "charkiw"}, {K1}),
    ({"document_id": "kiew"}, {K1, K2}),
    ({"document_id": "berlin-moskau", "include_nonfactual": True}, {BM1, BM2, BN1}),
    ({"actor": "Russland", "types": ("CONSULT",)}, {BM2}),
    ({"actor": "ukraine", "country": "RUS", "until": MAY}, set()),
])
def test_store_events_filters(corpus_store, filters, expected):
    rows, total = corpus_store.events(EventFilter(**filters), limit=None)
    assert set(ids(rows)) == expected
    assert total == len(expected)


def test_store_events_are_newest_first_then_in_document_order(corpus_store):
    rows, _ = corpus_store.events(limit=None)
    assert ids(rows) == [K1, K2, BM1, BM2, U1]


@pytest.mark.parametrize(("limit", "offset", "expected"), [
    (2, 0, [K1, K2]), (2, 2, [BM1, BM2]), (2, 4, [U1]), (2, 6, []), (None, 3, [BM2, U1]),
])
def test_store_events_pages_share_one_total(corpus_store, limit, offset, expected):
    rows, total = corpus_store.events(limit=limit, offset=offset)
    assert ids(rows) == expected
    assert total == 5


def test_store_events_rows_carry_contract_fields_and_actor_names(corpus_store):
    (row,), _ = corpus_store.events(EventFilter(reported_by="KCNA"))
    contract = {"id", "type", "mode", "cameo", "source", "target", "date", "date_text", "place",
                "reported_by", "evidence", "confidence"}
    assert contract <= row.keys()
    assert row["document_id"] == "berlin-moskau" and row["type"] == "CONSULT"
    assert (row["source"], row["target"], row["reported_by"]) == (["a3"], ["a2"], ["a4"])
    assert row["source_names"] == ["Olaf Scholz"] and row["target_names"] == ["Russia"]
    assert row["reported_by_names"] == ["KCNA"]
    assert row["actors"]["a3"] == {"name": "Olaf Scholz", "type": "person", "country": "DEU",
                                   "kb_id": "person:olaf-scholz"}
    assert (row["published"], row["outlet"], row["url"]) == (
        "2023-05-02", "Tagesschau", "https://example.org/a")
    assert row["evidence"]["text"].startswith("Kanzler Scholz") and row["date"] == "2023-05"


# --- documents and actors ---------------------------------------------------------------------

@pytest.mark.parametrize(("filters", "expected"), [
    ({}, ["kiew", "berlin-moskau", "undated"]),               # newest publication first
    ({"source": "süddeutsche"}, ["kiew"]),
    ({"lang": "EN"}, ["undated"]),
    ({"since": JUNE}, ["kiew"]),
    ({"until": JUNE}, ["berlin-moskau"]),
    ({"url": "https://example.org/a"}, ["berlin-moskau"]),
])
def test_store_documents_filters(corpus_store, filters, expected):
    rows, total = corpus_store.documents(DocumentFilter(**filters))
    assert [r["id"] for r in rows] == expected and total == len(expected)


def test_store_documents_rows_count_factual_events_and_actors(corpus_store):
    rows = {r["id"]: r for r in corpus_store.documents().rows}
    assert {k: (r["events"], r["actors"]) for k, r in rows.items()} == {
        "berlin-moskau": (2, 4), "kiew": (2, 3), "undated": (1, 2)}
    bm = rows["berlin-moskau"]
    assert (bm["source"], bm["lang"], bm["published"]) == ("Tagesschau", "de", "2023-05-02")
    assert dt.datetime.fromisoformat(bm["ingested_at"]).tzinfo is not None
    assert len(bm["content_hash"]) == 64


def test_store_actors_are_grouped_across_documents_most_active_first(corpus_store):
    rows, total = corpus_store.actors(limit=None)
    assert [(r["name"], r["documents"], r["events"]) for r in rows] == [
        ("Russia", 2, 3), ("Ukraine", 2, 3), ("Germany", 2, 2), ("Lokale Behörden", 1, 1),
        ("Olaf Scholz", 1, 1), ("KCNA", 1, 0)]
    assert total == 6
    assert rows[0] == {"kb_id": "state:RUS", "name": "Russia", "type": "state",
                       "country": "RUS", "documents": 2, "events": 3}


@pytest.mark.parametrize(("filters", "expected"), [
    ({"name": "russ"}, [("Russia", 2, 3)]),
    ({"type": "person"}, [("Olaf Scholz", 1, 1)]),
    ({"country": "ukr"}, [("Ukraine", 2, 3), ("Lokale Behörden", 1, 1)]),
    ({"document_id": "kiew", "name": "state:"}, [("Ukraine", 1, 2), ("Russia", 1, 1)]),
])
def test_store_actors_filters(corpus_store, filters, expected):
    rows, total = corpus_store.actors(ActorFilter(**filters))
    assert [(r["name"], r["documents"], r["events"]) for r in rows] == expected
    assert total == len(expected)


# --- counts over time -------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b", "by", "expected"), [
    ("country:DEU", "Russia", "month", [("2023-05", "country:DEU", "Russia", "ACCUSE", 1, -2.0),
                                        ("2023-05", "country:DEU", "Russia", "CONSULT", 1, 1.0)]),
    ("Ukraine", "russia", "day", [("2023-06-10", "russia", "Ukraine", "ASSAULT", 1, -9.0)]),
    ("Russia", "Ukraine", "week", [("2023-W23", "Russia", "Ukraine", "ASSAULT", 1, -9.0)]),
    ("country:RUS", "country:DEU", "month", [       # the threat back is not factual
        ("2023-05", "country:DEU", "country:RUS", "ACCUSE", 1, -2.0),
        ("2023-05", "country:DEU", "country:RUS", "CONSULT", 1, 1.0)]),
])
def test_store_dyad_counts_both_directions_per_period(corpus_store, a, b, by, expected):
    rows = corpus_store.dyad(a, b, CountOptions(by=by))
    assert [(r["period"], r["source"], r["target"], r["type"], r["events"], r["intensity"])
            for r in rows] == expected


def test_store_dyad_merges_days_into_months_and_averages_intensity(store):
    docs = corpus()[:1]
    later = corpus()[0].model_copy(update={
        "id": "later", "url": None, "text": corpus()[0].text + " Nachtrag.",
        "published": dt.date(2023, 5, 20), "nonfactual_events": []})
    later.events[0].date, later.events[0].intensity = "2023-05-19", -4.0
    for doc in [*docs, later]:
        store.save(doc)
    rows = store.dyad("Germany", "Russia", CountOptions(types=("accuse",)))
    assert [(r["period"], r["events"], r["intensity"]) for r in rows] == [("2023-05", 2, -3.0)]
    rows = store.dyad("Germany", "Russia", CountOptions(by="day", types=("ACCUSE",),
                                                        since=dt.date(2023, 5, 10)))
    assert [(r["period"], r["events"]) for r in rows] == [("2023-05-19", 1)]


def test_store_timeline_counts_an_actor_as_source_and_as_target(corpus_store):
    rows = corpus_store.timeline("Ukraine", CountOptions(by="month"))
    assert [(r["period"], r["source"], r["target"], r["type"], r["events"]) for r in rows] == [
        ("2023-06", "*", "Ukraine", "AID", 1), ("2023-06", "*", "Ukraine", "ASSAULT", 1)]
    rows = corpus_store.timeline("Scholz")
    assert [(r["period"], r["source"], r["target"], r["type"]) for r in rows] == [
        ("2023-05", "Scholz", "*", "CONSULT")]
