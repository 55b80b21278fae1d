"""Settings from the environment, and what they switch on the app (in process: no server
needed to read a header)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from eventwire.store import open_store

api = pytest.importorskip("eventwire.api", reason="needs the api extra: pip install -e '.[api]'")
ApiSettings, create_app = api.ApiSettings, api.create_app
SettingsError = pytest.importorskip("eventwire.api.settings").SettingsError
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    TestClient = pytest.importorskip("fastapi.testclient").TestClient


def test_settings_read_the_environment() -> None:
    settings = ApiSettings.from_env({
        "EVENTWIRE_API_TOKEN": " s3cret ", "EVENTWIRE_API_MAX_LIMIT": "20",
        "EVENTWIRE_API_CORS_ORIGINS": "https://a.example, https://b.example"})
    assert settings.token == "s3cret" and settings.max_limit == 20
    assert settings.default_limit == 20
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert "s3cret" not in repr(settings)
    assert ApiSettings.from_env({}).token is None


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_settings_refuse_bad_numbers(value: str) -> None:
    with pytest.raises(SettingsError, match="EVENTWIRE_API_MAX_BODY_BYTES"):
        ApiSettings.from_env({"EVENTWIRE_API_MAX_BODY_BYTES": value})


def test_writes_are_off_without_a_token_and_cors_only_when_configured(tmp_path: Path) -> None:
    with open_store(tmp_path / "e.db") as store:
        closed = TestClient(create_app(store, ApiSettings()))
        answer = closed.post("/api/ingest", json={"documents": [{"text": "x"}]},
                             headers={"Authorization": "Bearer anything"})
        assert answer.status_code == 403 and "EVENTWIRE_API_TOKEN" in answer.json()["message"]
        assert "access-control-allow-origin" not in closed.get(
            "/api/health", headers={"Origin": "https://a.example"}).headers
        shared = TestClient(create_app(store, ApiSettings(cors_origins=("https://a.example",))))
        headers = shared.get("/api/health", headers={"Origin": "https://a.example"}).headers
        assert headers["access-control-allow-origin"] == "https://a.example"
        small = TestClient(create_app(store, ApiSettings(max_limit=5)))
        assert small.get("/api/events", params={"limit": 6}).status_code == 422
        assert small.get("/api/events").json()["limit"] == 5
