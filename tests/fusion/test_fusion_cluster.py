"""Clustering: deterministic, incremental, and one fused event per real-world event."""

from __future__ import annotations

import random

from fusion_docs import Ev, doc, meeting

from eventwire.fusion.cluster import Clusterer, blocking_keys, fused_id
from eventwire.fusion.memory import fuse_documents
from eventwire.fusion.reports import Report, reports_from_document
from eventwire.model import Document


def reports(*docs) -> list[Report]:
    return [r for d in docs for r in reports_from_document(d)]


def groups(clusterer: Clusterer) -> set[frozenset[tuple[str, str]]]:
    return {frozenset(m.report.key for m in c.members) for c in clusterer.clusters.values()}


def odesa(doc_id: str, published: str, date: str = "2024-11-25") -> Document:
    return doc(doc_id, published, Ev("ASSAULT", ["Russia"], ["Ukraine"], date, "Odesa"))


def kharkiv(doc_id: str, published: str) -> Document:
    return doc(doc_id, published, Ev("ASSAULT", ["Russia"], ["Ukraine"], "2024-11-26", "Kharkiv"))


CORPUS = [meeting("m1", "2024-11-19"), meeting("m2", "2024-11-20", outlet="Other"),
          meeting("m3", "2024-11-19", date="2024-11"), odesa("o1", "2024-11-26"),
          odesa("o2", "2024-11-27"), kharkiv("k1", "2024-11-27"), kharkiv("k2", "2024-11-28")]


def test_cluster_one_fused_event_per_real_event() -> None:
    clusterer = Clusterer()
    clusterer.add_all(reports(*CORPUS))
    assert groups(clusterer) == {
        frozenset({("m1", "e1"), ("m2", "e1"), ("m3", "e1")}),
        frozenset({("o1", "e1"), ("o2", "e1")}), frozenset({("k1", "e1"), ("k2", "e1")})}


def test_cluster_ids_come_from_the_earliest_report() -> None:
    clusterer = Clusterer()
    clusterer.add_all(reports(*CORPUS))
    assert fused_id(("m1", "e1")) in clusterer.clusters  # m1 and m3 share a day: m1 sorts first
    assert fused_id(("o1", "e1")) in clusterer.clusters
    assert fused_id(("m1", "e1")).startswith("fe-") and len(fused_id(("m1", "e1"))) == 15


def test_cluster_same_input_in_any_order_gives_the_same_events_and_ids() -> None:
    expected = Clusterer()
    expected.add_all(reports(*CORPUS))
    for seed in range(5):
        shuffled = reports(*CORPUS)
        random.Random(seed).shuffle(shuffled)
        again = Clusterer()
        again.add_all(shuffled)
        assert {k: groups_of(again, k) for k in again.clusters} == {
            k: groups_of(expected, k) for k in expected.clusters}


def groups_of(clusterer: Clusterer, cluster_id: str) -> frozenset[tuple[str, str]]:
    return frozenset(m.report.key for m in clusterer.clusters[cluster_id].members)


def test_cluster_incremental_runs_keep_ids_and_add_to_existing_events() -> None:
    first = Clusterer()
    first.add_all(reports(*CORPUS[:4]))
    later = Clusterer()
    for cluster_id, cluster in first.clusters.items():
        later.restore(cluster_id, cluster.members)
    assignments = later.add_all(reports(*CORPUS[4:]))
    joined = {a.key: a.fused_id for a in assignments}
    assert joined[("o2", "e1")] == fused_id(("o1", "e1"))  # joins the event found earlier
    assert set(first.clusters) <= set(later.clusters)
    assert groups(later) == groups(_batch())


def _batch() -> Clusterer:
    clusterer = Clusterer()
    clusterer.add_all(reports(*CORPUS))
    return clusterer


def test_cluster_a_report_most_members_veto_is_refused() -> None:
    # Two reports date the attack on the 25th; one misdated report must not pull in the 26th.
    a = doc("a", "2024-11-26", Ev("ASSAULT", ["Russia"], [], "2024-11-25"))
    b = doc("b", "2024-11-26", Ev("ASSAULT", ["Russia"], [], "2024-11-25"))
    c = doc("c", "2024-11-27", Ev("ASSAULT", ["Russia"], [], "2024-11-25", "Odesa"))
    other = doc("d", "2024-11-28", Ev("ASSAULT", ["Russia"], ["Ukraine"], "2024-11-26"))
    clusterer = Clusterer()
    clusterer.add_all(reports(a, b, c, other))
    assert frozenset({("d", "e1")}) in groups(clusterer)


def test_cluster_blocking_keys_name_type_and_identities() -> None:
    (r,) = reports(meeting("m", "2024-11-19"))
    keys = blocking_keys(r)
    assert {"CONSULT|kb:person:kim-jong-un", "CONSULT|country:RUS",
            "CONSULT|place:geonames:1871859"} <= keys
    assert all(k.startswith("CONSULT|") for k in keys)


def test_cluster_in_memory_fusion_summarises_each_event() -> None:
    fusion = fuse_documents(CORPUS)
    meeting_event = next(e for e in fusion.events if e.type == "CONSULT")
    assert (meeting_event.date, meeting_event.reports, meeting_event.quad) == ("2024-11-18", 3, 1)
    assert meeting_event.intensity == 2.5  # PLOVER: CONSULT, no score for mode 'meet'
    assert [s.actor.name for s in meeting_event.source] == ["Kim Jong Un"]
    assert meeting_event.state_media_only  # every report cites KCNA
