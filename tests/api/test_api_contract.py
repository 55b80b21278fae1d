"""The HTTP API against a running server: shapes, filters, pagination, errors, writes."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote

import httpx
import pytest

from tests.api.live import LiveServer

LISTS = ["/api/events", "/api/documents", "/api/actors"]


def events(server: LiveServer, **params: object) -> list[dict]:
    answer = server.get("/api/events", limit=500, **params)
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


@pytest.mark.parametrize("path", LISTS)
def test_api_lists_answer_items_and_total(server: LiveServer, path: str) -> None:
    answer = server.get(path)
    assert answer.status_code == 200
    body = answer.json()
    assert set(body) >= {"items", "total"}
    assert body["total"] >= len(body["items"]) > 0


def test_api_serves_its_openapi_spec_and_no_cdn_pages(server: LiveServer) -> None:
    spec = server.get("/openapi.json").json()
    for path in ("/api/events", "/api/documents", "/api/actors", "/api/dyad", "/api/graph",
                 "/api/export", "/api/ingest", "/api/actors/timeline"):
        assert path in spec["paths"]
    assert server.get("/docs").status_code == 404


def test_api_pages_do_not_overlap(server: LiveServer) -> None:
    first = server.get("/api/events", limit=2).json()
    second = server.get("/api/events", limit=2, offset=2).json()
    assert first["total"] == second["total"] >= 4
    ids = lambda page: {(e["document_id"], e["id"]) for e in page["items"]}  # noqa: E731
    assert len(ids(first)) == len(ids(second)) == 2
    assert not ids(first) & ids(second)


@pytest.mark.parametrize(("params", "field"), [
    ({"limit": 0}, "limit"), ({"limit": 501}, "limit"), ({"offset": -1}, "offset"),
    ({"country": "XX1"}, "country"), ({"type": "PARTY"}, "type"), ({"since": "2024-13-01"},
                                                                   "since"),
])
def test_api_rejects_bad_parameters_with_a_message(server: LiveServer, params: dict,
                                                   field: str) -> None:
    answer = server.get("/api/events", **params)
    assert answer.status_code == 422
    body = answer.json()
    assert body["status"] == 422 and field in body["message"]


def test_api_reversed_date_range_is_a_400(server: LiveServer) -> None:
    answer = server.get("/api/events", since="2024-12-01", until="2024-01-01")
    assert answer.status_code == 400
    assert answer.json() == {"status": 400, "message": "since 2024-12-01 is after until 2024-01-01"}


def names(e: dict) -> list[str]:
    return e["source_names"] + e["target_names"]


# Filters are checked on the hand-built documents (tests/api/handbuilt.py): known values, not
# whatever the pipeline of the day codes. Each filter must find something and nothing else.
@pytest.mark.parametrize(("params", "check"), [
    ({"type": "CONSULT"}, lambda e: e["type"] == "CONSULT"),
    ({"country": "PRK"}, lambda e: any(a["country"] == "PRK" for i, a in e["actors"].items()
                                       if i in e["source"] + e["target"])),
    ({"since": "2024-06-01", "until": "2024-06-30"},
     lambda e: (e["date"] or e["published"]).startswith("2024-06")),
    ({"reported_by": "KCNA"}, lambda e: "Korean Central News Agency" in e["reported_by_names"]),
    ({"outlet": "daily"}, lambda e: e["outlet"] == 'Test\tWire, "Daily"; Edition'),
    ({"text": "unterzeichneten"}, lambda e: "unterzeichneten" in e["evidence"]["text"]),
    ({"actor": "Wladimir Putin"}, lambda e: "Vladimir Putin" in names(e)),
    ({"document_id": "visit"}, lambda e: e["document_id"] == "visit"),
    ({"type": "PROTEST", "country": "DEU"}, lambda e: e["document_id"] == "protest"),
])
def test_api_event_filters_select_matching_events(server: LiveServer, params: dict,
                                                  check) -> None:
    found = events(server, **params)
    assert found, f"no events for {params}"
    assert all(check(e) for e in found)


def test_api_nonfactual_events_only_when_asked(server: LiveServer) -> None:
    plain = {e["id"] for e in events(server, document_id="visit")}
    every = {e["id"] for e in events(server, document_id="visit", nonfactual="true")}
    assert plain == {"e1", "e2", "e3"} and every == plain | {"e4"}


def test_api_events_show_their_evidence(server: LiveServer) -> None:
    ids = [d["id"] for d in server.get("/api/documents", limit=500).json()["items"]]
    assert {"visit", "en-meeting", "de-angriff"} <= set(ids)
    for doc_id in ids:
        doc = server.get(f"/api/documents/{quote(doc_id, safe='')}").json()
        for e in doc["events"]:
            ev = e["evidence"]
            assert doc["text"][ev["start"]:ev["end"]] == ev["text"]


def test_api_document_carries_attribution_chains(server: LiveServer) -> None:
    doc = server.get("/api/documents/visit").json()
    assert [(link["role"], link["name"]) for link in doc["event_attribution"]["e3"]] == [
        ("outlet", 'Test\tWire, "Daily"; Edition'), ("reported_by", "Korean Central News Agency"),
        ("speaker", "Kim Jong Un")]
    assert doc["quote_attribution"]["q1"][-1]["name"] == "Kim Jong Un"
    protest = server.get("/api/events/protest/e1").json()
    assert protest["attribution"] == [{"role": "outlet", "name": None, "actor_id": None}]


def test_api_seed_event_is_attributed_to_kcna(server: LiveServer) -> None:
    if not server.seeded:
        pytest.skip("../shared/seed is not beside the checkout")
    doc = server.get("/api/documents/000_b908b3031bc8d59f").json()
    meeting = next(e for e in doc["events"] if e["trigger"]["text"] == "Besprechung")
    names = [link["name"] for link in doc["event_attribution"][meeting["id"]]]
    assert names[1:] == ["Korean Central News Agency"]
    detail = server.get(f"/api/events/000_b908b3031bc8d59f/{meeting['id']}").json()
    assert detail["attribution"] == doc["event_attribution"][meeting["id"]]


def test_api_unknown_document_is_a_404_with_a_message(server: LiveServer) -> None:
    answer = server.get("/api/documents/no-such-document")
    assert answer.status_code == 404
    assert "no-such-document" in answer.json()["message"]
    assert server.get("/api/events/visit/e99").status_code == 404


def test_api_unknown_route_and_method_answer_json(server: LiveServer) -> None:
    assert server.get("/api/nothing").json()["status"] == 404
    with server.client() as c:
        answer = c.delete("/api/events")
    assert answer.status_code == 405 and answer.json()["status"] == 405


def test_api_actors_list_and_timeline(server: LiveServer) -> None:
    actors = server.get("/api/actors", name="Russia").json()["items"]
    russia = next(a for a in actors if a["kb_id"] == "state:RUS")
    assert russia["id"] == "state:RUS" and russia["events"] >= 1
    timeline = server.get("/api/actors/timeline", actor="Russia", by="month").json()
    assert timeline["items"] and all(r["source"] == "Russia" or r["target"] == "Russia"
                                     for r in timeline["items"])
    assert {"2024-11"} <= {r["period"] for r in timeline["items"]}  # visit e2, e3 (undated)


def test_api_dyad_between_two_countries(server: LiveServer) -> None:
    answer = server.get("/api/dyad", a="RUS", b="PRK", since="2024-01-01", until="2024-12-31",
                        by="month")
    body = answer.json()
    assert body["a"] == "country:RUS" and body["b"] == "country:PRK"
    assert sum(p["a_to_b"] + p["b_to_a"] for p in body["series"]) == body["events"]["total"] >= 1
    assert all(p["period"].startswith("2024-") for p in body["series"])
    for e in body["events"]["items"]:
        sides = [{e["actors"][i]["country"] for i in e[side] if i in e["actors"]}
                 for side in ("source", "target")]
        assert {"RUS", "PRK"} <= sides[0] | sides[1]
    if server.seeded:
        assert {"2024-06", "2024-11"} <= {p["period"] for p in body["series"]}


def test_api_graph_edges_join_listed_nodes(server: LiveServer) -> None:
    graph = server.get("/api/graph").json()
    ids = {n["id"] for n in graph["nodes"]}
    assert graph["edges"]
    for edge in graph["edges"]:
        assert edge["source"] in ids and edge["target"] in ids
        assert sum(edge["quads"].values()) == edge["events"]
    pairs = {(e["source"], e["target"]) for e in graph["edges"]}
    assert ("person:vladimir-putin", "state:PRK") in pairs
    assert ("name:group:farmers", "org:german-government") in pairs


def test_api_ingest_needs_the_token(server: LiveServer) -> None:
    body = {"documents": [{"text": "Olaf Scholz traf Emmanuel Macron.", "id": "token-test"}]}
    with server.client() as c:
        assert c.post("/api/ingest", json=body).status_code == 401
        wrong = c.post("/api/ingest", json=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.json()["message"] == "wrong token"
        right = c.post("/api/ingest", json=body,
                       headers={"Authorization": f"Bearer {server.token}"})
    assert right.status_code == 200, right.text
    assert right.json()["results"][0]["document_id"] == "token-test"


def test_api_limits_request_size(server: LiveServer) -> None:
    auth = {"Authorization": f"Bearer {server.token}"}
    big = json.dumps({"documents": [{"text": "x" * 3_000_000}]}).encode()
    with server.client() as c:
        declared = c.post("/api/ingest", content=big, headers=auth)
        streamed = c.post("/api/ingest", content=iter([big[:1_000_000]] * 3), headers=auth)
        long_url = c.get("/api/events", params={"text": "x" * 5000})
    assert declared.status_code == 413 and "larger than" in declared.json()["message"]
    assert streamed.status_code == 413
    assert long_url.status_code == 414


def test_api_sets_security_headers_and_no_cors(server: LiveServer) -> None:
    with server.client() as c:
        answer = c.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    assert "unsafe-inline" not in answer.headers["content-security-policy"]
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in answer.headers


@pytest.mark.parametrize(("fmt", "media"), [
    ("jsonl", "application/x-ndjson"), ("plover", "application/x-ndjson"),
    ("gdelt", "text/tab-separated-values"), ("csv", "text/csv"),
    ("parquet", "application/vnd.apache.parquet"),
])
def test_api_export_gives_every_listed_event(server: LiveServer, fmt: str, media: str) -> None:
    total = server.get("/api/events", country="RUS").json()["total"]
    answer = server.get("/api/export", format=fmt, country="RUS")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(media)
    assert int(answer.headers["x-eventwire-rows"]) == total
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(io.BytesIO(answer.content)).num_rows == total
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(answer.text)))) == total
    else:
        assert len(answer.text.splitlines()) == total


def test_api_health(server: LiveServer) -> None:
    assert server.get("/api/health").json()["status"] == "ok"
    with httpx.Client() as c:
        assert c.get(server.base + "/api/stats").json()["events"] >= 1
