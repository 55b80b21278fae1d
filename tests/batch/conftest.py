"""Batch fixtures: a fresh database of each backend the batch runner writes to.

SQLite is a real file; PostgreSQL runs where EVENTWIRE_TEST_POSTGRES_URL is set (CI starts a
throwaway server), each test in its own schema, dropped afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.postgres import postgres_schema


@pytest.fixture(params=["sqlite-file", "postgresql"])
def batch_db(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "sqlite-file":
        yield str(tmp_path / "batch.db")
        return
    yield from postgres_schema("ew_batch")
