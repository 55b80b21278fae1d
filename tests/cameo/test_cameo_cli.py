"""``eventwire cameo code`` and ``eventwire cameo check`` with the test dictionaries."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cameo import DictionaryError
from eventwire.cli.main import cli

from .dictionaries import write_all


def dictionary_args(folder: Path) -> list[str]:
    paths = write_all(folder)
    return ["--actors", str(paths["actors"]), "--agents", str(paths["agents"]),
            "--verbs", str(paths["verbs"]), "--discards", str(paths["discards"])]


def test_cli_cameo_code_prints_jsonl(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Freedonian police arrested Sylvanian students. It rained.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["cameo", "code", str(story), *dictionary_args(tmp_path)])
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in result.output.splitlines()]
    assert (row["source"], row["target"], row["code"], row["plover"]) == (
        "FRECOP", "SYLEDU", "173", "COERCE")


def test_cli_cameo_code_document_and_date(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["cameo", "code", "-", "--date", "1934-05-01", "--document",
              *dictionary_args(tmp_path)],
        input="Rufus Firefly denounced Sylvania.",
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["id"] == "stdin" and doc["events"][0]["type"] == "ACCUSE"
    assert {a["cameo"] for a in doc["actors"]} == {"FREGOV", "SYL"}


def test_cli_cameo_code_rejects_a_bad_date(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["cameo", "code", "-", "--date", "May 1",
                                      *dictionary_args(tmp_path)], input="x")
    assert result.exit_code == 2
    assert "is not a date YYYY-MM-DD" in result.output


def test_cli_cameo_check_lists_counts_and_issues(tmp_path: Path) -> None:
    args = dictionary_args(tmp_path)
    bad = tmp_path / "bad_agents.txt"
    bad.write_text("ISLAMIST_EXTREMIST\nMILITIA [~MIL]\n", encoding="utf-8")
    args[args.index("--agents") + 1] = str(bad)
    result = CliRunner().invoke(cli, ["cameo", "check", *args])
    assert result.exit_code == 0, result.output
    assert "verbs: 7 blocks" in result.output
    assert f"issue: {bad}:1: expected PHRASE" in result.output
    strict = CliRunner().invoke(cli, ["cameo", "check", *args, "--strict"])
    assert isinstance(strict.exception, DictionaryError)  # main() prints it and exits 2
    assert str(strict.exception).startswith(f"{bad}:1: expected PHRASE")
