"""A live server per backend: SQLite always, PostgreSQL when EVENTWIRE_TEST_POSTGRES_URL is set."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.live import LiveServer, live_server


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    yield from live_server(tmp_path_factory, request.param)

