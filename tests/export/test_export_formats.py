"""What each format says about one event: PLOVER fields, GDELT codes, flat columns."""

from __future__ import annotations

import re

import pytest

from eventwire.export import iter_records
from eventwire.export.flat import flat_row
from eventwire.export.gdelt import COLUMNS, gdelt_row
from eventwire.export.plover import plover_record
from eventwire.export.tables import (
    country_name,
    default_cameo,
    fips,
    goldstein,
    plover_contexts,
    quad_class,
)
from eventwire.model import PLOVER_TYPES
from eventwire.ontology import plover
from eventwire.store import EventFilter, SqlStore


def record(store: SqlStore, document_id: str, event_id: str):
    found = [r for r in iter_records(store, EventFilter(document_id=document_id,
                                                        include_nonfactual=True))
             if r.event.id == event_id]
    assert len(found) == 1
    return found[0]


def gdelt(store: SqlStore, document_id: str, event_id: str) -> dict[str, str]:
    return dict(zip(COLUMNS, gdelt_row(record(store, document_id, event_id)), strict=True))


def test_plover_record_has_the_spec_fields(export_store: SqlStore) -> None:
    rec = plover_record(record(export_store, "visit", "e1"))
    assert rec["id"] == "visit#e1"
    assert rec["date"] == "2024-06-01" and rec["enddate"] == "2024-06-30"
    assert rec["date_basis"] == "text" and rec["date_text"] == "Im Juni"
    assert rec["event"] == ["CONSULT"] and rec["mode"] == ["visit"]
    assert rec["quad_code"] == plover()["CONSULT"].quad and rec["event_scale"] == 4.0
    [actor] = rec["actor"]
    assert actor == {"code": "RUS", "sector": None, "entity_text": "Wladimir Putin",
                     "identifier_id": "Q7747", "identifier_text": "Vladimir Putin",
                     "office": "President", "type": "person", "kb_id": "person:vladimir-putin",
                     "actor_id": "a1"}
    assert rec["recipient"][0]["code"] == "PRK" and rec["recipient"][0]["sector"] == "GOV"
    assert rec["event_loc"]["geonameid"] == 1871859
    assert rec["event_loc"]["extracted_place"] == "Pjöngjang"
    assert rec["event_loc"]["country_code"] == "PRK"
    doc_text = record(export_store, "visit", "e1").doc.text
    info = rec["text_info"]
    assert doc_text[info["start"]:info["end"]] == rec["event_text"][0]
    assert set(rec["cite_info"]) >= {"url", "title", "language", "publication", "coder",
                                     "codebook"}
    assert "text" not in rec  # article text is never exported


def test_plover_record_keeps_compound_actors_and_the_chain(export_store: SqlStore) -> None:
    compound = plover_record(record(export_store, "visit", "e2"))
    assert [a["code"] for a in compound["actor"]] == ["RUS", "PRK"]
    assert compound["recipient"] == []
    assert compound["mode"] == [] and compound["mode_detail"] == "sign"
    assert compound["context"] == ["diplomatic"]  # CAMEO 057 in the CAMEO->PLOVER table
    quoted = plover_record(record(export_store, "visit", "e3"))
    assert [(link["role"], link["name"]) for link in quoted["attribution"]] == [
        ("outlet", 'Test\tWire, "Daily"; Edition'), ("reported_by", "Korean Central News Agency"),
        ("speaker", "Kim Jong Un")]


def test_plover_undated_event_takes_the_publication_date(export_store: SqlStore) -> None:
    rec = plover_record(record(export_store, "visit", "e2"))
    assert rec["date"] == "2024-11-20" and rec["date_basis"] == "publication"
    nothing = plover_record(record(export_store, "protest", "e1"))
    assert nothing["date"] is None and nothing["date_basis"] is None


def test_gdelt_row_codes_dates_and_geography(export_store: SqlStore) -> None:
    row = gdelt(export_store, "visit", "e1")
    assert re.fullmatch(r"\d{1,16}", row["GLOBALEVENTID"])
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20240601", "202406", "2024")
    assert row["FractionDate"] == "2024.4959"
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("042", "042",
                                                                              "04")
    assert row["QuadClass"] == "1" and row["GoldsteinScale"] == "1.9"
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"]) == (
        "RUS", "Vladimir Putin", "RUS")
    assert (row["Actor2Code"], row["Actor2Type1Code"]) == ("PRKGOV", "GOV")
    assert (row["Actor1Geo_Type"], row["Actor1Geo_CountryCode"]) == ("1", "RS")
    assert row["Actor2Geo_FullName"] == "North Korea" and row["Actor2Geo_CountryCode"] == "KN"
    assert row["ActionGeo_Type"] == "4" and row["ActionGeo_FullName"] == "Pyongyang, North Korea"
    assert (row["ActionGeo_Lat"], row["ActionGeo_Long"]) == ("39.03385", "125.75432")
    assert row["ActionGeo_FeatureID"] == "1871859" and row["ActionGeo_CountryCode"] == "KN"
    assert row["IsRootEvent"] == "1" and row["NumArticles"] == "1"
    assert re.fullmatch(r"\d{14}", row["DATEADDED"])
    assert row["SOURCEURL"] == "https://news.example.org/visit"


def test_gdelt_row_without_codes_dates_or_coordinates(export_store: SqlStore) -> None:
    supported = gdelt(export_store, "visit", "e3")  # no CAMEO code from the coder
    assert supported["EventCode"] == "050" and supported["GoldsteinScale"] == "3.5"
    assert supported["IsRootEvent"] == "0"
    protest = gdelt(export_store, "protest", "e1")
    assert protest["SQLDATE"] == "" and protest["EventCode"] == "140"
    assert protest["QuadClass"] == "4" and protest["GoldsteinScale"] == "-6.5"
    assert (protest["ActionGeo_Type"], protest["ActionGeo_CountryCode"]) == ("1", "GM")
    assert protest["SOURCEURL"] == "protest"


def test_gdelt_cells_never_hold_tabs_or_newlines(export_store: SqlStore) -> None:
    for rec in iter_records(export_store):
        assert all("\t" not in c and "\n" not in c for c in gdelt_row(rec))


def test_flat_row_joins_lists_and_keeps_offsets(export_store: SqlStore) -> None:
    row = flat_row(record(export_store, "visit", "e2"))
    assert row["source_names"] == "Russia; North Korea" and row["source_countries"] == "RUS; PRK"
    assert row["target_ids"] is None and row["date"] is None
    assert row["evidence_text"].startswith("Russland und Nordkorea")
    quoted = flat_row(record(export_store, "visit", "e3"))
    assert quoted["attribution"].endswith("-> Korean Central News Agency -> Kim Jong Un")


@pytest.mark.parametrize(("code", "score"), [
    ("040", 1.0), ("042", 1.9), ("0231", 3.4), ("057", 8.0), ("190", -10.0), ("1999", -10.0),
    ("0874", 10.0), ("", None), (None, None), ("99", None),
])
def test_goldstein_scores_follow_the_cameo_hierarchy(code, score) -> None:
    assert goldstein(code) == score


@pytest.mark.parametrize(("code", "quad"), [
    ("010", 1), ("057", 1), ("060", 2), ("084", 2), ("090", 3), ("130", 3), ("140", 4),
    ("204", 4), ("21", None), ("x1", None),
])
def test_quad_class_comes_from_the_cameo_root(code, quad) -> None:
    assert quad_class(code) == quad


def test_lookup_tables_cover_what_the_exporters_need() -> None:
    assert (fips("DEU"), fips("RUS"), fips("PRK"), fips("USA"), fips("GBR")) == (
        "GM", "RS", "KN", "US", "UK")
    assert fips("XXX") is None and country_name("UKR") == "Ukraine"
    for plover_type in PLOVER_TYPES:
        code = default_cameo(plover_type)
        assert code is not None and goldstein(code) is not None, plover_type
    assert plover_contexts("0311") == ["economic"] and plover_contexts(None) == []
