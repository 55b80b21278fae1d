"""Write docs/cli.md from the commands' own --help texts (a test keeps them equal)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from eventwire.cli.main import cli

OUT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _walk(command: click.Command, path: list[str]) -> list[tuple[list[str], str]]:
    ctx = click.Context(
        command, info_name=" ".join(path), terminal_width=100, max_content_width=100
    )
    pages = [(path, command.get_help(ctx))]
    if isinstance(command, click.Group):
        for name in sorted(command.list_commands(ctx)):
            sub = command.get_command(ctx, name)
            if sub is not None:
                pages += _walk(sub, [*path, name])
    return pages


def render() -> str:
    lines = [
        "# Command-line reference",
        "",
        "Generated from `--help` by `python tools/gen_cli_reference.py`; "
        "`tests/test_cli_docs.py` checks it is current.",
        "",
    ]
    for path, text in _walk(cli, ["eventwire"]):
        lines += [f"## `{' '.join(path)}`", "", "```", text.rstrip(), "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"{OUT}\n")
