"""Store fixtures: one ``store`` per backend, and documents built by hand or by the pipeline.

Every store test runs against SQLite (a real file in tmp_path, and in memory) and, when
EVENTWIRE_TEST_POSTGRES_URL is set, against PostgreSQL: each test there gets its own schema,
dropped afterwards, so the suite never touches other data in that database. ``.ci/postgres.sh``
starts a throwaway server and prints the variable to export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from store_corpus import corpus
from tests.postgres import postgres_schema

from eventwire.extract import extract_text
from eventwire.model import Document
from eventwire.store import SqlStore, open_store

BACKENDS = ["sqlite-file", "sqlite-memory", "postgresql"]


@pytest.fixture(params=BACKENDS)
def store_target(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A database address for a fresh, empty store of each backend."""
    if request.param == "sqlite-file":
        yield str(tmp_path / "eventwire.db")
    elif request.param == "sqlite-memory":
        yield "sqlite://"
    else:
        yield from postgres_schema()


@pytest.fixture
def store(store_target: str) -> Iterator[SqlStore]:
    with open_store(store_target) as opened:
        yield opened


@pytest.fixture
def corpus_store(store: SqlStore) -> SqlStore:
    for doc in corpus():
        store.save(doc)
    return store


# --- documents coded by the real pipeline ------------------------------------------------------

PIPELINE_TEXTS = {
    "treffen": ("Bundeskanzler Olaf Scholz hat am Dienstag in Paris den französischen "
                "Präsidenten Emmanuel Macron getroffen.", "2023-05-02"),
    "angriff": ("Russland hat am 3. Mai 2023 die Ukraine angegriffen. Das meldete die "
                "Nachrichtenagentur Reuters.", "2023-05-04"),
    "sanktionen": ("Die Bundesregierung hat am Montag neue Sanktionen gegen den Iran verhängt. "
                   "Außenministerin Annalena Baerbock sagte, Teheran müsse die Gewalt beenden.",
                   "2022-10-18"),
}


@pytest.fixture(scope="session")
def pipeline_docs() -> list[Document]:
    """German texts coded by the default pipeline (whatever it finds today)."""
    return [extract_text(text, lang="de", published=dt.date.fromisoformat(day), doc_id=doc_id)
            for doc_id, (text, day) in PIPELINE_TEXTS.items()]
