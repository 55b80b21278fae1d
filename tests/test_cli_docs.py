"""docs/cli.md is the commands' own help text: regenerate it when a command changes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "gen_cli_reference.py"


def test_cli_docs_match_the_commands() -> None:
    spec = importlib.util.spec_from_file_location("gen_cli_reference", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.OUT.read_text(encoding="utf-8") == module.render(), (
        "docs/cli.md is stale: run `python tools/gen_cli_reference.py`"
    )
