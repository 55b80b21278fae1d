"""The published output schema matches the model."""

from __future__ import annotations

from eventwire.schema_export import SCHEMA_PATH, render_schema


def test_schema_docs_match_the_document_model() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), (
        "docs/schema/document.schema.json is stale: run `python -m eventwire.schema_export`"
    )


def test_schema_docs_describe_the_contract_fields() -> None:
    text = SCHEMA_PATH.read_text(encoding="utf-8")
    for field in ("reported_by", "evidence", "confidence", "granularity", "kb_id", "mentions"):
        assert f'"{field}"' in text
