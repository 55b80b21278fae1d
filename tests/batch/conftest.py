"""Batch fixtures: a fresh database of each backend the batch runner writes to.

SQLite is a real file; PostgreSQL runs where EVENTWIRE_TEST_POSTGRES_URL is set (CI starts a
throwaway server), each test in its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url, text

POSTGRES_URL = os.environ.get("EVENTWIRE_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite-file", "postgresql"])
def batch_db(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "sqlite-file":
        yield str(tmp_path / "batch.db")
        return
    if not POSTGRES_URL:
        pytest.skip("EVENTWIRE_TEST_POSTGRES_URL is not set (.ci/postgres.sh starts a server)")
    name = f"ew_batch_{uuid.uuid4().hex[:12]}"
    admin = create_engine(make_url(POSTGRES_URL).set(drivername="postgresql+psycopg"))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={name}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()
