"""A store with hand-built documents (every field the exporters read, awkward characters
included) and one article coded by the real pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.store import SqlStore, open_store
from tests.api.handbuilt import protest_document, visit_document


@pytest.fixture(scope="session")
def export_store(tmp_path_factory: pytest.TempPathFactory, code_de) -> Iterator[SqlStore]:
    path: Path = tmp_path_factory.mktemp("export") / "eventwire.db"
    with open_store(path) as store:
        store.save(visit_document())
        store.save(protest_document())
        coded = code_de("Russland hat am 3. Mai 2023 die Ukraine angegriffen. Das meldete die "
                        "Nachrichtenagentur Reuters.", "2023-05-04")
        coded.id = "angriff"
        store.save(coded)
        yield store
