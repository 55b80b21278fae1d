"""Fusion fixtures: stores of every backend, and the fusion corpus coded by the real pipeline.

PostgreSQL runs when EVENTWIRE_TEST_POSTGRES_URL is set (``eval "$(.ci/postgres.sh)"``); each
test then gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.postgres import postgres_schema

from eventwire.extract import ExtractOptions
from eventwire.fusion.evaluate import corpus_documents
from eventwire.fusion.run import fuse
from eventwire.model import Document
from eventwire.store import SqlStore, open_store
from eventwire.store.ingest import ingest_documents

DATA = Path(__file__).resolve().parents[1] / "data" / "fusion"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_b908b3031bc8d59f.txt"


@pytest.fixture(params=["sqlite-file", "sqlite-memory", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite-file":
        yield str(tmp_path / "eventwire.db")
    elif request.param == "sqlite-memory":
        yield "sqlite://"
    else:
        yield from postgres_schema("ew_fusion")


@pytest.fixture
def store(store_target: str) -> Iterator[SqlStore]:
    with open_store(store_target) as opened:
        yield opened


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the fusion corpus ingested by the full pipeline and fused."""
    path = tmp_path_factory.mktemp("fusion") / "corpus.db"
    with open_store(path) as store:
        report = ingest_documents(store, corpus_documents(DATA), ExtractOptions())
        assert report.failed == 0, report.problems
        fuse(store)
    return path


@pytest.fixture(scope="session")
def seed_db(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus store with the seed article added afterwards and fused incrementally."""
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED} (../shared beside the checkout)")
    path = tmp_path_factory.mktemp("fusion-seed") / "seed.db"
    shutil.copy(corpus_db, path)
    seed = Document(id="seed", text=SEED.read_text("utf-8"), lang="de", source="RT DE",
                    published=dt.date(2024, 11, 20), published_from="metadata")
    with open_store(path) as store:
        ingest_documents(store, [seed], ExtractOptions())
        fuse(store)
    return path
