"""tools/build_phoenix_kb.py: reading the PETRARCH dictionary format and choosing entries."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.kb.loader import DATA_DIR
from eventwire.kb.schema import ImportedActors
from eventwire.langpacks.loader import read_yaml

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_phoenix_kb.py"


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_phoenix_kb", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_phoenix_kb"] = module
    spec.loader.exec_module(module)
    return module


SAMPLE = """\
# comment
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
+PRESIDENT_PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV >080508]
\t[RUSELI]
OLD_MINISTER_  # CountryInfo.txt
\t[RUSGOV 19900101-20000101]
ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]# comment
MORO_ISLAMIC_LIBERATION_FRONT_(MILF)_ [PHLREB] #  kkl 21 Mar 13
"""


def test_phoenix_reads_records_synonyms_and_dated_codes(tool: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "x.actors.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    records = list(tool.read_actors(path))
    assert [r.phrase for r in records] == ["VLADIMIR PUTIN", "OLD MINISTER", "ANN VENEMAN",
                                           "MORO ISLAMIC LIBERATION FRONT (MILF)"]
    putin = records[0]
    assert putin.countryinfo and putin.synonyms == ["PUTIN", "PRESIDENT PUTIN"]
    assert putin.spans[0].start == dt.date(1970, 1, 1) and putin.spans[0].end == dt.date(1999, 8, 9)
    assert putin.spans[1].start == dt.date(2008, 5, 8) and putin.spans[1].end is None
    assert records[2].spans[1].code == "IGOUNOKID"
    assert tool._current(putin.spans) and not tool._current(records[1].spans)


def test_phoenix_display_names(tool: ModuleType) -> None:
    assert tool.display("VLADIMIR PUTIN", person=True) == "Vladimir Putin"
    assert tool.display("B. LYNN PASCOE", person=True) == "B. Lynn Pascoe"
    assert tool.display("BOUTROS BOUTROS-GHALI", person=True) == "Boutros Boutros-Ghali"


def test_phoenix_shipped_import_is_valid_and_attributed() -> None:
    path = DATA_DIR / "imported" / "phoenix_actors.yaml"
    imported = ImportedActors.model_validate(read_yaml(path))
    assert imported.licence == "MIT"
    assert len(imported.people) > 1000 and len(imported.organisations) > 100
    assert all(p.cameo for p in imported.people)


@pytest.mark.shared
def test_phoenix_import_is_up_to_date(tool: ModuleType, shared_dir: Path) -> None:
    assert tool.main(["--shared", str(shared_dir), "--check"]) == 0
