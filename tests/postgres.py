"""A fresh PostgreSQL schema per test, for the suites that run against both backends.

PostgreSQL runs where EVENTWIRE_TEST_POSTGRES_URL is set (``eval "$(.ci/postgres.sh)"`` starts
a server from Debian's packages, as CI does); elsewhere those tests are skipped with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url, text

POSTGRES_URL = os.environ.get("EVENTWIRE_TEST_POSTGRES_URL")
NO_POSTGRES = "EVENTWIRE_TEST_POSTGRES_URL is not set (eval \"$(.ci/postgres.sh)\" starts a server)"


def postgres_schema(prefix: str = "ew_test") -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a new schema, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
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
