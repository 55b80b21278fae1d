"""Schemathesis against the served OpenAPI spec: generated requests (valid and invalid) must
never crash the server, and every answer must match the spec (status, content type, body).

Bounded: a few dozen examples per operation and generation mode, all sent to the loopback
server of the fixture. One test per operation and mode, so a failure names the route.
(Schemathesis' own pytest loader cannot take a fixture-provided schema under this pytest, so
each test loads the served spec and asks Hypothesis for cases itself.)
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings

from tests.api.live import LiveServer

schemathesis = pytest.importorskip("schemathesis", reason="needs the dev extra")
api = pytest.importorskip("eventwire.api", reason="needs the api extra: pip install -e '.[api]'")
GenerationMode = schemathesis.GenerationMode

EXAMPLES = 25
SPEC: dict[str, Any] = api.create_app(None, api.ApiSettings(ui=False)).openapi()
CASES = [(method.upper(), path, mode)
         for path, methods in SPEC["paths"].items() for method, op in methods.items()
         for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
         # invalid requests need something to break: a query parameter or a body
         if mode == GenerationMode.POSITIVE or "requestBody" in op
         or any(p["in"] == "query" for p in op.get("parameters", []))]


def reversed_range(case: Any) -> bool:
    """since after until: valid per field, refused as a whole (a 400 that says so); the spec
    cannot express a constraint between two parameters."""
    query = case.query or {}
    since, until = query.get("since"), query.get("until")
    return isinstance(since, str) and isinstance(until, str) and since > until


@pytest.fixture(scope="module")
def served_schema(server: LiveServer) -> Any:
    return schemathesis.openapi.from_url(server.base + "/openapi.json")


@pytest.mark.parametrize(("method", "path", "mode"), CASES,
                         ids=[f"{m} {p} {'valid' if g.is_positive else 'invalid'}"
                              for m, p, g in CASES])
def test_api_conforms_to_its_openapi_spec(served_schema: Any, server: LiveServer, method: str,
                                          path: str, mode: Any) -> None:
    operation = served_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        if mode.is_positive:
            assume(not reversed_range(case))
        response = case.call(base_url=server.base)
        if not mode.is_positive and response.status_code in (413, 414):
            return  # an oversized body or URL is refused before it is parsed: a rejection too
        case.validate_response(response)

    check()
