"""Fused events in the store: incremental, deterministic, consistent with the documents."""

from __future__ import annotations

from fusion_docs import meeting, small_corpus
from sqlalchemy import inspect

from eventwire.fusion import service
from eventwire.fusion.cluster import fused_id
from eventwire.store import EventFilter, SqlStore
from eventwire.store.fused import report_keys

DOCS = small_corpus()


def save(store, *docs) -> None:
    for d in docs:
        store.save(d)


def keys(store: SqlStore) -> dict[tuple[str, str], str]:
    return store._read(report_keys)


def test_store_fusion_tables_exist_after_opening(store) -> None:
    names = set(inspect(store.engine).get_table_names())
    assert {"fused_events", "fused_reports", "fused_actors", "fused_documents"} <= names


def test_store_fuse_puts_every_report_in_one_fused_event(store) -> None:
    save(store, *DOCS)
    result = service.fuse(store)
    assert (result.documents, result.reports, result.created) == (5, 5, 3)
    assert keys(store) == {("m1", "e1"): fused_id(("m1", "e1")),
                           ("m2", "e1"): fused_id(("m1", "e1")),
                           ("o1", "n1"): fused_id(("o1", "n1")),
                           ("o2", "n1"): fused_id(("o1", "n1")),
                           ("k1", "n1"): fused_id(("k1", "n1"))}


def test_store_fuse_again_changes_nothing_and_rebuild_gives_the_same_ids(store) -> None:
    save(store, *DOCS)
    service.fuse(store)
    before = keys(store)
    again = service.fuse(store)
    assert (again.reports, again.created, again.updated) == (0, 0, 0)
    assert service.fuse(store, rebuild=True).created == 3
    assert keys(store) == before


def test_store_fuse_is_incremental(store) -> None:
    save(store, DOCS[0], DOCS[2])
    service.fuse(store)
    first = keys(store)
    save(store, *DOCS[1:])
    result = service.fuse(store)
    assert (result.reports, result.created, result.updated) == (3, 1, 2)
    now = keys(store)
    assert all(now[k] == v for k, v in first.items())  # ids stay
    assert now[("m2", "e1")] == now[("m1", "e1")] and now[("o2", "n1")] == now[("o1", "n1")]


def test_store_deleted_or_recoded_documents_leave_their_fused_events(store) -> None:
    save(store, *DOCS)
    service.fuse(store)
    store.delete_document("k1")
    store.delete_document("o2")
    recoded = meeting("m2", "2024-11-20", outlet="Elbe-Kurier", date="2024-11-19",
                      text="Kim Jong Un met Alexander Kozlov on Tuesday, KCNA said.")
    recoded.url = DOCS[1].url
    assert store.save(recoded).status == "updated"
    result = service.fuse(store)
    assert result.deleted == 1  # Kharkiv had no other report
    rows, total = service.fused_events(store, limit=None)
    assert total == 2 and {r["report_count"] for r in rows} == {1, 2}
    assert ("m2", "e1") in keys(store)


def test_store_fused_rows_list_their_reports_and_filter_by_them(store) -> None:
    save(store, *DOCS)
    service.fuse(store)
    rows, total = service.fused_events(store)
    assert total == 3 and [r["type"] for r in rows] == ["ASSAULT", "ASSAULT", "CONSULT"]
    meeting_row = rows[2]
    assert meeting_row["reports"] == [
        {"document_id": "m1", "event_id": "e1", "source": "Pacific Dispatch", "lang": "en",
         "published": "2024-11-19", "copy_of": None},
        {"document_id": "m2", "event_id": "e1", "source": "Elbe-Kurier", "lang": "en",
         "published": "2024-11-20", "copy_of": "m1"}]  # the same text: a copy
    assert (meeting_row["report_count"], meeting_row["story_count"]) == (2, 1)
    assert meeting_row["source_names"] == ["Kim Jong Un"]
    found, n = service.fused_events(store, EventFilter(actor="Kozlov"))
    assert n == 1 and found[0]["id"] == meeting_row["id"]
    found, n = service.fused_events(store, EventFilter(outlet="Harbor", include_nonfactual=True))
    assert n == 1 and found[0]["report_count"] == 2


def test_store_claims_show_chains_quotes_and_state_media(store) -> None:
    save(store, *DOCS)
    service.fuse(store)
    claims = service.claims(store, fused_id(("m1", "e1")))
    first = claims.reports[0]
    assert [link.name for link in first.chain] == [
        "Pacific Dispatch", "Korean Central News Agency (KCNA)", "Kim Jong Un"]
    assert first.chain[1].state_media and claims.state_media_only
    assert first.quotes[0].text == "relations reached a new strategic level"
    attack_claims = service.claims(store, fused_id(("o1", "n1")))
    assert not attack_claims.state_media_only
    assert [link.role for link in attack_claims.reports[0].chain] == [
        "outlet", "reported_by", "source"]


def test_store_dyad_counts_fused_events(store) -> None:
    save(store, *DOCS)
    service.fuse(store)
    series = service.dyad(store, "RUS", "UKR", "day")
    assert (series.events, series.reports) == (2, 3)
    assert [(r.period, r.events) for r in series.rows] == [("2024-11-25", 1), ("2024-11-26", 1)]
    assert service.dyad(store, "person:kim-jong-un", "Kozlov").events == 1
    assert service.dyad(store, "Kim", "UKR").events == 0
