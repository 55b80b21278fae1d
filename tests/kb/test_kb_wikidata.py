"""`eventwire kb import-wikidata` on a small dump written for these tests."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.errors import InputError
from eventwire.kb.cache import DIR_ENV
from eventwire.kb.loader import DATA_DIR, load_knowledge_base
from eventwire.kb.wikidata import import_dump, iter_entities, write_import

SAMPLE = Path(__file__).parent / "data" / "wikidata-sample.json"


@pytest.fixture(params=["plain", "gz", "bz2"])
def dump(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    raw = SAMPLE.read_bytes()
    if request.param == "plain":
        return SAMPLE
    path = tmp_path / f"dump.json.{request.param}"
    path.write_bytes(gzip.compress(raw) if request.param == "gz" else bz2.compress(raw))
    return path


def test_kb_wikidata_reads_every_compression(dump: Path) -> None:
    assert sum(1 for _ in iter_entities(dump)) == 14


def test_kb_wikidata_keeps_people_with_dated_positions(dump: Path) -> None:
    imported, counts = import_dump(dump, ("de", "en"))
    people = {p.id: p for p in imported.people}
    assert counts["lines"] == 14
    assert set(people) == {"person:vladimir-putin", "person:alexander-kozlov",
                           "person:angela-merkel"}
    kozlov = people["person:alexander-kozlov"]
    assert kozlov.names["de"] == ["Alexander Koslow"]
    assert kozlov.roles[0].office == "natural_resources_minister"
    assert kozlov.roles[0].country == "RUS" and kozlov.roles[0].start == dt.date(2020, 11, 10)
    merkel = people["person:angela-merkel"]
    assert [r.office for r in merkel.roles] == ["head_of_government"]  # no start, no office: out
    assert merkel.roles[0].country == "DEU" and merkel.gender == "f"
    assert "ru" not in people["person:vladimir-putin"].names  # only the configured languages


def test_kb_wikidata_keeps_states_and_known_kinds_of_organisation() -> None:
    imported, _ = import_dump(SAMPLE, ("de", "en"))
    assert [o.id for o in imported.organisations] == ["org:example-news-agency"]
    assert imported.organisations[0].kind == "media"
    assert imported.organisations[0].country == "RUS"
    assert {s.iso3 for s in imported.state_names} == {"RUS", "DEU"}


def test_kb_wikidata_import_loads_into_the_kb(tmp_path: Path) -> None:
    imported, _ = import_dump(SAMPLE, ("de", "en"))
    out = tmp_path / "wd.yaml"
    out.write_text(write_import(imported), encoding="utf-8")
    kb = load_knowledge_base(DATA_DIR, [out], imports=False)
    assert kb.lookup("Example News Agency")[0].entity.id == "org:example-news-agency"
    assert kb.lookup("Rußland")[0].entity.id == "state:RUS"  # a new state name
    # curated records win: the imported Putin does not replace the curated one
    assert kb.entities["person:vladimir-putin"].roles[0].start == dt.date(2012, 5, 7)


def test_kb_wikidata_cli_writes_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DIR_ENV, str(tmp_path / "cache"))
    out = tmp_path / "wd.yaml"
    result = CliRunner().invoke(cli, ["kb", "import-wikidata", str(SAMPLE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "kept 3 people" in result.output
    assert "natural_resources_minister" in out.read_text(encoding="utf-8")


def test_kb_wikidata_bad_line_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[\n{not json},\n]\n", encoding="utf-8")
    with pytest.raises(InputError, match=":2"):
        list(iter_entities(bad))
