"""The fusion routes of the HTTP API, over a real SQLite store."""

from __future__ import annotations

from pathlib import Path

import pytest
from fusion_docs import small_corpus

pytest.importorskip("fastapi", reason="the HTTP API needs the 'api' extra")
from fastapi.testclient import TestClient

from eventwire.api import ApiSettings, create_app
from eventwire.fusion import service
from eventwire.fusion.cluster import fused_id
from eventwire.store import open_store

MEETING = fused_id(("m1", "e1"))


@pytest.fixture
def client(tmp_path: Path):
    store = open_store(tmp_path / "api.db")
    for d in small_corpus():
        store.save(d)
    service.fuse(store)
    with TestClient(create_app(store, ApiSettings(ui=False))) as test_client:
        yield test_client
    store.close()


def test_api_fused_events_list_with_reports_and_filters(client) -> None:
    body = client.get("/api/fused-events").json()
    assert body["total"] == 3 and body["limit"] >= 3
    meeting = next(e for e in body["items"] if e["id"] == MEETING)
    assert [r["document_id"] for r in meeting["reports"]] == ["m1", "m2"]
    found = client.get("/api/fused-events", params={"actor": "Kozlov"}).json()
    assert [e["id"] for e in found["items"]] == [MEETING]


def test_api_fused_event_and_its_claims(client) -> None:
    assert client.get(f"/api/fused-events/{MEETING}").json()["report_count"] == 2
    claims = client.get(f"/api/fused-events/{MEETING}/claims").json()
    assert [link["name"] for link in claims["first_report"]["chain"]] == [
        "Pacific Dispatch", "Korean Central News Agency (KCNA)", "Kim Jong Un"]
    assert claims["state_media_only"] is True


def test_api_unknown_fused_event_is_a_404_with_a_message(client) -> None:
    for path in ("/api/fused-events/fe-none", "/api/fused-events/fe-none/claims"):
        answer = client.get(path)
        assert answer.status_code == 404 and "fe-none" in answer.json()["message"]


def test_api_fused_dyad_counts_real_events(client) -> None:
    body = client.get("/api/fused-dyad", params={"a": "RUS", "b": "UKR", "by": "day"}).json()
    assert (body["events"], body["reports"]) == (2, 3)
    assert [r["period"] for r in body["rows"]] == ["2024-11-25", "2024-11-26"]


def test_api_fused_dyad_refuses_a_reversed_range(client) -> None:
    answer = client.get("/api/fused-dyad", params={"a": "RUS", "b": "UKR",
                                                   "since": "2024-12-01", "until": "2024-11-01"})
    assert answer.status_code == 400 and "after" in answer.json()["message"]


def test_api_fused_dyad_with_a_blank_side_finds_nothing(client) -> None:
    answer = client.get("/api/fused-dyad", params={"a": " ", "b": "UKR"})
    assert answer.status_code == 200 and answer.json()["events"] == 0
