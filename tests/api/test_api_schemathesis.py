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
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from eventwire.api import ApiSettings, create_app
from tests.api.live import LiveServer

EXAMPLES = 25
SPEC: dict[str, Any] = create_app(None, ApiSettings(ui=False)).openapi()  # type: ignore[arg-type]
OPERATIONS = [(method.upper(), path) for path, methods in SPEC["paths"].items()
              for method in methods]


@pytest.fixture(scope="module")
def served_schema(server: LiveServer) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(server.base + "/openapi.json")


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
                         ids=["valid", "invalid"])
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_api_conforms_to_its_openapi_spec(served_schema: schemathesis.BaseSchema,
                                          server: LiveServer, method: str, path: str,
                                          mode: GenerationMode) -> None:
    operation = served_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(base_url=server.base)

    check()
