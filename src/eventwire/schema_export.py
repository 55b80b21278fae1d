"""The JSON Schema of the output document, as shipped in ``docs/schema/document.schema.json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.model import Document

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "schema" / "document.schema.json"


def document_schema() -> dict[str, Any]:
    schema = Document.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "eventwire document"
    return schema


def render_schema() -> str:
    return json.dumps(document_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_schema(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_schema())
